"""Step 5, judge: is the page's text worth having? A verdict from the words' confidence and
how many of them are Spanish (hunspell es), calibrated on bench/ocr_legibilidad.py.

- legible: the text can be trusted for search;
- dudosa: much of it may be wrong (a person should look at the page);
- ilegible: noise, a blank page, or nothing recognisable: its text is not kept.

Words under `Ajustes.confianza_palabra` were already left out of the text (reconocer asks
`se_indexa`), unless the dictionary knows them."""

import re
from dataclasses import dataclass, replace

import cv2
import numpy as np

from .ajustes import Ajustes
from .diccionario import diccionario
from .tipos import ResultadoPagina

LEGIBLE, DUDOSA, ILEGIBLE = "legible", "dudosa", "ilegible"
_BORDES = re.compile(r"^[^\w]+|[^\w]+$")
_LETRAS = re.compile(r"^[^\W\d_]{2,}$")  # a candidate word: two letters or more, no digits
_CIFRA = re.compile(r"^[\d.,:/ºª°%$-]+$")


@dataclass(frozen=True)
class Calidad:
    veredicto: str
    palabras: int  # tokens with a letter or a digit
    candidatas: int  # of them, plain words the dictionary is asked about
    en_diccionario: float | None  # share of candidates the dictionary knows (None: no dict)
    confianza: float | None  # mean word confidence, weighted by length
    bajas: int  # words under the confidence floor (not in the text)
    cobertura: float | None = None  # share of the text-like ink inside a word read

    def como_dict(self) -> dict:
        return {
            "palabras": self.palabras,
            "candidatas": self.candidatas,
            "en_diccionario": self.en_diccionario,
            "confianza": self.confianza,
            "bajas": self.bajas,
            "cobertura": self.cobertura,
        }


DENSIDAD_TEXTO = 0.2  # share of ink around a letter; 0.07-0.17 in the calibration set


def _densidad(binaria: np.ndarray, cx: np.ndarray, cy: np.ndarray, radio: int) -> np.ndarray:
    """Share of ink in the square of side 2*radio around each point (integral image)."""
    suma = cv2.integral(binaria)
    alto, ancho = binaria.shape
    x0, x1 = np.clip(cx - radio, 0, ancho), np.clip(cx + radio + 1, 0, ancho)
    y0, y1 = np.clip(cy - radio, 0, alto), np.clip(cy + radio + 1, 0, alto)
    tinta = suma[y1, x1] - suma[y0, x1] - suma[y1, x0] + suma[y0, x0]
    return tinta / np.maximum((x1 - x0) * (y1 - y0), 1)


def cobertura(imagen: np.ndarray, cajas: list[tuple[int, int, int, int]]) -> float | None:
    """Share of the page's letter-sized ink (dark connected components the size of the
    letters read) that lies inside some word's box: low when Tesseract skipped a block
    (a paragraph under a seal, a part of a photo). None when nothing was read."""
    if not cajas:
        return None
    binaria = (imagen < 128).astype(np.uint8)
    _n, _etiquetas, stats, centros = cv2.connectedComponentsWithStats(binaria, connectivity=8)
    ancho, alto, area = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    mascara = np.zeros(imagen.shape[:2], np.uint8)
    for x, y, w, h in cajas:
        cv2.rectangle(mascara, (x - 4, y - 4), (x + w + 4, y + h + 4), 1, -1)
    cx = np.clip(centros[1:, 0].astype(int), 0, imagen.shape[1] - 1)
    cy = np.clip(centros[1:, 1].astype(int), 0, imagen.shape[0] - 1)
    dentro = mascara[cy, cx].astype(bool)
    letras = (alto >= 6) & (area >= 12) & dentro
    if not letras.any():
        return None
    ref = float(np.median(alto[letras]))  # the letters' height on this page
    texto = (alto >= 0.5 * ref) & (alto <= 2.5 * ref) & (ancho <= 6 * ref)
    texto &= area >= 0.12 * ref * ref
    # Not text: specks in a cloud of noise (a shadow, a toner blotch), where ink covers more
    # of the surroundings than lines of letters ever do.
    texto &= _densidad(binaria, cx, cy, int(2 * ref)) <= DENSIDAD_TEXTO
    total = int(area[texto].sum())
    return round(int(area[texto & dentro].sum()) / total, 3) if total else None


def se_indexa(texto: str, confianza: float, ajustes: Ajustes) -> bool:
    """Does this word go into the page's text? Sure enough, or a Spanish word a little less
    sure (Tesseract is often unsure of a right word on a stained page; noise rarely spells
    one)."""
    if confianza >= ajustes.confianza_palabra:
        return True
    if confianza < ajustes.confianza_palabra_conocida or not ajustes.diccionario:
        return False
    limpio = _BORDES.sub("", texto)
    dic = diccionario(ajustes.diccionario)
    return (
        len(limpio) >= 3 and dic is not None and bool(_LETRAS.match(limpio)) and dic.conoce(limpio)
    )


def calidad(resultado: ResultadoPagina, ajustes: Ajustes) -> Calidad:
    """The verdict and the figures behind it."""
    if resultado.origen == "texto_pdf":
        return Calidad(LEGIBLE, len(resultado.palabras), 0, None, None, 0)
    tokens = []
    for palabra in resultado.palabras:
        limpio = _BORDES.sub("", palabra.texto)
        if limpio:
            tokens.append((limpio, palabra.confianza))
    bajas = sum(1 for p in resultado.palabras if not se_indexa(p.texto, p.confianza, ajustes))
    peso = sum(len(t) for t, _c in tokens)
    confianza = round(sum(len(t) * c for t, c in tokens) / peso, 1) if peso else None
    candidatas = [t for t, _c in tokens if _LETRAS.match(t)]
    dic = diccionario(ajustes.diccionario) if ajustes.diccionario else None
    share = None
    if dic is not None and candidatas:
        share = round(sum(1 for t in candidatas if dic.conoce(t)) / len(candidatas), 3)
    cubierta = resultado.calidad.get("cobertura")
    veredicto = _veredicto(len(candidatas), confianza, share, cubierta, ajustes)
    return Calidad(veredicto, len(tokens), len(candidatas), share, confianza, bajas, cubierta)


def _veredicto(
    candidatas: int, confianza: float | None, share: float | None, cubierta, a: Ajustes
) -> str:
    """Ilegible: (almost) nothing read, or what was read is noise. Dudosa: unsure words,
    words no dictionary knows, or text left unread (a page whose words are right but
    partial is dudosa, never ilegible: what was read is kept)."""
    if not candidatas or confianza is None:
        return ILEGIBLE
    if candidatas < a.legibles_minimas:  # a short page ("Anexo 2") must be sure and Spanish
        sure = confianza >= a.confianza_dudosa and (share is None or share == 1.0)
        return LEGIBLE if sure else ILEGIBLE
    if confianza < a.confianza_ilegible or (share is not None and share < a.diccionario_ilegible):
        return ILEGIBLE
    if confianza < a.confianza_dudosa or (share is not None and share < a.diccionario_dudosa):
        return DUDOSA
    if cubierta is not None and cubierta < a.cobertura_dudosa:
        return DUDOSA
    return LEGIBLE


def juzgar(resultado: ResultadoPagina, ajustes: Ajustes) -> ResultadoPagina:
    """The page with its verdict; an ilegible page keeps its word boxes but no text."""
    medida = calidad(resultado, ajustes)
    texto = "" if medida.veredicto == ILEGIBLE else resultado.texto
    return replace(
        resultado,
        texto=texto,
        legibilidad=medida.veredicto,
        calidad={**resultado.calidad, **medida.como_dict()},
    )
