"""Citizen pages: the Oficialía de Partes Electrónica form and the status lookup."""

import mimetypes
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from .. import calidad, selectors, selectors_entrega
from ..acuse import datos_acuse
from ..enlaces import enlaces_tras_respuesta
from ..forms import ConsultaForm, EnvioPublicoForm
from ..models import Escrito
from ..services.consultas import registrar_consulta_publica, registrar_entrega
from ..services.recepcion import EnvioRepetido, PosibleDuplicado, recibir_escrito
from ..subidas import envio_excedido, mensaje_envio_excedido
from ..visibilidad import respuesta_en_consulta
from .acuse import qr_data_uri, respuesta_pdf
from .comun import Limite, ip_cliente, servir_archivo
from .staff import aplicar_errores

SESION_ENVIADO = "documentos_enviado"
SESION_CONSULTAS = "documentos_consultas"


def limite_consultas() -> Limite:
    return Limite(
        "consulta_fallida",
        settings.FOLIO_CONSULTA_MAX_FALLOS,
        settings.FOLIO_CONSULTA_VENTANA_MIN * 60,
    )


def limite_envios() -> Limite:
    return Limite("envio", settings.FOLIO_ENVIOS_POR_HORA, 3600)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex"
    # An old QR's address (with ?codigo=) must not leak to the next request as a Referer.
    respuesta["Referrer-Policy"] = "strict-origin"
    return respuesta


class EnviarView(View):
    template_name = "documentos/publico/enviar.html"

    def get(self, request):
        return self._formulario(request, EnvioPublicoForm.desde_consulta(request.GET), False)

    def post(self, request):
        ip = ip_cliente(request) or "desconocida"
        limite = limite_envios()
        if envio_excedido(request):
            # The body was not read past the cap: only the fields before the files arrived.
            form = EnvioPublicoForm(request.POST)
            form.is_valid()
            form.add_error(None, mensaje_envio_excedido())
            return self._formulario(request, form, archivos_perdidos=True, status=413)
        form = EnvioPublicoForm(request.POST, request.FILES)
        archivos_perdidos = bool(request.FILES.getlist("archivos"))
        if limite.agotado(ip):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Se alcanzó el número máximo de escritos que pueden enviarse desde esta "
                    "conexión en una hora. Intente más tarde o acuda a la ventanilla."
                ),
            )
            return self._formulario(request, form, archivos_perdidos, status=429)
        if form.is_valid():
            if form.es_robot:
                form.add_error(None, _("No se pudo enviar el escrito. Intente de nuevo."))
                return self._formulario(request, form, archivos_perdidos, status=400)
            if not form.cleaned_data["confirmar_calidad"] and (
                avisos := calidad.avisos(form.cleaned_data["archivos"])
            ):
                # A warning shown once, before sending: replace the file or send it anyway.
                form = EnvioPublicoForm.con_aviso_de_calidad(request.POST, request.FILES, avisos)
                return self._formulario(request, form, archivos_perdidos)
            try:
                escrito = recibir_escrito(
                    form.datos(),
                    usuario=None,
                    ip=ip_cliente(request),
                    confirmar_duplicado=form.cleaned_data["confirmar_duplicado"],
                )
            except EnvioRepetido as repetido:
                # The same form sent twice (double click, back button): its first acuse.
                return self._recibido(request, repetido.escrito)
            except PosibleDuplicado as aviso:
                # A warning, not an error: sent again as it is, the escrito is received.
                # The citizen is not told the earlier folio: only its owner holds its code.
                form = EnvioPublicoForm.con_aviso_de_duplicado(
                    request.POST, request.FILES, aviso.escrito
                )
            except ValidationError as error:
                aplicar_errores(form, error, "archivos")
            else:
                limite.sumar(ip)
                return self._recibido(request, escrito)
        return self._formulario(request, form, archivos_perdidos)

    def _recibido(self, request, escrito):
        request.session[SESION_ENVIADO] = escrito.pk
        _acceso_concedido(request, escrito)
        return redirect(reverse("documentos:enviado"))

    def _formulario(self, request, form, archivos_perdidos, status=200):
        contexto = {
            "form": form,
            "archivos_perdidos": archivos_perdidos,
            "max_bytes": settings.FOLIO_MAX_ARCHIVO_MB * 1024 * 1024,
            "seccion": "enviar",
            "url_calidad": reverse("documentos:enviar_calidad") if calidad.hay_revisor() else "",
        }
        return render(request, self.template_name, contexto, status=status)


def _enviado(request):
    """The escrito this browser session has just submitted, if any."""
    pk = request.session.get(SESION_ENVIADO)
    return Escrito.objects.select_related("area_responsable").filter(pk=pk).first()


class EnviadoView(View):
    """Right after an online submission: folio, access code and the acuse."""

    def get(self, request):
        escrito = _enviado(request)
        if escrito is None:
            return redirect(reverse("documentos:enviar"))
        acuse = datos_acuse(escrito, request)
        contexto = {
            "escrito": escrito,
            "avisos": selectors.avisos_de_recepcion(escrito),
            "acuse": acuse,
            "qr": qr_data_uri(acuse.url),
            "url_pdf": reverse("documentos:enviado_acuse"),
            "url_estado": reverse("documentos:estado", args=[escrito.folio]),
        }
        return _privada(render(request, "documentos/publico/enviado.html", contexto))


def _acceso_concedido(request, escrito) -> None:
    """This browser session may see the escrito for FOLIO_CONSULTA_SESION_MIN minutes (after
    typing its folio and code, or right after submitting it)."""
    vigentes = _accesos_vigentes(request)
    vigentes[str(escrito.pk)] = time.time() + settings.FOLIO_CONSULTA_SESION_MIN * 60
    request.session[SESION_CONSULTAS] = vigentes


def _accesos_vigentes(request) -> dict[str, float]:
    ahora = time.time()
    accesos = request.session.get(SESION_CONSULTAS) or {}
    return {pk: vence for pk, vence in accesos.items() if vence > ahora}


def _escrito_consultado(request, folio: str):
    """The escrito of this folio if this session was given access to it, else None."""
    escrito = (
        Escrito.objects.select_related("area_responsable", "tema")
        .filter(folio=selectors.normalizar_folio(folio))
        .first()
    )
    if escrito is None or str(escrito.pk) not in _accesos_vigentes(request):
        return None
    return escrito


def _formulario_consulta(request, form, error=None, status=200):
    contexto = {"form": form, "error": error, "seccion": "consulta"}
    return _privada(render(request, ConsultaView.template_name, contexto, status=status))


class ConsultaView(View):
    """The lookup form. It is posted, never sent in a URL: access codes must not reach
    access logs. The acuse's QR carries folio and code in the URL fragment, which browsers
    never send; consulta.js fills the form from it and posts it."""

    template_name = "documentos/publico/consulta.html"

    def get(self, request):
        # An old printed QR (?folio=…&codigo=…) is handled by consulta.js as well: the server
        # does not look at the code in a URL.
        form = ConsultaForm(initial={"folio": request.GET.get("folio", "")[:40]})
        return _formulario_consulta(request, form)

    def post(self, request):
        ip = ip_cliente(request) or "desconocida"
        limite = limite_consultas()
        form = ConsultaForm(request.POST)
        if limite.agotado(ip):
            error = _(
                "Demasiados intentos fallidos desde esta conexión. Espere %(min)s minutos e "
                "intente de nuevo."
            ) % {"min": settings.FOLIO_CONSULTA_VENTANA_MIN}
            return _formulario_consulta(request, form, error, status=429)
        if not form.is_valid():
            return _formulario_consulta(request, form)
        escrito = selectors.escrito_por_folio_y_codigo(
            form.cleaned_data["folio"], form.cleaned_data["codigo"]
        )
        if escrito is None:
            limite.sumar(ip)
            # The same words whether the folio does not exist or the code is wrong.
            error = _(
                "No encontramos un escrito con ese folio y código de acceso. Revise que estén "
                "escritos como aparecen en su acuse de recibo."
            )
            return _formulario_consulta(request, form, error)
        registrar_consulta_publica(escrito, ip=ip_cliente(request))
        _acceso_concedido(request, escrito)
        return redirect("documentos:estado", escrito.folio)


def _volver_a_consultar(folio: str):
    return redirect(reverse("documentos:consulta") + "?" + urlencode({"folio": folio}))


class EstadoView(View):
    """The status of one escrito, for the session that proved it holds its code."""

    def get(self, request, folio):
        escrito = _escrito_consultado(request, folio)
        if escrito is None:
            return _volver_a_consultar(folio)
        respuesta = selectors_entrega.respuesta_entregable(escrito)
        if (
            respuesta is not None
            and respuesta.archivo_id is None
            and respuesta_en_consulta(escrito)
        ):
            # An answer without a file is delivered by showing its text here.
            registrar_entrega(respuesta, ip=ip_cliente(request), descarga=False)
        contexto = {
            "estado": selectors.estado_publico(escrito),
            "url_acuse": reverse("documentos:acuse", args=[escrito.folio]),
            "url_respuesta": reverse("documentos:respuesta", args=[escrito.folio]),
            "enlaces": enlaces_tras_respuesta(escrito, request),
            "seccion": "consulta",
        }
        return _privada(render(request, ConsultaView.template_name, contexto))


class RespuestaPublicaView(View):
    """The answer's file, for the session that gave the code (never a public URL); the
    first download is the acuse de notificación electrónica."""

    def get(self, request, folio):
        escrito = _escrito_consultado(request, folio)
        if escrito is None:
            return _volver_a_consultar(folio)
        respuesta = selectors_entrega.respuesta_descargable(escrito)
        if respuesta is None:
            raise Http404(_("Este escrito no tiene una respuesta para descargar."))
        registrar_entrega(respuesta, ip=ip_cliente(request), descarga=True)
        archivo = selectors_entrega.documento_vigente(respuesta)
        extension = mimetypes.guess_extension(archivo.mime) or ""
        return _privada(servir_archivo(archivo, nombre=f"respuesta-{escrito.folio}{extension}"))


class AcusePublicoView(View):
    """The public copy of the acuse PDF, for the same session."""

    def get(self, request, folio):
        escrito = _escrito_consultado(request, folio)
        if escrito is None:
            return _volver_a_consultar(folio)
        registrar_consulta_publica(escrito, ip=ip_cliente(request), acuse=True)
        return respuesta_pdf(escrito, request, publico=True)


class EnviadoAcuseView(View):
    """The full acuse PDF for the session that submitted the escrito."""

    def get(self, request):
        escrito = _enviado(request)
        if escrito is None:
            return redirect(reverse("documentos:enviar"))
        return respuesta_pdf(escrito, request)
