from .areas import Area, Tema
from .bitacora import CadenaBitacora, EntradaBitacora
from .escritos import Archivo, Escrito, SecuenciaFolio
from .flujo import Asignacion, Respuesta, Turno
from .plazos import DiaInhabil
from .version_publica import CajaTestada, VersionPublica

__all__ = [
    "Archivo",
    "Area",
    "Asignacion",
    "CadenaBitacora",
    "CajaTestada",
    "DiaInhabil",
    "EntradaBitacora",
    "Escrito",
    "Respuesta",
    "SecuenciaFolio",
    "Tema",
    "Turno",
    "VersionPublica",
]
