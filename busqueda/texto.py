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
from itertools import chain

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


def _palabras(token: str) -> tuple[str, ...]:
    return tuple(p for p in PALABRA.findall(plegar(token).lower()) if p not in VACIAS)


@functools.lru_cache(maxsize=100_000)
def _raices(token: str) -> tuple[str, ...]:
    """The stems of one whitespace-free token: a word never spans whitespace, so a text's
    terms are those of its tokens, and the tokens of real texts repeat (a cache hit)."""
    return tuple(raiz(p) for p in _palabras(token))


def terminos(texto: str, tokens: set[str] | None = None) -> list[str]:
    """Folded, lower-case stems of a text, in order (stop words dropped); `tokens`, when
    given, collects the text's tokens (`palabras` turns them into the vocabulary)."""
    return list(chain.from_iterable(map(_raices, _partir(texto, tokens))))


def palabras(tokens) -> set[str]:
    """The folded, lower-case words (stop words dropped) of these tokens."""
    return set(chain.from_iterable(map(_palabras, tokens)))


def indexable(texto: str, tokens: set[str] | None = None) -> str:
    """What the database full-text index stores for a text: its stems joined by spaces."""
    return " ".join(chain.from_iterable(map(_raices, _partir(texto, tokens))))


def _partir(texto: str, tokens: set[str] | None) -> list[str]:
    partes = texto.split()
    if tokens is not None:
        tokens.update(partes)
    return partes
