"""The archivist search screen: applied filters as removable chips, «¿Quiso decir…?» from
the indexed words (corregir, on both backends) and «Más como este» alone."""

import pytest

from busqueda.consulta import Consulta
from busqueda.selectors import buscar, corregir
from documentos.models import Escrito

pytestmark = pytest.mark.django_db
URL = "/admin/busqueda/"


@pytest.fixture
def corpus(crear, obras, finanzas, tema_obras, indexar):
    escritos = {
        "escuela": crear(
            "Construcción de la escuela primaria",
            ["Licencia de construcción para la escuela"],
            area=obras,
            tema=tema_obras,
        ),
        "escuela_2": crear(
            "Construcción de escuelas rurales",
            ["Presupuesto de construcción de escuelas"],
            area=obras,
            tipo=Escrito.Tipo.QUEJA,
        ),
        "agua": crear("Fuga de agua potable", ["Reporte de fuga en la colonia"], area=finanzas),
    }
    indexar()
    return escritos


def test_applied_filters_are_chips_that_each_remove_one_filter(
    client, archivista, corpus, tema_obras
):
    client.force_login(archivista)
    html = client.get(
        URL,
        {"q": "construccion", "tipo": "peticion", "tema": tema_obras.pk, "pagina": 1},
    ).content.decode()
    assert 'aria-label="Filtros aplicados"' in html
    assert "Tipo: Petición" in html and "Tema: Obras y servicios" in html
    assert f'href="?q=construccion&amp;tema={tema_obras.pk}"' in html  # without the tipo
    assert 'href="?q=construccion&amp;tipo=peticion"' in html  # without the tema
    assert 'href="?q=construccion">Quitar todos los filtros' in html
    año = client.get(
        URL, {"q": "construccion", "recibido_desde": "2026-01-01", "recibido_hasta": "2026-12-31"}
    ).content.decode()
    assert "Año de recepción: 2026" in año and 'href="?q=construccion"' in año
    assert "Filtros aplicados" not in client.get(URL, {"q": "construccion"}).content.decode()


def test_corregir_proposes_a_close_indexed_word_that_finds_something(
    backend, corpus, archivista, staff_finanzas
):
    # two letters off a word shorter than 8: beyond fuzzy matching (AUTO:5,8) too
    consulta = Consulta(q="construccion esela")
    assert buscar(consulta, archivista).total == 0
    assert corregir(consulta, archivista) == "construccion escuela"
    assert corregir(Consulta(q="Contrución"), archivista) == "construccion"
    # finanzas cannot see the obras escritos: their words are never suggested to it
    assert corregir(Consulta(q="contrucion"), staff_finanzas) is None
    assert corregir(Consulta(q="zzzzzz"), archivista) is None


def test_quiso_decir_on_the_screen_keeps_the_filters(client, archivista, corpus):
    client.force_login(archivista)
    html = client.get(URL, {"q": "esela", "area": corpus["escuela"].area_responsable_id})
    texto = html.content.decode()
    assert "¿Quiso decir" in texto
    area = corpus["escuela"].area_responsable_id
    assert f'href="?q=escuela&amp;area={area}"><strong>escuela</strong></a>?' in texto
    encontrado = client.get(URL, {"q": "construccion"}).content.decode()
    assert "¿Quiso decir" not in encontrado


def test_mas_como_este_lists_only_the_similar_escritos(client, archivista, corpus):
    client.force_login(archivista)
    html = client.get(URL, {"q": "construccion", "similar": corpus["escuela"].pk}).content.decode()
    assert "Escritos parecidos" in html
    assert corpus["escuela_2"].folio in html
    assert "busqueda-lista" not in html  # not the search's results again
    assert corpus["agua"].folio not in html
    assert 'href="?q=construccion">Volver a los resultados de la búsqueda' in html
