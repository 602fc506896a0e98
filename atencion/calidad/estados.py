"""The state of a programmed activity from its dates and its progress: one rule for the plan
anticorrupción's cronograma (cms) and the acciones de mejora."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

PROGRAMADA, EN_CURSO, CONCLUIDA, VENCIDA = "programada", "en_curso", "concluida", "vencida"

ESTADOS = {
    PROGRAMADA: _("Programada"),
    EN_CURSO: _("En curso"),
    CONCLUIDA: _("Concluida"),
    VENCIDA: _("Con retraso"),
}


def estado_de(inicio: dt.date, fin: dt.date, avance: int, hoy: dt.date) -> str:
    if avance >= 100:
        return CONCLUIDA
    if hoy < inicio:
        return PROGRAMADA
    if hoy > fin:
        return VENCIDA
    return EN_CURSO
