"""Admin pages of the diagnóstico de la situación actual: the área's page (inventory, clima
laboral, infrastructure, findings), recording the clima and the checklist, and the report
(web and PDF). Área staff see their own área; the quality roles and the Contraloría, all."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from documentos.models import Area
from documentos.views.staff import MIGA_INICIO, VistaStaff, aplicar_errores, prohibido
from formatos.descarga import descarga

from ..calidad import permisos
from ..calidad import selectors_diagnostico as sel
from ..calidad.diagnostico_pdf import informe_pdf
from ..calidad.services_diagnostico import registrar_clima, registrar_infraestructura
from ..forms_diagnostico import (
    ClimaForm,
    DiagnosticoForm,
    InfraestructuraForm,
    PeriodoForm,
    periodo_por_defecto,
)
from ..selectors_encuestas import umbral

MIGA = {
    "url": reverse_lazy("atencion_calidad_diagnostico:diagnostico"),
    "label": gettext_lazy("Diagnóstico"),
}


def url_diagnostico(area, desde, hasta) -> str:
    consulta = {"area": area.pk, "desde": desde.isoformat(), "hasta": hasta.isoformat()}
    return reverse("atencion_calidad_diagnostico:diagnostico") + "?" + urlencode(consulta)


def contexto_informe(area, desde, hasta) -> dict:
    """What the report's parts (templates/atencion/calidad/_*.html) need."""
    return {
        "area": area,
        "desde": desde,
        "hasta": hasta,
        "diagnostico": sel.diagnostico(area, desde, hasta),
        "consulta": urlencode({"desde": desde.isoformat(), "hasta": hasta.isoformat()}),
        "umbral_encuestas": umbral(),
        "umbrales": {
            "en_plazo": sel.UMBRAL_EN_PLAZO_PCT,
            "satisfaccion": sel.UMBRAL_SATISFACCION,
            "espera": sel.UMBRAL_ESPERA_MIN,
            "clima": sel.UMBRAL_CLIMA,
        },
    }


def periodo(request) -> tuple:
    """The period asked in the query string, or the default; (desde, hasta, form)."""
    desde, hasta = periodo_por_defecto()
    datos = request.GET if "desde" in request.GET or "hasta" in request.GET else None
    form = PeriodoForm(datos, initial={"desde": desde, "hasta": hasta})
    if datos is not None and form.is_valid():
        return form.cleaned_data["desde"], form.cleaned_data["hasta"], form
    return desde, hasta, form


class DiagnosticoView(VistaStaff):
    template_name = "atencion/calidad/diagnostico.html"
    page_title = gettext_lazy("Diagnóstico de la situación actual")
    header_icon = "clipboard-list"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_ver_diagnostico(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        areas = permisos.areas_de_diagnostico(self.request.user)
        desde, hasta = periodo_por_defecto()
        inicial = {"area": areas.order_by("nombre").first(), "desde": desde, "hasta": hasta}
        pedido = "area" in self.request.GET
        form = DiagnosticoForm(self.request.GET if pedido else None, areas=areas, initial=inicial)
        context["form"] = form
        if pedido and not form.is_valid():
            return context
        datos = form.cleaned_data if pedido else inicial
        area, desde, hasta = datos["area"], datos["desde"], datos["hasta"]
        if area is None:
            return context
        context.update(
            contexto_informe(area, desde, hasta),
            puede_registrar=permisos.puede_registrar_diagnostico(self.request.user, area),
        )
        return context


class RegistroView(VistaStaff):
    """Record the clima laboral results or the infrastructure checklist of one área."""

    breadcrumbs_items = [MIGA_INICIO, MIGA]
    form_class = None

    def dispatch(self, request, *args, area_id, **kwargs):
        self.area = get_object_or_404(Area, pk=area_id)
        if not permisos.puede_registrar_diagnostico(request.user, self.area):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.area.nombre

    def get(self, request, *args, **kwargs):
        desde, hasta, _form = periodo(request)
        form = self.form_class(initial={"desde": desde, "hasta": hasta})
        return self.render_to_response(self.get_context_data(form=form, area=self.area))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.registrar(form)
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, self.mensaje)
                datos = form.cleaned_data
                return redirect(url_diagnostico(self.area, datos["desde"], datos["hasta"]))
        return self.render_to_response(self.get_context_data(form=form, area=self.area))


class ClimaView(RegistroView):
    template_name = "atencion/calidad/registrar_clima.html"
    page_title = gettext_lazy("Registrar encuesta de clima laboral")
    header_icon = "group"
    form_class = ClimaForm
    mensaje = gettext_lazy("Se registró la encuesta de clima laboral.")

    def registrar(self, form):
        datos = form.cleaned_data
        registrar_clima(
            self.area,
            desde=datos["desde"],
            hasta=datos["hasta"],
            participantes=datos["participantes"],
            personal=datos["personal"],
            resultados=form.resultados(),
            observaciones=datos["observaciones"],
            usuario=self.request.user,
        )


class InfraestructuraView(RegistroView):
    template_name = "atencion/calidad/registrar_infraestructura.html"
    page_title = gettext_lazy("Registrar revisión de infraestructura")
    header_icon = "home"
    form_class = InfraestructuraForm
    mensaje = gettext_lazy("Se registró la revisión de infraestructura.")

    def registrar(self, form):
        datos = form.cleaned_data
        registrar_infraestructura(
            self.area,
            desde=datos["desde"],
            hasta=datos["hasta"],
            elementos=form.elementos(),
            observaciones=datos["observaciones"],
            usuario=self.request.user,
        )


class InformeMixin:
    """The report of one área for the period in the query string."""

    def dispatch(self, request, *args, area_id, **kwargs):
        self.area = get_object_or_404(Area, pk=area_id)
        if not permisos.puede_ver_diagnostico(request.user, self.area):
            return prohibido(request)
        self.desde, self.hasta, form = periodo(request)
        if form.is_bound and not form.is_valid():
            for errores in form.errors.values():
                messages.error(request, " ".join(errores))
            return redirect(reverse("atencion_calidad_diagnostico:diagnostico"))
        return super().dispatch(request, *args, **kwargs)


class InformeView(InformeMixin, VistaStaff):
    template_name = "atencion/calidad/informe_diagnostico.html"
    page_title = gettext_lazy("Diagnóstico de la situación actual")
    header_icon = "doc-full"
    breadcrumbs_items = [MIGA_INICIO, MIGA]

    def get_page_subtitle(self):
        return self.area.nombre

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            contexto_informe(self.area, self.desde, self.hasta),
            generado=timezone.localtime(),
            volver=url_diagnostico(self.area, self.desde, self.hasta),
        )
        return context


class InformePdfView(InformeMixin, VistaStaff):
    def get(self, request, *args, **kwargs):
        contenido = informe_pdf(sel.diagnostico(self.area, self.desde, self.hasta))
        nombre = f"diagnostico-{slugify(self.area.siglas)}-{self.desde}-{self.hasta}.pdf"
        return descarga(contenido, "application/pdf", nombre)
