from .fichas import Ficha, SecuenciaFicha, Sede, Servicio, Ventanilla

__all__ = ["Ficha", "SecuenciaFicha", "Sede", "Servicio", "Ventanilla"]
