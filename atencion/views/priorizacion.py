"""Admin pages of the prioritisation: the catalog's trámites ranked by the stated criteria,
and, for the máxima autoridad, prioritising one (it starts its evaluation)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documentos.views.staff import MIGA_INICIO, VistaStaff, aplicar_errores, prohibido

from ..calidad import catalogo, permisos
from ..calidad import selectors_priorizacion as sel
from ..calidad.services_priorizacion import en_curso_por_tramite, priorizar
from ..forms_diagnostico import PriorizarForm, periodo_por_defecto
from ..selectors_encuestas import umbral
from .diagnostico import periodo

MIGA = {
    "url": reverse_lazy("atencion_calidad_diagnostico:priorizacion"),
    "label": gettext_lazy("Priorización"),
}


class PriorizacionView(VistaStaff):
    template_name = "atencion/calidad/priorizacion.html"
    page_title = gettext_lazy("Priorización de servicios a evaluar")
    header_icon = "order"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_ver_calidad(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        desde, hasta, form = periodo(self.request)
        tabla = sel.priorizacion(desde, hasta)
        en_curso = en_curso_por_tramite()
        context.update(
            filas=[(f, en_curso.get(f.tramite.id)) for f in tabla.filas],
            form=form,
            desde=desde,
            hasta=hasta,
            tabla=tabla,
            escala=sel.ESCALA_MAXIMA,
            umbral=umbral(),
            puede_priorizar=permisos.puede_priorizar(self.request.user),
            consulta=urlencode({"desde": desde.isoformat(), "hasta": hasta.isoformat()}),
        )
        return context


class PriorizarView(VistaStaff):
    template_name = "atencion/calidad/priorizar.html"
    page_title = gettext_lazy("Priorizar un trámite")
    header_icon = "order"
    breadcrumbs_items = [MIGA_INICIO, MIGA]

    def dispatch(self, request, *args, tramite_id, **kwargs):
        if not permisos.puede_priorizar(request.user):
            return prohibido(request)
        self.tramite = catalogo.tramite(tramite_id)
        if self.tramite is None:
            raise Http404(_("El trámite no está en el catálogo."))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.tramite.titulo

    def _contexto(self, form, desde, hasta):
        fila = sel.priorizacion(desde, hasta).fila(self.tramite.id)
        return self.get_context_data(
            form=form, tramite=self.tramite, fila=fila, desde=desde, hasta=hasta
        )

    def get(self, request, *args, **kwargs):
        desde, hasta, _form = periodo(request)
        form = PriorizarForm(initial={"desde": desde, "hasta": hasta})
        return self.render_to_response(self._contexto(form, desde, hasta))

    def post(self, request, *args, **kwargs):
        form = PriorizarForm(request.POST)
        if form.is_valid():
            datos = form.cleaned_data
            try:
                evaluacion = priorizar(
                    self.tramite,
                    datos["modelo"],
                    datos["desde"],
                    datos["hasta"],
                    datos["motivo"],
                    request.user,
                )
            except PermissionDenied:
                return prohibido(request)
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(
                    request,
                    _("Se priorizó «%(tramite)s»: su evaluación quedó en estado «%(estado)s».")
                    % {"tramite": evaluacion.nombre, "estado": evaluacion.get_estado_display()},
                )
                consulta = urlencode(
                    {"desde": datos["desde"].isoformat(), "hasta": datos["hasta"].isoformat()}
                )
                return redirect(
                    reverse("atencion_calidad_diagnostico:priorizacion") + "?" + consulta
                )
        inicio, fin = periodo_por_defecto()
        desde = form.cleaned_data.get("desde") or inicio
        hasta = form.cleaned_data.get("hasta") or fin
        return self.render_to_response(self._contexto(form, desde, hasta))
