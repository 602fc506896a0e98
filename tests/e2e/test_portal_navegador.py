"""The public portal and the editor's admin, in real headless Chromium."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo_contenido import cargar_ajustes, cargar_paginas
from documentos.models import Area, Tema
from tests.cms.datos import crear_escrito
from tests.factories import UsuarioFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def portal(db):
    """The demo portal (site settings, catálogo, plan, estadísticas) plus a few escritos."""
    cargar_ajustes()
    paginas = cargar_paginas()
    hoy = timezone.localdate()
    obras = Area.objects.get(siglas="DOP")
    tema = Tema.objects.get(nombre="Obras y servicios")
    usuario = UsuarioFactory(username="respuestas")
    for i in range(6):
        recibido = hoy - dt.timedelta(days=10 + i)
        crear_escrito(
            recibido,
            area=obras,
            tema=tema,
            sexo="mujer" if i % 2 else "hombre",
            vence=recibido + dt.timedelta(days=20),
            respuesta=recibido + dt.timedelta(days=3) if i < 4 else None,
            usuario=usuario,
            nombre="Nombre Que No Debe Verse",
        )
    return paginas


def test_home_page(live_server, portal, pagina, movil, axe, captura):
    pagina.goto(live_server.url + "/")
    assert pagina.locator("h1").inner_text() == "Inicio"
    tarjetas = pagina.locator("ul.acciones a.accion")
    assert tarjetas.count() == 6
    assert pagina.get_by_role("navigation", name="Navegación principal").is_visible()
    # Keyboard: the first Tab lands on the skip link, which moves focus to <main>.
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Saltar al contenido"
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "contenido"
    axe(pagina)
    captura(pagina, "e2e-inicio")
    movil.goto(live_server.url + "/")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    captura(movil, "e2e-inicio-movil")


def test_tramite_page(live_server, portal, pagina, axe, captura):
    pagina.goto(live_server.url + "/tramites/")
    pagina.get_by_role("link", name="Licencia de construcción").click()
    assert pagina.locator("h1").inner_text() == "Licencia de construcción"
    requisitos = pagina.locator("section:has(h2#requisitos) tbody tr")
    assert requisitos.count() == 5
    assert "Original y copia" in requisitos.nth(2).inner_text()
    assert "$1,850.00" in pagina.locator(".datos-clave").inner_text()
    pagina.locator("details.pregunta summary").first.click()
    assert pagina.get_by_text("carta poder simple").is_visible()
    axe(pagina)
    captura(pagina, "e2e-tramite")


def test_catalog_filter_and_search(live_server, portal, pagina, axe, captura):
    pagina.goto(live_server.url + "/tramites/")
    todos = pagina.locator("ul.tarjetas > li").count()
    assert todos >= 10
    pagina.get_by_label("Modalidad").select_option("en_linea")
    pagina.get_by_role("button", name="Buscar").click()
    pagina.wait_for_url(re.compile(r"modalidad=en_linea"))
    titulos = pagina.locator("ul.tarjetas h3").all_inner_texts()
    assert titulos == [
        "Licencia de funcionamiento para comercio de bajo riesgo",
        "Pago del impuesto predial",
    ]
    axe(pagina)
    pagina.get_by_role("link", name="Quitar filtros").click()
    pagina.get_by_label("Buscar por palabras").fill("licencia")
    pagina.get_by_label("Buscar por palabras").press("Enter")
    pagina.wait_for_url(re.compile(r"q=licencia"))
    titulos = pagina.locator("ul.tarjetas h3").all_inner_texts()
    assert "Licencia de construcción" in titulos and "Pago del impuesto predial" not in titulos
    captura(pagina, "e2e-catalogo-busqueda")


def test_plan_cronograma(live_server, portal, pagina, movil, axe, captura):
    pagina.goto(live_server.url + "/transparencia/plan/")
    cronograma = pagina.get_by_role("img", name=re.compile("Cronograma del plan"))
    assert cronograma.is_visible()
    assert pagina.locator("svg.cronograma rect.crono-barra").count() == 10
    barras = pagina.get_by_role("progressbar")
    assert barras.count() == 6
    valores = [int(barras.nth(i).get_attribute("aria-valuenow")) for i in range(6)]
    assert all(0 <= v <= 100 for v in valores)
    caja = pagina.locator("svg.cronograma rect.crono-barra").first.bounding_box()
    assert caja["width"] > 20
    axe(pagina)
    captura(pagina, "e2e-plan")
    movil.goto(live_server.url + "/transparencia/plan/")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    captura(movil, "e2e-plan-movil")


def test_statistics_chart_table_and_csv_download(live_server, portal, pagina, movil, axe, captura):
    pagina.goto(live_server.url + "/transparencia/estadisticas/")
    assert pagina.locator(".indicadores li").first.inner_text().startswith("6")
    grafica = pagina.get_by_role("img", name=re.compile("Áreas que más solicitudes reciben"))
    assert grafica.is_visible()
    seccion = pagina.locator("section#fig-areas, section:has(h2#fig-areas)")
    seccion.get_by_text("Ver los datos en una tabla").click()
    celda = seccion.locator("tbody tr").first
    assert celda.inner_text().split("\t") == ["Dirección de Obra Pública", "6"]
    with pagina.expect_download() as descarga:
        seccion.get_by_role("link", name=re.compile("^CSV")).click()
    contenido = Path(descarga.value.path()).read_text(encoding="utf-8-sig")
    assert list(csv.reader(io.StringIO(contenido)))[:2] == [
        ["área", "escritos"],
        ["Dirección de Obra Pública", "6"],
    ]
    assert "Nombre Que No Debe Verse" not in pagina.content()
    axe(pagina)
    captura(pagina, "e2e-estadisticas")
    mes = timezone.localdate().strftime("%Y-%m")  # whole months, typed in month inputs
    pagina.fill("#id_desde", mes)
    pagina.fill("#id_hasta", mes)
    pagina.get_by_role("button", name="Actualizar").click()
    pagina.wait_for_url(re.compile(f"desde={mes}&hasta={mes}"))
    assert "Periodo: del 1 de" in pagina.locator("p.nota").first.inner_text()
    movil.goto(live_server.url + "/transparencia/estadisticas/")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    captura(movil, "e2e-estadisticas-movil")


def test_public_folio_lookup(live_server, portal, pagina, movil, axe, captura):
    from cms import roles
    from documentos.models import Escrito
    from documentos.services import flujo
    from documentos.services.recepcion import DatosRecepcion, recibir_escrito
    from tests.factories import imagen_bytes, subida

    ventanilla = UsuarioFactory(username="ventanilla.e2e", roles=[roles.OFICIALIA])
    escrito = recibir_escrito(
        DatosRecepcion(
            tipo=Escrito.Tipo.QUEJA,
            canal=Escrito.Canal.VENTANILLA,
            remitente_tipo=Escrito.TipoPersona.FISICA,
            remitente_nombre="Remitente Confidencial Ejemplo",
            asunto="Asunto reservado que no debe verse",
            clasificacion=Escrito.Clasificacion.CONFIDENCIAL,
            archivos=[subida("queja.png", imagen_bytes())],
        ),
        usuario=ventanilla,
    )
    flujo.turnar(
        escrito,
        Area.objects.get(siglas="DOP"),
        usuario=ventanilla,
        instruccion="Instrucción interna",
    )

    pagina.goto(live_server.url + "/oficialia/consulta/")
    pagina.get_by_label("Folio").fill(escrito.folio)
    pagina.get_by_label("Código de acceso").fill("AAAA-BBBB-CC")
    pagina.get_by_role("button", name="Consultar").click()
    error = pagina.get_by_role("alert").inner_text()
    assert escrito.folio not in error
    axe(pagina)

    pagina.get_by_label("Folio").fill(escrito.folio.lower())
    codigo = escrito.codigo_acceso
    pagina.get_by_label("Código de acceso").fill(f"{codigo[:4]}-{codigo[4:].lower()}")
    pagina.get_by_role("button", name="Consultar").click()
    expect(pagina.locator("h1")).to_have_text(f"Folio {escrito.folio}")
    texto = pagina.locator("main").inner_text()
    assert "Turnado" in texto and "Dirección de Obra Pública" in texto
    for secreto in (
        "Remitente Confidencial",
        "Asunto reservado",
        "Instrucción interna",
        "queja.png",
    ):
        assert secreto not in pagina.content()
    axe(pagina)
    captura(pagina, "e2e-consulta-folio")

    # The QR of the acuse, scanned on a phone: one scan opens the status, and no request the
    # browser makes carries the code (it travels in the fragment and is posted).
    from django.test import override_settings

    from documentos.enlaces import url_consulta

    with override_settings(WAGTAILADMIN_BASE_URL=live_server.url):
        qr = url_consulta(escrito)
    pedidas = []
    movil.on("request", lambda r: pedidas.append((r.method, r.url, r.headers.get("referer"))))
    movil.goto(qr)
    expect(movil.locator("h1")).to_have_text(f"Folio {escrito.folio}")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    assert codigo not in movil.url and "#" not in movil.url
    assert movil.evaluate("history.length") <= 2  # the address with the code was replaced
    acuse = movil.get_by_role("link", name="Descargar acuse de recibo (PDF)")
    assert codigo not in acuse.get_attribute("href")
    assert (
        movil.context.request.get(live_server.url + acuse.get_attribute("href")).body()[:4]
        == b"%PDF"
    )
    # An old printed QR with the code in the query string still works in one scan.
    movil.goto(f"{live_server.url}/oficialia/consulta/?folio={escrito.folio}&codigo={codigo}")
    expect(movil.locator("h1")).to_have_text(f"Folio {escrito.folio}")
    assert codigo not in movil.url
    primera_vieja = next(i for i, p in enumerate(pedidas) if "codigo=" in p[1])
    assert [p for p in pedidas[:primera_vieja] if codigo.lower() in str(p).lower()] == []
    assert [p for p in pedidas[primera_vieja + 1 :] if codigo.lower() in str(p).lower()] == []
    captura(movil, "e2e-consulta-qr-movil")


def test_editor_creates_and_publishes_a_tramite(live_server, portal, pagina, captura):
    editora = UsuarioFactory(username="editora", roles=["Comunicación"])
    editora.set_password("clave-de-prueba")
    editora.save()
    catalogo = portal["catalogo"]

    pagina.goto(live_server.url + "/admin/login/")
    pagina.locator("#id_username").fill("editora")
    pagina.locator("#id_password").fill("clave-de-prueba")
    pagina.locator("button[type=submit]").click()
    pagina.wait_for_url(re.compile(r"/admin/$"))

    pagina.goto(f"{live_server.url}/admin/pages/add/cms/tramitepage/{catalogo.pk}/")
    pagina.locator("#id_title").fill("Permiso para evento en vía pública")
    pagina.locator("#id_descripcion").fill("Autorización para cerrar una calle por una fiesta.")
    editor = pagina.locator("[data-contentpath=quien_puede] [contenteditable=true]")
    editor.click()
    editor.type("Vecinos de la calle, con firma de la mayoría.")
    pagina.locator("#id_area_responsable-chooser button.chooser__choose-button").click()
    pagina.locator(".modal-content").get_by_role("link", name="Secretaría de Finanzas").click()
    expect(pagina.locator("#id_area_responsable-title")).to_have_text("Secretaría de Finanzas")
    pagina.locator("#id_modalidad").select_option("presencial")
    captura(pagina, "e2e-admin-nuevo-tramite")
    pagina.locator(".w-dropdown-button [data-w-dropdown-target=toggle]").click()
    pagina.locator("button[name=action-publish]").click()
    pagina.wait_for_url(re.compile(rf"/admin/pages/{catalogo.pk}/$"))

    pagina.goto(live_server.url + "/tramites/")
    pagina.get_by_role("link", name="Permiso para evento en vía pública").click()
    assert "Secretaría de Finanzas" in pagina.locator(".datos-clave").inner_text()
    captura(pagina, "e2e-tramite-publicado")


def test_bitacora_anchors_page(live_server, portal, sello, pagina, movil, axe, captura):
    """Reached from the footer; accessible; the long hashes wrap on a phone; the signature
    downloads."""
    from documentos.services import anclas

    ancla, _ = anclas.anclar()
    pagina.goto(live_server.url + "/")
    pagina.get_by_role("link", name="Anclas de la bitácora").click()
    expect(pagina.locator("h1")).to_have_text("Anclas de la bitácora")
    expect(pagina.locator("table.tabla tbody tr")).to_have_count(1)
    expect(pagina.locator("code.huella")).to_have_text(ancla.cabeza)
    axe(pagina)
    captura(pagina, "e2e-anclas")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name=re.compile(r"firma del .* \(\.p7s\)")).click()
    assert Path(descarga.value.path()).read_bytes() == bytes(ancla.firma)
    movil.goto(live_server.url + "/bitacora/anclas/")
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    captura(movil, "e2e-anclas-movil")
