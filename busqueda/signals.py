"""Portal pages reach the index through the outbox when published, unpublished or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .services import encolar_pagina


@receiver(page_published, dispatch_uid="busqueda.page_published")
@receiver(page_unpublished, dispatch_uid="busqueda.page_unpublished")
def _pagina_cambiada(sender, instance, **kwargs):
    encolar_pagina(instance.pk)


@receiver(post_delete, dispatch_uid="busqueda.page_deleted")
def _pagina_borrada(sender, instance, **kwargs):
    if isinstance(instance, Page):
        encolar_pagina(instance.pk)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="busqueda.restriccion_guardada")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="busqueda.restriccion_borrada")
def _restriccion(sender, instance, **kwargs):
    pagina = Page.objects.filter(pk=instance.page_id).first()
    if pagina is None:
        return
    for page_id in Page.objects.descendant_of(pagina, inclusive=True).values_list("pk", flat=True):
        encolar_pagina(page_id)
