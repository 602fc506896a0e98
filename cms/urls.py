from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from documentos.views import anclas, verificar

from . import api_anclas, api_estadisticas
from . import views as portal_views
from .api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own: a reset mail that cannot be sent must say so.
    path(
        "admin/password_reset/",
        portal_views.RecuperarContrasena.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("filer/", include("filer.urls")),
    path("oficialia/", include("documentos.urls")),
    path("", include("atencion.urls")),
    path("", include("busqueda.urls")),
]

# Portal (cms): open-data statistics API, the OpenAPI document of every JSON endpoint and the
# legal notices. The figure is captured as text so an unknown one gets the API's JSON 404.
urlpatterns += [
    path("api/estadisticas/", api_estadisticas.Estadisticas.as_view(), name="api_estadisticas"),
    re_path(
        r"^api/estadisticas/(?P<figura>[^/]*)/$",
        api_estadisticas.Estadistica.as_view(),
        name="api_estadistica",
    ),
    path("api/esquema/", api_estadisticas.Esquema.as_view(), name="api_esquema"),
    path("api/bitacora/anclas/", api_anclas.Anclas.as_view(), name="api_anclas"),
    # The bitácora's daily anchors (documentos.services.anclas): list and downloads.
    path("bitacora/anclas/", anclas.lista, name="anclas"),
    re_path(
        r"^bitacora/anclas/(?P<fecha>\d{4}-\d{2}-\d{2})/ancla\.json$",
        anclas.carga,
        name="ancla_carga",
    ),
    re_path(
        r"^bitacora/anclas/(?P<fecha>\d{4}-\d{2}-\d{2})/ancla\.p7s$",
        anclas.firma,
        name="ancla_firma",
    ),
    # Verification of the electronic signatures (documentos.firma), by código or upload.
    path("verificar/", verificar.VerificarView.as_view(), name="verificar"),
    path(
        "verificar/documento.pdf",
        verificar.DescargaVerificadaView.as_view(),
        name="verificar_descarga",
    ),
    path("estilos/tema.css", portal_views.tema_css, name="tema_css"),
    path("avisos/privacidad/", portal_views.aviso, {"cual": "privacidad"}, name="aviso_privacidad"),
    path("avisos/legal/", portal_views.aviso, {"cual": "legal"}, name="aviso_legal"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A styled 500 page that does not touch the database (cms.errores).
handler500 = "cms.errores.error_servidor"

# Everything else is a Wagtail page; this must stay last.
urlpatterns += [path("", include(wagtail_urls))]
