"""The staff window screen in the admin: pick a ventanilla, call and attend the fichas.

Every action POSTs to atencion.services; a ValidationError becomes a Spanish message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cms import roles
from documentos import permisos
from documentos.views.staff import MIGA_INICIO, VistaStaff, prohibido

from .. import selectors_tablero, services, tiempos
from ..models import Ficha, Servicio, Ventanilla

SESION = "atencion_ventanilla"
MIGA = {"url": reverse_lazy("atencion_ventanilla:ventanilla"), "label": gettext_lazy("Ventanilla")}
E = Ficha.Estado


def puede_atender(usuario) -> bool:
    """Oficialía and área staff attend at the windows."""
    if not (usuario.is_authenticated and usuario.is_active):
        return False
    nombres = [roles.OFICIALIA, roles.AREA]
    return usuario.is_superuser or usuario.groups.filter(name__in=nombres).exists()


def puede_supervisar(usuario) -> bool:
    return permisos.es_oficialia(usuario)


def ventanilla_elegida(request) -> Ventanilla | None:
    pk = request.session.get(SESION)
    if pk is None:
        return None
    return (
        Ventanilla.objects.filter(pk=pk, activa=True, sede__activa=True)
        .select_related("sede")
        .first()
    )


class SoloPersonal:
    permiso = staticmethod(puede_atender)

    def dispatch(self, request, *args, **kwargs):
        if not self.permiso(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)


class VentanillaView(SoloPersonal, VistaStaff):
    template_name = "atencion/ventanilla/ventanilla.html"
    page_title = gettext_lazy("Ventanilla")
    header_icon = "group"
    breadcrumbs_items = [MIGA_INICIO]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ventanilla = None if "cambiar" in self.request.GET else ventanilla_elegida(self.request)
        context["ventanilla"] = ventanilla
        if ventanilla is None:
            context["ventanillas"] = Ventanilla.objects.filter(
                activa=True, sede__activa=True
            ).select_related("sede")
            return context
        actual = selectors_tablero.ficha_actual(ventanilla)
        context.update(
            actual=actual,
            cola=selectors_tablero.cola(ventanilla),
            puede_recibir=permisos.puede_recibir(self.request.user),
            transferibles=actual
            and Servicio.objects.filter(sede=ventanilla.sede_id, activo=True).exclude(
                pk=actual.servicio_id
            ),
            puede_supervisar=puede_supervisar(self.request.user),
        )
        return context


class ElegirView(SoloPersonal, View):
    def post(self, request):
        try:
            ventanilla = Ventanilla.objects.get(
                pk=int(request.POST.get("ventanilla", "")), activa=True, sede__activa=True
            )
        except (ValueError, Ventanilla.DoesNotExist):
            messages.error(request, _("Elija una ventanilla de la lista."))
            return redirect(f"{MIGA['url']}?cambiar")
        request.session[SESION] = ventanilla.pk
        messages.success(
            request,
            _("Atiende en %(ventanilla)s de %(sede)s.")
            % {"ventanilla": ventanilla, "sede": ventanilla.sede},
        )
        return redirect(MIGA["url"])


class AccionView(SoloPersonal, View):
    """One button of the screen: the action named in the URL, on the window in the session."""

    def post(self, request, accion):
        ventanilla = ventanilla_elegida(request)
        if ventanilla is None:
            messages.error(request, _("Primero elija su ventanilla."))
            return redirect(f"{MIGA['url']}?cambiar")
        try:
            mensaje = self.ejecutar(request, accion, ventanilla)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, mensaje)
        return redirect(MIGA["url"])

    def _ficha(self, request, ventanilla, *, actual=True) -> Ficha:
        ficha = get_object_or_404(Ficha, pk=request.POST.get("ficha") or 0, sede=ventanilla.sede_id)
        if actual and ficha.ventanilla_id != ventanilla.pk:
            raise ValidationError(_("Ese turno no está en su ventanilla."))
        return ficha

    def ejecutar(self, request, accion, ventanilla) -> str:
        usuario = request.user
        if accion == "siguiente":
            actual = selectors_tablero.ficha_actual(ventanilla)
            if actual is not None:
                raise ValidationError(
                    _("Termine el turno %(codigo)s o márquelo como ausente antes de llamar otro.")
                    % {"codigo": actual.codigo}
                )
            ficha = services.llamar_siguiente(ventanilla, usuario=usuario)
            if ficha is None:
                return _("No hay turnos en espera para esta ventanilla.")
            return _("Llamó al turno %(codigo)s.") % {"codigo": ficha.codigo}
        if accion == "llamar":
            ficha = self._ficha(request, ventanilla, actual=False)
            if ficha.estado == E.EN_ESPERA:
                if not ventanilla.servicios.filter(pk=ficha.servicio_id).exists():
                    raise ValidationError(_("Esta ventanilla no atiende ese servicio."))
                if selectors_tablero.ficha_actual(ventanilla) is not None:
                    raise ValidationError(_("Termine el turno actual antes de llamar otro."))
            ficha = services.llamar(ficha, ventanilla, usuario=usuario)
            return _("Llamó al turno %(codigo)s.") % {"codigo": ficha.codigo}
        ficha = self._ficha(request, ventanilla)
        if accion == "volver":
            services.llamar(ficha, ventanilla, usuario=usuario)
            return _("Volvió a llamar al turno %(codigo)s.") % {"codigo": ficha.codigo}
        if accion == "ausente":
            services.no_se_presento(ficha)
            return _("El turno %(codigo)s quedó como «No se presentó».") % {"codigo": ficha.codigo}
        if accion == "iniciar":
            services.iniciar_atencion(ficha)
            return _("Atiende el turno %(codigo)s.") % {"codigo": ficha.codigo}
        if accion == "terminar":
            services.terminar(ficha)
            return _("Terminó la atención del turno %(codigo)s.") % {"codigo": ficha.codigo}
        if accion == "transferir":
            try:
                servicio = Servicio.objects.get(pk=int(request.POST.get("servicio", "")))
            except (ValueError, Servicio.DoesNotExist):
                raise ValidationError(_("Elija el servicio al que se transfiere.")) from None
            services.transferir(ficha, servicio)
            return _("El turno %(codigo)s pasó a la fila de %(servicio)s.") % {
                "codigo": ficha.codigo,
                "servicio": servicio,
            }
        raise ValidationError(_("Esa acción no existe."))


class TiemposView(SoloPersonal, VistaStaff):
    """Today's times for the supervisor: per servicio, ventanilla and servidor."""

    permiso = staticmethod(puede_supervisar)
    template_name = "atencion/ventanilla/tiempos.html"
    page_title = gettext_lazy("Tiempos de atención de hoy")
    header_icon = "time"

    def get_breadcrumbs_items(self):
        return [MIGA_INICIO, MIGA, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tablas"] = [
            (*tiempos.etiquetas(clave), filas) for clave, filas in tiempos.de_hoy().items()
        ]
        return context
