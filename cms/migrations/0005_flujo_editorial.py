"""Moderation for every page: borrador → revisión (Comunicación approves) → publicado.

Adds the "Redacción" group (drafts and submits pages, cannot publish) and the workflow
"Revisión editorial" with one approval task for the "Comunicación" group, assigned to the
root page so all pages use it. Wagtail's default "Moderators approval" workflow is
deactivated.
"""

from django.db import migrations

REDACCION = "Redacción"
COMUNICACION = "Comunicación"
WORKFLOW = "Revisión editorial"
TAREA = "Revisión por Comunicación"


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def crear_flujo(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    redaccion, _ = Group.objects.get_or_create(name=REDACCION)
    redaccion.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=redaccion, page=root, permission=_permission(apps, "wagtailcore", "page", codename)
        )
    collection = Collection.objects.filter(depth=1).first()
    for app_label, model, codenames in (
        ("wagtailimages", "image", ("add_image", "choose_image")),
        ("wagtaildocs", "document", ("add_document", "choose_document")),
    ):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=redaccion,
                collection=collection,
                permission=_permission(apps, app_label, model, codename),
            )

    tipo_tarea, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    tarea = GroupApprovalTask.objects.filter(name=TAREA).first()
    if tarea is None:
        tarea = GroupApprovalTask.objects.create(name=TAREA, content_type=tipo_tarea, active=True)
    tarea.groups.set(Group.objects.filter(name=COMUNICACION))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=tarea, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)


def quitar_flujo(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Page = apps.get_model("wagtailcore.Page")
    previo = Workflow.objects.filter(name="Moderators approval").first()
    root = Page.objects.filter(depth=1).first()
    if previo is not None:
        previo.active = True
        previo.save()
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": previo})
    Workflow.objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TAREA).delete()
    apps.get_model("auth.Group").objects.filter(name=REDACCION).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_portal_paginas"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(crear_flujo, quitar_flujo)]
