"""Small helpers shared by the Oficialía views."""

from django.core.cache import cache


def ip_cliente(request) -> str | None:
    """The client's address as the web server saw it (a proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or None


class Limite:
    """A per-key counter in Django's cache (e.g. failed lookups per IP); it expires
    `ventana_segundos` after the last increment.

    With several web processes the cache must be shared (database, Redis, Memcached)
    for the limit to hold across them."""

    def __init__(self, prefijo: str, maximo: int, ventana_segundos: int):
        self.prefijo = prefijo
        self.maximo = maximo
        self.ventana = ventana_segundos

    def _clave(self, clave: str) -> str:
        return f"folio:{self.prefijo}:{clave}"

    def cuenta(self, clave: str) -> int:
        return cache.get(self._clave(clave), 0)

    def agotado(self, clave: str) -> bool:
        return self.cuenta(clave) >= self.maximo

    def sumar(self, clave: str) -> int:
        llave = self._clave(clave)
        if cache.add(llave, 1, self.ventana):
            return 1
        try:
            cuenta = cache.incr(llave)
        except ValueError:  # expired between add() and incr()
            cache.add(llave, 1, self.ventana)
            return 1
        # Some backends reset the expiry on incr(); the window runs from the last one.
        cache.touch(llave, self.ventana)
        return cuenta
