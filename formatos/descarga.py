"""A generated file (an export, a report) as an HTTP download."""

from django.http import HttpResponse


def descarga(
    contenido: bytes, tipo: str, nombre: str, *, cache_control: str | None = None
) -> HttpResponse:
    """`contenido` as an attachment named `nombre`; `cache_control` when the caller has one."""
    respuesta = HttpResponse(contenido, content_type=tipo)
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre}"'
    if cache_control:
        respuesta["Cache-Control"] = cache_control
    return respuesta
