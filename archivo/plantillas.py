"""Country presets of the catálogo: data files offered as a starting point, not law."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

CARPETA = Path(__file__).resolve().parent / "plantillas"
PLANTILLAS = {
    "mexico": ("mexico_cadido.csv", _("Plantilla CADIDO (México)")),
    "colombia": ("colombia_trd.csv", _("Plantilla TRD (Colombia)")),
}


def contenido(pais: str) -> bytes:
    return (CARPETA / PLANTILLAS[pais][0]).read_bytes()
