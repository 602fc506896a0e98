"""The public anchors page and its downloads: what was signed, and nothing of the entries."""

import datetime as dt
import hashlib

import pytest
from asn1crypto import cms

from documentos.models import EntradaBitacora
from documentos.services import anclas, bitacora

pytestmark = pytest.mark.django_db

DIA = dt.date(2026, 11, 30)
SECRETO = "Turno confidencial a Tesorería del escrito de Juana Pérez"


@pytest.fixture
def ancla(sello):
    bitacora.registrar(EntradaBitacora.Accion.EDICION, SECRETO, ip="10.1.2.3")
    bitacora.registrar(EntradaBitacora.Accion.EDICION, "Otro cambio")
    return anclas.anclar(DIA)[0]


def test_the_page_lists_each_anchor_with_its_downloads(client, ancla):
    respuesta = client.get("/bitacora/anclas/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Anclas de la bitácora" in html
    assert '<time datetime="2026-11-30">' in html
    assert f"<td>{ancla.entradas}</td>" in html
    assert ancla.cabeza in html
    assert ancla.sello_serie in html
    assert 'href="/bitacora/anclas/2026-11-30/ancla.json"' in html
    assert 'href="/bitacora/anclas/2026-11-30/ancla.p7s"' in html
    for nada in (SECRETO, "Juana", "10.1.2.3", "Otro cambio"):
        assert nada not in html


def test_the_page_says_when_there_is_no_anchor_yet(client, db):
    respuesta = client.get("/bitacora/anclas/")
    assert "Aún no se ha publicado ninguna ancla." in respuesta.content.decode()


def test_the_downloads_are_the_signed_bytes_and_their_signature(client, ancla):
    carga = client.get("/bitacora/anclas/2026-11-30/ancla.json")
    assert carga.status_code == 200
    assert carga["Content-Type"] == "application/json"
    assert carga["Content-Disposition"] == 'attachment; filename="ancla-bitacora-2026-11-30.json"'
    assert carga.json() == ancla.carga
    firma = client.get("/bitacora/anclas/2026-11-30/ancla.p7s")
    assert firma["Content-Type"] == "application/pkcs7-signature"
    (firmante,) = cms.ContentInfo.load(firma.content)["content"]["signer_infos"]
    resumen = firmante["signed_attrs"].native
    (digest,) = [a["values"][0] for a in resumen if a["type"] == "message_digest"]
    assert digest == hashlib.sha256(carga.content).digest()


@pytest.mark.parametrize(
    "ruta", ["/bitacora/anclas/2026-11-29/ancla.json", "/bitacora/anclas/2026-02-31/ancla.p7s"]
)
def test_a_day_without_anchor_is_a_404(client, ancla, ruta):
    assert client.get(ruta).status_code == 404


def test_the_footer_links_to_the_anchors(client, db):
    assert 'href="/bitacora/anclas/"' in client.get("/avisos/legal/").content.decode()
