"""Text analysis done in Python, the same for every backend.

`plegar` removes accents one character for one character, so a folded text has the
same offsets as its original: snippets found in the folded copy map back exactly.
`raiz` is a light Spanish stemmer (plurals and gender) for the database backend;
Elasticsearch stems with hunspell instead.
"""

import re
import unicodedata

PALABRA = re.compile(r"\w+")

# Short, frequent words left out of the database index (Elasticsearch uses _spanish_).
VACIAS = frozenset(
    [
        "a",
        "al",
        "ante",
        "con",
        "de",
        "del",
        "desde",
        "e",
        "el",
        "en",
        "entre",
        "la",
        "las",
        "lo",
        "los",
        "o",
        "para",
        "por",
        "que",
        "se",
        "sin",
        "su",
        "sus",
        "u",
        "un",
        "una",
        "y",
    ]
)


def _tabla() -> dict[int, str]:
    """One-to-one folding of Latin letters with diacritics (Latin-1 to Latin Extended-B)."""
    tabla = {}
    for codigo in range(0x80, 0x250):
        base = unicodedata.normalize("NFD", chr(codigo))[0]
        if base != chr(codigo) and base.isascii():
            tabla[codigo] = base
    return tabla


_TABLA = _tabla()


def plegar(texto: str) -> str:
    """Remove diacritics keeping the length: "Construcción" -> "Construccion"."""
    if texto.isascii():
        return texto
    return unicodedata.normalize("NFC", texto).translate(_TABLA)


def raiz(palabra: str) -> str:
    """Light stem of one folded, lower-case word: solicitudes -> solicitud, tramites -> tramit."""
    if len(palabra) < 5 or palabra.isdigit():
        return palabra
    if palabra.endswith("ces"):
        return palabra[:-3] + "z"
    if palabra.endswith(("os", "as", "es")):
        return palabra[:-2]
    if palabra.endswith(("o", "a", "e", "s")):
        return palabra[:-1]
    return palabra


def terminos(texto: str) -> list[str]:
    """Folded, lower-case stems of a text, in order (stop words dropped)."""
    return [raiz(p) for p in PALABRA.findall(plegar(texto).lower()) if p not in VACIAS]


def indexable(texto: str) -> str:
    """What the database full-text index stores for a text: its stems joined by spaces."""
    return " ".join(terminos(texto))
