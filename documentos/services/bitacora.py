"""The append-only, hash-chained audit log."""

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import CadenaBitacora, EntradaBitacora

GENESIS = "0" * 64
Version = EntradaBitacora.Version

# Who acted when no user did: the public site, or work that runs without a request.
CIUDADANO = gettext_lazy("Ciudadano (sitio público)")
SISTEMA_OCR = gettext_lazy("Sistema (OCR)")
SISTEMA_NOTIFICACIONES = gettext_lazy("Sistema (notificaciones)")
SISTEMA_TAREAS = gettext_lazy("Sistema (tareas)")

# The only entries a citizen makes: the online intake and the public lookups.
ACCIONES_DEL_CIUDADANO = frozenset(
    {
        EntradaBitacora.Accion.RECEPCION,
        EntradaBitacora.Accion.CONSULTA_PUBLICA,
        EntradaBitacora.Accion.NOTIFICACION,
    }
)


def _json(value) -> dict:
    """Plain JSON values, exactly as they will read back from the database."""
    return json.loads(json.dumps(value or {}, cls=DjangoJSONEncoder))


def calcular_hash(entrada: EntradaBitacora) -> str:
    """The entry's hash as its version computes it: HMAC-SHA256 under FOLIO_BITACORA_CLAVE
    (version 2) or, for entries written before the key existed, plain sha256 (version 1)."""
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
    if entrada.version == Version.SHA256:
        return hashlib.sha256(_canonico(contenido)).hexdigest()
    if entrada.version == Version.HMAC:
        contenido["version"] = Version.HMAC.value
        clave = settings.FOLIO_BITACORA_CLAVE.encode()
        return hmac.new(clave, _canonico(contenido), hashlib.sha256).hexdigest()
    raise ValueError(f"Versión de hash desconocida: {entrada.version!r}")


def _canonico(contenido: dict) -> bytes:
    return json.dumps(contenido, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def describir_actor(usuario) -> str:
    """A user by name; without one, background work (a citizen is named only by the public
    views, which pass actor=CIUDADANO)."""
    if usuario is None or not usuario.is_authenticated:
        return str(SISTEMA_TAREAS)
    nombre = usuario.get_full_name() or usuario.get_username()
    return f"{nombre} ({usuario.get_username()})"


def etiqueta_actor(entrada: EntradaBitacora) -> str:
    """Who acted, as staff read it. Entries stored before background work was signed as
    such say "Ciudadano" for the OCR or a task: shown as the system (the stored, hashed
    text is left as it is)."""
    if (
        entrada.usuario_id is None
        and entrada.actor == str(CIUDADANO)
        and entrada.accion not in ACCIONES_DEL_CIUDADANO
    ):
        return str(SISTEMA_OCR if entrada.accion == EntradaBitacora.Accion.OCR else SISTEMA_TAREAS)
    return entrada.actor


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
    actor: str | None = None,
) -> EntradaBitacora:
    """Append an entry. The chain head is locked, so concurrent writers take turns.
    `actor` names who acted when it is no user: the public views pass CIUDADANO, a
    background task one of the SISTEMA_* labels; without either, "Sistema (tareas)"."""
    CadenaBitacora.objects.bulk_create(
        [CadenaBitacora(pk=1, ultimo_hash=GENESIS)], ignore_conflicts=True
    )
    cadena = CadenaBitacora.objects.select_for_update().get(pk=1)
    autenticado = usuario is not None and usuario.is_authenticated
    entrada = EntradaBitacora(
        escrito=escrito,
        accion=accion,
        usuario=usuario if autenticado else None,
        actor=str(actor) if actor else describir_actor(usuario),
        ip=ip or None,
        fecha=timezone.now(),
        descripcion=descripcion,
        antes=_json(antes),
        despues=_json(despues),
        hash_anterior=cadena.ultimo_hash,
        version=Version.HMAC,
    )
    entrada.hash = calcular_hash(entrada)
    entrada.save()
    cadena.ultimo_hash = entrada.hash
    cadena.entradas += 1
    cadena.save(update_fields=["ultimo_hash", "entradas"])
    return entrada


@dataclass(frozen=True)
class Ruptura:
    """One broken link: the entry (None: the end of the chain), its kind and why."""

    entrada_id: int | None
    tipo: str  # "contenido", "enlace", "version", "final" or "cuenta"
    motivo: str


@dataclass(frozen=True)
class Verificacion:
    revisadas: int
    rupturas: tuple[Ruptura, ...] = ()

    @property
    def integra(self) -> bool:
        return not self.rupturas


def _rupturas_de(entrada: EntradaBitacora, anterior: str, con_clave: bool) -> list[Ruptura]:
    rupturas = []
    if entrada.hash_anterior != anterior:
        motivo = _("no enlaza con la entrada anterior (se borró o alteró una entrada previa)")
        rupturas.append(Ruptura(entrada.pk, "enlace", motivo))
    if entrada.version not in Version.values:
        motivo = _("tiene una versión de hash desconocida (%(version)s)") % {
            "version": entrada.version
        }
        return [*rupturas, Ruptura(entrada.pk, "version", motivo)]
    if entrada.version == Version.SHA256 and con_clave:
        motivo = _(
            "tiene un hash sin clave (versión 1) después de entradas con clave: "
            "Folio ya no registra entradas así"
        )
        rupturas.append(Ruptura(entrada.pk, "version", motivo))
    if not hmac.compare_digest(calcular_hash(entrada), entrada.hash):
        motivo = _("su contenido no coincide con su hash (se alteró o no la registró Folio)")
        rupturas.append(Ruptura(entrada.pk, "contenido", motivo))
    return rupturas


def verificar_cadena() -> Verificacion:
    """Recompute every hash in order and report every broken link.

    After a break it goes on from the entry as stored, so one deletion or alteration is
    reported once and the next ones are still found.
    """
    anterior, revisadas, con_clave, rupturas = GENESIS, 0, False, []
    for entrada in EntradaBitacora.objects.order_by("pk").iterator(chunk_size=2000):
        rupturas += _rupturas_de(entrada, anterior, con_clave)
        con_clave = con_clave or entrada.version == Version.HMAC
        anterior = entrada.hash
        revisadas += 1
    cadena = CadenaBitacora.objects.filter(pk=1).first()
    ultimo, entradas = (cadena.ultimo_hash, cadena.entradas) if cadena else (GENESIS, 0)
    if ultimo != anterior:
        motivo = _("faltan entradas (la cabeza de la cadena no coincide con la última entrada)")
        rupturas.append(Ruptura(None, "final", motivo))
    elif entradas != revisadas and not rupturas:
        motivo = _("la cabeza de la cadena cuenta %(esperadas)s entradas y hay %(revisadas)s") % {
            "esperadas": entradas,
            "revisadas": revisadas,
        }
        rupturas.append(Ruptura(None, "cuenta", motivo))
    return Verificacion(revisadas, tuple(rupturas))
