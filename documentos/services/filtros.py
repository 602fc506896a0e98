"""Saved bandeja filters: each staff member keeps their own named views."""

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from ..models import FiltroGuardado

# Not part of a view: the page, an export, the form's own fields.
NO_SE_GUARDAN = {"p", "exportar", "csrfmiddlewaretoken", "nombre", "_w_filter_fragment"}


def limpiar_querystring(texto: str) -> str:
    datos = QueryDict(texto or "", mutable=True)
    for clave in NO_SE_GUARDAN:
        datos.pop(clave, None)
    for clave in list(datos):
        if not any(v.strip() for v in datos.getlist(clave)):
            datos.pop(clave)
    return datos.urlencode()


def guardar_filtro(usuario, nombre: str, querystring: str) -> FiltroGuardado:
    """Save (or replace, by name) one of this person's bandeja views."""
    nombre = (nombre or "").strip()
    if not nombre:
        raise ValidationError(_("Escriba un nombre para el filtro."))
    if len(nombre) > 80:
        raise ValidationError(_("El nombre del filtro admite hasta 80 caracteres."))
    consulta = limpiar_querystring(querystring)
    if len(consulta) > 1000:
        raise ValidationError(_("El filtro es demasiado largo para guardarse."))
    filtro, _creado = FiltroGuardado.objects.update_or_create(
        usuario=usuario, nombre=nombre, defaults={"querystring": consulta}
    )
    return filtro


def borrar_filtro(usuario, filtro_id: int) -> bool:
    """Delete one of this person's saved filters; someone else's is never touched."""
    borrados, _detalle = FiltroGuardado.objects.filter(usuario=usuario, pk=filtro_id).delete()
    return bool(borrados)
