"""Highlighted snippets as safe HTML (<mark> around matches, everything else escaped).

Elasticsearch highlights the folded copy of a text; `restaurar` maps the fragment back
onto the original (folding keeps offsets). The database backend highlights in Python
with the same analysis it searches with (`resaltar`): Snowball stems, prefixes, and words
within the typo tolerance of a query word (busqueda.correccion's rule).
"""

import re

from django.utils.html import escape

from .consulta import Termino, analizar, positivos
from .correccion import distancia, ediciones
from .texto import PALABRA, VACIAS, plegar, raiz

INICIO, FIN = "\ue000", "\ue001"  # private-use marks (Elasticsearch trims control characters)
LARGO = 180
_MARCAS = re.compile(f"({INICIO}|{FIN})")


def _html(texto: str) -> str:
    return escape(texto).replace(INICIO, "<mark>").replace(FIN, "</mark>")


def restaurar(fragmento: str, original: str, plegado: str | None = None) -> str:
    """A fragment of plegar(original) with INICIO/FIN marks -> the same span of the original."""
    limpio = fragmento.replace(INICIO, "").replace(FIN, "")
    inicio = (plegado if plegado is not None else plegar(original)).find(limpio)
    if inicio < 0:
        return _html(fragmento)
    partes, i = [], inicio
    for trozo in _MARCAS.split(fragmento):
        if trozo in (INICIO, FIN):
            partes.append(trozo)
        elif trozo:
            partes.append(original[i : i + len(trozo)])
            i += len(trozo)
    return _html("".join(partes))


def marcado(texto: str) -> str:
    return _html(texto)


def comparador(positivos):
    """A word matcher built once per query (for many pages)."""
    return _coincide(positivos)


def _coincide(positivos):
    raices, prefijos, difusas = set(), [], []
    for parte in positivos:
        if isinstance(parte, Termino) and parte.prefijo:
            palabras = PALABRA.findall(parte.plegado)
            raices |= {raiz(p) for p in palabras[:-1] if p not in VACIAS}
            if palabras:
                prefijos.append(palabras[-1])
        else:
            palabras = [plegar(p) for p in parte.palabras if p not in VACIAS]
            raices |= {raiz(p) for p in palabras}
            if isinstance(parte, Termino) and len(palabras) == 1 and ediciones(palabras[0]):
                difusas.append((palabras[0], raiz(palabras[0]), ediciones(palabras[0])))

    def cerca(palabra: str, r: str) -> bool:
        """Within a query word's typo tolerance, by the word or by its stem."""
        for q, rq, tope in difusas:
            if palabra[:1] != q[:1]:
                continue
            if abs(len(palabra) - len(q)) <= tope and distancia(palabra, q, tope) <= tope:
                return True
            if abs(len(r) - len(rq)) <= tope and distancia(r, rq, tope) <= tope:
                return True
        return False

    def decide(palabra: str) -> bool:
        r = raiz(palabra)
        if r in raices:
            return True
        if any(palabra.startswith(p) or r.startswith(p) for p in prefijos):
            return True
        return bool(difusas) and cerca(palabra, r)

    vistas: dict[str, bool] = {}  # the words of a page of results repeat

    def coincide(palabra: str) -> bool:
        if (dicho := vistas.get(palabra)) is None:
            dicho = vistas[palabra] = decide(palabra)
        return dicho

    coincide.candidatos = _candidatos(raices, prefijos, [q for q, _, _ in difusas])
    return coincide


def _candidatos(raices, prefijos, difusas) -> re.Pattern:
    """The words worth asking `coincide` about: those that start like a stem or a prefix
    of the query, or with the first letter of a word matched with typos. A Spanish word
    starts with its Snowball stem but for the last two letters (independencia ->
    independent), so stem[:-2] never misses one."""
    inicios = {t[: max(1, len(t) - 2)] for t in (*raices, *prefijos)} | {q[:1] for q in difusas}
    inicios.discard("")
    if not inicios:
        return re.compile(r"(?!)")
    opciones = "|".join(re.escape(i) for i in sorted(inicios, key=len, reverse=True))
    return re.compile(rf"\b(?:{opciones})\w*", re.IGNORECASE)


def resaltar(texto: str, positivos, largo: int = LARGO) -> str | None:
    """The snippet around the first matching word, or None when nothing matches.

    `positivos` is the list of query terms, or a matcher from `comparador(positivos)`."""
    coincide = positivos if callable(positivos) else _coincide(positivos)
    palabras = getattr(coincide, "candidatos", PALABRA).finditer(plegar(texto))
    primera = next((m.span() for m in palabras if coincide(m.group().lower())), None)
    if primera is None:
        return None
    inicio = max(0, primera[0] - largo // 3)
    if inicio:
        espacio = texto.find(" ", inicio)
        inicio = espacio + 1 if 0 <= espacio < primera[0] else inicio
    fin = min(len(texto), inicio + largo)
    if fin < len(texto):
        espacio = texto.rfind(" ", primera[1], fin)
        fin = espacio if espacio > 0 else fin
    tramos = [primera]  # and the other matches inside the snippet (none is read past it)
    for m in palabras:
        if m.start() >= fin:
            break
        if coincide(m.group().lower()):
            tramos.append(m.span())
    partes, cursor = [], inicio
    for a, b in tramos:
        if a < inicio or b > fin:
            continue
        partes += [texto[cursor:a], INICIO, texto[a:b], FIN]
        cursor = b
    partes.append(texto[cursor:fin])
    prefijo = "… " if inicio > 0 else ""
    sufijo = " …" if fin < len(texto) else ""
    return prefijo + _html("".join(partes)) + sufijo


def comparador_de_palabras(q: str):
    """A matcher for single OCR words ("Construcción," included) with the search's analysis,
    or None when the query has nothing to highlight. Registered into documentos.resaltado."""
    buenos = positivos(analizar(q))
    if not buenos:
        return None
    coincide = _coincide(buenos)

    def palabra(texto: str) -> bool:
        return any(coincide(p) for p in PALABRA.findall(plegar(texto).lower()))

    return palabra
