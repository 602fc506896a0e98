"""The append-only, hash-chained audit log."""

import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from ..models import CadenaBitacora, EntradaBitacora

GENESIS = "0" * 64


def _json(value) -> dict:
    """Plain JSON values, exactly as they will read back from the database."""
    return json.loads(json.dumps(value or {}, cls=DjangoJSONEncoder))


def calcular_hash(entrada: EntradaBitacora) -> str:
    contenido = {
        "escrito": entrada.escrito_id,
        "accion": entrada.accion,
        "usuario": entrada.usuario_id,
        "actor": entrada.actor,
        "ip": entrada.ip,
        "fecha": entrada.fecha.isoformat(),
        "descripcion": entrada.descripcion,
        "antes": entrada.antes,
        "despues": entrada.despues,
        "hash_anterior": entrada.hash_anterior,
    }
    canonico = json.dumps(contenido, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonico.encode()).hexdigest()


def describir_actor(usuario) -> str:
    if usuario is None or not usuario.is_authenticated:
        return "Ciudadano (sitio público)"
    nombre = usuario.get_full_name() or usuario.get_username()
    return f"{nombre} ({usuario.get_username()})"


@transaction.atomic
def registrar(
    accion: str,
    descripcion: str,
    *,
    escrito=None,
    usuario=None,
    ip: str | None = None,
    antes: dict | None = None,
    despues: dict | None = None,
) -> EntradaBitacora:
    """Append an entry. The chain head is locked, so concurrent writers take turns."""
    CadenaBitacora.objects.bulk_create(
        [CadenaBitacora(pk=1, ultimo_hash=GENESIS)], ignore_conflicts=True
    )
    cadena = CadenaBitacora.objects.select_for_update().get(pk=1)
    autenticado = usuario is not None and usuario.is_authenticated
    entrada = EntradaBitacora(
        escrito=escrito,
        accion=accion,
        usuario=usuario if autenticado else None,
        actor=describir_actor(usuario),
        ip=ip or None,
        fecha=timezone.now(),
        descripcion=descripcion,
        antes=_json(antes),
        despues=_json(despues),
        hash_anterior=cadena.ultimo_hash,
    )
    entrada.hash = calcular_hash(entrada)
    entrada.save()
    cadena.ultimo_hash = entrada.hash
    cadena.entradas += 1
    cadena.save(update_fields=["ultimo_hash", "entradas"])
    return entrada


@dataclass(frozen=True)
class Verificacion:
    revisadas: int
    integra: bool = True
    entrada_id: int | None = None
    motivo: str = ""


def verificar_cadena() -> Verificacion:
    """Recompute every hash in order; report the first broken link."""
    anterior = GENESIS
    revisadas = 0
    for entrada in EntradaBitacora.objects.order_by("pk").iterator(chunk_size=2000):
        if entrada.hash_anterior != anterior:
            motivo = "no enlaza con la entrada anterior: se borró o alteró una entrada previa"
            return Verificacion(revisadas, False, entrada.pk, motivo)
        if calcular_hash(entrada) != entrada.hash:
            return Verificacion(
                revisadas, False, entrada.pk, "su contenido no coincide con su hash"
            )
        anterior = entrada.hash
        revisadas += 1
    cadena = CadenaBitacora.objects.filter(pk=1).first()
    esperado = (cadena.ultimo_hash, cadena.entradas) if cadena else (GENESIS, 0)
    if esperado != (anterior, revisadas):
        motivo = "faltan entradas al final: la cabeza de la cadena no coincide con la última"
        return Verificacion(revisadas, False, None, motivo)
    return Verificacion(revisadas)
