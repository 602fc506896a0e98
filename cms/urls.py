from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("filer/", include("filer.urls")),
    path("oficialia/", include("documentos.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything else is a Wagtail page; this must stay last.
urlpatterns += [path("", include(wagtail_urls))]
