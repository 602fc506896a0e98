from .encuestas import Cuestionario, RespuestaEncuesta, VersionCuestionario
from .fichas import Ficha, SecuenciaFicha, Sede, Servicio, Ventanilla

__all__ = [
    "Cuestionario",
    "Ficha",
    "RespuestaEncuesta",
    "SecuenciaFicha",
    "Sede",
    "Servicio",
    "Ventanilla",
    "VersionCuestionario",
]
