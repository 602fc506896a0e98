"""Saving and deleting the bandeja's saved filters (each person's own)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ..forms_bandeja import FiltroGuardadoForm
from ..services import filtros
from .bandeja import puede_usar_bandeja
from .staff import prohibido


class _FiltroView(View):
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not puede_usar_bandeja(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)


def _a_la_bandeja(consulta: str = ""):
    url = reverse("documentos_admin:bandeja")
    return redirect(f"{url}?{consulta}" if consulta else url)


class GuardarFiltroView(_FiltroView):
    def post(self, request):
        form = FiltroGuardadoForm(request.POST)
        consulta = request.POST.get("querystring", "")
        if not form.is_valid():
            messages.error(request, _("Escriba un nombre de hasta 80 caracteres para el filtro."))
            return _a_la_bandeja(filtros.limpiar_querystring(consulta))
        try:
            filtro = filtros.guardar_filtro(
                request.user, form.cleaned_data["nombre"], form.cleaned_data["querystring"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _a_la_bandeja(filtros.limpiar_querystring(consulta))
        messages.success(request, _("Filtro «%(nombre)s» guardado.") % {"nombre": filtro.nombre})
        return _a_la_bandeja(filtro.querystring)


class BorrarFiltroView(_FiltroView):
    def post(self, request, pk):
        if not filtros.borrar_filtro(request.user, pk):
            raise Http404
        messages.success(request, _("Filtro eliminado."))
        return _a_la_bandeja()
