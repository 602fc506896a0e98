"""«¿Quiso decir…?»: when a query finds nothing, close words from the index.

Each backend proposes close words for the query's unknown words (`cercanas`); a
correction is offered only when the corrected query finds something this scope may see,
so a suggestion never reveals words of escritos the reader cannot open.

The distance rule is Elasticsearch's: Damerau-Levenshtein (adjacent transpositions count
as one edit), the first letter never changes (prefix_length=1). The database backend
expands query words with `ediciones(palabra)` edits (fuzziness AUTO:5,8) and suggests
with up to `SUGERENCIA` edits (the term suggester's max_edits), from the same vocabulary
and the same ordering (`parecidas`), so a suggestion is the best expansion when there is one.
"""

import dataclasses

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from .texto import PALABRA, VACIAS, plegar

MINIMO = 4  # shorter words are not corrected
INTENTOS = 3
UNA, DOS = 5, 8  # letters from which a query word tolerates one edit, and two
SUGERENCIA = 2  # edits a suggestion may be away


def ediciones(palabra: str) -> int:
    """Edits a query word tolerates when it is matched (Elasticsearch's AUTO:5,8)."""
    if palabra.isdigit() or len(palabra) < UNA:
        return 0
    return 1 if len(palabra) < DOS else 2


def distancia(a: str, b: str, tope: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), `tope + 1` when beyond."""
    return OSA.distance(a, b, score_cutoff=tope)


def palabras(q: str) -> list[str]:
    """The folded, lower-case words of a query worth correcting, in order, once each."""
    vistas = []
    for palabra in PALABRA.findall(plegar(q).lower()):
        corregible = len(palabra) >= MINIMO and not palabra.isdigit() and palabra not in VACIAS
        if corregible and palabra not in vistas:
            vistas.append(palabra)
    return vistas


def parecidas(palabra: str, vocabulario, tope: int, cuantas: int = INTENTOS) -> list[str]:
    """The words of a vocabulary at most `tope` edits away, same first letter, closest
    first (then the nearest length, then alphabetically); never the word itself."""
    candidatas = [v for v in vocabulario if v != palabra and v[:1] == palabra[:1]]
    if not candidatas or tope < 1:
        return []
    cerca = extract(palabra, candidatas, scorer=OSA.distance, score_cutoff=tope, limit=None)
    cerca.sort(key=lambda c: (c[1], abs(len(c[0]) - len(palabra)), c[0]))
    return [v for v, _, _ in cerca[:cuantas]]


def reescribir(q: str, reemplazos: dict[str, str]) -> str:
    """The query with some words replaced (matched folded); operators and quotes are kept."""
    return PALABRA.sub(lambda m: reemplazos.get(plegar(m.group()).lower(), m.group()), q)


def primera_que_encuentra(consulta, alcance, buscar, opciones: dict[str, list[str]]):
    """The first corrected query (best words first) that finds something, or None."""
    opciones = {p: o for p, o in opciones.items() if o}
    if not opciones:
        return None
    for intento in range(INTENTOS):
        reemplazos = {p: o[min(intento, len(o) - 1)] for p, o in opciones.items()}
        nuevo = reescribir(consulta.q, reemplazos)
        if nuevo == consulta.q:
            continue
        prueba = dataclasses.replace(consulta, q=nuevo, pagina=1, por_pagina=1, facetas=False)
        if buscar(prueba, alcance).total:
            return nuevo
    return None
