"""The admin in Spanish: the root page is "Raíz" and Wagtail's default groups go.

Wagtail creates "Moderators" and "Editors"; Folio's roles (cms.roles) replace them. A group
with members is renamed to Spanish instead of deleted. Wagtail's default workflow (disabled by
0005) and its task get Spanish names. Only historical models (apps.get_model) are used.
"""

from django.db import migrations

GRUPOS = {"Moderators": "Moderadores", "Editors": "Editores"}
FLUJO = ("Moderators approval", "Aprobación de moderación")


def a_espanol(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Page.objects.filter(depth=1, title="Root").update(title="Raíz", draft_title="Raíz")
    for ingles, espanol in GRUPOS.items():
        grupo = Group.objects.filter(name=ingles).first()
        if grupo is None:
            continue
        if grupo.user_set.exists() or Group.objects.filter(name=espanol).exists():
            if not Group.objects.filter(name=espanol).exists():
                grupo.name = espanol
                grupo.save(update_fields=["name"])
            continue
        grupo.delete()
    Workflow.objects.filter(name=FLUJO[0]).update(name=FLUJO[1])
    Task.objects.filter(name=FLUJO[0]).update(name=FLUJO[1])


def a_ingles(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1, title="Raíz").update(title="Root", draft_title="Root")
    apps.get_model("wagtailcore.Workflow").objects.filter(name=FLUJO[1]).update(name=FLUJO[0])
    apps.get_model("wagtailcore.Task").objects.filter(name=FLUJO[1]).update(name=FLUJO[0])
    Group = apps.get_model("auth.Group")
    for ingles, espanol in GRUPOS.items():
        Group.objects.filter(name=espanol).update(name=ingles)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_calidad_servicio"),
        ("wagtailcore", "0098_apitoken"),
        # After every Wagtail migration that gives permissions to the default groups.
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(a_espanol, a_ingles)]
