"""Queries of the activities (plan anticorrupción and acciones de mejora) for the admin."""

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

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


def _regla():
    from cms.cronograma import estado_de  # the rule moves down to atencion.calidad later

    return estado_de


def estado(actividad, hoy=None) -> str:
    """The plan's rule (cms.cronograma.estado_de) for an activity from con_avance()."""
    hoy = hoy or timezone.localdate()
    return _regla()(actividad.inicio, actividad.fin, actividad.avance_actual, hoy)


def estados():
    from cms.cronograma import ESTADOS

    return list(ESTADOS.items())


def en_estado(queryset, valor: str, hoy=None):
    """The activities of `queryset` whose estado is `valor` today."""
    hoy, regla = hoy or timezone.localdate(), _regla()
    filas = con_avance(queryset.order_by()).values_list("pk", "inicio", "fin", "avance_actual")
    return queryset.filter(pk__in=[pk for pk, i, f, a in filas if regla(i, f, a, hoy) == valor])
