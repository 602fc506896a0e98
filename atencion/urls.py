"""Public pages of the attention at the windows (mounted at the site root in cms/urls.py);
each part keeps its routes in its own module."""

from django.urls import include, path

app_name = "atencion"

urlpatterns = [
    path("", include("atencion.urls_kiosco")),
    path("", include("atencion.urls_pantalla")),
    path("", include("atencion.urls_encuestas")),
]
