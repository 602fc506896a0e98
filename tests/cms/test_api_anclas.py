"""/api/bitacora/anclas/: the published anchors as JSON, documented in /api/esquema/."""

import datetime as dt

import pytest

from documentos.models import EntradaBitacora
from documentos.services import anclas, bitacora

pytestmark = pytest.mark.django_db


def test_the_api_lists_the_anchors_newest_first(client, sello):
    bitacora.registrar(EntradaBitacora.Accion.EDICION, "Datos del escrito de Juana Pérez")
    anclas.anclar(dt.date(2026, 11, 29))
    ultima = bitacora.registrar(EntradaBitacora.Accion.EDICION, "Otro")
    nuevo, _ = anclas.anclar(dt.date(2026, 11, 30))
    respuesta = client.get("/api/bitacora/anclas/")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/json"
    assert respuesta["Cache-Control"] == "public, max-age=300"
    datos = respuesta.json()
    assert [a["fecha"] for a in datos["anclas"]] == ["2026-11-30", "2026-11-29"]
    assert datos["anclas"][0] == {
        "fecha": "2026-11-30",
        "entradas": 2,
        "cabeza": ultima.hash,
        "ultima_id": ultima.pk,
        "sello_serie": format(sello.serial_number, "X"),
        "sello_emisor": sello.issuer.rfc4514_string(),
        "creada_en": nuevo.creada_en.isoformat(),
        "carga": "/bitacora/anclas/2026-11-30/ancla.json",
        "firma": "/bitacora/anclas/2026-11-30/ancla.p7s",
    }
    assert "Juana" not in respuesta.content.decode()
    assert client.post("/api/bitacora/anclas/").status_code == 405


def test_the_openapi_document_describes_the_anchors(client, db):
    esquema = client.get("/api/esquema/").json()
    operacion = esquema["paths"]["/api/bitacora/anclas/"]["get"]
    assert operacion["operationId"] == "anclas_bitacora"
    assert set(operacion["responses"]) == {"200", "400", "405"}
    ancla = esquema["components"]["schemas"]["Ancla"]
    assert ancla["properties"]["cabeza"]["pattern"] == "^[0-9a-f]{64}$"
    assert set(ancla["required"]) >= {"fecha", "entradas", "cabeza", "carga", "firma"}
