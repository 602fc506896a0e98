from .areas import Area, Tema
from .bitacora import AnclaBitacora, CadenaBitacora, EntradaBitacora
from .escritos import Archivo, Escrito, Legibilidad, SecuenciaFolio
from .filtros import FiltroGuardado
from .firmas import Firma
from .flujo import Asignacion, Respuesta, Turno
from .notificaciones import Notificacion
from .plazos import DiaInhabil
from .version_publica import CajaTestada, VersionPublica

__all__ = [
    "AnclaBitacora",
    "Archivo",
    "Area",
    "Asignacion",
    "CadenaBitacora",
    "CajaTestada",
    "DiaInhabil",
    "EntradaBitacora",
    "Escrito",
    "FiltroGuardado",
    "Firma",
    "Legibilidad",
    "Notificacion",
    "Respuesta",
    "SecuenciaFolio",
    "Tema",
    "Turno",
    "VersionPublica",
]
