"""Published portal pages as search documents (only live pages without view restrictions)."""

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction


def _texto(pagina) -> str:
    partes = []
    for campo in pagina.get_search_fields():
        nombre = getattr(campo, "field_name", None)
        if not nombre or nombre == "title" or not hasattr(campo, "boost"):
            continue
        valor = getattr(pagina, nombre, None)
        if valor is None or callable(valor):
            continue
        try:
            modelo = pagina._meta.get_field(nombre)
        except Exception:  # a property or method, not a model field
            modelo = None
        if modelo is not None and hasattr(modelo, "get_searchable_content"):
            partes += [str(t) for t in modelo.get_searchable_content(valor)]
        else:
            partes.append(strip_tags(str(valor)))
    return " ".join(p for p in partes if p).strip()


def publica(pagina: Page) -> bool:
    return (
        pagina.live
        and not pagina.get_view_restrictions().exists()
        and pagina.depth > 1
        and pagina.get_url() is not None
    )


def documento(pagina: Page) -> dict | None:
    """The search document of a page, or None when the public must not find it."""
    pagina = pagina.specific
    if not publica(pagina):
        return None
    return {
        "page_id": pagina.pk,
        "titulo": pagina.title,
        "texto": " ".join(filter(None, [pagina.search_description, _texto(pagina)])),
        "url": pagina.get_url(),
        "tipo": str(pagina._meta.verbose_name),
    }


def documentos(ids) -> list[dict]:
    paginas = Page.objects.filter(pk__in=list(ids)).specific()
    return [d for p in paginas if (d := documento(p)) is not None]


def todos_los_ids():
    restringidas = PageViewRestriction.objects.values_list("page__path", flat=True)
    qs = Page.objects.live().filter(depth__gt=1)
    for camino in restringidas:
        qs = qs.exclude(path__startswith=camino)
    return list(qs.order_by("pk").values_list("pk", flat=True))
