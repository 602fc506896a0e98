"""Queries of the activities (plan anticorrupción and acciones de mejora) for the admin."""

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .calidad.estados import ESTADOS, estado_de
from .models import Actividad, Seguimiento


def con_avance(queryset=None):
    """Activities annotated with `avance_actual`: the avance of their latest seguimiento."""
    queryset = Actividad.objects.all() if queryset is None else queryset
    ultimo = (
        Seguimiento.objects.filter(actividad=OuterRef("pk"))
        .order_by("-fecha", "-pk")
        .values("avance")[:1]
    )
    return queryset.annotate(avance_actual=Coalesce(Subquery(ultimo), Value(0)))


def estado(actividad, hoy=None) -> str:
    """The activity rule (calidad.estados.estado_de) for an activity from con_avance()."""
    hoy = hoy or timezone.localdate()
    return estado_de(actividad.inicio, actividad.fin, actividad.avance_actual, hoy)


def estados():
    return list(ESTADOS.items())


def en_estado(queryset, valor: str, hoy=None):
    """The activities of `queryset` whose estado is `valor` today."""
    hoy = hoy or timezone.localdate()
    filas = con_avance(queryset.order_by()).values_list("pk", "inicio", "fin", "avance_actual")
    return queryset.filter(pk__in=[pk for pk, i, f, a in filas if estado_de(i, f, a, hoy) == valor])
