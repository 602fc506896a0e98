"""Home page blocks, site settings, the editorial workflow and the menu cache."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site, Workflow

from cms.models import AjustesPortal, HomePage
from cms.models.ajustes import contraste
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def test_home_shows_the_editable_action_cards(client, home, catalogo):
    home.acciones = [
        (
            "accion",
            {
                "titulo": "Encontrar un trámite",
                "descripcion": "Requisitos y costos.",
                "icono": "buscar",
                "enlace": {"pagina": catalogo["indice"], "url": ""},
            },
        ),
        (
            "accion",
            {
                "titulo": "Consultar un folio",
                "descripcion": "Con su folio y código.",
                "icono": "folio",
                "enlace": {"pagina": None, "url": "/consulta/"},
            },
        ),
    ]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<a class="accion" href="/tramites/">' in html
    assert '<a class="accion" href="/consulta/">' in html
    assert "¿Qué puede hacer aquí?" in html


def test_site_settings_set_name_colours_contact_and_notices(client, home):
    ajustes = AjustesPortal.for_site(Site.objects.get(is_default_site=True))
    ajustes.nombre_entidad = "Municipio de Prueba"
    ajustes.color_primario = "#7a1f3d"
    ajustes.telefono = "55 1234 5678"
    ajustes.aviso_privacidad = "<p>Sus datos se protegen.</p>"
    ajustes.save()
    html = client.get("/").content.decode()
    assert "Municipio de Prueba" in html and "55 1234 5678" in html
    # The colours reach the page through its theme stylesheet (no inline style under the CSP).
    tema = re.search(r'href="(/estilos/tema\.css\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "--color-primary:#7a1f3d" in client.get(tema).content.decode()
    assert "Sus datos se protegen." in client.get("/avisos/privacidad/").content.decode()


def test_primary_colour_must_be_readable_on_white():
    assert contraste("#000000", "#ffffff") == pytest.approx(21)
    ajustes = AjustesPortal(site=Site.objects.get(), color_primario="#ffd700")
    with pytest.raises(ValidationError, match="contraste"):
        ajustes.full_clean()
    ajustes.color_primario = "azul"
    with pytest.raises(ValidationError, match="#rrggbb"):
        ajustes.full_clean()


def test_every_page_goes_through_the_editorial_review():
    raiz = Page.objects.get(depth=1)
    flujo = raiz.get_workflow()
    assert flujo.name == "Revisión editorial" and flujo.active
    tarea = flujo.tasks.get().specific
    assert list(tarea.groups.values_list("name", flat=True)) == ["Comunicación"]
    assert HomePage.objects.get().get_workflow() == flujo
    assert not Workflow.objects.get(name="Aprobación de moderación").active


def test_redaccion_drafts_and_submits_comunicacion_approves(home, catalogo):
    redactora = UsuarioFactory(username="redactora", roles=["Redacción"])
    editora = UsuarioFactory(username="editora", roles=["Comunicación"])
    tramite = catalogo["bacheo"]
    permisos = tramite.permissions_for_user(redactora)
    assert permisos.can_edit() and not permisos.can_publish()

    tramite.descripcion = "Descripción revisada."
    revision = tramite.save_revision(user=redactora)
    estado = tramite.get_workflow().start(tramite, redactora)
    assert estado.status == "in_progress"
    assert (
        tramite.specific.__class__.objects.get(pk=tramite.pk).descripcion != "Descripción revisada."
    )

    tarea = estado.current_task_state.task.specific
    assert tarea.user_can_access_editor(tramite, editora)
    assert not tarea.get_actions(tramite, redactora)
    tarea.on_action(estado.current_task_state, editora, "approve")
    tramite.refresh_from_db()
    assert tramite.descripcion == "Descripción revisada."
    assert tramite.live_revision == revision or tramite.live_revision.pk >= revision.pk


def test_roles_include_redaccion_with_admin_access():
    redaccion = Group.objects.get(name="Redacción")
    assert redaccion.permissions.filter(codename="access_admin").exists()


def test_menu_lists_sections_and_updates_on_publish(client, home, catalogo):
    from cms.models import TransparenciaPage

    catalogo["indice"].show_in_menus = True
    catalogo["indice"].save_revision().publish()
    html = client.get("/").content.decode()
    assert '<a href="/tramites/">Trámites y servicios</a>' in html
    nueva = TransparenciaPage(title="Transparencia", slug="transparencia", show_in_menus=True)
    home.add_child(instance=nueva)
    nueva.save_revision().publish()
    assert '<a href="/transparencia/">Transparencia</a>' in client.get("/").content.decode()
    assert 'aria-current="page">Transparencia' in client.get("/transparencia/").content.decode()


def test_scheduled_publishing_goes_live_with_publish_scheduled(client, catalogo):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    tramite = catalogo["bacheo"]
    tramite.unpublish()
    tramite.descripcion = "Publicado por programación."
    revision = tramite.save_revision(approved_go_live_at=timezone.now() - dt.timedelta(minutes=1))
    assert client.get("/tramites/bacheo/").status_code == 404
    call_command("publish_scheduled")
    tramite.refresh_from_db()
    assert tramite.live and tramite.live_revision_id == revision.pk
    assert "Publicado por programación." in client.get("/tramites/bacheo/").content.decode()


def test_revisions_are_kept_for_comparison(catalogo):
    tramite = catalogo["bacheo"]
    tramite.descripcion = "Segunda versión."
    tramite.save_revision().publish()
    assert tramite.revisions.count() == 2


@pytest.mark.django_db
def test_la_pagina_no_encontrada_sin_sitio_configurado(client):
    # A host no Site matches (or no Site yet) must give the Spanish 404, not a 500.
    Site.objects.all().delete()
    respuesta = client.get("/no-existe/")
    assert respuesta.status_code == 404
    assert "Página no encontrada" in respuesta.content.decode()
