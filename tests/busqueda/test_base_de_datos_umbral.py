"""The database backend past its counting threshold (settings.BUSQUEDA_UMBRAL_CUENTA): the
total is a flagged minimum, shown as «más de N», and pages past it still answer; the
relevance page without filters nor scope comes from FTS5 alone, in the joined order."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from busqueda.backends.database.esquema import PERSONAL
from busqueda.consulta import Consulta
from busqueda.selectors import buscar

pytestmark = pytest.mark.parametrize("backend", ["database"], indirect=True)


@pytest.fixture
def doce(crear, obras, finanzas, indexar):
    escritos = [
        crear(
            f"Bacheo número {i}" + (" bacheo" * (i % 3)),
            [f"Página con bacheo {i}."],
            area=obras if i % 2 else finanzas,
        )
        for i in range(12)
    ]
    indexar()
    return escritos


def _ids(resultados):
    return [r.escrito_id for r in resultados.resultados]


def test_bajo_el_umbral_la_cuenta_es_exacta(doce, archivista, settings):
    settings.BUSQUEDA_UMBRAL_CUENTA = 100
    resultados = buscar(Consulta(q="bacheo"), archivista)
    assert (resultados.total, resultados.aproximado) == (len(doce), False)


def test_sobre_el_umbral_el_total_es_un_minimo(doce, archivista, settings):
    settings.BUSQUEDA_UMBRAL_CUENTA = 5
    resultados = buscar(Consulta(q="bacheo", por_pagina=4), archivista)
    assert (resultados.total, resultados.aproximado) == (5, True)
    reales = Counter(e.area_responsable_id for e in doce)
    for valor in resultados.facetas["area"]:
        assert 0 < valor.cuenta <= reales[int(valor.valor)]
    sin_facetas = buscar(Consulta(q="bacheo", facetas=False), archivista)
    assert (sin_facetas.total, sin_facetas.aproximado) == (5, True)
    # the pages past the threshold still answer, without repeats
    vistos = []
    for pagina in range(1, 4):
        consulta = Consulta(q="bacheo", orden="recientes", pagina=pagina, por_pagina=4)
        vistos += _ids(buscar(consulta, archivista))
    assert sorted(vistos) == sorted(e.pk for e in doce)
    # by relevance, only the 5 most recent matches are ranked (SQLite: the newest ids)
    relevantes = _ids(buscar(Consulta(q="bacheo", por_pagina=100), archivista))
    clave = (lambda e: e.pk) if connection.vendor == "sqlite" else (lambda e: (e.recibido_en, e.pk))
    recientes = sorted(doce, key=clave, reverse=True)[:5]
    assert sorted(relevantes) == sorted(e.pk for e in recientes)
    # ... and ranked: the one that says «bacheo» most often comes first
    veces = {e.pk: i % 3 for i, e in enumerate(doce)}
    assert veces[relevantes[0]] == max(veces[e.pk] for e in recientes)


def test_la_pantalla_y_la_api_dicen_mas_de(doce, archivista, client, settings):
    settings.BUSQUEDA_UMBRAL_CUENTA = 5
    client.force_login(archivista)
    html = client.get("/admin/busqueda/", {"q": "bacheo"}).content.decode()
    assert "Más de 5 escritos" in html
    datos = client.get("/api/busqueda/interna/", {"q": "bacheo"}).json()
    assert (datos["total"], datos["aproximado"]) == (5, True)
    settings.BUSQUEDA_UMBRAL_CUENTA = 100
    html = client.get("/admin/busqueda/", {"q": "bacheo"}).content.decode()
    assert "Más de" not in html and f"{len(doce)} escritos" in html
    assert client.get("/api/busqueda/interna/", {"q": "bacheo"}).json()["aproximado"] is False


@pytest.mark.parametrize("q", ["bacheo", "bacheu", "bacheo OR numero"])
def test_relevancia_sin_filtros_sin_leer_las_filas_y_en_el_mismo_orden(doce, archivista, q):
    if connection.vendor != "sqlite":
        pytest.skip("bm25 de FTS5: solo SQLite")
    tabla = PERSONAL.modelo._meta.db_table
    with CaptureQueriesContext(connection) as capturadas:
        solo_fts = buscar(Consulta(q=q, por_pagina=100), archivista)
    paginas = [c["sql"] for c in capturadas.captured_queries if "bm25(" in c["sql"]]
    assert paginas and all(tabla not in sql for sql in paginas)
    # a filter that keeps every row joins the rows: same order, same scores
    unidas = buscar(Consulta(q=q, recibido_desde=date(2000, 1, 1), por_pagina=100), archivista)
    assert _ids(solo_fts) and _ids(solo_fts) == _ids(unidas)
    assert [r.puntuacion for r in solo_fts.resultados] == [r.puntuacion for r in unidas.resultados]


@pytest.mark.postgres
@pytest.mark.parametrize("umbral", [5, 100])
@pytest.mark.parametrize("orden", ["relevancia", "recientes"])
def test_postgresql_lee_las_coincidencias_una_vez(
    doce, archivista, settings, monkeypatch, umbral, orden
):
    """Total, facets and page come from one read of the matching rows, and say what the
    two statements (count and facets, then the page) say."""
    from busqueda.backends.database import consulta as consulta_bd

    settings.BUSQUEDA_UMBRAL_CUENTA = umbral
    consulta = Consulta(q="bacheo", orden=orden, por_pagina=4)
    with CaptureQueriesContext(connection) as capturadas:
        una = buscar(consulta, archivista)
    assert sum("@@" in q["sql"] for q in capturadas.captured_queries) == 1
    monkeypatch.setattr(consulta_bd, "en_una_pasada", lambda consulta: False)
    with CaptureQueriesContext(connection) as capturadas:
        dos = buscar(consulta, archivista)
    assert sum("@@" in q["sql"] for q in capturadas.captured_queries) == 2
    assert (una.total, una.aproximado, _ids(una)) == (dos.total, dos.aproximado, _ids(dos))
    areas = {v.valor: v.cuenta for v in una.facetas["area"]}
    if umbral > len(doce):
        assert areas == {v.valor: v.cuenta for v in dos.facetas["area"]}
    else:  # past the threshold: the counts of the newest N + 1 matches
        recientes = sorted(doce, key=lambda e: (e.recibido_en, e.pk), reverse=True)[: umbral + 1]
        reales = Counter(str(e.area_responsable_id) for e in recientes)
        assert areas == dict(reales)
