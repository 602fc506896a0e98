"""Folios: one gap-free sequence per prefix and year, safe under concurrency."""

from django.conf import settings
from django.db import transaction
from django.db.models import F

from ..models import SecuenciaFolio


def formatear(prefijo: str, anio: int, consecutivo: int) -> str:
    return f"{prefijo}-{anio}-{consecutivo:06d}"


def siguiente_folio(anio: int) -> tuple[int, str]:
    """Take the next number. Call inside the transaction that creates the escrito, so a
    rollback gives the number back (no gaps) and the row lock serialises writers."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("siguiente_folio() debe llamarse dentro de una transacción.")
    prefijo = settings.FOLIO_PREFIJO
    SecuenciaFolio.objects.bulk_create(
        [SecuenciaFolio(prefijo=prefijo, anio=anio)], ignore_conflicts=True
    )
    secuencia = SecuenciaFolio.objects.select_for_update().get(prefijo=prefijo, anio=anio)
    secuencia.ultimo = F("ultimo") + 1
    secuencia.save(update_fields=["ultimo"])
    secuencia.refresh_from_db(fields=["ultimo"])
    return secuencia.ultimo, formatear(prefijo, anio, secuencia.ultimo)
