"""Reads of the electronic delivery: the answer as the citizen's lookup shows it, its
acuse de notificación electrónica (e-mail sent, first consultation) and, for staff, the
escrito's notifications. What may be shown per clasificación comes from visibilidad.py."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from .firma.verificacion import Verificacion
from .models import Archivo, Escrito, Firma, Notificacion, Respuesta
from .selectors_firma import firmas_de, verificacion_de
from .visibilidad import respuesta_en_consulta

E = Escrito.Estado


@dataclass(frozen=True)
class RespuestaPublica:
    """The answer as the lookup shows it. `completa` is False for reservada/confidencial
    escritos: then only its existence, date and acuse times are shown, never text or file."""

    fecha: date
    completa: bool
    texto: str | None
    descargable: bool
    notificada_en: datetime | None
    consultada_en: datetime | None
    # "Respuesta firmada electrónicamente" and its verification result (documentos/firma/).
    firma: "FirmaDeRespuesta | None" = None


@dataclass(frozen=True)
class FirmaDeRespuesta:
    firmas: tuple[Firma, ...]
    verificacion: Verificacion
    codigo: str


# States in which the latest answer is in force (after reabrir it is being corrected).
ESTADOS_CON_RESPUESTA = (E.RESPONDIDO, E.CONCLUIDO, E.ARCHIVADO)


def respuesta_entregable(escrito: Escrito) -> Respuesta | None:
    """The answer the citizen may receive (the latest one, while it is in force)."""
    if escrito.estado not in ESTADOS_CON_RESPUESTA:
        return None
    return escrito.respuestas.select_related("archivo").order_by("-pk").first()


def documento_vigente(respuesta: Respuesta) -> Archivo | None:
    """The answer's document as it stands: its last signed copy, or its own file."""
    ultima = respuesta.firmas.select_related("archivo__archivo").order_by("-orden").first()
    return ultima.archivo if ultima is not None else respuesta.archivo


def respuesta_descargable(escrito: Escrito) -> Respuesta | None:
    """The answer whose file the lookup offers, or None (none, no file, or not allowed)."""
    respuesta = respuesta_entregable(escrito)
    if respuesta is None or respuesta.archivo_id is None or not respuesta_en_consulta(escrito):
        return None
    return respuesta


def notificada_en(respuesta: Respuesta) -> datetime | None:
    """When the e-mail announcing this answer was sent (acuse de notificación electrónica)."""
    enviada = respuesta.notificaciones.filter(estado=Notificacion.Estado.ENVIADA).first()
    return enviada.enviada_en if enviada else None


def firma_de_respuesta(respuesta: Respuesta) -> FirmaDeRespuesta | None:
    """The answer's electronic signatures and their verification now, for the lookup."""
    firmas = firmas_de(respuesta)
    if not firmas:
        return None
    return FirmaDeRespuesta(
        firmas=tuple(firmas),
        verificacion=verificacion_de(firmas[-1].archivo),
        codigo=respuesta.codigo_verificacion or "",
    )


def respuesta_publica(escrito: Escrito) -> RespuestaPublica | None:
    respuesta = respuesta_entregable(escrito)
    if respuesta is None:
        return None
    completa = respuesta_en_consulta(escrito)
    consultada = respuesta.consultada_en
    return RespuestaPublica(
        fecha=respuesta.fecha,
        completa=completa,
        texto=respuesta.texto if completa else None,
        descargable=completa and respuesta.archivo_id is not None,
        notificada_en=notificada_en(respuesta),
        consultada_en=timezone.localtime(consultada) if consultada else None,
        firma=firma_de_respuesta(respuesta) if completa else None,
    )


def notificaciones_de(escrito: Escrito) -> QuerySet[Notificacion]:
    """The e-mail notifications of an escrito, for staff (its acuse de notificación)."""
    return escrito.notificaciones.order_by("creada_en", "pk")
