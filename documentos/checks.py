"""documentos' system checks (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _


@checks.register(deploy=True)
def sello_configurado(app_configs, **kwargs):
    """Without a usable sello the site runs, but no daily anchor of the bitácora is signed."""
    if settings.FOLIO_SELLO_P12 is None:
        return [
            checks.Warning(
                _(
                    "No hay sello configurado: no se firmarán las anclas diarias de la "
                    "bitácora (bitacora_anclar fallará)."
                ),
                hint=_(
                    "Indique en FOLIO_SELLO_P12 el archivo PKCS#12 del certificado de sello de "
                    "la institución y en FOLIO_SELLO_CLAVE su contraseña."
                ),
                id="documentos.W001",
            )
        ]
    from .services.sello import SelloInvalido, cargar_sello

    try:
        cargar_sello()
    except SelloInvalido as exc:
        return [
            checks.Warning(
                _("El sello no puede firmar las anclas diarias de la bitácora: %(motivo)s")
                % {"motivo": exc},
                id="documentos.W002",
            )
        ]
    return []
