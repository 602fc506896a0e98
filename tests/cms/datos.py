"""Helpers that create rows with known values for the portal tests."""

import datetime as dt
import itertools

from django.utils import timezone

from documentos.models import Escrito, Respuesta

_folios = itertools.count(1)


def crear_escrito(
    recibido: dt.date,
    *,
    area=None,
    tema=None,
    sexo="no_declara",
    persona="fisica",
    clasificacion="publica",
    estado="turnado",
    vence=None,
    respuesta=None,
    sentido="positiva",
    usuario=None,
    nombre="Persona Secreta",
):
    """An escrito row with known dates (statistics read rows; no workflow is exercised)."""
    n = next(_folios)
    escrito = Escrito.objects.create(
        folio=f"T-{recibido.year}-{n:06d}",
        anio=recibido.year,
        consecutivo=n,
        tipo="peticion",
        canal="ventanilla",
        remitente_tipo=persona,
        remitente_nombre=nombre,
        remitente_sexo=sexo,
        asunto="Asunto confidencial de prueba",
        tema=tema,
        recibido_en=timezone.make_aware(dt.datetime.combine(recibido, dt.time(10, 0))),
        clasificacion=clasificacion,
        estado=estado,
        area_responsable=area,
        vence_en=vence,
        codigo_acceso="ABCDEFGHJK",
    )
    if respuesta is not None:
        Respuesta.objects.create(
            escrito=escrito,
            sentido=sentido,
            texto="Respuesta",
            fecha=respuesta,
            respondido_por=usuario,
        )
    return escrito
