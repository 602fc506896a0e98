"""The two search backends; `actual()` picks one from the settings."""

from ..client import elasticsearch_enabled


def actual():
    if elasticsearch_enabled():
        from . import elasticsearch

        return elasticsearch
    from . import database

    return database
