"""Admin screens of the acciones de mejora: the list (mine / all by role), one action with
its indicator's ficha, its history and the "Agregar seguimiento" form, planning an action
for an oportunidad, the plan of an evaluation with its informe de mejora (web and PDF) and
the closing of the cycle. Thin: the rules live in atencion.calidad.services_mejora."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documentos.views.staff import MIGA_INICIO, VistaStaff, aplicar_errores, prohibido
from formatos.descarga import descarga

from ..calidad import permisos
from ..calidad import selectors_mejora as sel
from ..calidad import services_mejora as sm
from ..calidad.forms_mejora import CerrarForm, PlanificarForm, SeguimientoForm
from ..calidad.informe_mejora import barras, fuente_texto, meta_texto, pdf_informe, responsable
from ..models import Actividad, Evaluacion, Indicador, OportunidadMejora


def puede_ver_mejoras(usuario) -> bool:
    """The menu and the lists: the quality roles, the teams and every responsable."""
    return (
        permisos.puede_ver_calidad(usuario)
        or sel.visibles(usuario).exists()
        or sel.planes_visibles(usuario).exists()
    )


def _miga_acciones():
    return {"url": reverse("atencion_mejora:acciones"), "label": _("Acciones de mejora")}


def _miga_planes():
    return {"url": reverse("atencion_mejora:planes"), "label": _("Planes de mejora")}


class AccionesView(VistaStaff):
    template_name = "atencion/calidad/acciones.html"
    page_title = gettext_lazy("Acciones de mejora")
    header_icon = "tasks"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not puede_ver_mejoras(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usuario = self.request.user
        ve_todas = sel.ve_todas_las_evaluaciones(usuario)
        vista = "todas" if ve_todas and self.request.GET.get("ver") != "mias" else "mias"
        consulta = sel.acciones_de_mejora()
        consulta = consulta if vista == "todas" else sel.de_usuario(consulta, usuario)
        context.update(acciones=sel.acciones(consulta), vista=vista, ve_todas=ve_todas)
        return context


def _actividad_visible(request, pk) -> Actividad:
    actividad = sel.visibles(request.user).filter(pk=pk).first()
    if actividad is None:
        raise Http404
    return actividad


class AccionView(VistaStaff):
    template_name = "atencion/calidad/accion.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.actividad = _actividad_visible(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.actividad.nombre

    def get_breadcrumbs_items(self):
        return [MIGA_INICIO, _miga_acciones(), {"url": "", "label": self.actividad.nombre}]

    def _manual(self) -> bool:
        indicador = self.actividad.indicador
        return indicador is not None and not indicador.calculado

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        accion = sel.accion(self.actividad)
        medicion = accion.medicion
        puede = permisos.puede_dar_seguimiento(self.request.user, self.actividad)
        abierta = self.actividad.oportunidad.evaluacion.estado != Evaluacion.Estado.CERRADA
        context.update(
            accion=accion,
            evaluacion=self.actividad.oportunidad.evaluacion,
            responsable=responsable(accion),
            medicion=medicion,
            fuentes=fuente_texto(medicion, accion) if medicion else None,
            meta_texto=meta_texto(medicion) if medicion else "",
            barras=barras(medicion) if medicion else None,
            puede_seguir=puede and abierta,
            form=form or SeguimientoForm(manual=self._manual(), initial={"avance": accion.avance}),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = SeguimientoForm(request.POST, request.FILES, manual=self._manual())
        if form.is_valid():
            datos = form.cleaned_data
            try:
                sm.registrar_seguimiento(
                    self.actividad,
                    fecha=datos["fecha"],
                    avance=datos["avance"],
                    descripcion=datos["descripcion"],
                    valor=datos.get("valor"),
                    evidencia=datos["evidencia"] or None,
                    usuario=request.user,
                )
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, _("Seguimiento registrado."))
                return redirect("atencion_mejora:accion", self.actividad.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PlanesView(VistaStaff):
    template_name = "atencion/calidad/planes.html"
    page_title = gettext_lazy("Planes de mejora")
    header_icon = "clipboard-list"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not puede_ver_mejoras(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["planes"] = [
            sel.informe(e) for e in sel.planes_visibles(self.request.user).order_by("-pk")
        ]
        return context


class PlanView(VistaStaff):
    """An evaluation's plan: the informe de mejora with the planning and closing actions."""

    template_name = "atencion/calidad/plan.html"
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        self.evaluacion = get_object_or_404(sel.planes_visibles(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Plan de mejora: %(servicio)s") % {"servicio": self.evaluacion.nombre}

    def get_breadcrumbs_items(self):
        return [MIGA_INICIO, _miga_planes(), {"url": "", "label": self.evaluacion.nombre}]

    def get_context_data(self, cerrar_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        usuario = self.request.user
        informe = sel.informe(self.evaluacion)
        context.update(
            informe=informe,
            filas=_filas_informe(informe),
            puede_planificar=permisos.puede_planificar(usuario, self.evaluacion),
            puede_cerrar=permisos.puede_cerrar(usuario, self.evaluacion),
            cerrar_form=cerrar_form or CerrarForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Close the cycle."""
        form = CerrarForm(request.POST)
        if form.is_valid():
            try:
                sm.cerrar(
                    self.evaluacion,
                    form.cleaned_data["lecciones"],
                    request.user,
                    motivo=form.cleaned_data["motivo"],
                )
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, _("El ciclo de mejora quedó cerrado."))
                return redirect("atencion_mejora:plan", self.evaluacion.pk)
        return self.render_to_response(self.get_context_data(cerrar_form=form), status=400)


def _filas_informe(informe) -> list[tuple]:
    """(oportunidad, [(acción, bars, sources, meta text)]) for the web informe."""
    filas = []
    for oportunidad, acciones in informe.oportunidades:
        detalle = []
        for accion in acciones:
            m = accion.medicion
            detalle.append(
                {
                    "accion": accion,
                    "responsable": responsable(accion),
                    "barras": barras(m) if m else None,
                    "fuentes": fuente_texto(m, accion) if m else None,
                    "meta_texto": meta_texto(m) if m else "",
                }
            )
        filas.append((oportunidad, detalle))
    return filas


def informe_pdf(request, pk):
    evaluacion = sel.planes_visibles(request.user).filter(pk=pk).first()
    if evaluacion is None:
        raise Http404
    nombre = f"informe-de-mejora-{slugify(evaluacion.nombre)[:60]}.pdf"
    return descarga(pdf_informe(sel.informe(evaluacion)), "application/pdf", nombre)


class PlanificarView(VistaStaff):
    template_name = "atencion/calidad/planificar.html"
    page_title = gettext_lazy("Planificar una acción de mejora")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.oportunidad = get_object_or_404(
            OportunidadMejora.objects.select_related("evaluacion__area", "componente"),
            pk=kwargs["pk"],
        )
        if not permisos.puede_planificar(request.user, self.oportunidad.evaluacion):
            return prohibido(
                request, _("Solo se planifican mejoras de un informe aprobado, con su rol.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        evaluacion = self.oportunidad.evaluacion
        return [
            MIGA_INICIO,
            _miga_planes(),
            {
                "url": reverse("atencion_mejora:plan", args=[evaluacion.pk]),
                "label": evaluacion.nombre,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluacion = self.oportunidad.evaluacion
        medidas = [
            (etiqueta, sel.cifra(sm.linea_base_medida(evaluacion, calculo)), sm.FICHAS[calculo][0])
            for calculo, etiqueta in Indicador.Calculo.choices
            if calculo in sm.FICHAS
        ]
        inicial = {
            "area_responsable": evaluacion.area,
            "inicio": max(timezone.localdate(), evaluacion.periodo_hasta + dt.timedelta(days=1)),
            "indicador_frecuencia": Indicador.Frecuencia.TRIMESTRAL,
        }
        context.update(
            oportunidad=self.oportunidad,
            evaluacion=evaluacion,
            medidas=medidas,
            form=form or PlanificarForm(initial=inicial),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PlanificarForm(request.POST)
        if form.is_valid():
            try:
                actividad = sm.planificar_accion(self.oportunidad, form.cleaned_data, request.user)
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, _("Acción de mejora planificada."))
                return redirect("atencion_mejora:accion", actividad.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
