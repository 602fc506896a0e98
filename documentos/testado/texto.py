"""What the detection rules share: a datum found in a plain string, tokens, and folding.

Every rule works on one string (a page's words joined by spaces, one line per OCR line, or a
typed subject) and returns character spans, so the same rules serve pages and plain text.
"""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Hallazgo:
    """A datum found in the string: characters [inicio, fin), its Categoria and why."""

    inicio: int
    fin: int
    categoria: str
    motivo: str
    prioridad: int = 5  # lower wins when two findings overlap


@dataclass(frozen=True)
class Token:
    texto: str
    inicio: int
    fin: int

    @property
    def limpio(self) -> str:
        """The token without surrounding punctuation."""
        return self.texto.strip("()[]{}\"'«»“”.,;:¡!¿?")


def plegar(texto: str) -> str:
    """Lower case without accents, one character for each character (indexes are kept)."""
    return "".join(_plegar_letra(c) for c in texto)


def _plegar_letra(c: str) -> str:
    if c.isascii():
        return c.lower()
    return (unicodedata.normalize("NFD", c)[0].lower() or c)[0]


def tokens(texto: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", texto)]


def distancia(a: str, b: str, tope: int = 3) -> int:
    """Levenshtein distance, cut at `tope` (enough to tell "close" from "far")."""
    if abs(len(a) - len(b)) >= tope:
        return tope
    anterior = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        actual = [i]
        for j, cb in enumerate(b, 1):
            actual.append(min(anterior[j] + 1, actual[j - 1] + 1, anterior[j - 1] + (ca != cb)))
        if min(actual) >= tope:
            return tope
        anterior = actual
    return min(anterior[-1], tope)


def parecidas(palabra: str, otra: str) -> bool:
    """Two folded words that OCR could have turned into each other (one error in 4+ letters,
    two in 8+)."""
    if palabra == otra:
        return True
    largo = min(len(palabra), len(otra))
    tolerancia = 2 if largo >= 8 else 1 if largo >= 4 else 0
    return tolerancia > 0 and distancia(palabra, otra) <= tolerancia


# What may stand between a label and its datum: "CURP: X", "Tel. no. X", "C.C. número X".
# "N°" may come out as "N*", "N?" or "N”*".
_RELLENO = re.compile(
    r"(?:[\s:#,=\-]|\bn[o°º]?[^\sa-z0-9]{0,2}(?![a-z0-9])|\b(?:num|numero|es|de|mi|su|el|la|con|al"
    r"|del|siguiente|personal)\b\.?)*$"
)


def etiqueta(patron: str) -> re.Pattern:
    """A label pattern (on folded text) for `antes_de`: it must end where the filler starts;
    its spaces match any whitespace (a label may be split by a line break)."""
    patron = patron.replace(" ", r"\s+")
    return re.compile(rf"(?<![a-z0-9])(?:{patron})$")


def antes_de(plegado: str, inicio: int, etiquetas: re.Pattern, alcance: int = 60):
    """The label (an `etiqueta` pattern) right before `inicio` in the folded text, with only
    filler words between, as a match on the window before `inicio`; or None."""
    ventana = plegado[max(0, inicio - alcance) : inicio]
    return etiquetas.search(ventana[: _RELLENO.search(ventana).start()])
