"""The public copy of an escrito: its versión pública's PDF and page images, and nothing
else of it (documentos.visibilidad decides whether it is public at all)."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import condition, require_GET

from .. import visibilidad
from ..lectura import lector

DPI_PAGINA = 110  # a readable page on a phone; the PDF has the full resolution
CACHE = "public, max-age=60"  # a withdrawn version must not linger in caches


def _version(folio: str):
    version = visibilidad.version_publicada(folio)
    if version is None or version.pdf_id is None:
        raise Http404
    return version


def _etag(request, folio, numero=None):
    version = visibilidad.version_publicada(folio)
    return f"{version.pdf_sha256}-{numero or 0}" if version is not None else None


@require_GET
@condition(etag_func=_etag)
def pdf(request, folio):
    version = _version(folio)
    respuesta = FileResponse(
        version.pdf.file.open("rb"),
        content_type="application/pdf",
        filename=f"version-publica-{version.escrito.folio}.pdf",
        as_attachment=False,
    )
    respuesta["Cache-Control"] = CACHE
    return respuesta


@require_GET
@condition(etag_func=_etag)
def pagina(request, folio, numero: int):
    version = _version(folio)
    with version.pdf.file.open("rb") as archivo:
        contenido = archivo.read()
    # The last page is the legend; the numbers count the escrito's pages.
    png = lector().imagen_pdf(contenido, numero, dpi=DPI_PAGINA, gris=True)
    if png is None:
        raise Http404
    respuesta = HttpResponse(png, content_type="image/png")
    respuesta["Cache-Control"] = CACHE
    return respuesta


@require_GET
def escrito(request, folio):
    """The public page of an escrito of the archive: its public fields (CAMPOS_PUBLICOS)
    and its versión pública (subject, pages, PDF); a 404 for anything not public."""
    version = visibilidad.version_publicada(folio)
    if version is None:
        raise Http404
    publico = version.escrito
    contexto = {
        "escrito": {campo: getattr(publico, campo) for campo in visibilidad.CAMPOS_PUBLICOS},
        "tipo": publico.get_tipo_display(),
        "estado": publico.get_estado_display(),
        "version": version,
        "paginas": range(1, len(version.paginas or []) + 1) if version.pdf_id else range(0),
    }
    respuesta = render(request, "documentos/publico/archivo_escrito.html", contexto)
    respuesta["Cache-Control"] = CACHE
    return respuesta
