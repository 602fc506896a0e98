"""Staff's "Sustituir escaneo": upload a better scan of a file the OCR read badly."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ..services.sustitucion import sustituir_archivo
from ..subidas import envio_excedido, mensaje_envio_excedido
from .comun import ip_cliente
from .escrito import archivo_visible
from .staff import Prohibido403


class SustituirEscaneoView(Prohibido403, View):
    """POST a file ("archivo"): stored as the replacement of this one, which is kept; the
    new scan is read by the OCR. Bad input: a Spanish message and nothing changes."""

    http_method_names = ["post"]

    def post(self, request, pk, archivo_id):
        archivo = archivo_visible(request.user, pk, archivo_id)
        destino = reverse("documentos_admin:escrito", args=[pk]) + "#archivos-section"
        if envio_excedido(request):
            messages.error(request, mensaje_envio_excedido())
            return redirect(destino)
        try:
            nuevo = sustituir_archivo(
                archivo, request.FILES.get("archivo"), usuario=request.user, ip=ip_cliente(request)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Se guardó «%(nuevo)s» en lugar de «%(anterior)s» (que se conserva); "
                    "su texto se leerá en unos momentos."
                )
                % {"nuevo": nuevo.nombre_original, "anterior": archivo.nombre_original},
            )
        return redirect(destino)
