"""The published anchors of the bitácora: the list, and each anchor's signed payload and
signature to download (nothing of the entries themselves)."""

import datetime as dt

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from formatos.descarga import descarga

from ..models import AnclaBitacora
from ..services.anclas import canonico

CACHE = "public, max-age=300"


@require_GET
def lista(request):
    anclas = AnclaBitacora.objects.order_by("-fecha").defer("firma", "carga")
    respuesta = render(request, "documentos/publico/anclas.html", {"anclas": anclas})
    respuesta["Cache-Control"] = CACHE
    return respuesta


def _ancla(fecha: str) -> AnclaBitacora:
    try:
        dia = dt.date.fromisoformat(fecha)
    except ValueError:
        raise Http404 from None
    ancla = AnclaBitacora.objects.filter(fecha=dia).first()
    if ancla is None:
        raise Http404
    return ancla


@require_GET
def carga(request, fecha):
    """The exact bytes that were signed."""
    ancla = _ancla(fecha)
    return descarga(
        canonico(ancla.carga),
        "application/json",
        f"ancla-bitacora-{ancla.fecha}.json",
        cache_control=CACHE,
    )


@require_GET
def firma(request, fecha):
    """The detached CMS signature (DER) of the payload, with the sello's certificate."""
    ancla = _ancla(fecha)
    return descarga(
        bytes(ancla.firma),
        "application/pkcs7-signature",
        f"ancla-bitacora-{ancla.fecha}.p7s",
        cache_control=CACHE,
    )
