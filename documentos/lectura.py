"""What documentos shows of the reading of its files (OCR): each file's state and progress,
a page's text and words, the page images, and "Volver a leer".

documentos never imports ocr (ARCHITECTURE.md): ocr registers an object with these methods
in its AppConfig.ready(), and documentos calls it through `lector()`. Reading starts by
itself: documentos announces every stored file (eventos.archivo_guardado).
"""

from collections.abc import Iterable, Sequence
from typing import Protocol


class EstadoLectura(Protocol):
    """What staff see about one file's reading (templates read these names)."""

    estado: str  # pendiente, en_proceso, terminado, fallo
    etiqueta: str
    motivo: str
    paginas_hechas: int
    paginas_total: int
    confianza: float | None
    paginas: Sequence  # per page: numero, confianza, origen

    @property
    def activo(self) -> bool: ...

    @property
    def porcentaje(self) -> int: ...


class TextoDePagina(Protocol):
    """One page as read: its text and words ([texto, confianza, x, y, ancho, alto] in the
    pixels of a page `ancho` x `alto`)."""

    numero: int
    texto: str
    confianza: float | None
    origen: str  # "texto_pdf": the PDF's own text layer
    palabras: list
    ancho: int
    alto: int


class Lector(Protocol):
    def estados(self, archivo_ids: Iterable[int]) -> dict[int, EstadoLectura]:
        """Reading state per file; files never queued are absent."""

    def pagina(self, archivo_id: int, numero: int) -> TextoDePagina | None:
        """A finished page's text and words (None while it is not read)."""

    def imagen(self, archivo_id: int, numero: int, ancho_max: int) -> bytes:
        """Page `numero` of a stored file as PNG, at most `ancho_max` pixels wide, upright
        as its word boxes are. A page that cannot be drawn raises ValidationError (Spanish,
        naming the page and the file)."""

    def imagen_pdf(self, contenido: bytes, numero: int, dpi: int, gris: bool) -> bytes | None:
        """Page `numero` of a PDF (bytes) as PNG at `dpi`; None when it has no such page.
        ValidationError when it cannot be drawn."""

    def volver_a_leer(self, archivo_ids: Iterable[int]) -> int:
        """Read these files again (queued); the current text stays until the new one is
        ready. Returns how many files."""


_lector: Lector | None = None


def registrar(implementacion: Lector) -> None:
    global _lector
    _lector = implementacion


def lector() -> Lector:
    if _lector is None:
        raise RuntimeError("Ningún paquete registró el lector de archivos (ocr no está instalado).")
    return _lector


def archivos_del_folio(folio: str) -> list[int] | None:
    """The files of the escrito with this folio, in its order, to read them again (ocr
    selects files, documentos knows folios); None when there is no such escrito."""
    from .models import Archivo, Escrito

    escrito = Escrito.objects.filter(folio=folio.strip().upper()).only("pk").first()
    if escrito is None:
        return None
    return list(
        Archivo.objects.filter(escrito=escrito).order_by("orden", "pk").values_list("pk", flat=True)
    )
