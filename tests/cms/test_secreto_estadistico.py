"""Statistical confidentiality of the public figures (cms.secreto_estadistico): the rules on
their own, then from the outside on the page, every download and the JSON API."""

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from cms.api_estadisticas import FIGURAS
from cms.estadisticas import Figura, Grafica
from cms.secreto_estadistico import Conteo, Medida
from tests.factories import AreaFactory, TemaFactory

from .datos import crear_escrito

pytestmark = pytest.mark.django_db


def _figura(filas, **opciones):
    return Figura("prueba", "Prueba", "", ["categoría", "escritos"], filas, **opciones).publicar()


def _valores(filas):
    return [fila[1] for fila in _figura(filas, particiones=(1,)).filas]


def test_small_counts_are_shown_as_under_five_and_zeros_stay():
    assert _valores([["a", Conteo(3)], ["b", Conteo(2)], ["c", Conteo(0)], ["d", Conteo(12)]]) == [
        "<5",
        "<5",
        0,
        12,
    ]


def test_a_single_hidden_count_hides_the_smallest_other_one_too():
    """Otherwise 3 = 24 - 9 - 12 by subtraction from the published total."""
    assert _valores([["a", Conteo(3)], ["b", Conteo(9)], ["c", Conteo(12)]]) == [
        "<5",
        "omitido",
        12,
    ]
    # Not a partition (rows of different measures): no complement is needed.
    figura = _figura([["total", Conteo(3)], ["respondidos", Conteo(9)]])
    assert [f[1] for f in figura.filas] == ["<5", 9]


def test_fewer_than_five_in_all_publishes_no_count_not_even_zeros():
    """One woman's escrito: `0` men would tell who she is."""
    assert (
        _valores([["mujer", Conteo(1)], ["hombre", Conteo(0)], ["otro", Conteo(0)]]) == ["<5"] * 3
    )


def test_measures_from_fewer_than_five_escritos_and_hidden_percentages_are_omitted():
    figura = Figura(
        "prueba",
        "Prueba",
        "",
        ["categoría", "escritos", "porcentaje"],
        [
            ["a", Conteo(3), Medida(20.0, 15)],
            ["b", Conteo(12), Medida(80.0, 15)],
            ["mediana", Medida(4.5, 4), None],
            ["percentil", Medida(7.0, 5), None],
            ["sin datos", Medida(None, 0), None],
        ],
        particiones=(1,),
        porcentajes={2: 1},
    ).publicar()
    assert figura.filas == [
        ["a", "<5", "omitido"],
        ["b", "omitido", "omitido"],
        ["mediana", "omitido", None],
        ["percentil", 7.0, None],
        ["sin datos", None, None],
    ]


def test_a_column_with_its_total_row():
    filas = [
        ["ene", Conteo(2), Conteo(30)],
        ["feb", Conteo(1), Conteo(0)],
        ["Total", Conteo(3), Conteo(30)],
    ]
    figura = Figura(
        "x", "x", "", ["mes", "2025", "2026"], filas, particiones=(1, 2), fila_total=2
    ).publicar()
    assert figura.filas == [["ene", "<5", 30], ["feb", "<5", 0], ["Total", "<5", 30]]


def test_rankings_put_hidden_rows_last_and_hide_every_name_when_they_are_few():
    filas = [
        ["Obras", Conteo(20)],
        ["Agua", Conteo(9)],
        ["Denuncias", Conteo(3)],
        ["Catastro", Conteo(6)],
    ]
    figura = _figura(filas, particiones=(1,), ordenada=True)
    assert figura.filas == [
        ["Obras", 20],
        ["Agua", 9],
        ["Catastro", "omitido"],
        ["Denuncias", "<5"],
    ]
    pocos = _figura(
        [["Denuncias", Conteo(2)], ["Agua", Conteo(1)]], particiones=(1,), ordenada=True
    )
    assert pocos.filas == [["Todas (cifras reservadas)", "<5"]]


def test_charts_draw_nothing_for_hidden_counts():
    figura = Figura(
        "x",
        "x",
        "",
        ["cat", "n"],
        [["a", Conteo(3)], ["b", Conteo(9)], ["c", Conteo(12)]],
        Grafica("barras", None, [1]),
        particiones=(1,),
    ).publicar()
    barras = {i["completa"]: (i["ancho"], i["valor"]) for i in figura.grafica["items"]}
    assert barras["a"] == (0, "<5") and barras["b"] == (0, "omitido")
    assert barras["c"][0] > 0
    assert _figura([["a", Conteo(1)]], grafica=Grafica("barras", None, [1])).grafica is None


# --- from the outside ---------------------------------------------------------------------

DENUNCIA = "Denuncia contra servidores públicos"


@pytest.fixture
def denuncia_sola(respondedor):
    """One confidential denuncia alone in the Contraloría on 14 March 2025, among others."""
    contraloria = AreaFactory(nombre="Contraloría Municipal", siglas="CM")
    obras = AreaFactory(nombre="Obras Públicas", siglas="OBP")
    tema = TemaFactory(nombre=DENUNCIA)
    crear_escrito(
        dt.date(2025, 3, 14),
        area=contraloria,
        tema=tema,
        sexo="mujer",
        clasificacion="confidencial",
        vence=dt.date(2025, 4, 4),
        respuesta=dt.date(2025, 3, 20),
        usuario=respondedor,
    )
    for dia in range(3, 28, 3):
        crear_escrito(dt.date(2025, 3, dia), area=obras, sexo="hombre")
    return contraloria


def _periodo(area):
    return {"desde": "2025-03", "hasta": "2025-03", "area": area.pk}


def test_no_public_output_tells_anything_of_one_persons_escrito(
    client, denuncia_sola, estadisticas_page
):
    periodo = _periodo(denuncia_sola)
    publicado = [client.get("/transparencia/estadisticas/", periodo).content.decode()]
    publicado.append(client.get("/api/estadisticas/", periodo).content.decode())
    base = "/transparencia/estadisticas/datos"
    for figura in FIGURAS:
        publicado.append(client.get(f"/api/estadisticas/{figura}/", periodo).content.decode())
        for formato in ("csv", "json"):
            publicado.append(
                client.get(f"{base}/{figura}/{formato}/", periodo).content.decode("utf-8-sig")
            )
        hoja = load_workbook(io.BytesIO(client.get(f"{base}/{figura}/xlsx/", periodo).content))
        publicado.append(json.dumps([[c.value for c in f] for f in hoja.active.iter_rows()]))
    todo = "\n".join(publicado)
    assert DENUNCIA not in todo  # her tema
    for figura in json.loads(publicado[1])["figuras"]:
        for fila in figura["datos"]:
            cuentas = [v for k, v in fila.items() if k in ("escritos", "valor", "porcentaje")]
            # Nothing that is a number: every count and measure of her is hidden.
            assert not [v for v in cuentas if isinstance(v, int | float)], (figura["figura"], fila)
    sexo_csv = client.get(f"{base}/sexo/csv/", periodo).content.decode("utf-8-sig")
    sexo = list(csv.reader(io.StringIO(sexo_csv)))
    assert sexo[1:] == [
        ["Mujer", "<5", "omitido"],
        ["Hombre", "<5", "omitido"],
        ["Otro", "<5", "omitido"],
        ["No declara", "<5", "omitido"],
    ]


def test_the_statistics_page_explains_the_rule(client, estadisticas_page):
    html = client.get("/transparencia/estadisticas/").content.decode()
    assert "Protección de las personas" in html
    assert "se publica como «&lt;5»" in html
    assert "no pueda deducirse por resta" in html
