"""Small template helpers of the Oficialía screens."""

from django import template
from django.template.defaultfilters import filesizeformat

from ..plazos import ETIQUETAS_SEMAFORO, Semaforo
from ..selectors import formatear_codigo

register = template.Library()


@register.filter
def semaforo_etiqueta(valor) -> str:
    try:
        return str(ETIQUETAS_SEMAFORO[Semaforo(str(valor))])
    except ValueError:
        return ""


@register.filter
def codigo_legible(codigo: str) -> str:
    return formatear_codigo(codigo or "")


@register.filter
def tamano(valor) -> str:
    return filesizeformat(valor)


@register.inclusion_tag("documentos/includes/semaforo.html")
def semaforo(valor, vence_en=None):
    valor = str(valor)
    return {"valor": valor, "etiqueta": semaforo_etiqueta(valor), "vence_en": vence_en}


@register.filter
def con_descripcion(campo):
    """Render a form field linked (aria-describedby) to its help text and its errors."""
    ids = []
    if campo.errors:
        ids.append(f"{campo.auto_id}-error")
    if campo.help_text:
        ids.append(f"{campo.auto_id}-ayuda")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if campo.errors:
        attrs["aria-invalid"] = "true"
    return campo.as_widget(attrs=attrs)


@register.simple_tag
def lectura_senalada(archivos, usuario) -> dict:
    """The escrito's files whose OCR reading is dudosa or ilegible (not replaced), and
    whether this user may replace a scan."""
    from .. import permisos
    from ..selectors_lectura import archivos_senalados

    return {
        "archivos": archivos_senalados(list(archivos)),
        "puede_sustituir": permisos.puede_recibir(usuario),
    }
