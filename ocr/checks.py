from django.core import checks
from django.utils.translation import gettext as _

from .tesseract import LANGUAGE, tesseract_status


@checks.register()
def tesseract_installed(app_configs, **kwargs):
    status = tesseract_status()
    if status.version is None:
        return [
            checks.Warning(
                _("No se encontró Tesseract: el OCR de los escaneos fallará."),
                hint="sudo apt-get install tesseract-ocr tesseract-ocr-spa",
                id="ocr.W001",
            )
        ]
    if LANGUAGE not in status.languages:
        return [
            checks.Warning(
                _("Tesseract no tiene el modelo de español (spa)."),
                hint="sudo apt-get install tesseract-ocr-spa",
                id="ocr.W002",
            )
        ]
    return []
