"""Stemming and typo tolerance, on both backends: Snowball stems in the database (hunspell in
Elasticsearch), typos expanded with Elasticsearch's rule (5+ letters one edit, 8+ two,
first letter fixed), phrases exact, prefixes past the stem, and «¿Quiso decir…?» agreeing
with the expansion."""

import pytest

from busqueda import correccion
from busqueda.backends.database import vocabulario
from busqueda.backends.database.esquema import PERSONAL
from busqueda.consulta import Consulta
from busqueda.resaltado import comparador_de_palabras
from busqueda.selectors import buscar, corregir

pytestmark = pytest.mark.django_db
POR_BASE_DE_DATOS = pytest.mark.parametrize("backend", ["database"], indirect=True)


@pytest.fixture
def escritos(crear, obras, indexar):
    e = {
        "escuela": crear(
            "Construcción de la escuela primaria",
            ["El comité solicita la pavimentación de la banqueta frente a la escuela."],
            area=obras,
        ),
        "fuga": crear("Fuga de agua", ["Una fuga en la colonia Centro."], area=obras),
    }
    indexar()
    return e


def encontrados(q, usuario):
    return {r.escrito_id for r in buscar(Consulta(q=q, por_pagina=100), usuario).resultados}


@pytest.mark.parametrize("q", ["solicitar", "solicitó", "solicito", "solicitamos", "solicitando"])
def test_las_formas_del_verbo_encuentran_el_escrito(escritos, archivista, q):
    assert escritos["escuela"].pk in encontrados(q, archivista)


@pytest.mark.parametrize("q", ["construccion", "COMITE", "pavimentacion", "Construcción"])
def test_sin_acentos_ni_mayusculas(escritos, archivista, q):
    assert escritos["escuela"].pk in encontrados(q, archivista)


@pytest.mark.parametrize(
    "q",
    [
        "escuala",  # 7 letters, one substitution
        "esceula",  # one transposition (Damerau)
        "contruccion",  # one deletion
    ],
)
def test_una_errata_en_palabras_largas_se_tolera(escritos, archivista, q):
    assert escritos["escuela"].pk in encontrados(q, archivista)


@pytest.mark.parametrize(
    "q",
    [
        "contruccon",  # 10 letters: two deletions
        "bamqueat",  # 8 letters: a substitution and a transposition
    ],
)
def test_dos_erratas_desde_ocho_letras(escritos, archivista, q):
    assert escritos["escuela"].pk in encontrados(q, archivista)


@pytest.mark.parametrize(
    "q",
    [
        "fuja",  # 4 letters: no edit allowed
        "ezcuola",  # 7 letters: two edits are too many
        "vscuela",  # the first letter is never edited
        "cxntruxxion",  # three edits
    ],
)
def test_sin_ampliacion_fuera_de_la_regla(escritos, archivista, q):
    assert encontrados(q, archivista) == set()


def test_la_palabra_exacta_sigue_encontrando_y_la_frase_es_exacta(escritos, archivista):
    assert encontrados("fuga", archivista) == {escritos["fuga"].pk}
    assert encontrados('"construcción de la escuela"', archivista) == {escritos["escuela"].pk}
    assert encontrados('"contruccion de la escuela"', archivista) == set()


@pytest.mark.parametrize("q", ["pavim*", "pavimentac*", "pavimentacion*", "esc*", "banquet*"])
def test_prefijos_aun_con_la_raiz_mas_corta(escritos, archivista, q):
    assert encontrados(q, archivista) == {escritos["escuela"].pk}


def test_el_visor_resalta_las_erratas_toleradas(escritos):
    coincide = comparador_de_palabras("contruccion escuala")
    assert coincide("Construcción") and coincide("escuela,")
    assert not coincide("fuga")
    assert comparador_de_palabras("pavimentac*")("pavimentación")


@POR_BASE_DE_DATOS
def test_la_sugerencia_concuerda_con_la_ampliacion(escritos, archivista):
    # within the tolerance: the suggestion is the closest expansion
    assert vocabulario.ampliar(PERSONAL.fts, "contruccion")[0] == "construccion"
    assert correccion.parecidas("contruccion", ["construccion"], 2) == ["construccion"]
    assert corregir(Consulta(q="contruccion"), archivista) == "construccion"
    # beyond it: nothing is found, and the suggestion reaches one edit further
    assert vocabulario.ampliar(PERSONAL.fts, "ezcuola") == []
    assert corregir(Consulta(q="ezcuola"), archivista) == "escuela"
    assert vocabulario.cercanas(PERSONAL.fts, "escuela") == []  # a known word


def test_la_regla_de_ediciones():
    assert [correccion.ediciones(p) for p in ("fuga", "fugas", "escuela", "banqueta")] == [
        0,
        1,
        1,
        2,
    ]
    assert correccion.ediciones("123456789") == 0
    assert correccion.distancia("esceula", "escuela", 1) == 1  # a transposition is one edit
    assert correccion.distancia("cxntruxxion", "construccion", 2) == 3  # beyond the bound
