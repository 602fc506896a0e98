from .disposicion import (
    ArchivoDestruido,
    Baja,
    BajaExpediente,
    Retencion,
    Transferencia,
    TransferenciaExpediente,
)
from .expedientes import Expediente, ExpedienteEscrito, SecuenciaExpediente
from .instrumentos import CatalogoVersion, ReglaDisposicion, Seccion, Serie, Subserie
from .ubicacion import Prestamo, Ubicacion

__all__ = [
    "ArchivoDestruido",
    "Baja",
    "BajaExpediente",
    "CatalogoVersion",
    "Expediente",
    "ExpedienteEscrito",
    "Prestamo",
    "ReglaDisposicion",
    "Retencion",
    "Seccion",
    "SecuenciaExpediente",
    "Serie",
    "Subserie",
    "Transferencia",
    "TransferenciaExpediente",
    "Ubicacion",
]
