"""The pipeline's settings: one value object, stored with every result."""

from dataclasses import asdict, dataclass

from .diccionario import RUTA_POR_DEFECTO

# Bump when a change to the steps may change the text or the word boxes read.
# 2: text-layer word boxes follow /Rotate and the crop box
# 3: readability verdict; words under confianza_palabra left out of the text
# 4: the sheet of a phone photo found and flattened (pagina.py)
VERSION_PIPELINE = 4


@dataclass(frozen=True)
class Ajustes:
    idioma: str = "spa"
    psm: int = 3
    timeout: float = 120  # seconds per Tesseract call
    confianza_minima: float = 60.0  # below this mean, ask OSD whether the page is turned
    # Readability (legibilidad.py), calibrated with bench/ocr_legibilidad.py.
    confianza_palabra: float = 60.0  # a word under this confidence is not put in the text,
    confianza_palabra_conocida: float = 20.0  # unless over this and hunspell knows it
    diccionario: str = RUTA_POR_DEFECTO  # hunspell .dic/.aff without extension; "" for none
    legibles_minimas: int = 3  # fewer words than this: legible only if all sure and Spanish
    confianza_ilegible: float = 50.0  # mean word confidence, weighted by length
    diccionario_ilegible: float = 0.5  # share of the words hunspell knows
    confianza_dudosa: float = 85.0
    diccionario_dudosa: float = 0.85
    cobertura_dudosa: float = 0.95  # share of the letter-sized ink inside words read
    quitar_sellos: bool = True  # coloured ink turned to paper on colour scans (sello.py)
    buscar_hoja: bool = True  # find and flatten the sheet in a phone photo (pagina.py)
    version: int = VERSION_PIPELINE

    def como_dict(self) -> dict:
        return asdict(self)


def ajustes_actuales() -> Ajustes:
    """The production settings (from Django settings when configured)."""
    from django.conf import settings

    if not settings.configured:
        return Ajustes()
    return Ajustes(
        psm=getattr(settings, "FOLIO_OCR_PSM", Ajustes.psm),
        timeout=getattr(settings, "FOLIO_OCR_TIMEOUT", Ajustes.timeout),
        diccionario=getattr(settings, "FOLIO_OCR_DICCIONARIO", Ajustes.diccionario),
    )
