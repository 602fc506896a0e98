"""The evaluation of a servicio in real headless Chromium: an evaluator scores a criterion
with evidence on a phone, the responsable sends the informe, the máxima autoridad approves
it on a desktop and downloads the frozen PDF; axe on every screen."""

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from atencion.calidad import services
from atencion.models import Calificacion, Criterio, Evaluacion
from cms import roles
from tests.e2e.sesion import entrar
from tests.factories import AreaFactory, UsuarioFactory, imagen_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_evaluar_en_el_telefono_y_aprobar_en_el_escritorio(
    live_server, movil, pagina, axe, captura, tmp_path
):
    modelo = services.cargar_plantilla("peru")
    gerente = UsuarioFactory(username="gerente.nav", roles=[roles.MAXIMA_AUTORIDAD])
    responsable = UsuarioFactory(username="responsable.nav", roles=[roles.AREA])
    evaluador = UsuarioFactory(username="evaluador.nav", roles=[roles.AREA])
    hoy = dt.date.today()
    ev = Evaluacion.objects.create(
        nombre="Pago del impuesto predial",
        modelo=modelo,
        area=AreaFactory(nombre="Secretaría de Finanzas"),
        periodo_desde=hoy - dt.timedelta(days=90),
        periodo_hasta=hoy,
        creada_por=gerente,
    )
    services.designar_equipo(ev, responsable=responsable, evaluadores=[evaluador], usuario=gerente)
    services.iniciar(ev, usuario=evaluador)

    entrar(movil, live_server, evaluador)
    movil.goto(f"{live_server.url}/admin/calidad/evaluaciones/")
    axe(movil)
    movil.get_by_role("link", name="Pago del impuesto predial").click()
    movil.get_by_role("link", name=re.compile(r"^3\. Fortalecer el servicio")).click()
    assert movil.evaluate("document.documentElement.scrollWidth") <= 390
    axe(movil)
    criterio = Criterio.objects.get(componente__modelo=modelo, componente__numero=3, numero=3)
    seccion = movil.locator(f"#criterio-{criterio.pk}")
    seccion.get_by_label("1 · Inicial").check()
    seccion.get_by_label("Notas").fill("Faltan asientos en enero.")
    foto = tmp_path / "sala.png"
    foto.write_bytes(imagen_bytes(texto="Sala de espera"))
    seccion.get_by_label("Agregar evidencias").set_input_files(str(foto))
    seccion.get_by_role("button", name="Guardar calificación").click()
    expect(movil.get_by_text("Se guardó la calificación del criterio 3.3.")).to_be_visible()
    expect(
        movil.locator(f"#criterio-{criterio.pk}").get_by_role("link", name="sala.png")
    ).to_be_visible()
    captura(movil, "e2e-calidad-criterio-movil")
    calificacion = Calificacion.objects.get(criterio=criterio)
    assert calificacion.puntaje == 1 and calificacion.evidencias.count() == 1

    # The rest scored and concluded through the services; the responsable sends it.
    for otro in Criterio.objects.filter(componente__modelo=modelo).exclude(pk=criterio.pk):
        services.calificar(ev, otro, 2, "", evaluador)
    services.redactar_conclusiones(ev, conclusiones="Mejorable.", usuario=evaluador)
    services.enviar_informe(ev, usuario=responsable)

    entrar(pagina, live_server, gerente)
    pagina.goto(f"{live_server.url}/admin/calidad/evaluaciones/{ev.pk}/")
    axe(pagina)
    captura(pagina, "e2e-calidad-evaluacion")
    pagina.get_by_role("button", name="Aprobar el informe").click()
    expect(pagina.get_by_text("El informe quedó aprobado")).to_be_visible()
    pagina.get_by_role("link", name="Ver el informe").click()
    expect(pagina.get_by_text("Aprobado por")).to_be_visible()
    axe(pagina)
    captura(pagina, "e2e-calidad-informe")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar el informe aprobado (PDF)").click()
    ev.refresh_from_db()
    with ev.informe.open("rb") as congelado:
        assert Path(descarga.value.path()).read_bytes() == congelado.read()
