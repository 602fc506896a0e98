"""Small helpers shared by the Oficialía views."""

from django.core.cache import cache
from django.http import FileResponse


def entero(valor, defecto=None):
    """A query or form value as an int (`defecto` when it is not one)."""
    try:
        return int(valor)
    except (TypeError, ValueError):
        return defecto


def ip_cliente(request) -> str | None:
    """The client's address as the web server saw it (a proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or None


def servir_archivo(archivo, *, nombre: str, adjunto: bool = True) -> FileResponse:
    """Stream a stored Archivo's bytes; never kept by a browser or proxy cache."""
    fichero = archivo.archivo.file
    respuesta = FileResponse(
        fichero.storage.open(fichero.name, "rb"),
        content_type=archivo.mime,
        as_attachment=adjunto,
        filename=nombre,
    )
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


class Limite:
    """At most `maximo` events per key (e.g. failed lookups per IP) within a sliding window
    of `ventana_segundos`, counted in Django's cache.

    Each event takes the first free numbered slot with `cache.add`, which is atomic on every
    backend (an INSERT on the database cache, SET NX on Redis), so several web processes
    sharing the cache (CACHE_URL) never lose a count; each slot expires on its own."""

    def __init__(self, prefijo: str, maximo: int, ventana_segundos: int):
        self.prefijo = prefijo
        self.maximo = maximo
        self.ventana = ventana_segundos

    def _ranuras(self, clave: str) -> list[str]:
        return [f"folio:{self.prefijo}:{clave}:{n}" for n in range(1, self.maximo + 1)]

    def cuenta(self, clave: str) -> int:
        return len(cache.get_many(self._ranuras(clave)))

    def agotado(self, clave: str) -> bool:
        return self.cuenta(clave) >= self.maximo

    def sumar(self, clave: str) -> int:
        """Record one event; returns its number in the window (maximo + 1 when full)."""
        ranuras = self._ranuras(clave)
        ocupadas = cache.get_many(ranuras)
        for numero, ranura in enumerate(ranuras, start=1):
            if ranura not in ocupadas and cache.add(ranura, 1, self.ventana):
                return numero
        return self.maximo + 1
