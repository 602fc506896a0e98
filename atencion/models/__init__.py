from .actividades import Actividad, Indicador, Seguimiento
from .calidad import (
    Calificacion,
    ComponenteModelo,
    Criterio,
    Evaluacion,
    Evidencia,
    MiembroEquipo,
    ModeloCalidad,
    OportunidadMejora,
)
from .encuestas import Cuestionario, RespuestaEncuesta, VersionCuestionario
from .fichas import Ficha, SecuenciaFicha, Sede, Servicio, Ventanilla

__all__ = [
    "Actividad",
    "Calificacion",
    "ComponenteModelo",
    "Criterio",
    "Cuestionario",
    "Evaluacion",
    "Evidencia",
    "Ficha",
    "Indicador",
    "MiembroEquipo",
    "ModeloCalidad",
    "OportunidadMejora",
    "RespuestaEncuesta",
    "SecuenciaFicha",
    "Sede",
    "Seguimiento",
    "Servicio",
    "Ventanilla",
    "VersionCuestionario",
]
