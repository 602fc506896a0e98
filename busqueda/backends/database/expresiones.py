"""Database backend query atoms and expressions: the boolean tree of busqueda.consulta as
FTS5 MATCH expressions (SQLite) or tsqueries (PostgreSQL), or as Django Q objects of one
atom each when FTS5 cannot say it (a positive part is needed in every AND, no negated OR
branch). Atoms are stemmed like the stored text (busqueda.texto) and OR in the close words
of the store's vocabulary (typos, prefixes past a stem)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from django.db.models.expressions import RawSQL

from ...consulta import Frase, Sin, Termino, Todos, positivos
from ...texto import PALABRA, VACIAS, plegar, raiz, terminos
from . import vocabulario
from .esquema import Almacen, sqlite

NO = object()  # a part FTS5 cannot express (a lone negation, a negated OR branch)


@dataclass(frozen=True)
class Raiz(Termino):
    """An already stemmed word ("más como este"): matched as it is, never expanded."""


def raices(nodo) -> tuple[list[str], bool]:
    """The stems an atom matches, and whether its last one is a prefix (left unstemmed;
    the complete words before it are stemmed)."""
    if isinstance(nodo, Raiz):
        return [nodo.texto], False
    if isinstance(nodo, Termino) and nodo.prefijo:
        palabras = PALABRA.findall(plegar(nodo.texto.lower()))
        return [raiz(p) for p in palabras[:-1] if p not in VACIAS] + [palabras[-1]], True
    return terminos(nodo.texto), False


def _ampliadas(nodo, almacen: Almacen) -> list[str]:
    """Other stems an atom also matches, from the store's vocabulary. A one-word term:
    stems of the words close to it (busqueda.correccion's rule: 5+ letters one edit, 8+
    two, first letter fixed), not its own. A prefix: stems of the words that start with it
    but whose stem does not ("pavimentac*": "pavimentación" is stored as "paviment").
    None for phrases and stems."""
    if not isinstance(nodo, Termino) or isinstance(nodo, Raiz):
        return []
    palabras = [p for p in PALABRA.findall(nodo.plegado) if p not in VACIAS or nodo.prefijo]
    if nodo.prefijo:
        if not palabras:
            return []
        ultima = palabras[-1]
        cortadas = {raiz(p) for p in vocabulario.con_prefijo(almacen.fts, ultima)}
        return sorted(r for r in cortadas if not r.startswith(ultima))
    if len(palabras) != 1:
        return []
    propia = raiz(palabras[0])
    ampliadas = []
    for palabra in vocabulario.ampliar(almacen.fts, palabras[0]):
        otra = raiz(palabra)
        if otra != propia and otra not in ampliadas:
            ampliadas.append(otra)
    return ampliadas


def fts(nodo, columnas: tuple[str, ...], ampliadas: Iterable[str] = ()) -> str:
    """One atom as an FTS5 expression; `ampliadas` (`_ampliadas`) are OR-ed in, in place of
    a prefix's last word. For ranking pass none: the exact stem ranks above its variants."""
    palabras, prefijo = raices(nodo)
    cols = f"{{{' '.join(columnas)}}}"
    if prefijo:
        inicio = palabras[:-1]
        opciones = [
            f'"{" ".join(palabras)}" *',
            *(f'"{" ".join([*inicio, a])}"' for a in ampliadas),
        ]
    else:
        opciones = [f'"{" ".join(palabras)}"', *(f'"{a}"' for a in ampliadas)]
    if len(opciones) == 1:
        return f"{cols} : {opciones[0]}"
    return f"{cols} : ({' OR '.join(opciones)})"


def tsquery(nodo, ampliadas: Iterable[str] = ()) -> str:
    """One atom as a PostgreSQL tsquery (see `fts`)."""
    palabras, prefijo = raices(nodo)
    marcas = [f"'{p}'" for p in palabras]
    ampliadas = [f"'{a}'" for a in ampliadas]
    if prefijo:
        ultimas = [f"'{palabras[-1]}':*", *ampliadas]
        marcas[-1] = f"({' | '.join(ultimas)})" if ampliadas else ultimas[0]
        return " <-> ".join(marcas)
    frase = " <-> ".join(marcas)
    return f"({' | '.join([frase, *ampliadas])})" if ampliadas else frase


def _atomo(nodo, almacen: Almacen) -> Q:
    if not raices(nodo)[0]:
        return Q()
    ampliadas = _ampliadas(nodo, almacen)
    if sqlite():
        return Q(
            pk__in=RawSQL(  # noqa: S611 (constant table, bound parameter)
                f"SELECT rowid FROM {almacen.fts} WHERE {almacen.fts} MATCH %s",  # noqa: S608
                [fts(nodo, almacen.columnas, ampliadas)],
            )
        )
    return Q(vector=SearchQuery(tsquery(nodo, ampliadas), search_type="raw", config="simple"))


def compilar(nodo, atomo) -> Q:
    """The boolean tree as Django Q objects; `atomo(nodo)` matches one term or phrase."""
    if isinstance(nodo, Termino | Frase):
        return atomo(nodo)
    if isinstance(nodo, Sin):
        return ~compilar(nodo.parte, atomo)
    partes = [compilar(p, atomo) for p in nodo.partes]
    resultado = partes[0]
    for parte in partes[1:]:
        resultado = resultado & parte if isinstance(nodo, Todos) else resultado | parte
    return resultado


def expresion_fts(nodo, almacen: Almacen, ampliadas=None):
    """The tree as one FTS5 expression; None matches everything, NO when FTS5 cannot say it
    (FTS5's NOT is binary: a negation needs a positive part beside it). `ampliadas(nodo)`:
    the close words a term also matches (typos, prefixes past a stem, see `cercanas`);
    without it, the exact stems alone, which is what ranks first."""

    def atomo(nodo):
        if not raices(nodo)[0]:
            return None
        return f"({fts(nodo, almacen.columnas, ampliadas(nodo) if ampliadas else ())})"

    def arbol(nodo):
        if isinstance(nodo, Termino | Frase):
            return atomo(nodo)
        if isinstance(nodo, Sin):
            return NO
        if isinstance(nodo, Todos):
            si = [arbol(p) for p in nodo.partes if not isinstance(p, Sin)]
            sin = [arbol(p.parte) for p in nodo.partes if isinstance(p, Sin)]
            si, sin = [e for e in si if e is not None], [e for e in sin if e is not None]
            if NO in si or NO in sin or (sin and not si):
                return NO
            if not si:
                return None
            expresion = si[0] if len(si) == 1 else f"({' AND '.join(si)})"
            for negada in sin:
                expresion = f"({expresion} NOT {negada})"
            return expresion
        partes = [e for e in (arbol(p) for p in nodo.partes) if e is not None]
        if NO in partes:
            return NO
        return f"({' OR '.join(partes)})" if partes else None

    return arbol(nodo)


def expresion_tsquery(nodo, ampliadas=None) -> str | None:
    """The tree as one tsquery; None matches everything (`ampliadas` as in expresion_fts)."""
    if isinstance(nodo, Termino | Frase):
        if not raices(nodo)[0]:
            return None
        return f"({tsquery(nodo, ampliadas(nodo) if ampliadas else ())})"
    if isinstance(nodo, Sin):
        parte = expresion_tsquery(nodo.parte, ampliadas)
        return f"!{parte}" if parte else None
    partes = [p for p in (expresion_tsquery(p, ampliadas) for p in nodo.partes) if p]
    if not partes:
        return None
    return f"({(' & ' if isinstance(nodo, Todos) else ' | ').join(partes)})"


def _match(almacen: Almacen, expresion: str) -> Q:
    return Q(
        pk__in=RawSQL(  # noqa: S611 (constant table, bound parameter)
            f"SELECT rowid FROM {almacen.fts} WHERE {almacen.fts} MATCH %s",  # noqa: S608
            [expresion],
        )
    )


@dataclass(frozen=True)
class Texto:
    """The text tree compiled for one store."""

    q: Q = field(default_factory=Q)  # what matches
    rango: object = None  # what ranks first: the exact stems (FTS5 expression or SearchQuery)
    amplio: object = None  # what ranks next: with close words too, when there are any
    exacta: bool = False  # SQLite: `amplio or rango` is the whole tree, so it can replace `q`


def cercanas(almacen: Almacen):
    """`_ampliadas` of this store, looked up once per atom of the request."""
    vistas = {}

    def ampliadas(nodo):
        if id(nodo) not in vistas:
            vistas[id(nodo)] = _ampliadas(nodo, almacen)
        return vistas[id(nodo)]

    return ampliadas


def compilar_texto(arbol, almacen: Almacen) -> Texto:
    """The query's tree (None: no text) as what matches and what ranks, for one store."""
    if arbol is None:
        return Texto()
    ampliadas = cercanas(almacen)
    buenos = [b for b in positivos(arbol) if raices(b)[0]]
    if sqlite():
        expresion = expresion_fts(arbol, almacen, ampliadas)
        if expresion is None:
            return Texto()
        if expresion is not NO:
            exacta = expresion_fts(arbol, almacen)
            amplio = expresion if expresion != exacta else None
            return Texto(_match(almacen, expresion), exacta, amplio, exacta=True)
        # FTS5 cannot say it: one MATCH per atom, ranked by the positive atoms
        q = compilar(arbol, lambda nodo: _atomo(nodo, almacen))
        return Texto(q, " OR ".join(f"({fts(b, almacen.columnas)})" for b in buenos) or None)
    expresion = expresion_tsquery(arbol, ampliadas)
    if expresion is None:
        return Texto()

    def rango(ampliadas=None):
        partes = " | ".join(f"({tsquery(b, ampliadas(b) if ampliadas else ())})" for b in buenos)
        return SearchQuery(partes, search_type="raw", config="simple") if partes else None

    amplio = expresion != expresion_tsquery(arbol)
    return Texto(
        Q(vector=SearchQuery(expresion, search_type="raw", config="simple")),
        rango(),
        rango(ampliadas) if amplio else None,
    )
