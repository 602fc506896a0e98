"""Security glue of the project: the content policy per part of the site, who may reach
Django's own admin, and the database cache's table."""

import ipaddress

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.management import call_command
from django.http import Http404
from django.shortcuts import render

PREFIJOS_ADMIN = ("/admin/", "/django-admin/")
CACHE_EN_BASE_DE_DATOS = "django.core.cache.backends.db.DatabaseCache"


class PoliticaDeContenido(CSPMiddleware):
    """The strict policy of settings.CONTENT_SECURITY_POLICY everywhere; the admins (Wagtail
    and Django) also get inline scripts and styles, which their own templates still use."""

    def get_policy_parts(self, request, response, report_only=False):
        partes = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(PREFIJOS_ADMIN):
            partes.update = {
                "script-src": [UNSAFE_INLINE],
                "style-src": [UNSAFE_INLINE],
                **(partes.update or {}),
            }
        return partes


def _ip_en_redes(request, redes) -> bool:
    from documentos.views.comun import ip_cliente

    try:
        ip = ipaddress.ip_address(ip_cliente(request) or "")
    except ValueError:
        return False
    return any(ip in red for red in redes)


class AdminDjangoRestringido:
    """/django-admin/ answers 404 unless FOLIO_DJANGO_ADMIN is on and, when
    FOLIO_DJANGO_ADMIN_REDES is set, the client is in one of those networks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/django-admin/"):
            redes = settings.FOLIO_DJANGO_ADMIN_REDES
            if not settings.FOLIO_DJANGO_ADMIN or (redes and not _ip_en_redes(request, redes)):
                raise Http404
        return self.get_response(request)


class SitioAdminDjango(admin.AdminSite):
    """Django's admin, for superusers only (staff work in the Wagtail admin)."""

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


def respuesta_bloqueo(request, original_response=None, credentials=None):
    """django-axes' lockout: a Spanish page with the wait, HTTP 429."""
    minutos = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "bloqueo.html", {"bloqueo_minutos": minutos}, status=429)


class AdminDjangoConfig(AdminConfig):
    default_site = "cms.seguridad.SitioAdminDjango"


def crear_tabla_cache(using="default", **kwargs) -> None:
    """post_migrate: the database cache's table exists wherever that cache is configured."""
    if any(c["BACKEND"] == CACHE_EN_BASE_DE_DATOS for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)
