"""Checks on uploaded files, by content (never by name or declared type)."""

import hashlib
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass

import pypdfium2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from . import pdf_activo

FORMATOS_IMAGEN = {
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),
    "TIFF": ("image/tiff", "tif"),
}
MAX_NOMBRE = 120
# The PDF spec's page sizes (ISO 32000-1, annex C.2): 3 to 14 400 units (200 in) a side.
LADO_MINIMO_PT = 3
LADO_MAXIMO_PT = 14_400


@dataclass(frozen=True)
class ArchivoValidado:
    """A checked file. `fichero` holds the bytes to store: the upload itself (on disk), or
    for a PDF with active content the rewritten PDF without it (`quitado` says what went,
    `sha256_recibido` is the checksum of what arrived)."""

    fichero: File
    nombre: str
    nombre_original: str
    mime: str
    paginas: int
    tamano: int
    sha256: str
    quitado: tuple[str, ...] = ()
    sha256_recibido: str = ""

    @property
    def aviso(self) -> str:
        return pdf_activo.aviso(self.nombre_original, self.quitado) if self.quitado else ""


def sha256_de(fichero: File) -> str:
    """The file's checksum, read in chunks (never whole into memory)."""
    suma = hashlib.sha256()
    for bloque in fichero.chunks():
        suma.update(bloque)
    return suma.hexdigest()


def nombre_seguro(nombre: str, extension: str) -> str:
    """A short ASCII file name with the extension of the detected type."""
    base = os.path.basename(nombre.replace("\\", "/"))
    base = os.path.splitext(base)[0]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._-")[:MAX_NOMBRE] or "archivo"
    return f"{base}.{extension}"


def _comprobar_paginas(paginas: int, nombre: str) -> None:
    if paginas > settings.FOLIO_MAX_PAGINAS:
        raise ValidationError(
            _("«%(nombre)s» tiene %(paginas)s páginas; el máximo es %(max)s.")
            % {"nombre": nombre, "paginas": paginas, "max": settings.FOLIO_MAX_PAGINAS}
        )


def _paginas_pdf(fichero: File, nombre: str) -> int:
    try:
        documento = pypdfium2.PdfDocument(fichero)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ValidationError(
                _("El PDF «%(nombre)s» está protegido con contraseña.") % {"nombre": nombre}
            ) from exc
        raise ValidationError(
            _("El PDF «%(nombre)s» está dañado y no se puede leer.") % {"nombre": nombre}
        ) from exc
    try:
        paginas = len(documento)
        if paginas == 0:
            raise ValidationError(_("El PDF «%(nombre)s» no tiene páginas.") % {"nombre": nombre})
        _comprobar_paginas(paginas, nombre)
        for indice in range(paginas):
            # Sizes only (nothing is rendered): the OCR and the viewer scale big pages down.
            try:
                ancho, alto = documento.get_page_size(indice)
            except pypdfium2.PdfiumError as exc:
                raise pagina_danada(indice + 1, nombre) from exc
            if not all(LADO_MINIMO_PT <= lado <= LADO_MAXIMO_PT for lado in (ancho, alto)):
                raise _tamano_imposible(indice + 1, nombre, ancho, alto)
    finally:
        documento.close()
    return paginas


def _tamano_imposible(numero: int, nombre: str, ancho: float, alto: float) -> ValidationError:
    def cm(puntos: float) -> str:
        return number_format(puntos / 72 * 2.54, 1)

    return ValidationError(
        _(
            "La página %(n)s de «%(nombre)s» tiene un tamaño imposible (%(ancho)s x %(alto)s "
            "cm); un PDF admite páginas de hasta 200 x 200 pulgadas (508 x 508 cm). "
            "Vuelva a generar el PDF."
        )
        % {"n": numero, "nombre": nombre, "ancho": cm(ancho), "alto": cm(alto)}
    )


def pagina_grande(numero: int, nombre: str, *, imagen_unica=False) -> ValidationError:
    datos = {"n": numero, "nombre": nombre, "max": settings.FOLIO_MAX_PIXELES // 1_000_000}
    if imagen_unica:
        return ValidationError(
            _("La imagen «%(nombre)s» es demasiado grande (más de %(max)s megapíxeles).") % datos
        )
    return ValidationError(
        _("La página %(n)s de «%(nombre)s» es demasiado grande (más de %(max)s megapíxeles).")
        % datos
    )


def pagina_danada(numero: int, nombre: str, *, imagen_unica=False) -> ValidationError:
    datos = {"n": numero, "nombre": nombre}
    if imagen_unica:
        return ValidationError(_("La imagen «%(nombre)s» está dañada o incompleta.") % datos)
    return ValidationError(_("La página %(n)s de «%(nombre)s» está dañada o incompleta.") % datos)


def cargar_pagina(imagen: Image.Image, numero: int, total: int, nombre: str) -> None:
    """Seek to a page (frame) and decode it, refusing it if too big or damaged. Pillow's own
    bomb check at open sees the first frame only."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            imagen.seek(numero - 1)
            ancho, alto = imagen.size
            if ancho * alto > settings.FOLIO_MAX_PIXELES:
                raise pagina_grande(numero, nombre, imagen_unica=total == 1)
            imagen.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise pagina_grande(numero, nombre, imagen_unica=total == 1) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise pagina_danada(numero, nombre, imagen_unica=total == 1) from exc


def _imagen(fichero: File, nombre: str) -> tuple[str, str, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fichero) as imagen:
                formato = imagen.format
                paginas = getattr(imagen, "n_frames", 1)
                imagen.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise pagina_grande(1, nombre, imagen_unica=True) from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(
            _("«%(nombre)s» no es un PDF ni una imagen PNG, JPEG o TIFF.") % {"nombre": nombre}
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise pagina_danada(1, nombre, imagen_unica=True) from exc
    if formato not in FORMATOS_IMAGEN:
        raise ValidationError(
            _("«%(nombre)s» no es un PDF ni una imagen PNG, JPEG o TIFF.") % {"nombre": nombre}
        )
    _comprobar_paginas(paginas, nombre)
    with Image.open(fichero) as imagen:
        for numero in range(1, paginas + 1):
            cargar_pagina(imagen, numero, paginas, nombre)
    mime, extension = FORMATOS_IMAGEN[formato]
    return mime, extension, paginas


def _tamano(fichero: File) -> int:
    fichero.seek(0, os.SEEK_END)
    return fichero.tell()


def validar_archivo(archivo) -> ArchivoValidado:
    """Check an uploaded file completely, reading it from disk (pages one at a time), and
    take the active content out of a PDF; raise ValidationError in Spanish."""
    fichero = archivo if isinstance(archivo, File) else File(archivo)
    nombre_original = os.path.basename(getattr(archivo, "name", "") or "archivo")[:255]
    nombre = nombre_original[:80]
    tamano = _tamano(fichero)
    if tamano > settings.FOLIO_MAX_ARCHIVO_MB * 1024 * 1024:
        raise ValidationError(
            _("«%(nombre)s» excede el tamaño máximo de %(max)s MB.")
            % {"nombre": nombre, "max": settings.FOLIO_MAX_ARCHIVO_MB}
        )
    if not tamano:
        raise ValidationError(_("El archivo «%(nombre)s» está vacío.") % {"nombre": nombre})
    fichero.seek(0)
    limpieza = pdf_activo.Limpieza(None, ())
    if fichero.read(1024).lstrip()[:5] == b"%PDF-":
        mime, extension = "application/pdf", "pdf"
        paginas = _paginas_pdf(fichero, nombre)
        limpieza = pdf_activo.neutralizar(fichero, nombre)
    else:
        mime, extension, paginas = _imagen(fichero, nombre)
    datos = {
        "nombre": nombre_seguro(nombre_original, extension),
        "nombre_original": nombre_original,
        "mime": mime,
        "paginas": paginas,
    }
    if limpieza.fichero is None:
        return ArchivoValidado(fichero=fichero, tamano=tamano, sha256=sha256_de(fichero), **datos)
    # What is stored is the rewritten PDF: checked again, with its own checksum.
    if _paginas_pdf(limpieza.fichero, nombre) != paginas:
        raise ValidationError(
            _("No se pudo quitar el contenido activo del PDF «%(nombre)s» sin cambiarlo.")
            % {"nombre": nombre}
        )
    return ArchivoValidado(
        fichero=limpieza.fichero,
        tamano=_tamano(limpieza.fichero),
        sha256=sha256_de(limpieza.fichero),
        quitado=limpieza.quitado,
        sha256_recibido=sha256_de(fichero),
        **datos,
    )
