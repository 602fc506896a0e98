"""Editing the plan anticorrupción in real headless Chromium: the page's editor lists the
componentes and their activities as links; one componente and one activity open on their
own, a seguimiento is added from the activity and the public plan shows the new avance
without republishing, on a desktop and on a 390 px phone."""

import json
import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atencion.models import Actividad
from cms import roles
from cms.demo_contenido import cargar_ajustes, cargar_paginas
from tests.e2e.conftest import SHOTS
from tests.e2e.sesion import entrar
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEDIR = """(selector) => {
    const form = document.querySelector(selector);
    const campos = [...form.querySelectorAll('input, select, textarea')];
    return {
        campos: campos.length,
        visibles: campos.filter(c => c.type !== 'hidden').length,
        alto: Math.round(form.getBoundingClientRect().height),
    };
}"""


def _medir(page, url) -> dict:
    """Inputs and height of the edit form and the time to load it (ms)."""
    inicio = time.perf_counter()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return {
        **page.evaluate(MEDIR, "#w-editor-form, form[data-edit-form]"),
        "carga_ms": round((time.perf_counter() - inicio) * 1000),
    }


def test_one_activity_is_edited_on_its_own_and_the_plan_shows_its_new_avance(
    live_server, pagina, axe, captura
):
    cargar_ajustes()
    plan = cargar_paginas()["plan"]
    editora = UsuarioFactory(username="editora.plan", roles=[roles.COMUNICACION])
    entrar(pagina, live_server, editora)

    # The page's editor: the componentes as a list of links, no nested form.
    cifras = {"pagina": _medir(pagina, f"{live_server.url}/admin/pages/{plan.pk}/edit/")}
    mecanismos = "Mecanismos para mejorar la atención al ciudadano"
    expect(pagina.get_by_role("heading", name=re.compile(mecanismos))).to_be_visible()
    captura(pagina, "e2e-plan-editor")
    pagina.get_by_role("link", name=f"Editar el componente {mecanismos}").click()
    pagina.wait_for_url(re.compile(r"/admin/plan/\d+/componente/[\w-]+/$"))
    pagina.wait_for_load_state("networkidle")
    cifras["componente"] = pagina.evaluate(MEDIR, "form[data-componente-plan]")
    expect(pagina.locator("input[name='componente-nombre']")).to_have_value(mecanismos)
    captura(pagina, "e2e-plan-componente")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "plan-editor-cifras.json").write_text(json.dumps(cifras, indent=2))
    print("Editor del plan:", json.dumps(cifras))
    # Before (the whole plan in one StreamField, demo plan): 298 inputs of which 118 not
    # hidden, a form 11 050 px tall; with the componentes collapsed, 110 inputs.
    assert cifras["pagina"]["campos"] < 60 and cifras["pagina"]["alto"] < 2000
    assert cifras["componente"]["campos"] < 60

    # The activity, opened from its componente by its name.
    capacitar = Actividad.objects.get(nombre="Capacitar al personal de ventanilla")
    pagina.get_by_role("link", name="Capacitar al personal de ventanilla", exact=True).click()
    pagina.wait_for_url(re.compile(rf"/actividad/edit/{capacitar.pk}/"))
    cortes = pagina.locator(
        "[data-seguimientos] > [data-inline-panel-child] [data-panel-heading-text]"
    )
    expect(cortes.first).to_be_visible()
    titulos = cortes.all_inner_texts()
    assert titulos and all(
        re.fullmatch(r"\d{1,2} de [a-z]+ de \d{4} — avance \d+ %", t) for t in titulos
    ), titulos
    pagina.get_by_role("button", name="Agregar un seguimiento").click()
    expect(cortes.first).to_have_text("Nuevo seguimiento")  # on top, above the newest
    hoy = timezone.localdate()
    nuevo = pagina.locator("[data-seguimientos] > [data-inline-panel-child]").first
    expect(nuevo.locator("input[name$='-fecha']")).to_be_focused()
    nuevo.locator("input[name$='-fecha']").fill(hoy.isoformat())
    nuevo.locator("input[name$='-fecha']").press("Escape")
    nuevo.locator("input[name$='-avance']").fill("95")
    nuevo.locator("textarea[name$='-descripcion']").fill("Curso terminado por 76 personas.")
    captura(pagina, "e2e-actividad-seguimiento")
    pagina.set_viewport_size({"width": 390, "height": 844})
    captura(pagina, "e2e-actividad-seguimiento-movil")
    pagina.get_by_role("button", name=re.compile("^Guardar")).first.click()
    pagina.wait_for_url(re.compile(r"/admin/snippets/atencion/actividad/$"))
    assert capacitar.seguimientos.order_by("-fecha", "-pk").first().avance == 95

    # The public plan, not republished, shows it on the phone and on a desktop.
    pagina.goto(live_server.url + plan.url)
    fila = pagina.locator("tr", has_text="Capacitar al personal de ventanilla")
    expect(fila.locator("td").nth(6)).to_have_text("95 %")
    expect(
        fila.get_by_text(f"{hoy:%d/%m/%Y}: 95 %. Curso terminado por 76 personas.")
    ).to_be_attached()
    axe(pagina)
    captura(pagina, "e2e-plan-nuevo-avance-movil")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    expect(fila.locator("td").nth(6)).to_have_text("95 %")
    axe(pagina)
    captura(pagina, "e2e-plan-nuevo-avance")
