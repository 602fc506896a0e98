"""What the installed Tesseract can do."""

from dataclasses import dataclass

import pytesseract

LANGUAGE = "spa"


@dataclass(frozen=True)
class TesseractStatus:
    version: str | None
    languages: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return self.version is not None and LANGUAGE in self.languages


def tesseract_status() -> TesseractStatus:
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = tuple(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError):
        return TesseractStatus(version=None, languages=())
    return TesseractStatus(version=version, languages=languages)
