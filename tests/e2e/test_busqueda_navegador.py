"""The public search page in real headless Chromium (database backend), checked with axe."""

import pytest

from busqueda import services
from cms.demo_contenido import cargar_ajustes, cargar_paginas
from documentos.models import Archivo, Escrito
from ocr.models import PaginaOCR, ResultadoOCR
from tests.factories import version_aprobada

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def archivo_publico(db, settings):
    from datetime import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from filer.models import File as FilerFile

    settings.ELASTICSEARCH_URL = None
    cargar_ajustes()
    cargar_paginas()
    filer = FilerFile(original_filename="e.pdf", name="e.pdf", is_public=False)
    filer.file = ContentFile(b"%PDF-1.4", name="e.pdf")
    filer.save()
    for n, (asunto, texto, clasificacion) in enumerate(
        [
            (
                "Licencia de construcción",
                "Solicito licencia de construcción en calle Juárez.",
                "publica",
            ),
            ("Construcción reservada", "Planos del penal.", "reservada"),
        ],
        start=1,
    ):
        escrito = Escrito.objects.create(
            folio=f"OP-2026-{n:06d}",
            anio=2026,
            consecutivo=n,
            tipo="peticion",
            canal="ventanilla",
            remitente_tipo="fisica",
            remitente_nombre="Nombre Que No Debe Verse",
            asunto=asunto,
            recibido_en=timezone.make_aware(datetime(2026, 3, n, 10)),
            clasificacion=clasificacion,
            publicado=clasificacion == "publica",
            codigo_acceso="X",
        )
        archivo = Archivo.objects.create(
            escrito=escrito,
            archivo=filer,
            nombre_original="e.pdf",
            sha256="0" * 64,
            tamano=1,
            mime="application/pdf",
        )
        resultado = ResultadoOCR.objects.create(archivo=archivo, estado="terminado")
        PaginaOCR.objects.create(resultado=resultado, numero=1, texto=texto)
        if escrito.publicado:
            version_aprobada(escrito, anunciar=False)
    services.reconstruir()


def test_busqueda_publica(live_server, archivo_publico, pagina, axe, captura):
    pagina.goto(live_server.url + "/buscar/")
    pagina.get_by_label("¿Qué busca?").fill("construccion")
    pagina.get_by_role("button", name="Buscar").click()
    pagina.wait_for_url("**/buscar/?q=construccion")
    resultados = pagina.locator("ol.busqueda-lista > li")
    assert resultados.count() == 1
    assert "OP-2026-000001" in resultados.first.inner_text()
    assert pagina.locator("ol.busqueda-lista mark").first.inner_text().lower() == "construcción"
    contenido = pagina.content()
    assert "Nombre Que No Debe Verse" not in contenido and "OP-2026-000002" not in contenido
    pagina.get_by_role("link", name="Petición").click()
    assert "tipo=peticion" in pagina.url
    axe(pagina)
    captura(pagina, "e2e-busqueda")


def test_busqueda_publica_en_telefono_y_pagina_del_escrito(
    live_server, archivo_publico, movil, axe, captura
):
    movil.goto(live_server.url + "/buscar/?q=construccion")
    resultados = movil.locator("ol.busqueda-lista > li")
    resultados.first.wait_for()
    # Results first: the facets wait, collapsed, behind their button.
    facetas = movil.locator("details[data-folio-facetas]")
    assert not facetas.evaluate("d => d.open")
    assert not movil.get_by_role("link", name="Petición").is_visible()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-busqueda-movil")
    movil.get_by_text("Filtrar resultados").click()
    assert movil.get_by_role("link", name="Petición").is_visible()
    captura(movil, "e2e-busqueda-movil-filtros")
    # A result opens the escrito's public page (its versión pública), not a bare PDF.
    resultados.first.get_by_role("link").first.click()
    movil.wait_for_url("**/oficialia/archivo/OP-2026-000001/")
    assert movil.locator("h1").inner_text() == "Escrito OP-2026-000001"
    assert "Nombre Que No Debe Verse" not in movil.content()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    captura(movil, "e2e-archivo-escrito-movil")
