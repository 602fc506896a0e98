"""The public satisfaction figures: per área and per servicio, small counts suppressed, in
the page, the downloads, the JSON API and the OpenAPI document."""

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from atencion import services
from atencion import services_encuestas as se
from atencion.models import RespuestaEncuesta, Sede, Servicio
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
JUNIO = {"desde": "2025-06", "hasta": "2025-06"}


@pytest.fixture
def encuestas(db):
    """Tesorería 6 answers (avg 4.0), Catastro 5 (avg 3.0), Obras 2: in June 2025."""
    sede = Sede.objects.create(nombre="Centro", slug="centro")
    version = se.version_vigente()
    en_junio = timezone.make_aware(dt.datetime(2025, 6, 10, 12))
    for letra, area, notas in (
        ("A", "Tesorería", (4, 4, 5, 5, 3, 3)),
        ("B", "Catastro", (3, 3, 3, 3, 3)),
        ("C", "Obras", (1, 2)),
    ):
        servicio = Servicio.objects.create(
            sede=sede, nombre=f"Servicio de {area}", prefijo=letra, area=AreaFactory(nombre=area)
        )
        for nota in notas:
            ficha = services.tomar_ficha(servicio)
            respuesta = RespuestaEncuesta.objects.create(
                version=version,
                ficha=ficha,
                satisfaccion=nota,
                valores={"satisfaccion": nota, "comentario": "Texto privado XYZ"},
                sede=sede,
                servicio=servicio,
                area=servicio.area,
            )
            RespuestaEncuesta.objects.filter(pk=respuesta.pk).update(respondida_en=en_junio)


def test_satisfaction_per_area_suppresses_small_counts(client, encuestas):
    datos = client.get("/api/estadisticas/satisfaccion-por-area/", JUNIO).json()
    assert datos["titulo"] == "Satisfacción por área"
    assert datos["datos"] == [
        {"área": "Tesorería", "respuestas": 6, "satisfacción promedio": 4.0},
        # 5 answers: its count could reveal Obras' by subtraction, so it is omitted too.
        {"área": "Catastro", "respuestas": "omitido", "satisfacción promedio": 3.0},
        {"área": "Obras", "respuestas": "<5", "satisfacción promedio": "omitido"},
    ]
    servicio = client.get("/api/estadisticas/satisfaccion-por-servicio/", JUNIO).json()
    assert servicio["datos"][0] == {
        "servicio": "Servicio de Tesorería",
        "respuestas": 6,
        "satisfacción promedio": 4.0,
    }
    assert "Texto privado" not in json.dumps(datos) + json.dumps(servicio)


def test_the_figure_is_on_the_page_downloads_and_openapi(client, encuestas, estadisticas_page):
    pagina = client.get("/transparencia/estadisticas/", JUNIO).content.decode()
    assert "Satisfacción por área" in pagina and "Satisfacción por servicio" in pagina
    assert "Texto privado" not in pagina
    base = "/transparencia/estadisticas/datos/satisfaccion-por-area/"
    texto = client.get(base + "csv/", JUNIO).content.decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(texto)))
    assert filas[0] == ["área", "respuestas", "satisfacción promedio"]
    assert filas[3] == ["Obras", "<5", "omitido"]
    libro = load_workbook(io.BytesIO(client.get(base + "xlsx/", JUNIO).content))
    assert [c.value for c in libro.active[2]][:2] == ["Tesorería", 6]
    esquema = client.get("/api/esquema/").json()
    figura = esquema["paths"]["/api/estadisticas/{figura}/"]["get"]["parameters"]
    (enum,) = [p["schema"]["enum"] for p in figura if p["name"] == "figura"]
    assert {"satisfaccion-por-area", "satisfaccion-por-servicio"} <= set(enum)


def test_an_area_filter_counts_only_its_answers(client, encuestas):
    from documentos.models import Area

    tesoreria = Area.objects.get(nombre="Tesorería")
    datos = client.get(
        "/api/estadisticas/satisfaccion-por-area/", {**JUNIO, "area": tesoreria.pk}
    ).json()
    assert datos["datos"] == [{"área": "Tesorería", "respuestas": 6, "satisfacción promedio": 4.0}]
