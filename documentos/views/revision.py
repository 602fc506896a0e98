"""The review of one versión pública (transparency unit): the escrito's pages with their
boxes, accept / reject / draw / a term everywhere / the public subject, each page as the
public will see it, approval and publishing.

Thin: every change goes through services.version_publica or flujo.publicar. A plain form
is redirected back to the page it came from with a message; the page's script
(static/documentos/revision.js) asks for JSON and redraws the page from `?parcial=1`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.widgets.button import HeaderButton

from .. import permisos, selectors
from .. import selectors_version_publica as revision
from ..forms_version_publica import (
    AsuntoForm,
    DecidirForm,
    DibujarForm,
    PaginaForm,
    TerminoForm,
)
from ..models import CajaTestada, VersionPublica
from ..services import archivos as servicio_archivos
from ..services import flujo
from ..services import version_publica as servicio
from ..testado import tipos
from ..testado.fuente import fuente
from ..visibilidad import escritos_visibles
from .comun import entero, ip_cliente
from .escrito import ANCHO_PAGINA_PX, imagen_de_aviso
from .staff import MIGA_INICIO, VistaStaff, prohibido

E = VersionPublica.Estado
C = CajaTestada.Estado


def quiere_json(request) -> bool:
    """The page's script asks for JSON; a plain form gets a redirect."""
    return "application/json" in request.headers.get("Accept", "")


def version_de(usuario, pk: int) -> VersionPublica:
    """The version if its escrito is visible to this person (404 otherwise) and they may
    testar it (PermissionDenied otherwise)."""
    version = get_object_or_404(
        VersionPublica.objects.select_related("escrito", "escrito__area_responsable"),
        pk=pk,
        escrito__in=escritos_visibles(usuario),
    )
    permisos.exigir(permisos.puede_testar(usuario, version.escrito))
    return version


def url_revision(version: VersionPublica, pagina: int | None = None, vista: str = "") -> str:
    consulta = []
    if pagina:
        consulta.append(f"pagina={pagina}")
    if vista:
        consulta.append(f"vista={vista}")
    url = reverse("documentos_admin:revision", args=[version.pk])
    return url + (f"?{'&'.join(consulta)}" if consulta else "") + "#revision-pagina"


MIGA_COLA = {"label": _("Versiones públicas")}


class RevisionView(VistaStaff):
    template_name = "documentos/admin/revision.html"
    header_icon = "view"

    @cached_property
    def version(self):
        return version_de(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Versión pública de %(folio)s") % {"folio": self.version.escrito.folio}

    def get_breadcrumbs_items(self):
        cola = {**MIGA_COLA, "url": reverse("documentos_admin:versiones_publicas")}
        return [MIGA_INICIO, cola, {"url": "", "label": self.version.escrito.folio}]

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Ver el escrito"),
                url=reverse("documentos_admin:escrito", args=[self.version.escrito_id]),
                icon_name="doc-full",
            )
        ]

    def get_template_names(self):
        if "parcial" in self.request.GET:
            return ["documentos/admin/includes/revision_partes.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.version
        archivos = selectors.archivos_del_escrito(version.escrito)
        pagina = revision.pagina_de_revision(
            version, archivos, entero(self.request.GET.get("pagina"), 1)
        )
        en_revision = version.estado == E.POR_REVISAR
        context.update(
            version=version,
            escrito=version.escrito,
            pagina=pagina,
            indice=revision.indice(version, archivos),
            resumen=revision.resumen(version),
            en_revision=en_revision,
            vista_publica=self.request.GET.get("vista") == "publica",
            publicada=revision.publicada(version),
            puede_publicar=revision.puede_publicarse(self.request.user, version.escrito),
            categorias=tipos.Categoria.choices,
        )
        if en_revision:
            context.update(
                termino_form=kwargs.get("termino_form") or TerminoForm(),
                asunto_form=AsuntoForm(initial={"asunto": version.asunto}),
                dibujar_form=DibujarForm(version=version),
            )
        return context


class AccionRevision(View):
    """POST one change of a version → the service → JSON, or a message and back."""

    http_method_names = ["post"]
    form_class = None

    def dispatch(self, request, *args, **kwargs):
        try:
            self.version = version_de(request.user, kwargs["pk"])
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            if quiere_json(request):
                mensaje = _("No tiene permiso para realizar esta acción sobre el escrito.")
                return JsonResponse({"error": mensaje}, status=403)
            return prohibido(request)

    def formulario(self):
        return self.form_class(self.request.POST, version=self.version)

    def post(self, request, *args, **kwargs):
        form = self.formulario()
        if not form.is_valid():
            errores = [m for lista in form.errors.values() for m in lista]
            return self.responder(error=" ".join(errores))
        try:
            mensaje = self.hacer(form)
        except ValidationError as error:
            return self.responder(error=" ".join(error.messages))
        return self.responder(mensaje=mensaje)

    def hacer(self, form) -> str:
        raise NotImplementedError

    def volver(self) -> str:
        pagina = entero(self.request.POST.get("volver"))
        return url_revision(self.version, pagina)

    def responder(self, *, mensaje: str = "", error: str = ""):
        if quiere_json(self.request):
            if error:
                return JsonResponse({"error": error}, status=400)
            return JsonResponse({"mensaje": mensaje})
        if error:
            messages.error(self.request, error)
        else:
            messages.success(self.request, mensaje)
        return redirect(self.volver())


class DecidirView(AccionRevision):
    form_class = DecidirForm

    def hacer(self, form):
        aceptar = form.cleaned_data["decision"] == "aceptar"
        ids = form.cleaned_data["ids"]
        if not ids:
            return _("No quedan sugerencias por decidir ahí.")
        n = servicio.decidir(self.version, ids, aceptar, usuario=self.request.user)
        if aceptar:
            return ngettext("%(n)s caja aceptada.", "%(n)s cajas aceptadas.", n) % {"n": n}
        return ngettext("%(n)s caja rechazada.", "%(n)s cajas rechazadas.", n) % {"n": n}


class DibujarView(AccionRevision):
    form_class = DibujarForm

    def hacer(self, form):
        servicio.dibujar(
            self.version,
            archivo=form.cleaned_data["archivo"],
            pagina=form.cleaned_data["pagina"],
            caja=form.caja(),
            categoria=form.cleaned_data["categoria"],
            usuario=self.request.user,
        )
        return _("Caja agregada: se testará al aprobar.")


class CubrirView(AccionRevision):
    form_class = PaginaForm

    def hacer(self, form):
        archivo, numero = form.cleaned_data["archivo"], form.cleaned_data["pagina"]
        leidas = fuente().paginas_leidas([archivo.pk]).get(archivo.pk, [])
        leida = next((p for p in leidas if p.numero == numero), None)
        if leida is None:
            raise ValidationError(_("Esa página aún no se ha leído (OCR)."))
        servicio.dibujar(
            self.version,
            archivo=archivo,
            pagina=numero,
            caja=tipos.Caja(0, 0, leida.ancho, leida.alto),
            categoria=tipos.Categoria.OTRO,
            usuario=self.request.user,
            origen=CajaTestada.Origen.PAGINA,
        )
        return _("La página completa quedará cubierta en la versión pública.")


class TerminoView(AccionRevision):
    def formulario(self):
        return TerminoForm(self.request.POST)

    def hacer(self, form):
        n = servicio.testar_termino(
            self.version,
            form.cleaned_data["termino"],
            form.cleaned_data["categoria"],
            usuario=self.request.user,
        )
        if not n:
            return _("No se encontró ese término en el texto leído del escrito.")
        return ngettext(
            "Término testado: %(n)s palabra en el escrito.",
            "Término testado: %(n)s palabras en el escrito.",
            n,
        ) % {"n": n}


class AsuntoView(AccionRevision):
    def formulario(self):
        return AsuntoForm(self.request.POST)

    def hacer(self, form):
        servicio.editar_asunto(self.version, form.cleaned_data["asunto"], usuario=self.request.user)
        return _("Asunto público guardado.")


class AprobarView(VistaStaff):
    """GET: what approving will do (a confirmation); POST: approve."""

    template_name = "documentos/admin/revision_aprobar.html"
    header_icon = "tick"

    @cached_property
    def version(self):
        return version_de(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Aprobar la versión pública de %(folio)s") % {"folio": self.version.escrito.folio}

    def get_breadcrumbs_items(self):
        cola = {**MIGA_COLA, "url": reverse("documentos_admin:versiones_publicas")}
        folio = {"url": url_revision(self.version), "label": self.version.escrito.folio}
        return [MIGA_INICIO, cola, folio, {"url": "", "label": _("Aprobar")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        archivos = selectors.archivos_del_escrito(self.version.escrito)
        indice = revision.indice(self.version, archivos)
        context.update(
            version=self.version,
            escrito=self.version.escrito,
            resumen=revision.resumen(self.version),
            inseguras=[p for p in indice if p.insegura and not self._cubierta(p)],
        )
        return context

    def _cubierta(self, pagina) -> bool:
        return self.version.cajas.filter(
            archivo=pagina.archivo,
            pagina=pagina.numero,
            origen=CajaTestada.Origen.PAGINA,
            estado=C.ACEPTADA,
        ).exists()

    def get(self, request, *args, **kwargs):
        if self.version.estado != E.POR_REVISAR:
            return redirect(url_revision(self.version))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            servicio.aprobar(self.version, usuario=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(url_revision(self.version))
        messages.success(
            request,
            _(
                "Versión pública aprobada: las cajas aceptadas quedaron quemadas en las páginas. "
                "Ahora puede publicarla en el archivo público."
            ),
        )
        return redirect(url_revision(self.version))


class PublicarView(View):
    """POST publicar=1 (or 0 to withdraw) through flujo.publicar, the one way to publish."""

    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            version = version_de(request.user, pk)
            publicar = request.POST.get("publicar") == "1"
            flujo.publicar(version.escrito, publicar, usuario=request.user, ip=ip_cliente(request))
        except PermissionDenied:
            return prohibido(request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Escrito publicado en el archivo público.")
                if publicar
                else _("Escrito retirado del archivo público."),
            )
        siguiente = request.POST.get("siguiente", "")
        if siguiente and url_has_allowed_host_and_scheme(
            siguiente, {request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(siguiente)
        return redirect(url_revision(version))


class VistaPublicaView(View):
    """A page as the public copy will show it: its accepted boxes burned in (ocr)."""

    def get(self, request, pk, archivo_id, pagina):
        try:
            version = version_de(request.user, pk)
        except PermissionDenied:
            return prohibido(request)
        archivo = get_object_or_404(version.escrito.archivos, pk=archivo_id)
        if not 1 <= pagina <= archivo.paginas:
            raise Http404
        cajas = [
            tipos.CajaTestar(c.archivo_id, c.pagina, c.caja, c.categoria)
            for c in version.cajas.filter(archivo=archivo, pagina=pagina, estado=C.ACEPTADA)
        ]
        servicio_archivos.registrar_consulta(archivo, request.user, ip_cliente(request))
        try:
            png = fuente().vista_previa(archivo.pk, pagina, cajas, ancho_max=ANCHO_PAGINA_PX)
        except ValidationError as error:
            respuesta = HttpResponse(
                imagen_de_aviso(error.messages[0]), content_type="image/svg+xml", status=422
            )
        else:
            respuesta = HttpResponse(png, content_type="image/png")
        respuesta["Cache-Control"] = "private, no-store"  # it changes with every decision
        return respuesta
