"""Writes of the queue: taking a ficha and the calls at a ventanilla (its state machine).

Two windows calling "siguiente" at the same instant never get the same ficha: the call is a
conditional UPDATE (estado still en espera), retried with the next candidate, and on
PostgreSQL the candidates are read with SKIP LOCKED."""

import secrets

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import Ficha, SecuenciaFicha, Servicio, Ventanilla

E = Ficha.Estado

TRANSICIONES: dict[str, set[str]] = {
    E.EN_ESPERA: {E.LLAMADA},
    E.LLAMADA: {E.LLAMADA, E.EN_ATENCION, E.NO_SE_PRESENTO, E.EN_ESPERA},
    E.EN_ATENCION: {E.TERMINADA, E.EN_ESPERA},
    E.TERMINADA: set(),
    E.NO_SE_PRESENTO: set(),
}


class TransicionInvalida(ValidationError):
    pass


def _validar(ficha: Ficha, nuevo: str) -> None:
    if nuevo not in TRANSICIONES[ficha.estado]:
        raise TransicionInvalida(
            _("El turno %(codigo)s está «%(estado)s»: no se puede pasar a «%(nuevo)s».")
            % {
                "codigo": ficha.codigo,
                "estado": ficha.get_estado_display(),
                "nuevo": E(nuevo).label,
            }
        )


def _siguiente_numero(sede, fecha) -> int:
    SecuenciaFicha.objects.bulk_create(
        [SecuenciaFicha(sede=sede, fecha=fecha)], ignore_conflicts=True
    )
    secuencia = SecuenciaFicha.objects.select_for_update().get(sede=sede, fecha=fecha)
    secuencia.ultimo = F("ultimo") + 1
    secuencia.save(update_fields=["ultimo"])
    secuencia.refresh_from_db(fields=["ultimo"])
    return secuencia.ultimo


@transaction.atomic
def tomar_ficha(servicio: Servicio, *, preferente: bool = False, canal=Ficha.Canal.KIOSCO) -> Ficha:
    if not (servicio.activo and servicio.sede.activa):
        raise ValidationError(_("Este servicio no está disponible ahora."))
    ahora = timezone.now()
    fecha = timezone.localdate(ahora)
    return Ficha.objects.create(
        sede=servicio.sede,
        servicio=servicio,
        fecha=fecha,
        numero=_siguiente_numero(servicio.sede, fecha),
        prefijo=servicio.prefijo,
        preferente=preferente,
        canal=canal,
        token=secrets.token_urlsafe(16),
        tomada_en=ahora,
    )


def _toca_preferente(ventanilla: Ventanilla, fecha) -> bool:
    sede = ventanilla.sede
    return selectors.toca_preferente(
        sede.preferente_cada, selectors.llamados_recientes(sede, fecha)
    )


def _candidatas(ventanilla: Ventanilla, fecha):
    en_espera = Ficha.objects.filter(
        sede=ventanilla.sede,
        fecha=fecha,
        estado=E.EN_ESPERA,
        servicio__in=ventanilla.servicios.filter(activo=True),
    ).order_by("tomada_en", "pk")
    if connection.features.has_select_for_update_skip_locked:
        en_espera = en_espera.select_for_update(skip_locked=True)
    return en_espera


def llamar_siguiente(ventanilla: Ventanilla, *, usuario) -> Ficha | None:
    """Call the next ficha for this window's servicios (None: nobody waits)."""
    fecha = timezone.localdate()
    for _intento in range(20):
        with transaction.atomic():
            candidatas = _candidatas(ventanilla, fecha)
            preferentes = candidatas.filter(preferente=True)
            normales = candidatas.filter(preferente=False)
            orden = (
                (preferentes, normales)
                if _toca_preferente(ventanilla, fecha)
                else (
                    normales,
                    preferentes,
                )
            )
            ficha = next((f for f in (q.first() for q in orden) if f is not None), None)
            if ficha is None:
                return None
            if _marcar_llamada(ficha, ventanilla, usuario, desde=E.EN_ESPERA):
                return Ficha.objects.select_related("servicio", "ventanilla").get(pk=ficha.pk)
    raise ValidationError(_("Hay muchos llamados a la vez: intente de nuevo."))


def _marcar_llamada(ficha: Ficha, ventanilla: Ventanilla, usuario, *, desde: str) -> bool:
    """The conditional UPDATE that makes a call: False if someone else changed it first."""
    return bool(
        Ficha.objects.filter(pk=ficha.pk, estado=desde).update(
            estado=E.LLAMADA,
            ventanilla=ventanilla,
            atendida_por=usuario,
            llamada_en=timezone.now(),
            llamadas=F("llamadas") + 1,
        )
    )


@transaction.atomic
def llamar(ficha: Ficha, ventanilla: Ventanilla, *, usuario) -> Ficha:
    """Call this ficha out of order (or again: volver a llamar)."""
    ficha = Ficha.objects.select_for_update().get(pk=ficha.pk)
    if ficha.sede_id != ventanilla.sede_id:
        raise ValidationError(_("Ese turno es de otra sede."))
    _validar(ficha, E.LLAMADA)
    if ficha.estado == E.LLAMADA and ficha.ventanilla_id != ventanilla.pk:
        raise ValidationError(_("Ese turno ya fue llamado a otra ventanilla."))
    _marcar_llamada(ficha, ventanilla, usuario, desde=ficha.estado)
    ficha.refresh_from_db()
    return ficha


@transaction.atomic
def _cambiar(ficha: Ficha, nuevo: str, **campos) -> Ficha:
    ficha = Ficha.objects.select_for_update().get(pk=ficha.pk)
    _validar(ficha, nuevo)
    ficha.estado = nuevo
    for nombre, valor in campos.items():
        setattr(ficha, nombre, valor)
    ficha.save(update_fields=["estado", *campos])
    return ficha


def iniciar_atencion(ficha: Ficha) -> Ficha:
    return _cambiar(ficha, E.EN_ATENCION, iniciada_en=timezone.now())


def terminar(ficha: Ficha) -> Ficha:
    return _cambiar(ficha, E.TERMINADA, terminada_en=timezone.now())


def no_se_presento(ficha: Ficha) -> Ficha:
    return _cambiar(ficha, E.NO_SE_PRESENTO, terminada_en=timezone.now())


@transaction.atomic
def transferir(ficha: Ficha, servicio: Servicio) -> Ficha:
    """Send the citizen to another servicio's queue, keeping their place by arrival time."""
    ficha = Ficha.objects.select_for_update().select_related("servicio").get(pk=ficha.pk)
    if servicio.sede_id != ficha.sede_id or not servicio.activo:
        raise ValidationError(_("Elija un servicio activo de la misma sede."))
    if servicio.pk == ficha.servicio_id:
        raise ValidationError(_("El turno ya es de ese servicio."))
    return _cambiar(
        ficha,
        E.EN_ESPERA,
        transferida_de=ficha.servicio,
        servicio=servicio,
        ventanilla=None,
        atendida_por=None,
        llamada_en=None,
        iniciada_en=None,
    )
