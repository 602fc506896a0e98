"""The pipeline's settings: one value object, stored with every result."""

from dataclasses import asdict, dataclass

# Bump when a change to the steps may change the text or the word boxes read.
VERSION_PIPELINE = 2  # 2: text-layer word boxes follow /Rotate and the crop box


@dataclass(frozen=True)
class Ajustes:
    idioma: str = "spa"
    psm: int = 3
    timeout: float = 120  # seconds per Tesseract call
    confianza_minima: float = 60.0  # below this mean, ask OSD whether the page is turned
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
    )
