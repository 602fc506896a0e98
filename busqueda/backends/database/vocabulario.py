"""The database backend's vocabulary (busqueda.models.PalabraIndice): every folded word of
the indexed text, filled at indexing time, for typo tolerance (`ampliar`: close words of
a query word, whose stems are OR-ed into its atom) and «¿Quiso decir…?» (`cercanas`).
Both use busqueda.correccion's distance rule, so they agree."""

from ...correccion import MINIMO, SUGERENCIA, ediciones, parecidas
from ...models import PalabraIndice
from ...texto import palabras

LARGO_MAX = 40
LOTE = 2000
AMPLIACIONES = 10  # close words OR-ed into one query word at most
CORTE = 10  # letters a stem may cut off a word (Snowball's longest suffixes and more)
PREFIJADAS = 200  # words of a prefix looked at, at most


def agregar(almacen: str, tokens: set[str], vistas: set[str] | None = None) -> None:
    """Remember the words of these tokens (busqueda.texto.terminos collects them);
    `vistas`: tokens known to be stored already, skipped and then grown (a rebuild
    passes one set)."""
    if vistas is not None:
        tokens = tokens - vistas
        vistas |= tokens
    nuevas = {p for p in palabras(tokens) if MINIMO <= len(p) <= LARGO_MAX and not p.isdigit()}
    PalabraIndice.objects.bulk_create(
        [
            PalabraIndice(almacen=almacen, palabra=p, inicial=p[0], largo=len(p))
            for p in sorted(nuevas)
        ],
        batch_size=LOTE,
        ignore_conflicts=True,
    )


def vaciar(almacen: str) -> None:
    PalabraIndice.objects.filter(almacen=almacen).delete()


def _vecinas(almacen: str, palabra: str, tope: int):
    """Words of the store that could be `tope` edits away: same first letter, length ±tope
    (one index range on (almacen, inicial, largo))."""
    return PalabraIndice.objects.filter(
        almacen=almacen,
        inicial=palabra[0],
        largo__range=(len(palabra) - tope, len(palabra) + tope),
    ).values_list("palabra", flat=True)


def ampliar(almacen: str, palabra: str) -> list[str]:
    """The words a query word also matches (typos, OCR errors): at most `ediciones` edits
    away, closest first, never the word itself; empty for short words."""
    tope = ediciones(palabra)
    if not tope:
        return []
    return parecidas(palabra, _vecinas(almacen, palabra, tope), tope, AMPLIACIONES)


def con_prefijo(almacen: str, prefijo: str) -> list[str]:
    """Words of the store that start with `prefijo` and are at most CORTE letters longer
    (the ones a stem may cut back past the prefix); none for prefixes under MINIMO."""
    if len(prefijo) < MINIMO:
        return []
    return list(
        PalabraIndice.objects.filter(
            almacen=almacen,
            inicial=prefijo[0],
            largo__range=(len(prefijo), len(prefijo) + CORTE),
            palabra__startswith=prefijo,
        ).values_list("palabra", flat=True)[:PREFIJADAS]
    )


def cercanas(almacen: str, palabra: str) -> list[str]:
    """Close words of the store for «¿Quiso decir…?» (none when the word is known)."""
    if len(palabra) < MINIMO:
        return []
    if PalabraIndice.objects.filter(almacen=almacen, palabra=palabra).exists():
        return []
    return parecidas(palabra, _vecinas(almacen, palabra, SUGERENCIA), SUGERENCIA)
