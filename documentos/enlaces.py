"""Absolute public URLs that travel outside the site (QR codes, e-mails, signature blocks).

The host comes from WAGTAILADMIN_BASE_URL (the installation's configured address) and, when
that is not set, from the request. Secrets (access and verification codes) go in the
fragment, which browsers never send to a server, so no access log ever holds them.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse


def url_absoluta(ruta: str, request=None) -> str:
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if base:
        return base + ruta
    if request is not None:
        return request.build_absolute_uri(ruta)
    return ruta


def url_consulta(escrito=None, request=None) -> str:
    """The public lookup; for an escrito (the acuse's QR), with its folio and code."""
    ruta = reverse("documentos:consulta")
    if escrito is not None:
        ruta += "#" + urlencode({"folio": escrito.folio, "codigo": escrito.codigo_acceso})
    return url_absoluta(ruta, request)


def url_verificacion(codigo: str | None = None, request=None) -> str:
    """The public verification page; with a código de verificación (the signature's QR)."""
    ruta = reverse("verificar")
    if codigo:
        ruta += "#" + urlencode({"codigo": codigo})
    return url_absoluta(ruta, request)


# Links the packages above documentos offer the remitente once an escrito has an answer (the
# satisfaction survey of atencion): each function takes the escrito and returns (text, path)
# or None. They register in their AppConfig.ready(); documentos never imports them.
_TRAS_RESPUESTA: list = []


def ofrecer_tras_respuesta(funcion) -> None:
    if funcion not in _TRAS_RESPUESTA:
        _TRAS_RESPUESTA.append(funcion)


def enlaces_tras_respuesta(escrito, request=None) -> list[tuple[str, str]]:
    """(text, absolute URL) for the status page and the answer's notification."""
    enlaces = (funcion(escrito) for funcion in _TRAS_RESPUESTA)
    return [(texto, url_absoluta(ruta, request)) for texto, ruta in filter(None, enlaces)]
