"""Who may act on an escrito (seeing it is decided in visibilidad.py)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from cms import roles

from .models import Escrito


def _en_grupo(usuario, *nombres: str) -> bool:
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    return usuario.is_superuser or usuario.groups.filter(name__in=nombres).exists()


def es_oficialia(usuario) -> bool:
    return _en_grupo(usuario, roles.OFICIALIA)


def es_contraloria(usuario) -> bool:
    return _en_grupo(usuario, roles.CONTRALORIA)


def es_del_area(usuario, area_id: int | None) -> bool:
    if area_id is None or not usuario.is_authenticated:
        return False
    return usuario.is_superuser or usuario.areas.filter(pk=area_id, activa=True).exists()


def puede_recibir(usuario) -> bool:
    return es_oficialia(usuario)


def puede_turnar(usuario, escrito: Escrito) -> bool:
    return es_oficialia(usuario) or es_del_area(usuario, escrito.area_responsable_id)


def puede_asignar(usuario, escrito: Escrito) -> bool:
    return es_del_area(usuario, escrito.area_responsable_id)


def puede_atender(usuario, escrito: Escrito) -> bool:
    """Answer and conclude: the responsible área or the person it was assigned to."""
    if es_del_area(usuario, escrito.area_responsable_id):
        return True
    return escrito.asignaciones.filter(vigente=True, asignado_a=usuario).exists()


def puede_archivar(usuario, escrito: Escrito) -> bool:
    return _en_grupo(usuario, roles.OFICIALIA, roles.ARCHIVO) or puede_atender(usuario, escrito)


def puede_testar(usuario, escrito: Escrito) -> bool:
    """Prepare, review and approve the versión pública: the transparency unit, and whoever
    may archive (and so publish) the escrito."""
    return _en_grupo(usuario, roles.CONTRALORIA) or puede_archivar(usuario, escrito)


def filtro_testar(usuario) -> Q | None:
    """`puede_testar` as a filter of escritos (None: all of them), for the queue."""
    if not usuario.is_authenticated or not usuario.is_active:
        return Q(pk__in=[])
    if _en_grupo(usuario, roles.CONTRALORIA, roles.OFICIALIA, roles.ARCHIVO):
        return None
    areas = usuario.areas.filter(activa=True).values("pk")
    return Q(area_responsable__in=areas) | Q(
        asignaciones__vigente=True, asignaciones__asignado_a=usuario
    )


def escritos_testables(usuario) -> QuerySet[Escrito]:
    """The escritos whose versión pública this person may prepare, review and approve."""
    condicion = filtro_testar(usuario)
    if condicion is None:
        return Escrito.objects.all()
    return Escrito.objects.filter(pk__in=Escrito.objects.filter(condicion).values("pk"))


def puede_testar_alguno(usuario) -> bool:
    """Whether the versiones públicas queue is for this person."""
    return filtro_testar(usuario) is None or escritos_testables(usuario).exists()


def puede_publicar(usuario, escrito: Escrito) -> bool:
    """Publish in (or withdraw from) the public archive: whoever may approve its versión
    pública (the transparency unit, and whoever may archive the escrito)."""
    return puede_testar(usuario, escrito)


def puede_cancelar(usuario, escrito: Escrito) -> bool:
    return es_oficialia(usuario)


def exigir(permitido: bool) -> None:
    if not permitido:
        raise PermissionDenied(_("No tiene permiso para realizar esta acción sobre el escrito."))
