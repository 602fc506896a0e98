"""What differs between the database vendors: FTS5 on SQLite, a weighted tsvector with a GIN
index on PostgreSQL (marker `postgres`). The contract suite covers the shared behaviour."""

import re

import pytest
from django.db import connection

from busqueda.consulta import Consulta
from busqueda.models import DocumentoBusqueda
from busqueda.selectors import buscar
from busqueda.texto import indexable
from documentos.models import Escrito, VersionPublica
from tests.factories import version_aprobada

POR_BASE_DE_DATOS = pytest.mark.parametrize("backend", ["database"], indirect=True)


@POR_BASE_DE_DATOS
@pytest.mark.postgres
def test_postgres_tsvector_con_pesos_e_indice_gin(backend, crear, indexar, archivista):
    escrito = crear("Bacheo en avenida", ["Hoyos profundos."], remitente="Heriberto Quiñones")
    indexar()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'busqueda_documento_vector_gin'"
        )
        (definicion,) = cursor.fetchone()
        cursor.execute(
            "SELECT vector::text FROM busqueda_documentobusqueda WHERE escrito_id = %s",
            [escrito.pk],
        )
        (vector,) = cursor.fetchone()
    assert "gin" in definicion.lower()
    pesos = dict(re.findall(r"'(\w+)':\d+([ABC]?)", vector))
    assert pesos["bache"] == "A" and pesos["hoy"] == "B"
    assert pesos["quinon"] == ""  # the remitente carries weight D (printed without a letter)
    assert buscar(Consulta(q="quinones"), None).total == 0  # the public store has no remitente
    assert buscar(Consulta(q="quinones"), archivista).total == 1


@POR_BASE_DE_DATOS
@pytest.mark.postgres
def test_postgres_almacen_publico_con_su_indice_gin(backend, crear, indexar):
    escrito = crear("Bacheo en avenida", [], remitente="Heriberto Quiñones", publicado=False)
    version_aprobada(escrito, ["Hoyos profundos frente al número 12."], asunto="Bacheo")
    Escrito.objects.filter(pk=escrito.pk).update(publicado=True)
    indexar()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'busqueda_publico_vector_gin'"
        )
        (definicion,) = cursor.fetchone()
        cursor.execute(
            "SELECT vector::text FROM busqueda_documentopublicobusqueda WHERE escrito_id = %s",
            [escrito.pk],
        )
        (vector,) = cursor.fetchone()
    assert "gin" in definicion.lower() and "busqueda_documentopublicobusqueda" in definicion
    pesos = dict(re.findall(r"'(\w+)':\d+([ABC]?)", vector))
    assert pesos["bache"] == "A" and pesos["hoy"] == "B" and "quinon" not in pesos


@POR_BASE_DE_DATOS
def test_sqlite_fts5_publico_sin_remitente(backend, crear, indexar):
    if connection.vendor != "sqlite":
        pytest.skip("solo SQLite")
    escrito = crear("Construcción de banquetas", [], remitente="Heriberto Quiñones")
    VersionPublica.objects.filter(escrito=escrito).delete()
    version_aprobada(escrito, ["Solicitudes de [testado]."], asunto="Banquetas", anunciar=False)
    indexar()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM busqueda_fts_publico WHERE rowid = %s", [escrito.pk])
        columnas = [c[0] for c in cursor.description]
        fila = cursor.fetchone()
    assert columnas == ["principal", "contenido"]  # no remitente column at all
    assert fila == (indexable(f"{escrito.folio} Banquetas"), indexable("Solicitudes de [testado]."))


@POR_BASE_DE_DATOS
def test_sqlite_fts5_guarda_el_texto_analizado(backend, crear, indexar):
    if connection.vendor != "sqlite":
        pytest.skip("solo SQLite")
    escrito = crear("Construcción de banquetas", ["Solicitudes de los vecinos."])
    indexar()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT principal, contenido FROM busqueda_fts WHERE rowid = %s", [escrito.pk]
        )
        principal, contenido = cursor.fetchone()
    assert "construccion banquet" in principal
    assert contenido == "solicitud vecin"
    assert DocumentoBusqueda.objects.get(pk=escrito.pk).vector is None


@POR_BASE_DE_DATOS
@pytest.mark.parametrize(
    "tabla", ["busqueda_documentobusqueda", "busqueda_documentopublicobusqueda"]
)
def test_sqlite_la_clave_es_el_rowid_y_las_filas_no_copian_el_texto(backend, tabla, db):
    """The FTS5 rowid joins the rows on their INTEGER PRIMARY KEY (no index in between),
    and the analysed text is only in FTS5: the rows keep what filters, groups and shows."""
    if connection.vendor != "sqlite":
        pytest.skip("solo SQLite")
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({tabla})")
        columnas = {nombre: (tipo, pk) for _, nombre, tipo, _, _, pk in cursor.fetchall()}
        cursor.execute(f"PRAGMA index_list({tabla})")
        automaticos = [i[1] for i in cursor.fetchall() if i[1].startswith("sqlite_autoindex")]
    assert columnas["escrito_id"] == ("INTEGER", 1)
    assert automaticos == []
    assert not {"principal", "contenido", "remitente_terminos"} & set(columnas)
