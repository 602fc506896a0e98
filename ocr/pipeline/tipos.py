"""What flows between the pipeline steps."""

from dataclasses import dataclass, field

import numpy as np
from PIL import Image


class ErrorOCR(Exception):
    """Base of the pipeline's errors; the message is Spanish and shown to staff."""


class ArchivoIlegible(ErrorOCR):
    """The file cannot be read (corrupt, unsupported, encrypted): retrying will not help."""


class ErrorTransitorio(ErrorOCR):
    """A failure that may pass (timeout, I/O): worth retrying."""


@dataclass
class Pagina:
    """One loaded page. `imagen` is the page as a viewer shows it (EXIF orientation applied);
    its pixels are the "original-page coordinates" of the word boxes."""

    numero: int
    imagen: Image.Image | None
    dpi: float | None = None
    ancho: int = 0
    alto: int = 0
    texto: str | None = None  # a PDF's own text layer, when it has a real one
    palabras: list["Palabra"] = field(default_factory=list)


@dataclass
class PaginaPreparada:
    """A page on its way to Tesseract: gray uint8 array, flat light, then upright, ~300 dpi.

    `matriz` maps original-page pixels to `imagen` pixels (3x3 affine). `escala` is the
    resampling still to apply: normalise decides it, straighten applies it together with
    the rotation, so the page is resampled once."""

    numero: int
    imagen: np.ndarray
    matriz: np.ndarray
    ancho: int
    alto: int
    escala: float = 1.0
    giro: int = 0  # degrees counter-clockwise applied for 90/180/270 orientation
    inclinacion: float = 0.0  # degrees of skew corrected


@dataclass(frozen=True)
class Palabra:
    texto: str
    confianza: float
    x: int
    y: int
    ancho: int
    alto: int

    def como_lista(self) -> list:
        return [self.texto, self.confianza, self.x, self.y, self.ancho, self.alto]


@dataclass
class ResultadoPagina:
    numero: int
    texto: str
    confianza: float | None
    palabras: list[Palabra]
    origen: str  # "ocr" or "texto_pdf", as PaginaOCR.Origen
    ancho: int
    alto: int
    giro: int = 0
    inclinacion: float = 0.0
    legibilidad: str = ""  # legible, dudosa or ilegible (legibilidad.juzgar)
    calidad: dict = field(default_factory=dict)  # the figures behind the verdict
    tiempos: dict = field(default_factory=dict)  # seconds per step, {"reconocer": 1.2, ...}
