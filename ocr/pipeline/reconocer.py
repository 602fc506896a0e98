"""Step 4, recognise: Tesseract 5 (LSTM) through pytesseract, one process per page,
single-threaded (OMP_THREAD_LIMIT=1: parallelism comes from one worker per core)."""

import os

import numpy as np
import pytesseract
from django.utils.translation import gettext as _
from PIL import Image

from .ajustes import Ajustes
from .legibilidad import cobertura, se_indexa
from .tipos import ErrorTransitorio, PaginaPreparada, Palabra, ResultadoPagina


def _config(ajustes: Ajustes) -> str:
    return f"--oem 1 --psm {ajustes.psm} -c preserve_interword_spaces=1"


# Every Tesseract this process starts (OSD too) runs on one core; an explicit setting wins.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def reconocer(pagina: PaginaPreparada, ajustes: Ajustes) -> ResultadoPagina:
    imagen = Image.fromarray(pagina.imagen)
    imagen.format = "PPM"  # uncompressed temporary file: PNG would cost ~1 s a page
    try:
        datos = pytesseract.image_to_data(
            imagen,
            lang=ajustes.idioma,
            config=_config(ajustes),
            output_type=pytesseract.Output.DICT,
            timeout=ajustes.timeout,
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise ErrorTransitorio(
            _("Tesseract tardó más de %(s)s s en la página %(n)s.")
            % {"s": ajustes.timeout, "n": pagina.numero}
        ) from exc
    except pytesseract.TesseractError as exc:
        raise ErrorTransitorio(
            _("Tesseract falló en la página %(n)s: %(error)s")
            % {"n": pagina.numero, "error": exc.message}
        ) from exc
    return _resultado(pagina, datos, ajustes)


def _resultado(pagina: PaginaPreparada, datos: dict, ajustes: Ajustes) -> ResultadoPagina:
    """Words and their boxes, all of them; the text only of the words `se_indexa` keeps
    (a word Tesseract is unsure of is more often noise than text: it is not indexed)."""
    inversa = np.linalg.inv(pagina.matriz)
    lineas: dict[tuple[int, int, int], list[str]] = {}
    palabras: list[Palabra] = []
    cajas: list[tuple[int, int, int, int]] = []
    for i, texto in enumerate(datos["text"]):
        texto = (texto or "").strip()
        confianza = float(datos["conf"][i])
        if not texto or confianza < 0:
            continue
        clave = (datos["block_num"][i], datos["par_num"][i], datos["line_num"][i])
        if se_indexa(texto, confianza, ajustes):
            lineas.setdefault(clave, []).append(texto)
        x, y = datos["left"][i], datos["top"][i]
        w, h = datos["width"][i], datos["height"][i]
        cajas.append((x, y, w, h))
        esquinas = np.array([[x, x + w, x, x + w], [y, y, y + h, y + h], [1, 1, 1, 1]], float)
        ox, oy, w_ = inversa @ esquinas  # a photo's sheet: a homography, not an affine
        ox, oy = ox / w_, oy / w_
        x0 = int(np.clip(np.floor(ox.min()), 0, pagina.ancho))
        y0 = int(np.clip(np.floor(oy.min()), 0, pagina.alto))
        x1 = int(np.clip(np.ceil(ox.max()), 0, pagina.ancho))
        y1 = int(np.clip(np.ceil(oy.max()), 0, pagina.alto))
        palabras.append(
            Palabra(texto, round(confianza, 1), x0, y0, max(1, x1 - x0), max(1, y1 - y0))
        )
    partes: list[str] = []
    anterior = None
    for (bloque, parrafo, _linea), textos in lineas.items():
        if anterior is not None and anterior != (bloque, parrafo):
            partes.append("")
        partes.append(" ".join(textos))
        anterior = (bloque, parrafo)
    confianza = round(sum(p.confianza for p in palabras) / len(palabras), 1) if palabras else None
    return ResultadoPagina(
        numero=pagina.numero,
        texto="\n".join(partes),
        confianza=confianza,
        palabras=palabras,
        origen="ocr",
        ancho=pagina.ancho,
        alto=pagina.alto,
        giro=pagina.giro,
        inclinacion=round(pagina.inclinacion, 2),
        calidad={"cobertura": cobertura(pagina.imagen, cajas)},
    )
