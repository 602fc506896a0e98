"""Step 1, load: bytes or a path into pages (PNG, JPEG, TIFF with many pages, PDF).

PDF pages are rasterised one at a time; a page with a real text layer keeps its text
(and word boxes from the character boxes) and is not rasterised at all.
"""

import io
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .normalizar import MAX_PIXELES
from .tipos import ArchivoIlegible, Pagina, Palabra

DPI_PDF = 300
MIN_LETRAS_TEXTO_PDF = 20  # fewer letters than this: treat the page as a scan
MIN_PROPORCION_LEGIBLE = 0.9  # broken font encodings give symbols, not words


def es_pdf(contenido: bytes) -> bool:
    return contenido[:1024].lstrip().startswith(b"%PDF")


def cargar(fuente: bytes | str | Path, mime: str = "") -> Iterator[Pagina]:
    """Yield the pages of a file. Raise ArchivoIlegible when it cannot be read."""
    contenido = Path(fuente).read_bytes() if isinstance(fuente, str | Path) else fuente
    if not contenido:
        raise ArchivoIlegible(_("El archivo está vacío."))
    if mime == "application/pdf" or es_pdf(contenido):
        yield from _paginas_pdf(contenido)
    else:
        yield from _paginas_imagen(contenido)


def _paginas_imagen(contenido: bytes) -> Iterator[Pagina]:
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
    for indice in range(total):
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


def _paginas_pdf(contenido: bytes) -> Iterator[Pagina]:
    try:
        documento = pypdfium2.PdfDocument(contenido)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ArchivoIlegible(_("El PDF está protegido con contraseña.")) from exc
        raise ArchivoIlegible(_("El PDF está dañado y no se puede leer.")) from exc
    try:
        if len(documento) == 0:
            raise ArchivoIlegible(_("El PDF no tiene páginas."))
        for indice in range(len(documento)):
            try:
                hoja = documento[indice]
                area_pt = max(hoja.get_width() * hoja.get_height(), 1.0)
                escala = min(DPI_PDF / 72, 0.999 * (MAX_PIXELES / area_pt) ** 0.5)
                ancho = round(hoja.get_width() * escala)
                alto = round(hoja.get_height() * escala)
                texto, palabras = _texto_pdf(hoja, escala)
                if texto is not None:
                    yield Pagina(indice + 1, None, escala * 72, ancho, alto, texto, palabras)
                    continue
                imagen = hoja.render(scale=escala, grayscale=True).to_pil()
            except pypdfium2.PdfiumError as exc:
                raise ArchivoIlegible(
                    _("La página %(numero)s del PDF está dañada.") % {"numero": indice + 1}
                ) from exc
            yield Pagina(indice + 1, imagen, escala * 72, imagen.width, imagen.height)
    finally:
        documento.close()


def _texto_pdf(hoja, escala: float) -> tuple[str | None, list[Palabra]]:
    """The page's own text and word boxes, or (None, []) if it has no real text layer."""
    textpage = hoja.get_textpage()
    try:
        texto = textpage.get_text_bounded()
        letras = sum(c.isalnum() for c in texto)
        visibles = [c for c in texto if not c.isspace()]
        legibles = sum(unicodedata.category(c)[0] in "LNP" for c in visibles)
        if letras < MIN_LETRAS_TEXTO_PDF or legibles < MIN_PROPORCION_LEGIBLE * len(visibles):
            return None, []
        alto_pt = hoja.get_height()
        palabras: list[Palabra] = []
        actual: list[tuple[str, tuple[float, float, float, float]]] = []

        def cerrar():
            if actual:
                izq = min(c[1][0] for c in actual)
                abajo = min(c[1][1] for c in actual)
                der = max(c[1][2] for c in actual)
                arriba = max(c[1][3] for c in actual)
                x, y = round(izq * escala), round((alto_pt - arriba) * escala)
                palabras.append(
                    Palabra(
                        "".join(c[0] for c in actual),
                        100.0,
                        x,
                        y,
                        max(1, round(der * escala) - x),
                        max(1, round((alto_pt - abajo) * escala) - y),
                    )
                )
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
