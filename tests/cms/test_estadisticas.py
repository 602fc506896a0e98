"""Statistics selectors (documentos.estadisticas), the page, downloads and the JSON API."""

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from cms.api_estadisticas import FIGURAS
from cms.estadisticas import figuras
from cms.filtros_estadisticas import FiltrosEstadisticasSerializer
from documentos import estadisticas as est
from tests.factories import AreaFactory, TemaFactory

from .datos import crear_escrito

pytestmark = pytest.mark.django_db
d = dt.date
JUNIO = est.Filtros(d(2025, 6, 1), d(2025, 6, 30))


@pytest.fixture
def escritos(obras, finanzas, tema_obras, tema_pagos, respondedor):
    """Six escritos in June 2025 (no holidays in Mexico that month) and one in 2024."""
    u = respondedor
    # Answered 2, 5 and 10 business days after reception (Mondays 2, 9 and 16 June).
    crear_escrito(
        d(2025, 6, 2),
        area=obras,
        tema=tema_obras,
        sexo="mujer",
        vence=d(2025, 6, 23),
        respuesta=d(2025, 6, 4),
        usuario=u,
    )
    crear_escrito(
        d(2025, 6, 2),
        area=obras,
        tema=tema_obras,
        sexo="mujer",
        vence=d(2025, 6, 6),
        respuesta=d(2025, 6, 9),
        sentido="negativa",
        usuario=u,
    )
    crear_escrito(
        d(2025, 6, 2),
        area=finanzas,
        tema=tema_pagos,
        sexo="hombre",
        vence=d(2025, 6, 23),
        respuesta=d(2025, 6, 16),
        sentido="parcial",
        usuario=u,
    )
    # Unanswered: one overdue, one reservado still within its term, one persona moral.
    crear_escrito(d(2025, 6, 10), area=obras, sexo="hombre", vence=d(2025, 6, 20))
    crear_escrito(
        d(2025, 6, 27),
        area=obras,
        tema=tema_obras,
        sexo="mujer",
        clasificacion="reservada",
        vence=d(2099, 1, 1),
    )
    crear_escrito(d(2025, 6, 27), area=finanzas, persona="moral", vence=d(2099, 1, 1))
    # Cancelled escritos never count; one from another year.
    crear_escrito(d(2025, 6, 3), area=obras, estado="cancelado")
    crear_escrito(d(2024, 6, 3), area=obras)


def test_counts_per_day_month_and_year(escritos):
    dias = dict(est.por_dia(JUNIO))
    assert len(dias) == 30 and dias[d(2025, 6, 2)] == 3 and dias[d(2025, 6, 27)] == 2
    assert dias[d(2025, 6, 3)] == 0  # the cancelled one
    assert est.total(JUNIO) == 6
    anual = est.comparativo_anual(est.Filtros(d(2025, 1, 1), d(2025, 8, 31)))
    assert anual[2025][5] == 6 and anual[2024][5] == 1
    assert anual[2025][8:] == [None, None, None, None]  # months not yet reached


def test_rankings_by_area_tema_and_sexo(escritos, obras):
    assert est.por_area(JUNIO) == [("Dirección de Obra Pública", 4), ("Secretaría de Finanzas", 2)]
    assert est.por_tema(JUNIO)[0] == ("Obras y servicios", 3)
    assert dict(est.por_sexo(JUNIO)) == {"mujer": 3, "hombre": 2, "otro": 0, "no_declara": 0}
    por_area = est.Filtros(JUNIO.desde, JUNIO.hasta, obras.pk)
    assert est.total(por_area) == 4


def test_response_time_in_business_days(escritos):
    tiempo = est.tiempo_respuesta(JUNIO)
    assert tiempo.respondidos == 3
    assert tiempo.mediana == 5
    assert tiempo.percentil_90 == 9.0  # 5 + 0.8 * (10 - 5)


def test_sentido_and_share_answered_on_time(escritos):
    assert dict(est.sentido(JUNIO)) == {
        "positiva": 1,
        "negativa": 1,
        "parcial": 1,
        "incompetencia": 0,
    }
    oportunidad = est.oportunidad(JUNIO, hoy=d(2025, 7, 1))
    assert (oportunidad.en_plazo, oportunidad.fuera_de_plazo) == (2, 1)
    assert (oportunidad.vencidos_sin_respuesta, oportunidad.pendientes_en_plazo) == (1, 2)
    assert oportunidad.porcentaje_en_plazo == 50.0


def test_page_shows_charts_with_tables_and_never_names(client, escritos, estadisticas_page):
    response = client.get("/transparencia/estadisticas/", {"desde": "2025-06", "hasta": "2025-06"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "del 1 de junio de 2025 al 30 de junio de 2025" in html
    # Six escritos: only the month figures have counts of five or more to draw; the others
    # say their figures are reserved (cms.secreto_estadistico).
    assert html.count('role="img"') == 3
    assert html.count("<table") >= 10
    assert html.count("Cifras reservadas") == 7
    assert "Dirección de Obra Pública" in html
    assert (
        "Persona Secreta" not in html and "Asunto confidencial" not in html and "T-2025" not in html
    )


def test_bad_period_shows_a_spanish_error_and_the_default_period(
    client, escritos, estadisticas_page
):
    response = client.get("/transparencia/estadisticas/", {"desde": "2025-07", "hasta": "2025-06"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "El mes «desde» debe ser anterior o igual al mes «hasta»." in html
    assert "Se muestran los datos del periodo por defecto." in html


def test_downloads_in_csv_json_and_xlsx(client, escritos, estadisticas_page):
    base = "/transparencia/estadisticas/datos/areas/"
    periodo = {"desde": "2025-06", "hasta": "2025-06"}
    filas = list(
        csv.reader(io.StringIO(client.get(base + "csv/", periodo).content.decode("utf-8-sig")))
    )
    # Four and two escritos: both under the threshold of five (cms.secreto_estadistico).
    assert filas == [
        ["área", "escritos"],
        ["Dirección de Obra Pública", "<5"],
        ["Secretaría de Finanzas", "<5"],
    ]
    datos = json.loads(client.get(base + "json/", periodo).content)
    assert datos["datos"][0] == {"área": "Dirección de Obra Pública", "escritos": "<5"}
    assert datos["filtros"] == {"desde": "2025-06-01", "hasta": "2025-06-30", "area_id": None}
    libro = load_workbook(io.BytesIO(client.get(base + "xlsx/", periodo).content))
    assert [c.value for c in libro.active[2]] == ["Dirección de Obra Pública", "<5"]
    assert client.get("/transparencia/estadisticas/datos/areas/pdf/").status_code == 404
    assert client.get("/transparencia/estadisticas/datos/nombres/csv/").status_code == 404


def test_json_api_lists_every_figure_with_cache_headers(client, escritos):
    response = client.get("/api/estadisticas/", {"desde": "2025-06", "hasta": "2025-06"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    cuerpo = response.json()
    assert cuerpo["filtros"] == {"desde": "2025-06-01", "hasta": "2025-06-30", "area_id": None}
    slugs = [f["figura"] for f in cuerpo["figuras"]]
    assert slugs == FIGURAS
    resumen = cuerpo["figuras"][0]["datos"]
    assert resumen[0] == {"indicador": "Escritos recibidos", "valor": 6}
    assert "Persona Secreta" not in response.content.decode()


def test_json_api_one_figure_and_bad_input(client, escritos, finanzas):
    ok = client.get(
        "/api/estadisticas/sexo/", {"desde": "2025-06", "hasta": "2025-06", "area": finanzas.pk}
    )
    # One persona física in that área: nothing of her or him is published.
    assert ok.json()["datos"][1] == {"sexo": "Hombre", "escritos": "<5", "porcentaje": "omitido"}
    assert ok.json()["filtros"]["area_id"] == finanzas.pk
    malo = client.get("/api/estadisticas/", {"desde": "ayer"})
    assert malo.status_code == 400
    assert malo.json()["errores"]["desde"] == [
        "Introduzca un mes válido, como AAAA-MM (por ejemplo, 2026-01)."
    ]
    no_existe = client.get("/api/estadisticas/no-existe/")
    assert no_existe.status_code == 404
    assert no_existe.json() == {"error": "No existe esa figura."}


def test_figures_are_cached_until_they_expire(escritos, settings):
    from django.core.cache import cache

    cache.clear()
    antes = figuras(JUNIO)[0].filas[0][1]
    crear_escrito(d(2025, 6, 5))
    assert figuras(JUNIO)[0].filas[0][1] == antes == 6
    cache.clear()
    assert figuras(JUNIO)[0].filas[0][1] == 7


def test_openapi_schema_documents_the_endpoints(client):
    response = client.get("/api/esquema/")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=3600"
    esquema = response.json()
    assert esquema["openapi"].startswith("3.1")
    assert esquema["info"]["title"] == "Folio: datos abiertos del portal"
    estadisticas = {p for p in esquema["paths"] if p.startswith("/api/estadisticas/")}
    assert estadisticas == {"/api/estadisticas/", "/api/estadisticas/{figura}/"}
    parametros = {
        p["name"]: p["schema"] for p in esquema["paths"]["/api/estadisticas/"]["get"]["parameters"]
    }
    assert (
        set(parametros)
        == set(FiltrosEstadisticasSerializer().fields)
        == {
            "desde",
            "hasta",
            "area",
        }
    )
    assert parametros["hasta"]["pattern"] == "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"
    respuestas = esquema["paths"]["/api/estadisticas/{figura}/"]["get"]["responses"]
    assert set(respuestas) == {"200", "400", "404", "405"}
    assert not any(p.startswith("/api/v2/") for p in esquema["paths"])


def _mes(fecha: dt.date, mas: int = 0) -> str:
    indice = fecha.year * 12 + fecha.month - 1 + mas
    return f"{indice // 12:04d}-{indice % 12 + 1:02d}"


@pytest.mark.parametrize(
    ("desde", "hasta", "inicio", "fin"),
    [
        ("2025-06", "2025-06", "2025-06-01", "2025-06-30"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2019-01", "2023-12", "2019-01-01", "2023-12-31"),  # 60 months: five years
        (None, "2025-06", "2024-07-01", "2025-06-30"),  # twelve months up to hasta
        ("2025-06", None, "2025-06-01", "hoy"),  # up to the current month, that is today
        (None, None, "hace 11 meses", "hoy"),  # the last twelve months
    ],
)
def test_the_period_is_whole_months(client, desde, hasta, inicio, fin):
    hoy = timezone.localdate()
    esperado = {
        "hoy": hoy.isoformat(),
        "hace 11 meses": _mes(hoy, -11) + "-01",
    }
    periodo = {k: v for k, v in {"desde": desde, "hasta": hasta}.items() if v}
    respuesta = client.get("/api/estadisticas/resumen/", periodo)
    assert respuesta.status_code == 200
    filtros = respuesta.json()["filtros"]
    assert filtros["desde"] == esperado.get(inicio, inicio)
    assert filtros["hasta"] == esperado.get(fin, fin)


@pytest.mark.parametrize(
    ("periodo", "campo", "mensaje"),
    [
        ({"hasta": "siguiente"}, "hasta", "El periodo no puede terminar después del mes actual"),
        (
            {"desde": "siguiente"},
            "__all__",
            "El mes «desde» debe ser anterior o igual al mes «hasta».",
        ),
        (
            {"desde": "2018-12", "hasta": "2023-12"},
            "__all__",
            "Elija un periodo de cinco años o menos.",
        ),
        (
            {"desde": "2025-06-01"},
            "desde",
            "Introduzca un mes válido, como AAAA-MM",
        ),  # days are not accepted any more
        ({"hasta": "2025-13"}, "hasta", "Introduzca un mes válido, como AAAA-MM"),
        ({"hasta": ""}, "hasta", "Introduzca un mes válido, como AAAA-MM"),
        ({"area": "obras"}, "area", "Introduzca un número entero."),
    ],
)
def test_bad_periods_get_a_spanish_message(client, periodo, campo, mensaje):
    siguiente = _mes(timezone.localdate(), 1)
    periodo = {k: siguiente if v == "siguiente" else v for k, v in periodo.items()}
    respuesta = client.get("/api/estadisticas/", periodo)
    assert respuesta.status_code == 400
    assert mensaje in " ".join(respuesta.json()["errores"][campo])


def test_the_page_refuses_a_future_month_and_shows_the_default_period(
    client, escritos, estadisticas_page
):
    hoy = timezone.localdate()
    respuesta = client.get("/transparencia/estadisticas/", {"hasta": _mes(hoy, 1), "area": ""})
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "El periodo no puede terminar después del mes actual" in html
    assert "Se muestran los datos del periodo por defecto." in html
    assert f'value="{_mes(hoy)}"' in html  # the default period's months in the form


def test_the_page_asks_for_months(client, estadisticas_page, obras):
    html = client.get("/transparencia/estadisticas/", {"area": obras.pk}).content.decode()
    assert html.count('type="month"') == 2
    assert "AAAA-MM" in html
    assert f'<option value="{obras.pk}" selected>' in html


def test_an_unknown_area_counts_nothing(client, escritos):
    respuesta = client.get(
        "/api/estadisticas/resumen/", {"desde": "2025-06", "hasta": "2025-06", "area": 999_999}
    )
    assert respuesta.status_code == 200
    assert respuesta.json()["datos"][0] == {"indicador": "Escritos recibidos", "valor": 0}


@pytest.fixture
def escritos_con_nombres_hostiles(respondedor):
    """Área and tema names are staff text: they reach the statistics tables as they are."""
    area = AreaFactory(nombre='=HYPERLINK("http://x")', siglas="HL")
    tema = TemaFactory(nombre="@SUMA(1;2)")
    for _ in range(6):  # above the threshold: the count is published
        crear_escrito(d(2025, 3, 4), area=area, tema=tema)


@pytest.mark.parametrize(
    ("figura", "nombre", "en_la_hoja"),
    [
        ("areas", '=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("temas", "@SUMA(1;2)", "'@SUMA(1;2)"),
    ],
)
def test_downloads_neutralise_staff_names(
    client, escritos_con_nombres_hostiles, estadisticas_page, figura, nombre, en_la_hoja
):
    from django.core.cache import cache

    cache.clear()
    base = f"/transparencia/estadisticas/datos/{figura}/"
    periodo = {"desde": "2025-03", "hasta": "2025-03"}
    cuerpo = client.get(base + "csv/", periodo).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(cuerpo)))[1] == [en_la_hoja, "6"]
    assert cuerpo.split("\r\n")[1] == '"' + en_la_hoja.replace('"', '""') + '",6'

    hoja = load_workbook(io.BytesIO(client.get(base + "xlsx/", periodo).content)).active
    nombre_celda, cuenta = hoja[2]
    assert nombre_celda.value == en_la_hoja and nombre_celda.data_type == "s"
    assert (cuenta.value, cuenta.data_type) == (6, "n")
    assert all(c.data_type != "f" for fila in hoja.iter_rows() for c in fila)
    # JSON is data, not a spreadsheet: the name stays exactly as the staff wrote it.
    datos = json.loads(client.get(base + "json/", periodo).content)["datos"]
    assert list(datos[0].values()) == [nombre, 6]


def test_xlsx_download_survives_control_characters(client, estadisticas_page, respondedor):
    from django.core.cache import cache

    cache.clear()
    area = AreaFactory(nombre="Obras\x0bPúblicas", siglas="CC")
    for _ in range(5):  # enough escritos for the área to be named
        crear_escrito(d(2025, 3, 4), area=area)
    response = client.get(
        "/transparencia/estadisticas/datos/areas/xlsx/",
        {"desde": "2025-03", "hasta": "2025-03"},
    )
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).active["A2"].value == "Obras Públicas"


@pytest.mark.parametrize("ruta", ["/api/estadisticas/", "/api/estadisticas/sexo/", "/api/esquema/"])
def test_other_methods_get_405_even_with_a_session(client, respondedor, ruta):
    client.force_login(respondedor)
    client.handler.enforce_csrf_checks = True
    respuesta = client.post(ruta)
    assert respuesta.status_code == 405
    assert respuesta.json() == {"error": "Método «POST» no permitido: use GET."}
