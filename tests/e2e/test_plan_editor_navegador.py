"""Editing the plan anticorrupción in real headless Chromium: the page's editor keeps only
the componentes and which activities they list; one activity opens on its own, a seguimiento
is added from it and the public plan shows the new avance without republishing."""

import json
import re
import statistics
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atencion.models import Actividad
from cms import roles
from cms.demo_contenido import cargar_ajustes, cargar_paginas
from tests.e2e.conftest import SHOTS
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEDIR = """() => {
    const form = document.querySelector('#w-editor-form, form[data-edit-form]');
    const campos = [...form.querySelectorAll('input, select, textarea')];
    return {
        campos: campos.length,
        visibles: campos.filter(c => c.type !== 'hidden').length,
        alto: Math.round(form.getBoundingClientRect().height),
    };
}"""


def _entrar(page, live_server, usuario):
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(usuario.username)
    page.locator("#id_password").fill("clave-de-prueba")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def _medir(page, url, veces=3) -> dict:
    """Inputs and height of the edit form, and the median time to load it (ms)."""
    tiempos = []
    for _ in range(veces):
        # Leaving an editor releases its editing session (a beacon): let it land first.
        page.goto("about:blank")
        page.wait_for_timeout(300)
        inicio = time.perf_counter()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        tiempos.append(round((time.perf_counter() - inicio) * 1000))
    return {**page.evaluate(MEDIR), "carga_ms": statistics.median(tiempos)}


def test_one_activity_is_edited_on_its_own_and_the_plan_shows_its_new_avance(
    live_server, pagina, axe, captura
):
    cargar_ajustes()
    plan = cargar_paginas()["plan"]
    editora = UsuarioFactory(username="editora.plan", roles=[roles.COMUNICACION])
    _entrar(pagina, live_server, editora)

    cifras = {"pagina": _medir(pagina, f"{live_server.url}/admin/pages/{plan.pk}/edit/")}
    expect(
        pagina.get_by_text("Mecanismos para mejorar la atención al ciudadano").first
    ).to_be_visible()
    captura(pagina, "e2e-plan-editor")
    capacitar = Actividad.objects.get(nombre="Capacitar al personal de ventanilla")
    editar = f"{live_server.url}/admin/snippets/atencion/actividad/edit/{capacitar.pk}/"
    cifras["actividad"] = _medir(pagina, editar)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "plan-editor-cifras.json").write_text(json.dumps(cifras, indent=2))
    print("Editor del plan:", json.dumps(cifras))
    # Before (the whole plan in one StreamField, demo plan): 298 inputs of which 118 not
    # hidden, a form 11 050 px tall, about 2 s to load.
    assert cifras["pagina"]["campos"] < 120 and cifras["pagina"]["visibles"] < 40
    assert cifras["pagina"]["alto"] < 2000
    assert cifras["actividad"]["campos"] < 60 and cifras["actividad"]["alto"] < 3000

    # The activity, opened from the list by its name.
    pagina.goto(f"{live_server.url}/admin/snippets/atencion/actividad/?q=capacitar")
    pagina.get_by_role("link", name="Capacitar al personal de ventanilla").click()
    pagina.wait_for_url(re.compile(rf"/actividad/edit/{capacitar.pk}/"))
    cortes = pagina.locator(
        "[data-seguimientos] > [data-inline-panel-child] [data-panel-heading-text]"
    )
    titulos = cortes.all_inner_texts()
    assert titulos and all(re.fullmatch(r"\d\d/\d\d/\d{4} · \d+ %", t) for t in titulos)
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
    pagina.get_by_role("button", name=re.compile("^Guardar")).first.click()
    pagina.wait_for_url(re.compile(r"/admin/snippets/atencion/actividad/$"))
    assert capacitar.seguimientos.order_by("-fecha", "-pk").first().avance == 95

    # The public plan, not republished, shows it.
    pagina.goto(live_server.url + plan.url)
    fila = pagina.locator("tr", has_text="Capacitar al personal de ventanilla")
    expect(fila.locator("td").nth(6)).to_have_text("95 %")
    expect(
        fila.get_by_text(f"{hoy:%d/%m/%Y}: 95 %. Curso terminado por 76 personas.")
    ).to_be_attached()
    axe(pagina)
    captura(pagina, "e2e-plan-nuevo-avance")
