"""Browser tests: Debian Chromium driven by Playwright, the app served by live_server.

Every public page is checked with axe-core (npm package, injected into the page); serious
or critical violations fail the test. Screenshots go to FOLIO_SHOTS (default /tmp/shots).
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# from a thread with a running loop unless told it is safe (the tests are sequential).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

RAIZ = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("FOLIO_AXE", RAIZ / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = os.environ.get("FOLIO_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(os.environ.get("FOLIO_SHOTS", "/tmp/shots"))  # noqa: S108


def _es_e2e(item) -> bool:
    return "tests/e2e/" in str(item.fspath)


def _es_transaccional(item) -> bool:
    marca = item.get_closest_marker("django_db")
    if marca is not None and (marca.kwargs.get("transaction") or (marca.args and marca.args[0])):
        return True
    nombres = getattr(item, "fixturenames", ())
    return "transactional_db" in nombres or "live_server" in nombres


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Mark browser tests and run them before any other transactional test.

    pytest-django runs transactional tests after the others; the first of them still finds
    the rows the migrations made, with their original keys, which serialized_rollback then
    restores after every flush. A transactional test without it leaves an empty database
    whose content types get new keys, which the restore would clash with.
    """
    e2e = [item for item in items if _es_e2e(item)]
    for item in e2e:
        item.add_marker(pytest.mark.browser)
    if not e2e or len(e2e) == len(items):
        return
    resto = [item for item in items if not _es_e2e(item)]
    corte = next((i for i, item in enumerate(resto) if _es_transaccional(item)), len(resto))
    items[:] = resto[:corte] + e2e + resto[corte:]


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        mensaje = f"axe-core no está instalado en {AXE}: ejecute `npm ci` en la raíz del proyecto"
        if os.environ.get("FOLIO_REQUIRE_SERVICES") == "1":
            pytest.fail(mensaje, pytrace=False)
        pytest.skip(mensaje)
    return AXE.read_text()


def _vaciar():
    from django.core.management import call_command

    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )


@pytest.fixture(scope="session")
def _serializado(django_db_setup):
    """The rows the migrations made (Site, HomePage, groups, workflow), as serialized at setup."""
    from django.db import connections

    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture(scope="module", autouse=True)
def _datos_de_migraciones(_serializado, django_db_blocker):
    """Leave the migrations' rows behind for the tests that follow.

    Each browser test is transactional with serialized_rollback: the database is flushed
    after it and the migrations' rows are restored before the next one; after the last one
    they are put back here, as later tests expect.
    """
    from django.db import connections

    yield
    if _serializado is not None:
        with django_db_blocker.unblock():
            _vaciar()
            connections["default"].creation.deserialize_db_from_string(_serializado)


@pytest.fixture(scope="session")
def navegador(_serializado):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's greenlet gives Django's context-local connections a fresh wrapper, which
    # lacks the serialized rows that serialized_rollback restores before each test.
    with sync_playwright() as p:
        if _serializado is not None:
            connections["default"]._test_serialized_contents = _serializado
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _abrir(navegador, **opciones):
    """A page in a new context that records what the Content-Security-Policy blocks
    (Chromium reports every refused script, style or image on the console)."""
    page = navegador.new_context(locale="es-MX", **opciones).new_page()
    page.set_default_timeout(15_000)
    page.csp_bloqueado = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_bloqueado.append(m.text),
    )
    return page


def _cerrar(page):
    """Let pending requests finish before the database is flushed for the next test
    (the live server shares the in-memory SQLite connection with the test); every page
    must have worked under the site's Content-Security-Policy."""
    for abierta in page.context.pages:
        abierta.wait_for_load_state("networkidle")
    page.context.close()
    assert not page.csp_bloqueado, f"la política de contenido bloqueó: {page.csp_bloqueado}"


@pytest.fixture
def pagina(navegador):
    page = _abrir(navegador, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield page
    _cerrar(page)


@pytest.fixture
def movil(navegador):
    page = _abrir(navegador, viewport={"width": 390, "height": 844})
    yield page
    _cerrar(page)


@pytest.fixture
def axe(axe_source):
    """Run axe-core on the current page; fail on serious or critical violations."""

    def revisar(page):
        # Evaluated through the DevTools protocol: the page's Content-Security-Policy (no
        # inline scripts) would block an injected <script> tag.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(axe_source)
        # Colours are measured as painted: let finite transitions end first (Wagtail's
        # messages fade in over 0.5 s; mid-fade their text fails color-contrast).
        page.evaluate(
            """() => Promise.race([
                Promise.all(document.getAnimations()
                    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => null))),
                new Promise(r => setTimeout(r, 3000)),
            ])"""
        )
        resultado = page.evaluate(
            """async () => {
                const r = await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                    resultTypes: ['violations'],
                });
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                }));
            }"""
        )
        graves = [v for v in resultado if v["impact"] in ("serious", "critical")]
        assert not graves, f"axe: violaciones graves en {page.url}: {graves}"
        return resultado

    return revisar


@pytest.fixture
def captura():
    def guardar(page, nombre):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{nombre}.png"), full_page=True)

    return guardar
