"""Statistical confidentiality (secreto estadístico) of the public figures.

Every public figure (the page, its downloads and the JSON API) goes through `proteger`, the
one place where these rules are applied (threshold U = FOLIO_ESTADISTICAS_UMBRAL, 5):

1. A count from 1 to U-1 is published as "<U".
2. When the counts of a column add up to a total anyone can read (escritos per month, per
   área, per sexo...), one hidden count could be recovered by subtraction: the smallest other
   count of the column is hidden too ("omitido").
3. When a column describes fewer than U escritos in all, none of its counts is published
   ("<U" everywhere, zeros included): a zero would tell what the few have in common.
4. A measure computed from fewer than U escritos (median, percentile, share on time), and the
   percentage of a hidden count, is "omitido".
5. In a ranking (áreas, temas, busiest months) hidden rows go last, alphabetically, so their
   place does not bound their value; when every row is hidden, they become one row, so not
   even their names tell what the few escritos were about.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Conteo:
    """A number of escritos."""

    n: int


@dataclass(frozen=True)
class Medida:
    """A value computed from `base` escritos (None when there is none)."""

    valor: float | None
    base: int


def umbral() -> int:
    return settings.FOLIO_ESTADISTICAS_UMBRAL


def menos() -> str:
    return f"<{umbral()}"


def omitido() -> str:
    return _("omitido")


def es_reservado(valor) -> bool:
    """True for a published cell that hides its value."""
    return isinstance(valor, str) and valor in (menos(), omitido())


def _columna(figura, filas, c) -> list[int]:
    """Rows whose cell c is a count, without the figure's row of totals."""
    return [
        i for i, fila in enumerate(filas) if isinstance(fila[c], Conteo) and i != figura.fila_total
    ]


def _ocultar(figura, filas) -> set[tuple[int, int]]:
    """The (row, column) counts that must not be published (rules 1 to 3)."""
    u = umbral()
    ocultas = set()
    for c in {c for fila in filas for c, v in enumerate(fila) if isinstance(v, Conteo)}:
        indices = _columna(figura, filas, c)
        total = sum(filas[i][c].n for i in indices)
        total_escrito = figura.fila_total is not None and filas[figura.fila_total][c]
        if isinstance(total_escrito, Conteo) and total_escrito.n < u:
            ocultas.add((figura.fila_total, c))
        if 0 < total < u:
            ocultas |= {(i, c) for i in indices}
            continue
        pequenas = {i for i in indices if 0 < filas[i][c].n < u}
        ocultas |= {(i, c) for i in pequenas}
        otras = [i for i in indices if i not in pequenas and filas[i][c].n > 0]
        if c in figura.particiones and len(pequenas) == 1 and otras:
            ocultas.add((min(otras, key=lambda i: filas[i][c].n), c))
    return ocultas


def proteger(figura):
    """A copy of the figure whose cells are plain values, with the rules above applied."""
    u = umbral()
    filas = [list(fila) for fila in figura.filas]
    ocultas = _ocultar(figura, filas)
    if figura.ordenada:
        filas, ocultas = _ordenar(filas, ocultas)
    publicadas = []
    for i, fila in enumerate(filas):
        publicada = []
        for c, valor in enumerate(fila):
            if (i, c) in ocultas:
                valor = menos() if valor.n < u else omitido()
            elif isinstance(valor, Conteo):
                valor = valor.n
            elif isinstance(valor, Medida):
                valor = valor.valor if valor.valor is None or valor.base >= u else omitido()
            publicada.append(valor)
        for pct, conteo in figura.porcentajes.items():
            if (i, conteo) in ocultas:
                publicada[pct] = omitido()
        publicadas.append(publicada)
    return replace(figura, filas=publicadas)


def _ordenar(filas, ocultas) -> tuple[list[list], set[tuple[int, int]]]:
    """Rule 5 for a ranking (label, count): hidden rows go last, alphabetically, so their
    place does not bound their value; when they are fewer than the threshold in all, even
    their names would tell what the few escritos were about, so they become one row."""
    reservadas = [i for i in range(len(filas)) if (i, 1) in ocultas]
    if not reservadas:
        return filas, ocultas
    total = sum(f[1].n for f in filas)
    if total < umbral():
        return [[_("Todas (cifras reservadas)"), Conteo(total)]], {(0, 1)}
    visibles = [i for i in range(len(filas)) if (i, 1) not in ocultas]
    orden = visibles + sorted(reservadas, key=lambda i: str(filas[i][0]))
    nuevas = {(orden.index(i), c) for i, c in ocultas}
    return [filas[i] for i in orden], nuevas
