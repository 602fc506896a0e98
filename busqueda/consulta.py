"""What a search asks for (`Consulta`) and the parsed text query every backend compiles.

The text syntax is small and the same everywhere: words (all must match), "phrases in
quotes", OR, AND, NOT or a leading minus, a trailing * for prefixes and parentheses.
Anything else (field:value, wildcards in the middle, stray symbols) is plain text: a
query string can never reach a field the caller may not search.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .texto import PALABRA, VACIAS, plegar

ORDENES = ("relevancia", "recientes", "antiguos", "vencimiento")
MAX_POR_PAGINA = 100
MAX_RESULTADOS = 100_000  # how deep pagination goes (Elasticsearch max_result_window)


@dataclass(frozen=True)
class Termino:
    texto: str  # as typed (accents kept)
    prefijo: bool = False

    @property
    def palabras(self) -> list[str]:
        return PALABRA.findall(self.texto.lower())

    @property
    def plegado(self) -> str:
        return plegar(self.texto.lower())


@dataclass(frozen=True)
class Frase:
    texto: str

    @property
    def palabras(self) -> list[str]:
        return PALABRA.findall(self.texto.lower())


@dataclass(frozen=True)
class Todos:
    partes: tuple


@dataclass(frozen=True)
class Alguno:
    partes: tuple


@dataclass(frozen=True)
class Sin:
    parte: object


Nodo = Termino | Frase | Todos | Alguno | Sin

_FICHA = re.compile(r'"([^"]*)"?|(\()|(\))|(-)?([^\s()"]+)')


def _fichas(texto: str):
    for m in _FICHA.finditer(texto):
        frase, abre, cierra, menos, palabra = m.groups()
        if frase is not None:
            if PALABRA.search(frase):
                yield ("frase", frase)
        elif abre:
            yield ("(", None)
        elif cierra:
            yield (")", None)
        elif palabra in ("AND", "OR", "NOT") and not menos:
            yield (palabra, None)
        else:
            prefijo = palabra.endswith("*")
            limpio = palabra.rstrip("*")
            palabras = PALABRA.findall(limpio.lower())
            if palabras and (prefijo or any(p not in VACIAS for p in palabras)):
                if menos:
                    yield ("NOT", None)
                yield ("termino", Termino(limpio, prefijo=prefijo))


class _Lector:
    def __init__(self, fichas):
        self.fichas = list(fichas)
        self.i = 0

    def ver(self):
        return self.fichas[self.i][0] if self.i < len(self.fichas) else None

    def tomar(self):
        ficha = self.fichas[self.i]
        self.i += 1
        return ficha

    def o(self):
        partes = [self.y()]
        while self.ver() == "OR":
            self.tomar()
            partes.append(self.y())
        partes = [p for p in partes if p is not None]
        if not partes:
            return None
        return partes[0] if len(partes) == 1 else Alguno(tuple(partes))

    def y(self):
        partes = []
        while self.ver() not in (None, "OR", ")"):
            if self.ver() == "AND":
                self.tomar()
                continue
            parte = self.unario()
            if parte is not None:
                partes.append(parte)
        if not partes:
            return None
        return partes[0] if len(partes) == 1 else Todos(tuple(partes))

    def unario(self):
        tipo, valor = self.tomar()
        if tipo == "NOT":
            if self.ver() in (None, "OR", ")", "AND"):
                return None
            parte = self.unario()
            return Sin(parte) if parte is not None else None
        if tipo == "(":
            dentro = self.o()
            if self.ver() == ")":
                self.tomar()
            return dentro
        if tipo == ")":
            return None
        if tipo == "frase":
            return Frase(valor)
        return valor


def analizar(texto: str) -> Nodo | None:
    """Parse a query string; None when it has no words (match everything)."""
    lector = _Lector(_fichas(texto or ""))
    nodo = None
    while lector.i < len(lector.fichas):
        parte = lector.o()
        if lector.ver() == ")":
            lector.tomar()
        if parte is not None:
            nodo = parte if nodo is None else Todos((nodo, parte))
    return nodo


def positivos(nodo) -> list[Termino | Frase]:
    """The terms and phrases that must or may match (for highlighting and page hits)."""
    if nodo is None or isinstance(nodo, Sin):
        return []
    if isinstance(nodo, Termino | Frase):
        return [nodo]
    return [t for parte in nodo.partes for t in positivos(parte)]


@dataclass(frozen=True)
class Consulta:
    """A search request, already validated (see busqueda.forms)."""

    q: str = ""
    tipo: tuple[str, ...] = ()
    tema: tuple[int, ...] = ()
    area: tuple[int, ...] = ()
    estado: tuple[str, ...] = ()
    clasificacion: tuple[str, ...] = ()
    canal: tuple[str, ...] = ()
    sentido: tuple[str, ...] = ()
    recibido_desde: date | None = None
    recibido_hasta: date | None = None
    vence_desde: date | None = None
    vence_hasta: date | None = None
    orden: str = "relevancia"
    pagina: int = 1
    por_pagina: int = 20
    facetas: bool = True
    arbol: object = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "arbol", analizar(self.q))

    @property
    def desde(self) -> int:
        return (self.pagina - 1) * self.por_pagina
