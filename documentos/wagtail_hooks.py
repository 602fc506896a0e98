from wagtail.snippets.models import register_snippet

from .catalogos import CatalogosViewSetGroup

register_snippet(CatalogosViewSetGroup)
