"""The plan's editors in the admin: the page's is a short list of links; one componente is
edited on its own as a new revision of the page (public when the page is published); one
activity and its seguimientos are rows (public at once); who may not edit gets 403."""

import datetime as dt
import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from atencion.models import Actividad
from cms import roles
from cms.models import PlanAnticorrupcionPage
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db

PUBLICA = "/transparencia/plan/"


def _campos(html: str) -> int:
    return len(re.findall(r"<(?:input|select|textarea)\b", html))


def _entrar(client, *grupos):
    usuario = UsuarioFactory(roles=list(grupos))
    client.force_login(usuario)
    return usuario


def _componente(plan, i=0) -> str:
    bloque = PlanAnticorrupcionPage.objects.get(pk=plan.pk).componentes[i]
    return f"/admin/plan/{plan.pk}/componente/{bloque.id}/"


def _datos_componente(nombre, actividades, descripcion="", posicion=1, **botones):
    """The componente editor's POST (what its block widget sends)."""
    datos = {
        "componente-nombre": nombre,
        "componente-descripcion": descripcion,
        "componente-actividades-count": str(len(actividades)),
        "posicion": str(posicion),
        **botones,
    }
    for i, actividad in enumerate(actividades):
        datos |= {
            f"componente-actividades-{i}-value": str(actividad.pk),
            f"componente-actividades-{i}-deleted": "",
            f"componente-actividades-{i}-order": str(i),
            f"componente-actividades-{i}-id": "",
        }
    return datos


def _nombres(pagina):
    return [
        (b.value["nombre"], [a.nombre for a in b.value["actividades"]]) for b in pagina.componentes
    ]


def test_the_plan_page_editor_is_short_and_links_to_each_componente_and_activity(client, plan):
    _entrar(client, roles.COMUNICACION)
    html = client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    # Before: the whole nested StreamField (~300 inputs once drawn in the browser).
    assert _campos(html) < 60
    assert "componentes-count" not in html and "Gestión del riesgo de corrupción" in html
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    for bloque in pagina.componentes:
        assert f'href="/admin/plan/{plan.pk}/componente/{bloque.id}/"' in html
        for actividad in bloque.value["actividades"]:
            assert f'href="/admin/snippets/atencion/actividad/edit/{actividad.pk}/"' in html
    assert f'href="/admin/plan/{plan.pk}/componente/"' in html  # Agregar un componente
    assert "Componentes y actividades" in html


def test_saving_the_page_keeps_its_componentes(client, plan):
    _entrar(client, roles.COMUNICACION)
    url = f"/admin/pages/{plan.pk}/edit/"
    datos = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    datos["title"] = "Plan Anticorrupción 2026 (revisado)"
    assert client.post(url, datos).status_code == 302
    borrador = PlanAnticorrupcionPage.objects.get(pk=plan.pk).get_latest_revision_as_object()
    assert borrador.title == "Plan Anticorrupción 2026 (revisado)"
    assert _nombres(borrador) == _nombres(PlanAnticorrupcionPage.objects.get(pk=plan.pk))


def test_one_componente_is_saved_as_a_draft_and_public_once_published(client, plan):
    _entrar(client, roles.COMUNICACION)
    url = _componente(plan, 1)
    html = client.get(url).content.decode()
    assert _campos(html) < 60 and "Guardar y publicar el plan" in html
    licencia = Actividad.objects.get(nombre="Licencia en línea")
    respuesta = client.post(url, _datos_componente("Trámites más simples", [licencia], posicion=2))
    assert respuesta.status_code == 302

    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert pagina.has_unpublished_changes
    assert _nombres(pagina.get_latest_revision_as_object()) == [
        ("Gestión del riesgo de corrupción", ["Mapa de riesgos", "Monitoreo de controles"]),
        ("Trámites más simples", ["Licencia en línea"]),
    ]
    assert "Trámites más simples" not in client.get(PUBLICA).content.decode()

    datos = _datos_componente("Trámites más simples", [licencia], posicion=1, publicar="1")
    assert client.post(url, datos).status_code == 302
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert not pagina.has_unpublished_changes
    assert [n for n, _ in _nombres(pagina)] == [
        "Trámites más simples",
        "Gestión del riesgo de corrupción",
    ]
    assert "Trámites más simples" in client.get(PUBLICA).content.decode()


def test_a_new_componente_goes_last(client, plan):
    _entrar(client, roles.COMUNICACION)
    nueva = Actividad.objects.create(
        nombre="Audiencia pública", meta="Una", inicio=dt.date(2026, 9, 1), fin=dt.date(2026, 9, 30)
    )
    url = f"/admin/plan/{plan.pk}/componente/"
    assert "Nuevo componente" in client.get(url).content.decode()
    datos = _datos_componente("Rendición de cuentas", [nueva], posicion=3)
    assert client.post(url, datos).status_code == 302
    borrador = PlanAnticorrupcionPage.objects.get(pk=plan.pk).get_latest_revision_as_object()
    assert _nombres(borrador)[2] == ("Rendición de cuentas", ["Audiencia pública"])


def test_an_activity_of_another_componente_is_refused_in_spanish_and_nothing_is_saved(client, plan):
    _entrar(client, roles.COMUNICACION)
    revisiones = PlanAnticorrupcionPage.objects.get(pk=plan.pk).revisions.count()
    mapa = Actividad.objects.get(nombre="Mapa de riesgos")
    licencia = Actividad.objects.get(nombre="Licencia en línea")
    respuesta = client.post(
        _componente(plan, 1), _datos_componente("Racionalización de trámites", [licencia, mapa])
    )
    assert respuesta.status_code == 200
    assert (
        "La actividad «Mapa de riesgos» ya está en este plan "
        "(componente «Gestión del riesgo de corrupción»)." in respuesta.content.decode()
    )
    assert PlanAnticorrupcionPage.objects.get(pk=plan.pk).revisions.count() == revisiones


def test_redaccion_saves_a_componente_only_as_a_draft(client, plan):
    _entrar(client, roles.REDACCION)
    url = _componente(plan, 1)
    assert "Guardar y publicar el plan" not in client.get(url).content.decode()
    licencia = Actividad.objects.get(nombre="Licencia en línea")
    datos = _datos_componente("Otro nombre", [licencia], posicion=2, publicar="1")
    assert client.post(url, datos).status_code == 302
    pagina = PlanAnticorrupcionPage.objects.get(pk=plan.pk)
    assert pagina.has_unpublished_changes and "Otro nombre" not in _nombres(pagina)[1][0]


def test_editing_one_activity_changes_only_it_and_not_the_page(client, plan):
    _entrar(client, roles.COMUNICACION)
    mapa = Actividad.objects.get(nombre="Mapa de riesgos")
    otras = list(Actividad.objects.exclude(pk=mapa.pk).values("pk", "nombre", "meta", "fin"))
    revisiones = PlanAnticorrupcionPage.objects.get(pk=plan.pk).revisions.count()
    url = f"/admin/snippets/atencion/actividad/edit/{mapa.pk}/"
    datos = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    datos["meta"] = "Mapa publicado y socializado."
    assert client.post(url, datos).status_code == 302
    assert Actividad.objects.get(pk=mapa.pk).meta == "Mapa publicado y socializado."
    assert (
        list(Actividad.objects.exclude(pk=mapa.pk).values("pk", "nombre", "meta", "fin")) == otras
    )
    assert PlanAnticorrupcionPage.objects.get(pk=plan.pk).revisions.count() == revisiones
    assert "Mapa publicado y socializado." in client.get(PUBLICA).content.decode()


def test_a_seguimiento_added_from_the_activity_shows_on_the_public_plan(client, plan):
    _entrar(client, roles.COMUNICACION)
    monitoreo = Actividad.objects.get(nombre="Monitoreo de controles")
    url = f"/admin/snippets/atencion/actividad/edit/{monitoreo.pk}/"
    datos = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    total = int(datos["seguimientos-TOTAL_FORMS"])
    datos["seguimientos-TOTAL_FORMS"] = str(total + 1)
    nuevo = {"fecha": "2026-05-31", "avance": "60", "descripcion": "Controles revisados."}
    for campo in ("fecha", "avance", "descripcion", "valor", "evidencia", "id", "DELETE"):
        datos[f"seguimientos-{total}-{campo}"] = nuevo.get(campo, "")
    assert client.post(url, datos).status_code == 302
    publica = client.get(PUBLICA).content.decode()
    assert "31/05/2026: 60 %. Controles revisados." in publica
    assert not PlanAnticorrupcionPage.objects.get(pk=plan.pk).has_unpublished_changes
    editor = client.get(url).content.decode()
    assert "31 de mayo de 2026 — avance 60 %" in editor


@pytest.mark.parametrize("rol", [roles.AREA, roles.OFICIALIA, roles.ARCHIVO])
def test_who_does_not_edit_the_plan_gets_403(client, plan, rol):
    _entrar(client, rol)
    monitoreo = Actividad.objects.get(nombre="Monitoreo de controles")
    # Wagtail's own page editor sends them to the dashboard with its message.
    assert client.get(f"/admin/pages/{plan.pk}/edit/").status_code == 302
    for url in (
        f"/admin/plan/{plan.pk}/componente/",
        _componente(plan),
        f"/admin/snippets/atencion/actividad/edit/{monitoreo.pk}/",
    ):
        assert client.get(url).status_code == 403, url
    licencia = Actividad.objects.get(nombre="Licencia en línea")
    respuesta = client.post(_componente(plan, 1), _datos_componente("X", [licencia], posicion=2))
    assert respuesta.status_code == 403
    assert not PlanAnticorrupcionPage.objects.get(pk=plan.pk).has_unpublished_changes


def test_the_forms_labels_are_spanish_and_capitalised(client, plan):
    _entrar(client, roles.COMUNICACION)
    monitoreo = Actividad.objects.get(nombre="Monitoreo de controles")
    for url in (
        f"/admin/pages/{plan.pk}/edit/",
        _componente(plan),
        f"/admin/snippets/atencion/actividad/edit/{monitoreo.pk}/",
    ):
        html = client.get(url).content.decode()
        etiquetas = re.findall(r"<label[^>]*>\s*([^<\s][^<]*?)\s*<", html)
        etiquetas += re.findall(r"data-panel-heading-text>([^<]+)<", html)
        assert etiquetas, url
        minusculas = [e for e in etiquetas if e[0].isalpha() and e[0].islower()]
        assert not minusculas, (url, minusculas)
