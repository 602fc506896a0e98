"""Links for facets and pages that keep the rest of the query string."""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import mark_safe

from busqueda import serializar

register = template.Library()


@register.simple_tag
def alternar(filtros: str, campo: str, valor) -> str:
    """The query string with this facet value switched on or off (back to page 1)."""
    datos = QueryDict(filtros, mutable=True)
    valores = datos.getlist(campo)
    valor = str(valor)
    if campo == "anio":
        desde, hasta = f"{valor}-01-01", f"{valor}-12-31"
        if datos.get("recibido_desde") == desde and datos.get("recibido_hasta") == hasta:
            datos.pop("recibido_desde")
            datos.pop("recibido_hasta")
        else:
            datos["recibido_desde"], datos["recibido_hasta"] = desde, hasta
    elif valor in valores:
        datos.setlist(campo, [v for v in valores if v != valor])
    else:
        datos.setlist(campo, [*valores, valor])
    return "?" + datos.urlencode()


@register.simple_tag
def con_pagina(filtros: str, pagina: int) -> str:
    datos = QueryDict(filtros, mutable=True)
    datos["pagina"] = str(pagina)
    return "?" + datos.urlencode()


@register.simple_tag
def escaneo(escrito_id: int, fragmento=None) -> str:
    """The escrito's admin page with its viewer at the matched page (as the JSON API)."""
    return serializar.url_escaneo(escrito_id, fragmento)


@register.simple_tag
def version_publica(folio: str, fragmento=None) -> str:
    """The versión pública's PDF, or the matched page's image (as the public JSON API)."""
    return serializar.url_version_publica(folio, fragmento)


@register.simple_tag
def pagina_publica(folio: str, fragmento=None) -> str:
    """The escrito's public page in the archive, at the matched page when there is one."""
    url = reverse("documentos:archivo_escrito", args=[folio])
    if fragmento is not None and fragmento.pagina_global:
        url += f"#pagina-{fragmento.pagina_global}"
    return url


@register.filter
def fragmento(html: str):
    """Snippets are built escaped by busqueda.resaltado; only <mark> is markup."""
    return mark_safe(html)  # noqa: S308 (escaped at the source)


NOMBRES_FACETAS = {
    "tipo": "Tipo",
    "tema": "Tema",
    "area": "Área responsable",
    "estado": "Estado",
    "clasificacion": "Clasificación",
    "canal": "Canal",
    "sentido": "Sentido de la respuesta",
    "anio": "Año de recepción",
}


@register.simple_tag
def nombre_faceta(faceta: str) -> str:
    from django.utils.translation import gettext

    return gettext(NOMBRES_FACETAS.get(faceta, faceta))


@register.filter
def etiqueta(valor: str, campo: str) -> str:
    """The Spanish label of a stored choice value: {{ r.tipo|etiqueta:"tipo" }}."""
    from busqueda.backends.comun import ETIQUETAS

    return str(ETIQUETAS.get(campo, {}).get(valor, valor))
