"""Rows of the acciones de mejora with known values: an action with its indicator, a
seguimiento, and live data whose figures were worked out by hand (see `datos_conocidos`)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from atencion.models import Actividad, Ficha, Indicador, RespuestaEncuesta, Seguimiento
from atencion.services_encuestas import version_vigente
from documentos.models import Escrito
from tests.atencion.fichas import ficha
from tests.cms.datos import crear_escrito
from tests.factories import UsuarioFactory

# The evaluation fixture's period is 2026-01-01..06-30; the actions run 07-01..09-30.
INICIO, FIN = dt.date(2026, 7, 1), dt.date(2026, 9, 30)
DESPUES_DEL_FIN = dt.date(2026, 10, 15)


def accion(
    oportunidad,
    *,
    calculo=Indicador.Calculo.MANUAL,
    linea_base=None,
    meta=Decimal("10"),
    mayor_es_mejor=True,
    inicio=INICIO,
    fin=FIN,
    responsable=None,
    area=None,
    nombre="Acción de prueba",
) -> Actividad:
    """An acción de mejora written directly (no service), with its indicator."""
    indicador = Indicador.objects.create(
        nombre=f"Indicador de {nombre}",
        calculo=calculo,
        linea_base=linea_base,
        meta=meta,
        mayor_es_mejor=mayor_es_mejor,
    )
    return Actividad.objects.create(
        nombre=nombre,
        meta="Producto de prueba",
        indicador=indicador,
        area_responsable=area,
        responsable=responsable,
        inicio=inicio,
        fin=fin,
        oportunidad=oportunidad,
    )


def seguimiento(actividad, fecha, avance, valor=None, descripcion="") -> Seguimiento:
    return Seguimiento.objects.create(
        actividad=actividad, fecha=fecha, avance=avance, valor=valor, descripcion=descripcion
    )


def _hora(dia: dt.date, hora: int, minuto: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dia, dt.time(hora, minuto)))


def _fichas_con_espera(servicio, dia: dt.date, esperas: list[int]) -> list[Ficha]:
    hechas = []
    for i, minutos in enumerate(esperas):
        tomada = _hora(dia, 9 + i)
        llamada = tomada + dt.timedelta(minutes=minutos)
        hechas.append(
            ficha(
                servicio,
                tomada=tomada,
                llamada=llamada,
                iniciada=llamada,
                terminada=llamada + dt.timedelta(minutes=5),
            )
        )
    return hechas


def _encuestas(fichas: list[Ficha], notas: list[int], area) -> None:
    version = version_vigente()
    for f, nota in zip(fichas, notas, strict=True):
        respuesta = RespuestaEncuesta.objects.create(
            version=version,
            ficha=f,
            valores={"satisfaccion": nota},
            satisfaccion=nota,
            coyotaje="no",
            sede=f.sede,
            servicio=f.servicio,
            area=area,
        )
        RespuestaEncuesta.objects.filter(pk=respuesta.pk).update(respondida_en=f.terminada_en)


def datos_conocidos(area, tema, servicio, otra_area) -> None:
    """Live data of the área's servicio, before (April-May 2026) and after (July-August).

    Escritos received Monday 2026-04-06 (no holidays until May 1st), answered 04-08, 04-13
    and 04-16: 2, 5 and 8 business days, median 5; due 04-13, so 2 of 3 on time (66.7 %).
    After: received Monday 07-06, answered 07-07, 07-08 and 07-10: 1, 2, 4, median 2, all
    due 07-10 (100 %). Waits: 10, 20, 30, 20, 20 minutes before (mean 20); 5, 10, 9 on 08-03
    (mean 8) and 13, 13 on 08-04: 10 after. Satisfaction of those fichas: 3, 3, 4, 4, 3 before (3.4); 4, 5, 5, 4, 5 after
    (4.6). Quejas: 3 in the 181 days before (0.50 per 30 days), 1 denuncia in the 92 days of
    the action (0.33). Escritos of another área or tema must not count."""
    usuario = UsuarioFactory(username="titular.cat", areas=[area])
    for recibido, respuestas, vence in (
        (dt.date(2026, 4, 6), (8, 13, 16), dt.date(2026, 4, 13)),
        (dt.date(2026, 7, 6), (7, 8, 10), dt.date(2026, 7, 10)),
    ):
        for dia in respuestas:
            crear_escrito(
                recibido,
                area=area,
                tema=tema,
                vence=vence,
                respuesta=recibido.replace(day=dia),
                usuario=usuario,
            )
        # Same dates, another área and another tema: outside the ámbito.
        otros = {"vence": recibido, "respuesta": vence, "usuario": usuario}
        crear_escrito(recibido, area=otra_area, tema=tema, **otros)
        crear_escrito(recibido, area=area, **otros)
    quejas = [
        (crear_escrito(dia, area=area, tema=tema), "queja")
        for dia in (dt.date(2026, 2, 10), dt.date(2026, 3, 3), dt.date(2026, 5, 20))
    ]
    quejas.append((crear_escrito(dt.date(2026, 8, 12), area=area, tema=tema), "denuncia"))
    for escrito, tipo in quejas:
        Escrito.objects.filter(pk=escrito.pk).update(tipo=tipo)
    antes = _fichas_con_espera(servicio, dt.date(2026, 5, 4), [10, 20, 30])
    antes += _fichas_con_espera(servicio, dt.date(2026, 5, 5), [20, 20])
    despues = _fichas_con_espera(servicio, dt.date(2026, 8, 3), [5, 10, 9])
    despues += _fichas_con_espera(servicio, dt.date(2026, 8, 4), [13, 13])
    _encuestas(antes, [3, 3, 4, 4, 3], area)
    _encuestas(despues, [4, 5, 5, 4, 5], area)
