"""Wagtail API v2 for headless use: published pages, images and documents only, as JSON
(Wagtail would add DRF's browsable HTML API; Folio's APIs answer JSON only)."""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


def solo_json(vista):
    return type(vista.__name__, (vista,), {"renderer_classes": [JSONRenderer]})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", solo_json(PagesAPIViewSet))
api_router.register_endpoint("images", solo_json(ImagesAPIViewSet))
api_router.register_endpoint("documents", solo_json(DocumentsAPIViewSet))
