"""The database backend answers in SQL: facet counts, totals, every orden and deep pages
agree with the rows themselves, and the staff scope reads the AccesoBusqueda relation."""

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from busqueda import services
from busqueda.backends.database import expresiones
from busqueda.backends.database.esquema import PERSONAL
from busqueda.consulta import Consulta, analizar
from busqueda.models import AccesoBusqueda
from busqueda.selectors import buscar
from cms import roles
from documentos.models import Escrito, Turno
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.parametrize("backend", ["database"], indirect=True)
E = Escrito.Estado


def _local(*partes):
    return timezone.make_aware(datetime(*partes), timezone.get_default_timezone())


@pytest.fixture
def varios(crear, obras, finanzas, tema_obras, tema_agua, indexar):
    """13 escritos that all say «bacheo», spread over estados, áreas, temas and dates (two
    share a date, so orderings need their tie-break)."""
    escritos = []
    estados = [E.TURNADO, E.RECIBIDO, E.CONCLUIDO]
    for i in range(13):
        escritos.append(
            crear(
                f"Bacheo número {i}" + (" bacheo bacheo" if i % 4 == 0 else ""),
                [f"Página con bacheo {i}."],
                estado=estados[i % 3],
                area=obras if i % 2 else finanzas,
                tema=tema_obras if i % 3 else tema_agua,
                recibido_en=_local(2025, 5, 1 + min(i, 11), 10),
                vence_en=date(2025, 7, 1) - timedelta(days=(i * 5) % 13),
            )
        )
    # the last minutes of 2025 in Mexico City are already 2026 in UTC
    escritos.append(crear("Bacheo de fin de año", recibido_en=_local(2025, 12, 31, 23, 30)))
    indexar()
    return escritos


def _ids(resultados):
    return [r.escrito_id for r in resultados.resultados]


def test_facetas_y_total_igual_que_las_filas(varios, archivista):
    resultados = buscar(Consulta(q="bacheo", por_pagina=5), archivista)
    assert resultados.total == len(varios)
    cuentas = {f: {v.valor: v.cuenta for v in valores} for f, valores in resultados.facetas.items()}
    assert cuentas["estado"] == dict(Counter(e.estado for e in varios))
    assert cuentas["area"] == {
        str(k): n
        for k, n in Counter(e.area_responsable_id for e in varios if e.area_responsable_id).items()
    }
    assert cuentas["tema"] == {
        str(k): n for k, n in Counter(e.tema_id for e in varios if e.tema_id).items()
    }
    anios = Counter(timezone.localtime(e.recibido_en).year for e in varios)
    assert cuentas["anio"] == {str(k): n for k, n in anios.items()}
    assert cuentas["anio"]["2025"] == len(varios)  # not 2026, the UTC year of the last one


def test_facetas_con_filtro_cuentan_el_conjunto_filtrado(varios, archivista, obras):
    resultados = buscar(Consulta(q="bacheo", area=(obras.pk,)), archivista)
    de_obras = [e for e in varios if e.area_responsable_id == obras.pk]
    assert resultados.total == len(de_obras)
    estados = {v.valor: v.cuenta for v in resultados.facetas["estado"]}
    assert estados == dict(Counter(e.estado for e in de_obras))


def test_rango_de_fechas_en_la_zona_local(varios, archivista):
    consulta = Consulta(
        q="bacheo", recibido_desde=date(2025, 12, 31), recibido_hasta=date(2025, 12, 31)
    )
    assert _ids(buscar(consulta, archivista)) == [varios[-1].pk]


@pytest.mark.parametrize(
    ("orden", "clave"),
    [
        ("recientes", lambda e: (-e.recibido_en.timestamp(), -e.pk)),
        ("antiguos", lambda e: (e.recibido_en.timestamp(), e.pk)),
        ("vencimiento", lambda e: (e.vence_en, e.pk)),
    ],
)
def test_cada_orden(varios, archivista, orden, clave):
    resultados = buscar(Consulta(q="bacheo", orden=orden, por_pagina=100), archivista)
    assert _ids(resultados) == [e.pk for e in sorted(varios, key=clave)]


def test_relevancia_primero_lo_que_mas_dice_la_palabra(varios, archivista):
    resultados = buscar(Consulta(q="bacheo", por_pagina=100), archivista)
    puntos = [r.puntuacion for r in resultados.resultados]
    assert puntos == sorted(puntos, reverse=True) and puntos[0] > puntos[-1]
    repetidos = {e.pk for i, e in enumerate(varios[:13]) if i % 4 == 0}
    assert set(_ids(resultados)[: len(repetidos)]) == repetidos


@pytest.mark.parametrize("orden", ["relevancia", "recientes", "antiguos", "vencimiento"])
def test_paginas_profundas_sin_repetidos_ni_huecos(varios, archivista, orden):
    vistos = []
    for pagina in range(1, 6):
        vistos += _ids(
            buscar(Consulta(q="bacheo", orden=orden, pagina=pagina, por_pagina=3), archivista)
        )
    assert sorted(vistos) == sorted(e.pk for e in varios)
    assert buscar(Consulta(q="bacheo", pagina=6, por_pagina=3), archivista).resultados == []


def test_negaciones_que_fts5_no_dice_de_una_vez(crear, indexar, archivista):
    agua = crear("Fuga de agua", ["Agua en la calle."])
    sola = crear("Agua potable", ["Tubería nueva."])
    otro = crear("Bacheo", ["Hoyos."])
    indexar()
    assert set(_ids(buscar(Consulta(q="agua -fuga"), archivista))) == {sola.pk}
    assert set(_ids(buscar(Consulta(q="-fuga"), archivista))) == {sola.pk, otro.pk}
    assert set(_ids(buscar(Consulta(q="bacheo OR -agua"), archivista))) == {otro.pk}
    assert expresiones.expresion_fts(analizar("-fuga"), PERSONAL) is expresiones.NO
    assert expresiones.expresion_fts(analizar("agua -fuga"), PERSONAL) is not None
    assert agua.pk not in _ids(buscar(Consulta(q="agua -fuga"), archivista))


def test_alcance_de_area_y_de_usuario_por_la_tabla_de_acceso(
    crear, indexar, obras, finanzas, staff_obras, staff_finanzas, archivista
):
    persona = UsuarioFactory(username="persona.turnada", roles=[roles.AREA])
    escrito = crear("Bacheo reservado", clasificacion=Escrito.Clasificacion.RESERVADA, area=obras)
    Turno.objects.create(escrito=escrito, a_area=obras, a_usuario=persona, turnado_por=archivista)
    indexar()
    filas = set(
        AccesoBusqueda.objects.filter(documento_id=escrito.pk).values_list("area_id", "usuario_id")
    )
    assert filas == {(obras.pk, None), (None, persona.pk)}
    assert _ids(buscar(Consulta(q="bacheo"), staff_obras)) == [escrito.pk]
    assert _ids(buscar(Consulta(q="bacheo"), persona)) == [escrito.pk]
    assert _ids(buscar(Consulta(q="bacheo"), staff_finanzas)) == []

    # reassigned: the incremental update rewrites this document's rows only
    Turno.objects.filter(escrito=escrito).delete()
    Escrito.objects.filter(pk=escrito.pk).update(area_responsable=finanzas)
    services.encolar_escrito(escrito.pk)
    services.aplicar_pendientes()
    filas = set(
        AccesoBusqueda.objects.filter(documento_id=escrito.pk).values_list("area_id", "usuario_id")
    )
    assert filas == {(finanzas.pk, None)}
    assert _ids(buscar(Consulta(q="bacheo"), staff_finanzas)) == [escrito.pk]
    assert _ids(buscar(Consulta(q="bacheo"), staff_obras)) == []
    assert _ids(buscar(Consulta(q="bacheo"), persona)) == []
