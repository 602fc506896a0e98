"""Wagtail admin hooks of the portal: the editor of one componente of the plan."""

from django.urls import path
from wagtail import hooks

from cms import views_plan


@hooks.register("register_admin_urls")
def urls_del_plan():
    return [
        path("plan/<int:page_id>/componente/", views_plan.componente, name="plan_componente_nuevo"),
        path(
            "plan/<int:page_id>/componente/<str:bloque_id>/",
            views_plan.componente,
            name="plan_componente",
        ),
    ]
