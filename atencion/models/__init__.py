from .actividades import Actividad, Indicador, Seguimiento
from .avisos import AvisoAlertas
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
from .diagnostico import (
    DimensionClima,
    ElementoInfraestructura,
    EncuestaClima,
    EstadoElemento,
    RevisionInfraestructura,
)
from .encuestas import Cuestionario, RespuestaEncuesta, VersionCuestionario
from .fichas import Ficha, SecuenciaFicha, Sede, Servicio, Ventanilla

__all__ = [
    "Actividad",
    "AvisoAlertas",
    "Calificacion",
    "ComponenteModelo",
    "Criterio",
    "Cuestionario",
    "DimensionClima",
    "ElementoInfraestructura",
    "EncuestaClima",
    "EstadoElemento",
    "Evaluacion",
    "Evidencia",
    "Ficha",
    "Indicador",
    "MiembroEquipo",
    "ModeloCalidad",
    "OportunidadMejora",
    "RespuestaEncuesta",
    "RevisionInfraestructura",
    "SecuenciaFicha",
    "Sede",
    "Seguimiento",
    "Servicio",
    "Ventanilla",
    "VersionCuestionario",
]
