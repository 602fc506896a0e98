"""OCR on the escrito's staff page, from the outside (HTTP): status and progress per file
and page, the text beside the scan, and "Volver a leer (OCR)"."""

import pytest
from django.urls import reverse

from cms import roles
from documentos.models import EntradaBitacora
from ocr.models import ResultadoOCR
from ocr.tasks import ocr_archivo
from tests.factories import AreaFactory, UsuarioFactory

from .conftest import estropear

pytestmark = [pytest.mark.tesseract, pytest.mark.django_db]


@pytest.fixture
def ventanilla(client, db):
    usuario = UsuarioFactory(username="oficialia.ocr", roles=[roles.OFICIALIA])
    client.force_login(usuario)
    return client


def _pagina(escrito, consulta=""):
    return reverse("documentos_admin:escrito", args=[escrito.pk]) + consulta


def _releer(escrito, archivo):
    return reverse("documentos_admin:archivo_ocr", args=[escrito.pk, archivo.pk])


def test_status_per_file_and_the_text_beside_the_scan(ventanilla, recibir, escaneo):
    escrito = recibir(("escaneo.png", escaneo), ("anexo.png", escaneo))
    leido, pendiente = escrito.archivos.order_by("orden", "pk")
    ocr_archivo.enqueue(leido.pk)
    ResultadoOCR.objects.create(
        archivo=pendiente, estado=ResultadoOCR.Estado.EN_PROCESO, paginas_total=4, paginas_hechas=1
    )
    html = ventanilla.get(_pagina(escrito)).content.decode()
    assert "Terminado" in html and "confianza" in html
    assert "En proceso" in html and "1 de 4 páginas" in html and "<progress" in html
    assert "Hay archivos leyéndose con OCR" in html
    assert html.count("Volver a leer (OCR)") == 2

    visor = ventanilla.get(_pagina(escrito, f"?archivo={leido.pk}&pagina=1")).content.decode()
    assert "Texto leído" in visor and "expediente 245" in visor
    otro = ventanilla.get(_pagina(escrito, f"?archivo={pendiente.pk}&pagina=1")).content.decode()
    assert "Sin texto todavía (OCR: En proceso)" in otro


def test_a_failure_shows_its_reason(ventanilla, recibir, escaneo):
    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    estropear(archivo, escaneo[:1500])
    ocr_archivo.enqueue(archivo.pk)
    html = ventanilla.get(_pagina(escrito)).content.decode()
    assert "Falló" in html and "dañada o incompleta" in html


def test_staff_can_read_a_file_again(
    ventanilla, recibir, escaneo, django_capture_on_commit_callbacks
):
    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    estropear(archivo, escaneo[:1500])
    ocr_archivo.enqueue(archivo.pk)
    estropear(archivo, escaneo)  # restored
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = ventanilla.post(_releer(escrito, archivo), follow=True)
    assert respuesta.redirect_chain[-1][0].endswith(_pagina(escrito, "#archivos-section"))
    assert "Se volverá a leer «escaneo.png»" in respuesta.content.decode()
    resultado = ResultadoOCR.objects.get(archivo=archivo)
    assert resultado.estado == ResultadoOCR.Estado.TERMINADO
    entrada = escrito.bitacora.filter(accion=EntradaBitacora.Accion.OCR).latest("pk")
    assert entrada.despues == {
        "archivo": archivo.pk,
        "estado": "terminado",
        "legibilidad": "legible",
    }


def test_staff_who_cannot_see_the_escrito_cannot_rerun_it(client, recibir, escaneo):
    escrito = recibir(("escaneo.png", escaneo))
    archivo = escrito.archivos.get()
    otra_area = AreaFactory(nombre="Finanzas", siglas="FIN")
    ajeno = UsuarioFactory(username="finanzas.ocr", roles=[roles.AREA], areas=[otra_area])
    client.force_login(ajeno)
    assert client.post(_releer(escrito, archivo)).status_code == 404
    assert client.get(_releer(escrito, archivo)).status_code in (404, 405)
    assert not ResultadoOCR.objects.exists()
    client.logout()
    respuesta = client.post(_releer(escrito, archivo))
    assert respuesta.status_code in (302, 403)
    assert not ResultadoOCR.objects.exists()
