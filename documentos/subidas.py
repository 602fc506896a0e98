"""Uploads: streamed to temporary files on disk, with a cap on the total of one request.

FILE_UPLOAD_HANDLERS puts LimiteDeEnvio before Django's TemporaryFileUploadHandler, so no
upload is held in memory and a request stops being read once its files pass
FOLIO_MAX_ENVIO_MB. The views ask `envio_excedido(request)` and answer with the message.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

MARCA = "folio_envio_excedido"


class LimiteDeEnvio(FileUploadHandler):
    """Counts the bytes of every file of the request. Past the cap it marks the request and
    stops the upload; Django then reads and discards the rest of the body (the connection
    is not reset, so the browser gets the answer) and keeps only the files completed so far,
    which the views ignore."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.total = 0
        self.maximo = settings.FOLIO_MAX_ENVIO_MB * 1024 * 1024

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        if self.total > self.maximo:
            setattr(self.request, MARCA, True)
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (on disk) builds the file


def envio_excedido(request) -> bool:
    """Whether this request's files passed FOLIO_MAX_ENVIO_MB (reading its POST first)."""
    request.POST  # noqa: B018  (parsing the body runs the upload handlers)
    return getattr(request, MARCA, False)


def mensaje_envio_excedido() -> str:
    return _(
        "El envío supera el máximo de %(max)s MB en total (todos los archivos juntos); no se "
        "guardó nada. Reduzca el tamaño de los archivos (por ejemplo, escanee en escala de "
        "grises a 300 ppp) e intente de nuevo."
    ) % {"max": settings.FOLIO_MAX_ENVIO_MB}
