from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from atencion.calidad.catalogo import proveer_tramites
        from documentos.portal import proveer_identidad, proveer_tramite

        from .seguridad import crear_tabla_cache
        from .selectors import identidad_portal, tramite_en_linea, tramites_para_calidad
        from .templatetags.portal_tags import limpiar_menu

        proveer_tramites(tramites_para_calidad)
        proveer_tramite(tramite_en_linea)
        proveer_identidad(identidad_portal)
        post_migrate.connect(crear_tabla_cache, sender=self, dispatch_uid="folio.cache.tabla")

        page_published.connect(limpiar_menu, dispatch_uid="folio.menu.publicada")
        page_unpublished.connect(limpiar_menu, dispatch_uid="folio.menu.despublicada")
        page_slug_changed.connect(limpiar_menu, dispatch_uid="folio.menu.slug")
        post_page_move.connect(limpiar_menu, dispatch_uid="folio.menu.movida")
        post_delete.connect(limpiar_menu, sender=Page, dispatch_uid="folio.menu.borrada")
