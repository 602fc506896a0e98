"""Links for facets and pages that keep the rest of the query string."""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

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
def escaneo(escrito_id: int, fragmento=None, q: str = "") -> str:
    """The escrito's admin page with its viewer at the matched page, the query's words
    highlighted there."""
    return serializar.url_escaneo(escrito_id, fragmento, q)


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


FECHAS = {
    "recibido_desde": gettext_lazy("Recibido desde"),
    "recibido_hasta": gettext_lazy("Recibido hasta"),
    "vence_desde": gettext_lazy("Vence desde"),
    "vence_hasta": gettext_lazy("Vence hasta"),
}


def _sin(filtros: str, *claves: str) -> str:
    datos = QueryDict(filtros, mutable=True)
    for clave in claves:
        datos.pop(clave, None)
    return "?" + datos.urlencode()


@register.simple_tag
def filtros_aplicados(consulta, filtros: str) -> list[dict]:
    """The applied filters as chips: {nombre, valor, url}, the url without that filter."""
    from busqueda.backends.comun import FACETAS, etiquetar_facetas

    if consulta is None:
        return []
    crudas = {f: [(str(v), 1) for v in getattr(consulta, f)] for f in FACETAS if f != "anio"}
    chips = [
        {"nombre": nombre_faceta(f), "valor": v.etiqueta, "url": alternar(filtros, f, v.valor)}
        for f, valores in etiquetar_facetas(crudas, consulta).items()
        for v in valores
    ]
    desde, hasta = consulta.recibido_desde, consulta.recibido_hasta
    fechas = dict(FECHAS)
    un_anio = (
        desde
        and hasta
        and desde.year == hasta.year
        and (desde.month, desde.day, hasta.month, hasta.day) == (1, 1, 12, 31)
    )
    if un_anio:  # the "Año de recepción" facet sets both dates
        quitar = _sin(filtros, "recibido_desde", "recibido_hasta")
        chips.append({"nombre": nombre_faceta("anio"), "valor": str(desde.year), "url": quitar})
        fechas = {c: n for c, n in fechas.items() if not c.startswith("recibido")}
    for campo, nombre in fechas.items():
        if valor := getattr(consulta, campo):
            chips.append(
                {
                    "nombre": str(nombre),
                    "valor": formats.date_format(valor, "SHORT_DATE_FORMAT"),
                    "url": _sin(filtros, campo),
                }
            )
    return chips


@register.simple_tag
def sin_filtros(filtros: str) -> str:
    """The query string with only the words and the order (every filter removed)."""
    datos = QueryDict(filtros)
    quedan = QueryDict(mutable=True)
    for clave in ("q", "orden"):
        if clave in datos:
            quedan[clave] = datos[clave]
    return "?" + quedan.urlencode()


@register.simple_tag
def con_q(filtros: str, q: str) -> str:
    """The query string with other words (the filters kept, back to page 1)."""
    datos = QueryDict(filtros, mutable=True)
    datos["q"] = q
    return "?" + datos.urlencode()
