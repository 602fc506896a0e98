"""Who may see and act on the archive. Archivo manages everything; an área's staff see and
handle only their área's expedientes, and only while those are in trámite."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cms import roles
from documentos.permisos import es_del_area, es_oficialia

from .models import Expediente


def _en_grupo(usuario, *nombres: str) -> bool:
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    return usuario.is_superuser or usuario.groups.filter(name__in=nombres).exists()


def es_archivo(usuario) -> bool:
    return _en_grupo(usuario, roles.ARCHIVO)


def _personal_del_area(usuario, area_id) -> bool:
    return _en_grupo(usuario, roles.AREA) and es_del_area(usuario, area_id)


def expedientes_visibles(usuario) -> QuerySet[Expediente]:
    if es_archivo(usuario):
        return Expediente.objects.all()
    if not _en_grupo(usuario, roles.AREA):
        return Expediente.objects.none()
    return Expediente.objects.filter(area__personal=usuario, area__activa=True).distinct()


def puede_ver(usuario, expediente: Expediente) -> bool:
    return es_archivo(usuario) or _personal_del_area(usuario, expediente.area_id)


def puede_abrir(usuario, area) -> bool:
    return es_archivo(usuario) or _personal_del_area(usuario, area.pk)


def puede_gestionar(usuario, expediente: Expediente) -> bool:
    """Close it, record where the paper is: the área while in trámite, Archivo always."""
    if es_archivo(usuario):
        return True
    return expediente.etapa == Expediente.Etapa.TRAMITE and _personal_del_area(
        usuario, expediente.area_id
    )


def puede_clasificar(usuario, expediente: Expediente) -> bool:
    """The clerk at turnado, the área at the answer, or Archivo."""
    if expediente.etapa != Expediente.Etapa.TRAMITE and not es_archivo(usuario):
        return False
    return es_oficialia(usuario) or puede_gestionar(usuario, expediente)


def puede_administrar(usuario) -> bool:
    """Catálogo, loans, receiving transfers, holds and bajas: Archivo only."""
    return es_archivo(usuario)


def exigir(permitido: bool) -> None:
    if not permitido:
        raise PermissionDenied(_("No tiene permiso para realizar esta acción en el archivo."))
