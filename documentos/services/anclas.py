"""Daily anchors of the bitácora: the chain head signed with the sello and published.

A database administrator holding FOLIO_BITACORA_CLAVE can rewrite the whole chain so that it
verifies; he cannot re-sign the anchors already published without the sello's private key.
"""

import datetime as dt
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AnclaBitacora, CadenaBitacora, EntradaBitacora
from .bitacora import GENESIS
from .sello import SelloInvalido, cargar_sello, firmar, verificar_firma

TIPO = "folio.bitacora.ancla"


def canonico(carga: dict) -> bytes:
    """The exact bytes that are signed and published."""
    return json.dumps(carga, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@transaction.atomic
def anclar(fecha: dt.date | None = None) -> tuple[AnclaBitacora, bool]:
    """The anchor of `fecha` (today): made and signed now, or the one already made that day.
    Raises SelloInvalido (nothing written) when the sello cannot sign."""
    fecha = fecha or timezone.localdate()
    existente = AnclaBitacora.objects.filter(fecha=fecha).first()
    if existente is not None:
        return existente, False
    sello = cargar_sello()
    # Writers lock the chain head to append: the head and the count are read as one state.
    CadenaBitacora.objects.select_for_update().filter(pk=1).first()
    ultima = EntradaBitacora.objects.order_by("-pk").first()
    carga = {
        "tipo": TIPO,
        "version": 1,
        "fecha": fecha.isoformat(),
        "cabeza": ultima.hash if ultima else GENESIS,
        "entradas": EntradaBitacora.objects.count(),
        "ultima_id": ultima.pk if ultima else None,
    }
    try:
        with transaction.atomic():
            ancla = AnclaBitacora.objects.create(
                fecha=fecha,
                cabeza=carga["cabeza"],
                entradas=carga["entradas"],
                ultima_id=carga["ultima_id"],
                carga=carga,
                firma=firmar(sello, canonico(carga)),
                sello_serie=sello.serie,
                sello_emisor=sello.emisor,
            )
    except IntegrityError:  # another run (cron and `make run`) anchored that day first
        return AnclaBitacora.objects.get(fecha=fecha), False
    return ancla, True


@dataclass(frozen=True)
class AnclaRota:
    fecha: dt.date
    motivo: str


@dataclass(frozen=True)
class VerificacionAnclas:
    revisadas: int
    rotas: tuple[AnclaRota, ...] = ()

    @property
    def primera(self) -> dt.date | None:
        """The first day whose anchor no longer matches the chain (or its signature)."""
        return self.rotas[0].fecha if self.rotas else None


def _motivo(ancla: AnclaBitacora) -> str | None:
    carga = ancla.carga if isinstance(ancla.carga, dict) else {}
    try:
        firmante = verificar_firma(ancla.firma, canonico(carga))
    except SelloInvalido as exc:
        return str(exc)
    if (firmante.serie, firmante.emisor) != (ancla.sello_serie, ancla.sello_emisor):
        return _("la firma es de otro certificado que el registrado en el ancla")
    publicado = (ancla.fecha.isoformat(), ancla.cabeza, ancla.entradas, ancla.ultima_id)
    firmado = tuple(carga.get(k) for k in ("fecha", "cabeza", "entradas", "ultima_id"))
    if publicado != firmado:
        return _("sus datos publicados no son los firmados")
    if ancla.ultima_id is None:
        return _("no indica la última entrada") if ancla.entradas else None
    entrada = EntradaBitacora.objects.filter(pk=ancla.ultima_id).only("hash").first()
    if entrada is None:
        return _("la entrada %(id)s que firmó ya no existe") % {"id": ancla.ultima_id}
    if entrada.hash != ancla.cabeza:
        return _("la entrada %(id)s ya no tiene el hash firmado (se reescribió la cadena)") % {
            "id": ancla.ultima_id
        }
    posicion = EntradaBitacora.objects.filter(pk__lte=ancla.ultima_id).count()
    if posicion != ancla.entradas:
        return _(
            "firmó %(firmadas)s entradas hasta la %(id)s y ahora hay %(hay)s "
            "(se borraron o agregaron entradas anteriores)"
        ) % {"firmadas": ancla.entradas, "id": ancla.ultima_id, "hay": posicion}
    return None


def verificar_anclas() -> VerificacionAnclas:
    """Check every anchor, oldest first: its signature and the chain at the entry it signed."""
    revisadas, rotas = 0, []
    for ancla in AnclaBitacora.objects.order_by("fecha").iterator(chunk_size=500):
        motivo = _motivo(ancla)
        if motivo is not None:
            rotas.append(AnclaRota(ancla.fecha, motivo))
        revisadas += 1
    return VerificacionAnclas(revisadas, tuple(rotas))
