"""Which OCR words of a page a search matched, for the viewer's highlight.

documentos never imports busqueda (ARCHITECTURE.md): busqueda registers, in its
AppConfig.ready(), a function that turns a query into a word matcher with the same
analysis it searches with (accent folding, stemming). Without one, nothing is highlighted.
"""

from collections.abc import Callable
from dataclasses import dataclass

Comparador = Callable[[str], Callable[[str], bool] | None]

_comparador: Comparador | None = None


@dataclass(frozen=True)
class Marca:
    """One highlighted word, in the OCR page's pixel coordinates."""

    texto: str
    x: int
    y: int
    ancho: int
    alto: int


def registrar_comparador(funcion: Comparador) -> None:
    """`funcion(q)` returns a matcher for one word (True: the query matched it), or None."""
    global _comparador
    _comparador = funcion


def marcas(palabras: list, q: str) -> list[Marca]:
    """The words of a page (OCR's [texto, confianza, x, y, ancho, alto]) the query matches."""
    if not q or not palabras or _comparador is None:
        return []
    coincide = _comparador(q)
    if coincide is None:
        return []
    return [
        Marca(str(p[0]), int(p[2]), int(p[3]), int(p[4]), int(p[5]))
        for p in palabras
        if len(p) >= 6 and p[0] and coincide(str(p[0]))
    ]
