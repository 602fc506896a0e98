"""What the display board of a sede shows: the current calls, the last ones and the queues.

`estado` is what /pantalla/<slug>/estado.json serves; it is cached CACHE_SEGUNDOS in Django's
cache (shared by the workers), so many boards polling every 2 s cost one query round a second.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Ficha, Sede, Servicio

E = Ficha.Estado
CACHE_SEGUNDOS = 1
ACTUALES = 4
ULTIMAS = 6


def texto_voz(ficha: Ficha) -> str:
    """What the board says aloud: "Turno A 0 0 7, pase a la ventanilla 2"."""
    digitos = " ".join(f"{ficha.numero:03d}")
    return _("Turno %(letras)s %(digitos)s, pase a la ventanilla %(numero)s") % {
        "letras": " ".join(ficha.prefijo),
        "digitos": digitos,
        "numero": ficha.ventanilla.numero,
    }


def _llamada(ficha: Ficha) -> dict:
    return {
        "id": ficha.pk,
        "codigo": ficha.codigo,
        "ventanilla": ficha.ventanilla.numero,
        "llamadas": ficha.llamadas,
        "voz": texto_voz(ficha),
    }


def _estado(sede: Sede) -> dict:
    hoy = timezone.localdate()
    llamadas = (
        Ficha.objects.filter(sede=sede, fecha=hoy, llamada_en__isnull=False)
        .exclude(ventanilla=None)
        .select_related("ventanilla")
        .order_by("-llamada_en", "-pk")
    )
    actuales = list(llamadas.filter(estado=E.LLAMADA)[:ACTUALES])
    ultimas = llamadas.exclude(pk__in=[f.pk for f in actuales])[:ULTIMAS]
    colas = (
        Servicio.objects.filter(sede=sede, activo=True)
        .annotate(
            en_espera=Count("fichas", filter=Q(fichas__fecha=hoy, fichas__estado=E.EN_ESPERA))
        )
        .order_by("prefijo")
    )
    return {
        "sede": sede.nombre,
        "ahora": timezone.now().isoformat(),
        "zona": settings.TIME_ZONE,
        "actuales": [_llamada(f) for f in actuales],
        "ultimas": [_llamada(f) for f in ultimas],
        "colas": [
            {"prefijo": s.prefijo, "servicio": s.nombre, "en_espera": s.en_espera} for s in colas
        ],
    }


def estado(sede: Sede) -> dict:
    """The board's state, at most CACHE_SEGUNDOS old."""
    clave = f"folio:atencion:pantalla:{sede.pk}:{get_language()}"
    return cache.get_or_set(clave, lambda: _estado(sede), CACHE_SEGUNDOS)


def ficha_actual(ventanilla) -> Ficha | None:
    """The ficha this window is calling or attending now (today)."""
    return (
        Ficha.objects.filter(
            ventanilla=ventanilla,
            fecha=timezone.localdate(),
            estado__in=[E.LLAMADA, E.EN_ATENCION],
        )
        .select_related("servicio", "transferida_de", "escrito")
        .order_by("-llamada_en", "-pk")
        .first()
    )


def cola(ventanilla) -> list[Ficha]:
    """Today's fichas waiting for this window's servicios, by arrival, with minutes waited."""
    ahora = timezone.now()
    fichas = list(
        Ficha.objects.filter(
            sede=ventanilla.sede_id,
            fecha=timezone.localdate(),
            estado=E.EN_ESPERA,
            servicio__in=ventanilla.servicios.filter(activo=True),
        )
        .select_related("servicio")
        .order_by("tomada_en", "pk")
    )
    for ficha in fichas:
        ficha.minutos_espera = int((ahora - ficha.tomada_en).total_seconds() // 60)
    return fichas
