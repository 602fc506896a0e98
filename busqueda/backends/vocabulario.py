"""The database backend's vocabulary (busqueda.models.PalabraIndice): every word of the
indexed text, filled at indexing time, for «¿Quiso decir…?» (busqueda.correccion)."""

from ..correccion import MINIMO, parecidas
from ..models import PalabraIndice
from ..texto import PALABRA, VACIAS, plegar

LARGO_MAX = 40
LOTE = 2000


def agregar(almacen: str, textos) -> None:
    """Remember the words of these texts (already known ones are skipped)."""
    vistas = set()
    for texto in textos:
        for palabra in PALABRA.findall(plegar(texto or "").lower()):
            if MINIMO <= len(palabra) <= LARGO_MAX and not palabra.isdigit():
                vistas.add(palabra)
    vistas -= VACIAS
    PalabraIndice.objects.bulk_create(
        [PalabraIndice(almacen=almacen, palabra=p, largo=len(p)) for p in sorted(vistas)],
        batch_size=LOTE,
        ignore_conflicts=True,
    )


def vaciar(almacen: str) -> None:
    PalabraIndice.objects.filter(almacen=almacen).delete()


def cercanas(almacen: str, palabra: str) -> list[str]:
    """Close words of the store, same first letter and about the same length."""
    candidatas = PalabraIndice.objects.filter(
        almacen=almacen,
        largo__range=(len(palabra) - 2, len(palabra) + 2),
        palabra__startswith=palabra[0],
    ).values_list("palabra", flat=True)
    return parecidas(palabra, candidatas.iterator())
