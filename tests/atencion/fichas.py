"""Fichas built with explicit timestamps, as the services would leave them."""

import secrets

from django.utils import timezone

from atencion.models import Ficha

E = Ficha.Estado


def ficha(servicio, *, tomada, llamada=None, iniciada=None, terminada=None, estado=None, **otros):
    """A ficha as the services would leave it, with the given local times."""
    numero = Ficha.objects.filter(sede=servicio.sede, fecha=timezone.localdate(tomada)).count() + 1
    if estado is None:
        estado = E.TERMINADA if terminada else E.LLAMADA if llamada else E.EN_ESPERA
    return Ficha.objects.create(
        sede=servicio.sede,
        servicio=servicio,
        fecha=timezone.localdate(tomada),
        numero=numero,
        prefijo=servicio.prefijo,
        canal=Ficha.Canal.KIOSCO,
        token=secrets.token_urlsafe(16),
        estado=estado,
        tomada_en=tomada,
        llamada_en=llamada,
        iniciada_en=iniciada,
        terminada_en=terminada,
        llamadas=1 if llamada else 0,
        **otros,
    )
