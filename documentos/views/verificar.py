"""The public verification page: a código de verificación (typed or from the QR) or an
uploaded PDF, checked with documentos.firma; nothing else about the escrito is shown."""

import hashlib

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors_entrega, selectors_firma
from ..firma.verificacion import verificar
from ..forms_firma import VerificarCodigoForm, VerificarDocumentoForm
from ..services.consultas import registrar_descarga_verificada
from ..visibilidad import respuesta_en_consulta
from .comun import Limite, ip_cliente, servir_archivo
from .publico import _privada

PLANTILLA = "documentos/publico/verificar.html"


def limite_verificaciones() -> Limite:
    return Limite("verificacion", settings.FOLIO_VERIFICACIONES_POR_HORA, 3600)


def _pagina(request, status=200, **contexto):
    contexto.setdefault("form", VerificarCodigoForm())
    contexto.setdefault("form_documento", VerificarDocumentoForm())
    contexto["seccion"] = "verificar"
    return _privada(render(request, PLANTILLA, contexto, status=status))


def _agotado(request) -> bool:
    """Count this attempt; True when this address already used its hour's attempts."""
    return limite_verificaciones().sumar(ip_cliente(request) or "desconocida") > (
        settings.FOLIO_VERIFICACIONES_POR_HORA
    )


MENSAJE_AGOTADO = _(
    "Se alcanzó el número máximo de verificaciones desde esta conexión en una hora. "
    "Intente más tarde."
)


def _resultado(respuesta) -> dict:
    firmas = selectors_firma.firmas_de(respuesta)
    documento = firmas[-1].archivo
    return {
        "verificacion": selectors_firma.verificacion_de(documento),
        "firmas": firmas,
        "sha256": documento.sha256,
        "descargable": respuesta_en_consulta(respuesta.escrito),
        "codigo": respuesta.codigo_verificacion,
    }


class VerificarView(View):
    def get(self, request):
        return _pagina(request)

    def post(self, request):
        if _agotado(request):
            return _pagina(request, status=429, error=str(MENSAJE_AGOTADO))
        if "documento" in request.FILES:
            return self._documento(request)
        form = VerificarCodigoForm(request.POST)
        if not form.is_valid():
            return _pagina(request, status=400, form=form)
        respuesta = selectors_firma.respuesta_por_codigo(form.cleaned_data["codigo"])
        if respuesta is None:
            form.add_error(
                "codigo",
                _(
                    "No hay ningún documento firmado con ese código. Revise que lo escribió "
                    "completo (12 letras y números)."
                ),
            )
            return _pagina(request, status=404, form=form)
        return _pagina(request, resultado=_resultado(respuesta))

    def _documento(self, request):
        form = VerificarDocumentoForm(request.POST, request.FILES)
        if not form.is_valid():
            return _pagina(request, status=400, form_documento=form)
        contenido = form.cleaned_data["documento"].read()
        sha256 = hashlib.sha256(contenido).hexdigest()
        emision = selectors_firma.emision_de(sha256)
        return _pagina(
            request,
            comprobacion={
                "emitido": emision is not None,
                "ultima": emision is None or emision.ultima,
                "sha256": sha256,
                "verificacion": verificar(contenido),
            },
        )


class DescargaVerificadaView(View):
    """The signed original, for whoever holds its código (by POST: never in a URL)."""

    def post(self, request):
        if _agotado(request):
            return _pagina(request, status=429, error=str(MENSAJE_AGOTADO))
        form = VerificarCodigoForm(request.POST)
        respuesta = (
            selectors_firma.respuesta_por_codigo(form.cleaned_data["codigo"])
            if form.is_valid()
            else None
        )
        if respuesta is None or not respuesta_en_consulta(respuesta.escrito):
            raise Http404(_("No hay un documento que descargar con ese código."))
        documento = selectors_entrega.documento_vigente(respuesta)
        registrar_descarga_verificada(respuesta, documento, ip=ip_cliente(request))
        nombre = f"documento-{respuesta.codigo_verificacion}.pdf"
        return _privada(servir_archivo(documento, nombre=nombre))
