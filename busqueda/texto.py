"""Text analysis done in Python, the same for every backend.

`plegar` removes accents one character for one character, so a folded text has the
same offsets as its original: snippets found in the folded copy map back exactly.
`raiz` is the Snowball Spanish stemmer (PyStemmer) on the folded word, for the database
backend at index and query time alike; Elasticsearch stems with hunspell instead.
Changing the stemmer changes the stored terms: run `manage.py search_index rebuild`.
"""

import functools
import re
import unicodedata

import Stemmer

PALABRA = re.compile(r"\w+")
_NO_ASCII = re.compile(r"[^\x00-\x7f]+")

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


def _plegar_tramo(m: re.Match) -> str:
    return m.group().translate(_TABLA)


def plegar(texto: str) -> str:
    """Remove diacritics keeping the length: "Construcción" -> "Construccion"."""
    if texto.isascii():
        return texto
    # translate() only the non-ASCII runs: most of a Spanish text is ASCII
    return _NO_ASCII.sub(_plegar_tramo, unicodedata.normalize("NFC", texto))


_SNOWBALL = Stemmer.Stemmer("spanish")


@functools.lru_cache(maxsize=200_000)
def raiz(palabra: str) -> str:
    """Snowball stem of one folded, lower-case word: solicitó, solicitamos -> solicit."""
    return _SNOWBALL.stemWord(palabra)


def terminos(texto: str) -> list[str]:
    """Folded, lower-case stems of a text, in order (stop words dropped)."""
    return [raiz(p) for p in PALABRA.findall(plegar(texto).lower()) if p not in VACIAS]


def indexable(texto: str) -> str:
    """What the database full-text index stores for a text: its stems joined by spaces."""
    return " ".join(terminos(texto))
