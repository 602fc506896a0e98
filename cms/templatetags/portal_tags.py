"""Template tags of the portal: main menu (cached until a page is published) and helpers."""

from django import template
from django.core.cache import cache
from wagtail.models import Site

register = template.Library()

CLAVE_MENU = "folio:portal:menu:{}"


@register.inclusion_tag("cms/includes/menu.html", takes_context=True)
def menu_principal(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": [], "actual": None}
    clave = CLAVE_MENU.format(site.pk)
    items = cache.get(clave)
    if items is None:
        raiz = site.root_page
        items = [(raiz.title, raiz.url)] + [
            (p.title, p.url) for p in raiz.get_children().live().public().in_menu()
        ]
        cache.set(clave, items, 3600)
    ruta = request.path if request else ""
    actual = max((url for _t, url in items if url and ruta.startswith(url)), key=len, default=None)
    return {"items": items, "actual": actual}


def limpiar_menu(**kwargs):
    """Drop cached menus (called when a page is published, unpublished, moved or deleted)."""
    cache.delete_many([CLAVE_MENU.format(pk) for pk in Site.objects.values_list("pk", flat=True)])


@register.filter
def num(valor):
    """Thousands separated by a thin space, as Spanish style guides recommend."""
    try:
        return f"{int(valor):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return valor


@register.filter
def moneda(valor):
    """An amount in pesos as written in Mexico: $1,850.00."""
    try:
        return f"${float(valor):,.2f}"
    except (TypeError, ValueError):
        return valor
