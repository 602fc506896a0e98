"""Signing an answer from the escrito's page. The certificate, key and password are read
into this request's memory only: never a temporary file, the database or a log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from ..forms_firma import MAX_CREDENCIAL, FirmarRespuestaForm
from ..services import firmas
from .comun import ip_cliente
from .escrito import EscritoView


class CredencialEnMemoria(MemoryFileUploadHandler):
    """Every uploaded file in memory whatever its size (the settings send large uploads
    to disk), and none larger than a credential can be."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > MAX_CREDENCIAL:
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)


# CSRF is checked in post(), once the in-memory upload handlers are in place.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(sensitive_post_parameters(f"{FirmarRespuestaForm.prefix}-clave"), name="dispatch")
class FirmarRespuestaView(EscritoView):
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        # Before anything reads the body (the CSRF check would): uploads stay in memory.
        request.upload_handlers = [CredencialEnMemoria(request)]
        return super().dispatch(request, *args, **kwargs)

    @method_decorator(csrf_protect)
    def post(self, request, pk, respuesta_id):
        respuesta = get_object_or_404(self.escrito.respuestas, pk=respuesta_id)
        volver = reverse("documentos_admin:escrito", args=[self.escrito.pk]) + "#respuestas"
        form = FirmarRespuestaForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                hecha = firmas.firmar_respuesta(
                    respuesta,
                    usuario=request.user,
                    credencial=form.credencial,
                    rol=form.cleaned_data["rol"],
                    cargo=form.cleaned_data["cargo"],
                    ip=ip_cliente(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Respuesta firmada electrónicamente (PAdES %(nivel)s).")
                    % {"nivel": hecha.firma.nivel},
                )
                for aviso in hecha.advertencias:
                    messages.warning(request, aviso)
                return redirect(volver)
        messages.error(request, _("No se firmó la respuesta: revise los datos marcados."))
        return self.render_to_response(self.get_context_data(formulario_firma=form))
