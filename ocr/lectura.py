"""The reading documentos shows (documentos.lectura.Lector): states and page texts from
ocr.selectors, page images from the one PDF rasteriser, "Volver a leer" from ocr.services."""

import io

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps

from documentos import validacion
from documentos.models import Archivo

from . import selectors, services
from .pipeline import ArchivoIlegible, rasterizador

DPI_VISOR = 180  # a PDF page in the staff viewer: this, or narrower (ancho_max)


class LectorOCR:
    def estados(self, archivo_ids):
        return selectors.estado_por_archivo(archivo_ids)

    def pagina(self, archivo_id: int, numero: int):
        return selectors.pagina_leida(archivo_id, numero)

    def imagen(self, archivo_id: int, numero: int, ancho_max: int) -> bytes:
        archivo = Archivo.objects.select_related("archivo").get(pk=archivo_id)
        return _png(imagen_de_archivo(archivo, numero, ancho_max), optimize=False)

    def imagen_pdf(self, contenido: bytes, numero: int, dpi: int, gris: bool) -> bytes | None:
        try:
            imagen = rasterizador.pagina(contenido, numero, dpi=dpi, gris=gris)
        except ArchivoIlegible as exc:
            raise ValidationError(str(exc)) from exc
        return None if imagen is None else _png(imagen, optimize=True)

    def volver_a_leer(self, archivo_ids) -> int:
        return services.volver_a_leer(archivo_ids)


def imagen_de_archivo(archivo: Archivo, numero: int, ancho_max: int) -> Image.Image:
    """Page `numero` of a stored PDF or image, at most `ancho_max` pixels wide (an image is
    also at most twice that high). A page that cannot be shown (stored before every page
    was checked at intake) raises ValidationError in Spanish."""
    with archivo.abrir() as fichero:
        contenido = fichero.read()
    nombre = archivo.nombre_original
    if archivo.mime == "application/pdf":
        try:
            imagen = rasterizador.pagina(contenido, numero, dpi=DPI_VISOR, ancho_max=ancho_max)
        except ArchivoIlegible as exc:
            raise validacion.pagina_danada(numero, nombre) from exc
        if imagen is None:  # fewer pages than counted at intake: its bytes changed
            raise validacion.pagina_danada(numero, nombre)
        return imagen
    unica = archivo.paginas == 1
    try:
        with Image.open(io.BytesIO(contenido)) as original:
            validacion.cargar_pagina(original, numero, archivo.paginas, nombre)
            # Upright as the camera meant it: OCR word boxes use these coordinates.
            imagen = ImageOps.exif_transpose(original)
            imagen = imagen.convert("RGB") if imagen.mode not in ("L", "RGB") else imagen.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise validacion.pagina_grande(numero, nombre, imagen_unica=unica) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise validacion.pagina_danada(numero, nombre, imagen_unica=unica) from exc
    imagen.thumbnail((ancho_max, ancho_max * 2))
    return imagen


def _png(imagen: Image.Image, *, optimize: bool) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, "PNG", optimize=optimize)
    return salida.getvalue()
