"""The quality check of one file as it is chosen, before the intake form is sent
(static/documentos/archivos.js asks it): the warnings, or why the file will be refused."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import View

from .. import calidad, permisos
from ..subidas import envio_excedido, mensaje_envio_excedido
from ..validacion import validar_archivo
from .comun import Limite, ip_cliente


def limite_revisiones() -> Limite:
    # Each escrito may bring several files, each perhaps replaced once or twice.
    return Limite("calidad", settings.FOLIO_ENVIOS_POR_HORA * 30, 3600)


def _revision(request) -> JsonResponse:
    if envio_excedido(request):
        return JsonResponse({"error": mensaje_envio_excedido(), "avisos": []}, status=413)
    archivo = request.FILES.get("archivo")
    if archivo is None:
        return JsonResponse({"error": _("Adjunte un archivo."), "avisos": []}, status=400)
    try:
        validar_archivo(archivo)
    except ValidationError as error:
        # Said now, so the file can be replaced before sending (the intake says it again).
        return JsonResponse({"error": " ".join(error.messages), "avisos": []})
    return JsonResponse({"error": "", "avisos": calidad.avisos([archivo])})


class RevisarCalidadStaffView(View):
    """For the window's form (staff who may receive escritos)."""

    def post(self, request):
        if not permisos.puede_recibir(request.user):
            return JsonResponse({"error": _("No tiene permiso."), "avisos": []}, status=403)
        return _revision(request)


class RevisarCalidadPublicaView(View):
    """For the online form, limited per connection like the sending itself."""

    def post(self, request):
        ip = ip_cliente(request) or "desconocida"
        limite = limite_revisiones()
        if limite.agotado(ip):
            return JsonResponse({"error": "", "avisos": [], "agotado": True}, status=429)
        limite.sumar(ip)
        return _revision(request)
