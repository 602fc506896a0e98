"""Staff screens shared pieces and the intake (recepción) at the window."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import calidad, eventos, permisos, selectors
from ..forms import RecepcionForm
from ..services.recepcion import EnvioRepetido, PosibleDuplicado, recibir_escrito
from ..subidas import envio_excedido, mensaje_envio_excedido
from .comun import ip_cliente

MIGA_INICIO = {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Inicio")}
MIGA_BANDEJA = {
    "url": reverse_lazy("documentos_admin:bandeja"),
    "label": gettext_lazy("Oficialía de Partes"),
}


def prohibido(request, mensaje: str | None = None) -> TemplateResponse:
    """A 403 page inside the admin (Wagtail would otherwise redirect to the dashboard)."""
    return TemplateResponse(
        request, "documentos/admin/prohibido.html", {"mensaje": mensaje}, status=403
    )


class Prohibido403:
    """Turn PermissionDenied (from permisos or the services) into a real 403 response."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return prohibido(request)


class VistaStaff(Prohibido403, WagtailAdminTemplateMixin, TemplateView):
    """An admin page with the standard Wagtail furniture and Oficialía breadcrumbs."""

    breadcrumbs_items = [MIGA_INICIO, MIGA_BANDEJA]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def aplicar_errores(form, error: ValidationError, campo_por_defecto: str | None) -> None:
    """Put a service's ValidationError next to the form fields it concerns."""
    if hasattr(error, "error_dict"):
        for campo, errores in error.error_dict.items():
            destino = campo if campo in form.fields else None
            for mensaje in ValidationError(errores).messages:
                form.add_error(destino, mensaje)
        return
    for mensaje in error.messages:
        form.add_error(campo_por_defecto, mensaje)


class RecepcionView(VistaStaff):
    template_name = "documentos/admin/recepcion.html"
    page_title = gettext_lazy("Recepción de escritos")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_recibir(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_bytes"] = settings.FOLIO_MAX_ARCHIVO_MB * 1024 * 1024
        if calidad.hay_revisor():
            context["url_calidad"] = reverse("documentos_admin:recepcion_calidad")
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=RecepcionForm()))

    def post(self, request, *args, **kwargs):
        if envio_excedido(request):
            # The body was not read past the cap: the fields after the files are missing.
            form = RecepcionForm(request.POST)
            form.is_valid()
            form.add_error(None, mensaje_envio_excedido())
            contexto = self.get_context_data(form=form, archivos_perdidos=True)
            return self.render_to_response(contexto, status=413)
        form = RecepcionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                escrito = recibir_escrito(
                    form.datos(),
                    usuario=request.user,
                    ip=ip_cliente(request),
                    confirmar_duplicado=form.cleaned_data["confirmar_duplicado"],
                )
            except EnvioRepetido as repetido:
                # The same form sent twice: the first escrito's acuse, not a second folio.
                folio = repetido.escrito.folio
                messages.info(
                    request,
                    _("Este formulario ya se había registrado con el folio %(folio)s.")
                    % {"folio": folio},
                )
                return redirect(reverse("documentos_admin:acuse", args=[repetido.escrito.pk]))
            except PosibleDuplicado as aviso:
                # A warning shown once: sent again as it is, the escrito is registered.
                form = RecepcionForm.con_aviso_de_duplicado(
                    request.POST, request.FILES, aviso.escrito
                )
            except ValidationError as error:
                aplicar_errores(form, error, "archivos")
            else:
                eventos.escrito_recibido_en_ventanilla(
                    escrito.pk, request.user.pk, request.GET.get("ficha")
                )
                recibido = _("Escrito recibido con el folio %(folio)s.") % {"folio": escrito.folio}
                avisos = selectors.avisos_de_recepcion(escrito)
                messages.success(request, " ".join([recibido, *avisos]))
                _avisar_calidad(request, escrito, form.cleaned_data["archivos"])
                return redirect(reverse("documentos_admin:acuse", args=[escrito.pk]))
        return self.render_to_response(
            self.get_context_data(
                form=form, archivos_perdidos=bool(request.FILES.getlist("archivos"))
            ),
            status=200,
        )


SESION_CALIDAD = "documentos_calidad"


def _avisar_calidad(request, escrito, archivos) -> None:
    """Keep the quality warnings for the acuse, shown once, in its body (next to the folio,
    where the clerk looks while the person is still at the window). The escrito is
    registered anyway: the paper original is what counts."""
    if avisos := calidad.avisos(archivos):
        pendientes = request.session.get(SESION_CALIDAD) or {}
        pendientes[str(escrito.pk)] = avisos
        request.session[SESION_CALIDAD] = pendientes


def avisos_de_calidad_pendientes(request, escrito) -> list[str]:
    """The warnings `_avisar_calidad` kept for this escrito's acuse (then forgotten)."""
    pendientes = request.session.get(SESION_CALIDAD) or {}
    avisos = pendientes.pop(str(escrito.pk), [])
    if avisos:
        request.session[SESION_CALIDAD] = pendientes
    return avisos
