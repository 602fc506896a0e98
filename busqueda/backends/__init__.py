"""The two search backends; `actual()` picks one from the settings."""

from ..client import elasticsearch_enabled
from .protocolo import MotorBusqueda


def actual() -> MotorBusqueda:
    if elasticsearch_enabled():
        from . import elasticsearch

        return elasticsearch
    from . import database

    return database
