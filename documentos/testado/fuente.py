"""What documentos needs from the package that reads and draws pages (ocr).

documentos never imports ocr (ARCHITECTURE.md): ocr registers an object with these methods
in its AppConfig.ready(), and documentos calls it through `fuente()`.
"""

from typing import Protocol

from django.core.exceptions import ValidationError

from .tipos import CajaTestar, PaginaLeida, Testado


class NoSePuedeTestar(ValidationError):
    """testar() cannot make the public copy (a file not read yet, whose reading failed or
    whose bytes changed; a box off its page): a Spanish message for staff, shown like any
    service's ValidationError; nothing is made."""


class FuenteDePaginas(Protocol):
    def paginas_leidas(self, archivo_ids: list[int]) -> dict[int, list[PaginaLeida]]:
        """The finished OCR pages of these files, in page order (files not read: absent)."""

    def huella(self, archivo_ids: list[int]) -> str:
        """A fingerprint of what was read (file checksums and OCR runs): it changes whenever
        a file is read again, so an approved versión pública can tell it is stale."""

    def testar(
        self, archivo_ids: list[int], cajas: list[CajaTestar], leyenda: list[str]
    ) -> Testado:
        """The public copy of these files, in this order: every page rendered as the OCR saw
        it, the boxes burned in, rebuilt as a PDF without text layer or metadata, with a
        legend page (`leyenda`: its paragraphs); and each page's text without the words the
        boxes cover."""

    def vista_previa(
        self, archivo_id: int, numero: int, cajas: list[CajaTestar], ancho_max: int | None = None
    ) -> bytes:
        """One page as the public copy will show it, for the reviewer: rendered and burned
        exactly as `testar` does (boxes are checked as there; those of other pages are not
        drawn), as PNG, scaled down
        to `ancho_max` pixels wide when it is wider. Raises NoSePuedeTestar like `testar`."""


_fuente: FuenteDePaginas | None = None


def registrar(implementacion: FuenteDePaginas) -> None:
    global _fuente
    _fuente = implementacion


def fuente() -> FuenteDePaginas:
    if _fuente is None:
        raise RuntimeError("Ningún paquete registró la fuente de páginas (ocr no está instalado).")
    return _fuente
