from django.core import checks
from django.utils.translation import gettext as _

from .pipeline.ajustes import ajustes_actuales
from .pipeline.diccionario import diccionario_disponible
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


@checks.register()
def diccionario_instalado(app_configs, **kwargs):
    ruta = ajustes_actuales().diccionario
    if not ruta or diccionario_disponible(ruta):
        return []
    return [
        checks.Warning(
            _(
                "No se encontró el diccionario de español %(ruta)s.dic: la legibilidad de "
                "las páginas se juzgará solo por la confianza del OCR."
            )
            % {"ruta": ruta},
            hint="sudo apt-get install hunspell-es (o FOLIO_OCR_DICCIONARIO)",
            id="ocr.W003",
        )
    ]
