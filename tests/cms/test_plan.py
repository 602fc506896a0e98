import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError

from atencion.models import Actividad
from cms.cronograma import cronograma, leer_plan
from tests import pdfs
from tests.factories import TEXTOS_HOSTILES, imagen_en_disco

pytestmark = pytest.mark.django_db


def test_latest_seguimiento_by_date_sets_the_avance(plan):
    datos = leer_plan(plan, hoy=dt.date(2026, 5, 15))
    mapa, monitoreo = datos.componentes[0].actividades
    assert (mapa.avance, mapa.estado) == (100, "concluida")
    assert (monitoreo.avance, monitoreo.estado) == (0, "en_curso")
    assert datos.componentes[0].avance == 50
    assert datos.componentes[1].avance == 50
    assert datos.avance == 50  # mean of the three actividades: (100 + 0 + 50) / 3


def test_actividad_past_its_end_and_unfinished_is_late(plan):
    licencia = leer_plan(plan, hoy=dt.date(2026, 7, 1)).componentes[1].actividades[0]
    assert licencia.estado == "vencida"
    assert str(licencia.estado_texto) == "Con retraso"


def test_cronograma_bars_follow_the_dates(plan):
    datos = leer_plan(plan, hoy=dt.date(2026, 7, 1))
    geo = cronograma(datos)
    assert [m["etiqueta"] for m in geo["meses"]][:3] == ["ene 2026", "feb", "mar"]
    barras = [f for f in geo["filas"] if f["tipo"] == "actividad"]
    mapa, monitoreo, licencia = barras
    assert mapa["x"] == geo["etiqueta_ancho"]  # starts on 1 January
    assert monitoreo["x"] + monitoreo["ancho"] == pytest.approx(geo["fin_x"], abs=0.2)
    assert mapa["avance_ancho"] == mapa["ancho"]  # 100 %
    assert licencia["avance_ancho"] == pytest.approx(licencia["ancho"] / 2, abs=0.1)
    assert geo["etiqueta_ancho"] < geo["hoy_x"] < geo["fin_x"]


def test_actividad_ending_before_it_starts_is_refused(obras):
    actividad = Actividad(
        nombre="X",
        meta="M",
        area_responsable=obras,
        inicio=dt.date(2026, 5, 1),
        fin=dt.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        actividad.full_clean()
    assert list(error.value.message_dict) == ["fin"]
    assert "anterior a la de inicio" in error.value.message_dict["fin"][0]


def test_plan_page_renders_progress_cronograma_and_tables(client, plan):
    html = client.get("/transparencia/plan/").content.decode()
    assert 'role="progressbar"' in html and 'aria-valuenow="50"' in html
    assert '<svg class="cronograma"' in html and "Cronograma del plan 2026" in html
    assert "Mapa de riesgos" in html and "Dirección de Obra Pública" in html
    # SVG coordinates are never localised with decimal commas.
    svg = html[html.index('<svg class="cronograma"') : html.index("</svg>")]
    assert not any("," in valor for valor in _atributos(svg, "width"))


def _atributos(svg: str, nombre: str) -> list[str]:
    import re

    return re.findall(rf'\s{nombre}="([^"]*)"', svg)


def test_plan_exports_csv(client, plan):
    response = client.get("/transparencia/plan/exportar/csv/")
    assert response["Content-Type"].startswith("text/csv")
    filas = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [f["actividad"] for f in filas] == [
        "Mapa de riesgos",
        "Monitoreo de controles",
        "Licencia en línea",
    ]
    assert filas[0]["responsable"] == "Dirección de Obra Pública"
    assert filas[0]["avance_porcentaje"] == "100"
    assert filas[2]["fecha_fin"] == "2026-06-30"


def test_plan_exports_pdf(client, plan):
    response = client.get("/transparencia/plan/exportar/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "plan-anticorrupcion-2026.pdf" in response["Content-Disposition"]


def test_plan_api_has_the_componentes_and_the_progress(client, plan):
    response = client.get("/api/v2/pages/", {"type": "cms.PlanAnticorrupcionPage", "fields": "*"})
    item = response.json()["items"][0]
    assert item["vigencia"] == 2026
    assert [c["componente"] for c in item["resumen_avance"]] == [
        "Gestión del riesgo de corrupción",
        "Racionalización de trámites",
    ]
    assert item["componentes"][0]["value"]["actividades"][0]["actividad"] == "Mapa de riesgos"


@pytest.mark.parametrize("texto", TEXTOS_HOSTILES)
def test_plan_pdf_shows_editor_text_literally(client, plan_con_texto, texto):
    plan_con_texto(texto)
    response = client.get("/transparencia/plan/exportar/pdf/")
    assert response.status_code == 200
    # Title, componente heading, actividad, meta, indicador and responsable.
    assert pdfs.texto(response.content).count(pdfs.sin_espacios(texto)) == 6
    assert pdfs.imagenes(response.content) == 0
    assert pdfs.anotaciones(response.content) == []


def test_plan_pdf_never_embeds_a_server_file(client, plan_con_texto, tmp_path):
    texto = imagen_en_disco(tmp_path)
    plan_con_texto(texto)
    response = client.get("/transparencia/plan/exportar/pdf/")
    assert response.status_code == 200
    assert pdfs.imagenes(response.content) == 0
    assert pdfs.sin_espacios(texto) in pdfs.texto(response.content)


@pytest.mark.parametrize(
    ("texto", "en_la_hoja"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUMA(A1)", "'@SUMA(A1)"),
        ("Revisar;=1+1", "Revisar;=1+1"),  # quoted: a ';' list separator cannot split it
        ("Meta\n=1+1", "Meta\n'=1+1"),  # importers that split quoted lines see no formula
    ],
)
def test_plan_csv_neutralises_formulas(client, plan_con_texto, texto, en_la_hoja):
    plan_con_texto(texto)
    cuerpo = client.get("/transparencia/plan/exportar/csv/").content.decode("utf-8-sig")
    (fila,) = list(csv.DictReader(io.StringIO(cuerpo)))
    for campo in ("componente", "actividad", "meta_producto", "indicador", "responsable"):
        assert fila[campo] == en_la_hoja
    assert fila["avance_porcentaje"] == "40"
    linea = cuerpo.split("\r\n")[1]
    assert linea.startswith('"' + en_la_hoja.replace('"', '""') + '","1.1",')  # text quoted
    assert ",40," in linea  # numbers are not
