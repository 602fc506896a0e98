"""The staff roles as Django groups, each allowed into the Wagtail admin.

Communications staff also edit and publish pages, images and documents. Permissions on
correspondence are granted by the documentos migrations that create those models.
"""

from django.db import migrations

ROLES = (
    "Oficialía de Partes",
    "Área",
    "Archivo",
    "Comunicación",
    "Contraloría/Transparencia",
)
COMUNICACION = "Comunicación"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("image", ("add_image", "change_image", "choose_image")),
    "wagtaildocs": ("document", ("add_document", "change_document", "choose_document")),
}


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


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)

    comunicacion = Group.objects.get(name=COMUNICACION)
    root_page = Page.objects.filter(depth=1).first()
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=comunicacion,
            page=root_page,
            permission=_permission(apps, "wagtailcore", "page", codename),
        )
    root_collection = Collection.objects.filter(depth=1).first()
    for app_label, (model, codenames) in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=comunicacion,
                collection=root_collection,
                permission=_permission(apps, app_label, model, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
