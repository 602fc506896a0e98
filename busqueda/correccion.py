"""«¿Quiso decir…?»: when a query finds nothing, close words from the index.

Each backend proposes close words for the query's unknown words (`cercanas`); a
correction is offered only when the corrected query finds something this scope may see,
so a suggestion never reveals words of escritos the reader cannot open.
"""

import dataclasses
import difflib

from .texto import PALABRA, VACIAS, plegar

MINIMO = 4  # shorter words are not corrected
INTENTOS = 3


def palabras(q: str) -> list[str]:
    """The folded, lower-case words of a query worth correcting, in order, once each."""
    vistas = []
    for palabra in PALABRA.findall(plegar(q).lower()):
        corregible = len(palabra) >= MINIMO and not palabra.isdigit() and palabra not in VACIAS
        if corregible and palabra not in vistas:
            vistas.append(palabra)
    return vistas


def parecidas(palabra: str, vocabulario, cuantas: int = INTENTOS) -> list[str]:
    """The closest words of a vocabulary (empty when the word itself is in it)."""
    lista = list(vocabulario)
    if palabra in lista:
        return []
    return difflib.get_close_matches(palabra, lista, n=cuantas, cutoff=0.75)


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
