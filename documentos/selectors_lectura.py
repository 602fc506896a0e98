"""Reads of the OCR's readability flags, kept on documentos' side (Archivo.legibilidad, set
when the OCR announces a result): the bandeja's and the escrito page's warnings."""

from django.db.models import Exists, OuterRef, QuerySet

from .models import Archivo, Escrito, Legibilidad


def senalados() -> QuerySet[Archivo]:
    """Files read as dudosa or ilegible and not replaced by a new scan."""
    return Archivo.objects.filter(legibilidad__in=Legibilidad.senaladas(), reemplazos__isnull=True)


def anotar_lectura(escritos: QuerySet[Escrito]) -> QuerySet[Escrito]:
    """`lectura_senalada`: the escrito has a file staff should look at (re-read or
    replace its scan)."""
    return escritos.annotate(lectura_senalada=Exists(senalados().filter(escrito=OuterRef("pk"))))


def con_lectura_senalada(escritos: QuerySet[Escrito]) -> QuerySet[Escrito]:
    """Only the escritos with a file staff should look at (the bandeja's filter)."""
    return escritos.filter(Exists(senalados().filter(escrito=OuterRef("pk"))))


def archivos_senalados(archivos: list[Archivo]) -> list[Archivo]:
    """Of an escrito's files (already fetched), those flagged and not replaced."""
    reemplazados = {a.reemplaza_id for a in archivos if a.reemplaza_id}
    return [
        a for a in archivos if a.legibilidad in Legibilidad.senaladas() and a.pk not in reemplazados
    ]
