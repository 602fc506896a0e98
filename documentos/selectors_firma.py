"""Reads of the electronic signatures: an answer by its código de verificación, a
document's verification (cached per checksum), whether a file is one Folio issued."""

from dataclasses import dataclass

from django.core.cache import cache

from .firma.pades import normalizar_codigo
from .firma.verificacion import Verificacion, verificar
from .models import Archivo, Firma, Respuesta

# Verification fetches revocation data: reuse a result for a while (key: the file's hash).
SEGUNDOS_VERIFICACION = 600


def verificacion_de(archivo: Archivo) -> Verificacion:
    clave = f"folio:verificacion:{archivo.sha256}"
    resultado = cache.get(clave)
    if resultado is None:
        with archivo.abrir() as fichero:
            resultado = verificar(fichero.read())
        cache.set(clave, resultado, SEGUNDOS_VERIFICACION)
    return resultado


def respuesta_por_codigo(texto: str) -> Respuesta | None:
    """The signed answer with this código de verificación (as a person typed it)."""
    codigo = normalizar_codigo(texto)
    if len(codigo) != 14:
        return None
    return (
        Respuesta.objects.filter(codigo_verificacion=codigo, firmas__isnull=False)
        .select_related("escrito")
        .distinct()
        .first()
    )


def firmas_de(respuesta: Respuesta) -> list[Firma]:
    return list(respuesta.firmas.select_related("archivo__archivo").order_by("orden"))


@dataclass(frozen=True)
class Emision:
    """A file that is exactly one Folio issued: which signature produced it and whether
    later signatures were added since."""

    firma: Firma
    ultima: bool


def emision_de(sha256: str) -> Emision | None:
    firma = (
        Firma.objects.filter(archivo__sha256=sha256, archivo__tipo=Archivo.Tipo.FIRMADO)
        .select_related("archivo__archivo", "respuesta")
        .first()
    )
    if firma is None:
        return None
    return Emision(firma, not firma.respuesta.firmas.filter(orden__gt=firma.orden).exists())
