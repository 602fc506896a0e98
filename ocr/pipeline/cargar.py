"""Step 1, load: bytes or a path into pages (PNG, JPEG, TIFF with many pages, PDF).

PDF pages are rasterised one at a time (rasterizador.py, the one PDF rasteriser); a page
with a real text layer keeps its text (and word boxes from the character boxes) and is not
rasterised at all.
"""

import ctypes
import io
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from . import rasterizador
from .tipos import ArchivoIlegible, Pagina, Palabra

DPI_PDF = rasterizador.DPI_OCR
MIN_LETRAS_TEXTO_PDF = 20  # fewer letters than this: treat the page as a scan
MIN_PROPORCION_LEGIBLE = 0.9  # broken font encodings give symbols, not words


def es_pdf(contenido: bytes) -> bool:
    return contenido[:1024].lstrip().startswith(b"%PDF")


def cargar(
    fuente: bytes | str | Path,
    mime: str = "",
    *,
    rasterizar: bool = False,
    pagina: int | None = None,
) -> Iterator[Pagina]:
    """Yield the pages of a file. Raise ArchivoIlegible when it cannot be read.

    `rasterizar`: every PDF page is rendered, in colour, at the same resolution, and its
    text layer is ignored (testado draws the pages as a reader sees them).
    `pagina`: only that page (1-based; nothing when the file has fewer), the others are
    neither decoded nor rendered."""
    contenido = Path(fuente).read_bytes() if isinstance(fuente, str | Path) else fuente
    if not contenido:
        raise ArchivoIlegible(_("El archivo está vacío."))
    if mime == "application/pdf" or es_pdf(contenido):
        yield from _paginas_pdf(contenido, rasterizar, pagina)
    else:
        yield from _paginas_imagen(contenido, pagina)


def _indices(total: int, pagina: int | None) -> range:
    if pagina is None:
        return range(total)
    return range(pagina - 1, pagina) if 1 <= pagina <= total else range(0)


def _paginas_imagen(contenido: bytes, solo: int | None = None) -> Iterator[Pagina]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            imagen = Image.open(io.BytesIO(contenido))
            total = getattr(imagen, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _demasiado_grande(1, 1) from exc
    except UnidentifiedImageError as exc:
        raise ArchivoIlegible(_("El archivo no es una imagen ni un PDF reconocible.")) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _danada(1, 1, exc) from exc
    if imagen.format not in {"PNG", "JPEG", "TIFF", "MPO"}:
        raise ArchivoIlegible(
            _("Formato no admitido (%(formato)s): se esperaba PNG, JPEG, TIFF o PDF.")
            % {"formato": imagen.format or "?"}
        )
    for indice in _indices(total, solo):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                imagen.seek(indice)
                imagen.load()
                pagina = ImageOps.exif_transpose(imagen)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _demasiado_grande(indice + 1, total) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _danada(indice + 1, total, exc) from exc
        yield Pagina(
            numero=indice + 1,
            imagen=pagina.copy() if pagina is imagen else pagina,
            dpi=_dpi(imagen),
            ancho=pagina.width,
            alto=pagina.height,
        )


def _demasiado_grande(numero: int, total: int) -> ArchivoIlegible:
    if total == 1:
        return ArchivoIlegible(_("La imagen es demasiado grande para leerla."))
    return ArchivoIlegible(_("La página %(n)s es demasiado grande para leerla.") % {"n": numero})


def _danada(numero: int, total: int, error: Exception) -> ArchivoIlegible:
    if total == 1:
        return ArchivoIlegible(
            _("La imagen está dañada o incompleta (%(error)s).") % {"error": error}
        )
    return ArchivoIlegible(
        _("La página %(n)s está dañada o incompleta (%(error)s).") % {"n": numero, "error": error}
    )


def _dpi(imagen: Image.Image) -> float | None:
    dpi = imagen.info.get("dpi")
    try:
        valor = float(dpi[0]) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    # 72/96 dpi are what software writes when it does not know.
    valor = round(valor) if valor else None  # PNG stores dots per metre: 149.9967
    return valor if valor and 100 <= valor <= 1200 and valor not in (72, 96) else None


def _paginas_pdf(
    contenido: bytes, rasterizar: bool = False, solo: int | None = None
) -> Iterator[Pagina]:
    documento = rasterizador.abrir(contenido)
    try:
        for indice in _indices(len(documento), solo):
            numero = indice + 1
            hoja = rasterizador.hoja(documento, numero)
            escala = rasterizador.escala(hoja, DPI_PDF)
            if not rasterizar:
                ancho, alto = rasterizador.tamano(hoja, escala)
                try:
                    texto, palabras = _texto_pdf(hoja, ancho, alto)
                except pypdfium2.PdfiumError as exc:
                    raise rasterizador.pagina_danada(numero) from exc
                if texto is not None:
                    yield Pagina(numero, None, escala * 72, ancho, alto, texto, palabras)
                    continue
            imagen = rasterizador.dibujar(hoja, escala, numero, gris=not rasterizar)
            yield Pagina(numero, imagen, escala * 72, imagen.width, imagen.height)
    finally:
        documento.close()


def _texto_pdf(hoja, ancho: int, alto: int) -> tuple[str | None, list[Palabra]]:
    """The page's own text and word boxes (pixels of the page rendered at ancho x alto),
    or (None, []) if it has no real text layer."""
    textpage = hoja.get_textpage()
    try:
        texto = textpage.get_text_bounded()
        letras = sum(c.isalnum() for c in texto)
        visibles = [c for c in texto if not c.isspace()]
        legibles = sum(unicodedata.category(c)[0] in "LNP" for c in visibles)
        if letras < MIN_LETRAS_TEXTO_PDF or legibles < MIN_PROPORCION_LEGIBLE * len(visibles):
            return None, []
        palabras: list[Palabra] = []
        actual: list[tuple[str, tuple[float, float, float, float]]] = []

        def cerrar():
            if actual:
                caja = _caja_en_pixeles(hoja, ancho, alto, [c[1] for c in actual])
                if caja:  # words outside the crop box are not shown
                    palabras.append(Palabra("".join(c[0] for c in actual), 100.0, *caja))
                actual.clear()

        for i in range(textpage.count_chars()):
            caracter = textpage.get_text_range(i, 1)
            if not caracter or caracter.isspace():
                cerrar()
                continue
            actual.append((caracter, textpage.get_charbox(i)))
        cerrar()
        return texto.replace("\r\n", "\n").strip(), palabras
    finally:
        textpage.close()


def _caja_en_pixeles(hoja, ancho: int, alto: int, cajas) -> tuple[int, int, int, int] | None:
    """(x, y, ancho, alto) in pixels of the page rendered at ancho x alto of these char boxes
    (PDF user space), clipped to the page; None when nothing of it is on the page."""
    esquinas = [
        _a_pixel(hoja, ancho, alto, min(c[0] for c in cajas), min(c[1] for c in cajas)),
        _a_pixel(hoja, ancho, alto, max(c[2] for c in cajas), max(c[3] for c in cajas)),
    ]
    x0 = max(0, min(e[0] for e in esquinas))
    y0 = max(0, min(e[1] for e in esquinas))
    x1 = min(ancho, max(e[0] for e in esquinas))
    y1 = min(alto, max(e[1] for e in esquinas))
    return (x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def _a_pixel(hoja, ancho: int, alto: int, x: float, y: float) -> tuple[int, int]:
    """A point of the page (PDF user space) in pixels of its rendering at ancho x alto:
    pdfium applies the page's /Rotate and crop box, as when it renders."""
    px, py = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDF_PageToDevice(hoja.raw, 0, 0, ancho, alto, 0, x, y, px, py)
    return px.value, py.value
