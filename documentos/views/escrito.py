"""The escrito's page for staff: data, files and viewer, timeline, and its actions."""

import textwrap

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.widgets.button import HeaderButton

from .. import permisos, selectors, selectors_entrega
from ..forms_acciones import AsignarForm, ConcluirForm, MotivoForm, ResponderForm, TurnarForm
from ..forms_firma import FirmarRespuestaForm
from ..lectura import lector
from ..models import Archivo
from ..plazos import semaforo
from ..selectors_acciones import acciones_del_escrito
from ..services import archivos as servicio_archivos
from ..services import firmas, flujo
from ..services import version_publica as servicio_version
from ..subidas import envio_excedido, mensaje_envio_excedido
from ..visibilidad import escritos_visibles
from . import visor
from .bandeja import puede_usar_bandeja
from .comun import ip_cliente, servir_archivo
from .staff import MIGA_INICIO, Prohibido403, VistaStaff

ANCHO_PAGINA_PX = 1400


def escrito_visible(usuario, pk: int):
    """The escrito if this staff member may see it; 404 otherwise (existence not revealed)."""
    return get_object_or_404(
        escritos_visibles(usuario).select_related("tema", "area_responsable", "recibido_por"),
        pk=pk,
    )


def archivo_visible(usuario, pk: int, archivo_id: int) -> Archivo:
    return get_object_or_404(
        Archivo.objects.select_related("archivo", "escrito").filter(
            escrito__in=escritos_visibles(usuario)
        ),
        pk=archivo_id,
        escrito_id=pk,
    )


FORMULARIOS = {
    "turnar": TurnarForm,
    "asignar": AsignarForm,
    "responder": ResponderForm,
    "concluir": ConcluirForm,
    "cancelar": MotivoForm,
    "reabrir": MotivoForm,
}


class EscritoView(VistaStaff):
    template_name = "documentos/admin/escrito.html"
    header_icon = "doc-full"

    @cached_property
    def escrito(self):
        return escrito_visible(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Escrito %(folio)s") % {"folio": self.escrito.folio}

    def get_breadcrumbs_items(self):
        bandeja = []
        if puede_usar_bandeja(self.request.user):
            bandeja = [{"url": reverse("documentos_admin:bandeja"), "label": _("Bandeja")}]
        return [MIGA_INICIO, *bandeja, {"url": "", "label": self.escrito.folio}]

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Acuse de recibo"),
                url=reverse("documentos_admin:acuse", args=[self.escrito.pk]),
                icon_name="doc-full-inverse",
            )
        ]

    def formulario(self, accion: str, data=None, files=None):
        clase = FORMULARIOS.get(accion)
        if clase is None:
            return None
        kwargs = {"prefix": accion}
        if clase is AsignarForm:
            kwargs["escrito"] = self.escrito
        if clase is TurnarForm and self.escrito.area_sugerida_id:
            kwargs["initial"] = {"area": self.escrito.area_sugerida_id}  # from the trámite
        return clase(data, files, **kwargs)

    def get_context_data(self, formularios=None, formulario_firma=None, **kwargs):
        context = super().get_context_data(**kwargs)
        escrito = self.escrito
        usuario = self.request.user
        acciones = selectors.acciones_disponibles(usuario, escrito)
        formularios = dict(formularios or {})
        for accion in acciones:
            if accion not in formularios and (form := self.formulario(accion)) is not None:
                formularios[accion] = form
        archivos = selectors.archivos_del_escrito(escrito)
        get = self.request.GET
        estados_ocr = lector().estados(a.pk for a in archivos)
        for archivo in archivos:
            archivo.estado_ocr = estados_ocr.get(archivo.pk)
        recientes_primero = get.get("bitacora") != "asc"
        context.update(
            escrito=escrito,
            semaforo=semaforo(escrito),
            archivos=archivos,
            **visor.contexto(get, escrito, archivos),
            ocr_activo=any(e.activo for e in estados_ocr.values()),
            linea=selectors.linea_de_tiempo(escrito, recientes_primero=recientes_primero),
            recientes_primero=recientes_primero,
            turnos=escrito.turnos.select_related("a_area", "de_area", "a_usuario", "turnado_por"),
            asignaciones=escrito.asignaciones.select_related("asignado_a", "asignado_por", "area"),
            respuestas=escrito.respuestas.select_related(
                "archivo", "respondido_por"
            ).prefetch_related("notificaciones", "firmas"),
            firma=self.firma(escrito, formulario_firma),
            notificaciones=selectors_entrega.notificaciones_de(escrito),
            acciones=acciones,
            **self.pasos(escrito, acciones, formularios),
            formularios=formularios,
            **self.version_publica(escrito),
        )
        return context

    def pasos(self, escrito, acciones, formularios) -> dict:
        """The next step and the other actions, each with its form (None: a button)."""
        paso = acciones_del_escrito(escrito, self.request.user, acciones)

        def con_form(accion):
            return {"accion": accion, "form": formularios.get(accion.nombre)}

        return {
            "siguiente": paso.siguiente and con_form(paso.siguiente),
            "otras": [con_form(a) for a in paso.otras],
        }

    def firma(self, escrito, form=None) -> dict | None:
        """The answer this user may sign now, with its form (None: nothing to sign)."""
        respuesta = selectors_entrega.respuesta_entregable(escrito)
        if respuesta is None or not firmas.puede_firmar(self.request.user, respuesta):
            return None
        try:
            firmas.exigir_firmable(respuesta)
        except ValidationError as motivo:
            return {"respuesta": respuesta, "motivo": " ".join(motivo.messages)}
        return {"respuesta": respuesta, "form": form or FirmarRespuestaForm()}

    def version_publica(self, escrito) -> dict:
        """The versión pública's state and link, for whoever may testar a public escrito."""
        if escrito.clasificacion != escrito.Clasificacion.PUBLICA or not permisos.puede_testar(
            self.request.user, escrito
        ):
            return {}
        return {"testar": True, "version_publica": servicio_version.vigente(escrito.pk)}


class AccionView(EscritoView):
    """POST one action → the service → a Spanish message → back to the escrito."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        accion = kwargs["accion"]
        manejador = getattr(self, f"_{accion}", None)
        if accion not in selectors.ACCIONES or manejador is None:
            raise Http404
        if envio_excedido(request):  # its file never arrived: do nothing without it
            messages.error(request, mensaje_envio_excedido())
            return redirect(reverse("documentos_admin:escrito", args=[self.escrito.pk]))
        form = self.formulario(accion, request.POST, request.FILES)
        if form is not None and not form.is_valid():
            messages.error(request, _("Revise los datos marcados del formulario."))
            contexto = self.get_context_data(formularios={accion: form}, accion_abierta=accion)
            return self.render_to_response(contexto)
        datos = form.cleaned_data if form is not None else {}
        try:
            mensaje = manejador(datos)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, mensaje)
        return redirect(reverse("documentos_admin:escrito", args=[self.escrito.pk]))

    @property
    def _comun(self):
        return {"usuario": self.request.user, "ip": ip_cliente(self.request)}

    def _turnar(self, d):
        flujo.turnar(
            self.escrito,
            d["area"],
            instruccion=d["instruccion"],
            plazo=d["plazo"],
            a_usuario=d["a_usuario"],
            copias=list(d["copias"]),
            **self._comun,
        )
        return _("Escrito turnado a %(area)s.") % {"area": d["area"]}

    def _asignar(self, d):
        asignacion = flujo.asignar(
            self.escrito, d["asignado_a"], instruccion=d["instruccion"], **self._comun
        )
        persona = asignacion.asignado_a.get_full_name() or asignacion.asignado_a.get_username()
        return _("Atención asignada a %(persona)s.") % {"persona": persona}

    def _responder(self, d):
        flujo.responder(
            self.escrito,
            sentido=d["sentido"],
            texto=d["texto"],
            fecha=d["fecha"],
            archivo=d["archivo"],
            **self._comun,
        )
        return _("Respuesta registrada.")

    def _concluir(self, d):
        flujo.concluir(self.escrito, nota=d["nota"], **self._comun)
        return _("Escrito concluido.")

    def _archivar(self, d):
        flujo.archivar(self.escrito, **self._comun)
        return _("Escrito archivado.")

    def _cancelar(self, d):
        flujo.cancelar(self.escrito, motivo=d["motivo"], **self._comun)
        return _("Escrito cancelado.")

    def _reabrir(self, d):
        flujo.reabrir(self.escrito, motivo=d["motivo"], **self._comun)
        return _("Escrito reabierto: vuelve a estar en atención.")

    def _publicar(self, d):
        flujo.publicar(self.escrito, True, **self._comun)
        return _("Escrito publicado en el archivo público.")

    def _retirar(self, d):
        flujo.publicar(self.escrito, False, **self._comun)
        return _("Escrito retirado del archivo público.")


class ReleerOCRView(Prohibido403, View):
    """POST: read a file's text again (OCR), replacing the current result when done."""

    http_method_names = ["post"]

    def post(self, request, pk, archivo_id):
        archivo = archivo_visible(request.user, pk, archivo_id)
        lector().volver_a_leer([archivo.pk])
        messages.success(
            request,
            _("Se volverá a leer «%(nombre)s»; el texto actual se reemplaza al terminar.")
            % {"nombre": archivo.nombre_original},
        )
        return redirect(reverse("documentos_admin:escrito", args=[pk]) + "#archivos-section")


class ArchivoView(Prohibido403, View):
    """Stream a stored file to staff who may see its escrito, writing the bitácora."""

    def get(self, request, pk, archivo_id):
        archivo = archivo_visible(request.user, pk, archivo_id)
        servicio_archivos.registrar_consulta(archivo, request.user, ip_cliente(request))
        return servir_archivo(
            archivo, nombre=archivo.nombre_original, adjunto="descargar" in request.GET
        )


def imagen_de_aviso(mensaje: str) -> str:
    """An SVG the viewer's <img> shows in place of a page, with the reason in words."""
    lineas = textwrap.wrap(mensaje, 60)
    alto = 80 + 28 * len(lineas)
    renglones = "".join(
        f'<tspan x="40" dy="{28 if i else 0}">{escape(linea)}</tspan>'
        for i, linea in enumerate(lineas)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ANCHO_PAGINA_PX // 2}" '
        f'height="{alto}" role="img" aria-label="{escape(mensaje)}">'
        f'<rect width="100%" height="100%" fill="#fff4f4" stroke="#b00020"/>'
        f'<text x="40" y="56" font-family="sans-serif" font-size="18" fill="#3d0008">'
        f"{renglones}</text></svg>"
    )


class PaginaArchivoView(Prohibido403, View):
    """A page of a file as an image (every browser shows it; PDFs and TIFFs alike)."""

    def get(self, request, pk, archivo_id, pagina):
        archivo = archivo_visible(request.user, pk, archivo_id)
        if not 1 <= pagina <= archivo.paginas:
            raise Http404
        servicio_archivos.registrar_consulta(archivo, request.user, ip_cliente(request))
        try:
            png = lector().imagen(archivo.pk, pagina, ANCHO_PAGINA_PX)
        except ValidationError as error:
            respuesta = HttpResponse(
                imagen_de_aviso(error.messages[0]), content_type="image/svg+xml", status=422
            )
            respuesta["Cache-Control"] = "private, no-store"
            return respuesta
        respuesta = HttpResponse(png, content_type="image/png")
        respuesta["Cache-Control"] = "private, max-age=600"
        return respuesta
