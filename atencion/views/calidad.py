"""Admin screens of the evaluation of a servicio: the list, the evaluation page (team,
instrument one componente at a time, oportunidades, conclusiones, figures, buttons) and the
designation of the team. Thin: every write goes through atencion.calidad.services, whose
Spanish ValidationError is shown next to the form or as a message."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from documentos.subidas import envio_excedido, mensaje_envio_excedido
from documentos.views.staff import MIGA_INICIO, VistaStaff, aplicar_errores, prohibido

from ..calidad import permisos, selectors, services
from ..forms_calidad import (
    CalificacionForm,
    ConclusionesForm,
    DevolverForm,
    EquipoForm,
    OportunidadForm,
)
from ..models import Criterio, Evaluacion

MIGA = {
    "url": reverse_lazy("calidad_evaluacion:lista"),
    "label": gettext_lazy("Evaluaciones de servicios"),
}


def url_evaluacion(evaluacion, componente: int | None = None, ancla: str = "") -> str:
    url = reverse("calidad_evaluacion:evaluacion", args=[evaluacion.pk])
    if componente:
        url += f"?componente={componente}"
    return url + (f"#{ancla}" if ancla else "")


class ConEvaluacion:
    """Loads the evaluation of the URL; 403 unless the user may see it."""

    def dispatch(self, request, *args, pk, **kwargs):
        self.evaluacion = get_object_or_404(
            Evaluacion.objects.select_related("area", "modelo", "tramite", "aprobada_por"), pk=pk
        )
        if not permisos.puede_ver_evaluacion(request.user, self.evaluacion):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)


class ListaView(VistaStaff):
    template_name = "atencion/calidad/lista.html"
    page_title = gettext_lazy("Evaluaciones de servicios")
    header_icon = "tasks"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_ver_calidad(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado") or ""
        if estado not in Evaluacion.Estado.values:
            estado = ""
        context.update(
            estado=estado,
            estados=selectors.conteo_por_estado(self.request.user),
            evaluaciones=selectors.evaluaciones_visibles(
                self.request.user, estado
            ).prefetch_related("equipo__usuario")[:300],
        )
        return context


class EvaluacionView(ConEvaluacion, VistaStaff):
    """GET shows the page; POST `que` = calificar | oportunidad | conclusiones."""

    template_name = "atencion/calidad/evaluacion.html"
    header_icon = "tasks"
    breadcrumbs_items = [MIGA_INICIO, MIGA]

    def get_page_title(self):
        return self.evaluacion.nombre

    def _componente(self, componentes, pedido=None) -> int:
        numeros = [c.componente.numero for c in componentes]
        if pedido is None:
            try:
                pedido = int(self.request.GET.get("componente", ""))
            except ValueError:
                pedido = None
        return pedido if pedido in numeros else (numeros[0] if numeros else 0)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ev, usuario = self.evaluacion, self.request.user
        componentes = selectors.resumen(ev)
        error_criterio = kwargs.get("error_criterio")
        numero = self._componente(componentes, kwargs.get("componente"))
        actual = next((c for c in componentes if c.componente.numero == numero), None)
        numeros = [c.componente.numero for c in componentes]
        indice = numeros.index(numero) if numero in numeros else 0
        filas = []
        for fila in actual.filas if actual else []:
            if error_criterio and error_criterio[0] == fila.criterio.pk:
                form = error_criterio[1]
            else:
                inicial = (
                    {"puntaje": fila.calificacion.puntaje, "notas": fila.calificacion.notas}
                    if fila.calificacion
                    else {}
                )
                form = CalificacionForm(initial=inicial, prefix=f"c{fila.criterio.pk}")
            filas.append((fila, form))
        context.update(
            evaluacion=ev,
            equipo=selectors.equipo(ev),
            componentes=componentes,
            actual=actual,
            filas=filas,
            anterior=numeros[indice - 1] if indice > 0 else None,
            siguiente=numeros[indice + 1] if indice + 1 < len(numeros) else None,
            media=selectors.media_general(componentes),
            oportunidades=ev.oportunidades.select_related("componente"),
            form_oportunidad=kwargs.get("form_oportunidad") or OportunidadForm(ev),
            form_conclusiones=kwargs.get("form_conclusiones")
            or ConclusionesForm(initial={"conclusiones": ev.conclusiones}),
            form_devolver=kwargs.get("form_devolver") or DevolverForm(),
            acciones=selectors.acciones(usuario, ev),
            puede_evaluar=permisos.puede_evaluar(usuario, ev),
            puede_designar=permisos.puede_designar_equipo(usuario, ev),
            devolucion=selectors.ultima_devolucion(ev),
            cifras=selectors.cifras_del_periodo(ev),
            historial=selectors.historial(ev)[:50],
            max_mb=settings.FOLIO_MAX_ARCHIVO_MB,
        )
        return context

    def post(self, request, *args, **kwargs):
        que = request.POST.get("que")
        try:
            services.exigir("evaluar", request.user, self.evaluacion)
        except ValidationError as error:
            # Who may only read the page has no form to show the message next to.
            messages.error(request, " ".join(error.messages))
            return redirect(url_evaluacion(self.evaluacion))
        if envio_excedido(request):
            messages.error(request, mensaje_envio_excedido())
            return redirect(url_evaluacion(self.evaluacion))
        metodo = {
            "calificar": self._calificar,
            "oportunidad": self._oportunidad,
            "conclusiones": self._conclusiones,
        }.get(que)
        if metodo is None:
            messages.error(request, _("Acción desconocida."))
            return redirect(url_evaluacion(self.evaluacion))
        return metodo(request)

    def _calificar(self, request):
        pk = request.POST.get("criterio", "")
        criterio = (
            Criterio.objects.select_related("componente")
            .filter(pk=int(pk), componente__modelo=self.evaluacion.modelo_id)
            .first()
            if pk.isdigit()
            else None
        )
        if criterio is None:
            messages.error(request, _("Ese criterio no es del modelo de esta evaluación."))
            return redirect(url_evaluacion(self.evaluacion))
        numero = criterio.componente.numero
        form = CalificacionForm(request.POST, prefix=f"c{criterio.pk}")
        if form.is_valid():
            try:
                services.calificar(
                    self.evaluacion,
                    criterio,
                    form.cleaned_data["puntaje"],
                    form.cleaned_data["notas"],
                    request.user,
                    evidencias=request.FILES.getlist(f"c{criterio.pk}-evidencias"),
                )
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(
                    request,
                    _("Se guardó la calificación del criterio %(c)s.")
                    % {"c": f"{numero}.{criterio.numero}"},
                )
                return redirect(url_evaluacion(self.evaluacion, numero, f"criterio-{criterio.pk}"))
        contexto = self.get_context_data(error_criterio=(criterio.pk, form), componente=numero)
        return self.render_to_response(contexto)

    def _oportunidad(self, request):
        form = OportunidadForm(self.evaluacion, request.POST)
        if form.is_valid():
            try:
                services.registrar_oportunidad(
                    self.evaluacion, usuario=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, _("Se registró la oportunidad de mejora."))
                return redirect(url_evaluacion(self.evaluacion, ancla="oportunidades"))
        return self.render_to_response(self.get_context_data(form_oportunidad=form))

    def _conclusiones(self, request):
        form = ConclusionesForm(request.POST)
        if form.is_valid():
            try:
                services.redactar_conclusiones(
                    self.evaluacion,
                    conclusiones=form.cleaned_data["conclusiones"],
                    usuario=request.user,
                )
            except ValidationError as error:
                aplicar_errores(form, error, "conclusiones")
            else:
                messages.success(request, _("Se guardaron las conclusiones."))
                return redirect(url_evaluacion(self.evaluacion, ancla="conclusiones"))
        return self.render_to_response(self.get_context_data(form_conclusiones=form))


TRANSICIONES = {
    "iniciar": (services.iniciar, gettext_lazy("La evaluación está en curso.")),
    "enviar": (services.enviar_informe, gettext_lazy("El informe se envió para su aprobación.")),
    "aprobar": (
        services.aprobar,
        gettext_lazy("El informe quedó aprobado; su PDF se guardó y ya no cambia."),
    ),
}


class TransicionView(ConEvaluacion, View):
    """One button of the evaluation page: POST only, the action named in the URL."""

    def post(self, request, accion):
        ev = self.evaluacion
        try:
            if accion == "devolver":
                services.devolver(ev, nota=request.POST.get("nota", ""), usuario=request.user)
                mensaje = _("El informe volvió al equipo evaluador con su nota.")
            elif accion in TRANSICIONES:
                servicio, mensaje = TRANSICIONES[accion]
                servicio(ev, usuario=request.user)
            else:
                return prohibido(request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(mensaje))
        return redirect(url_evaluacion(ev))


class EquipoView(ConEvaluacion, VistaStaff):
    template_name = "atencion/calidad/equipo.html"
    page_title = gettext_lazy("Designar al equipo evaluador")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [
            MIGA_INICIO,
            MIGA,
            {"url": url_evaluacion(self.evaluacion), "label": self.evaluacion.nombre},
            {"url": "", "label": self.get_page_title()},
        ]

    def _permitido(self) -> bool:
        return permisos.puede_designar_equipo(self.request.user, self.evaluacion)

    def get(self, request, *args, **kwargs):
        if not self._permitido():
            return prohibido(
                request, _("Solo la máxima autoridad administrativa designa al equipo evaluador.")
            )
        equipo = selectors.equipo(self.evaluacion)
        inicial = {
            "responsable": next((m.usuario for m in equipo if m.rol == "responsable"), None),
            "evaluadores": [m.usuario for m in equipo if m.rol != "responsable"],
        }
        return self.render_to_response(
            self.get_context_data(form=EquipoForm(initial=inicial), evaluacion=self.evaluacion)
        )

    def post(self, request, *args, **kwargs):
        if not self._permitido():
            return prohibido(
                request, _("Solo la máxima autoridad administrativa designa al equipo evaluador.")
            )
        form = EquipoForm(request.POST)
        if form.is_valid():
            try:
                services.designar_equipo(
                    self.evaluacion,
                    responsable=form.cleaned_data["responsable"],
                    evaluadores=form.cleaned_data["evaluadores"],
                    usuario=request.user,
                )
            except ValidationError as error:
                aplicar_errores(form, error, None)
            else:
                messages.success(request, _("Se designó al equipo evaluador."))
                return redirect(url_evaluacion(self.evaluacion))
        return self.render_to_response(self.get_context_data(form=form, evaluacion=self.evaluacion))
