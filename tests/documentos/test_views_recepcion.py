"""Intake at the window through the admin screen (HTTP, real services and storage)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from documentos.models import Archivo, EntradaBitacora, Escrito
from documentos.selectors import formatear_codigo
from tests.factories import (
    archivos_privados,
    con_contenido_activo,
    imagen_bytes,
    imagen_ruido_bytes,
    pdf_bytes,
    pdf_pikepdf,
    subida,
)

pytestmark = pytest.mark.django_db
URL = "/admin/documentos/recepcion/"


def _datos(**cambios):
    valores = {
        "remitente_nombre": "María López Hernández",
        "remitente_tipo": "fisica",
        "remitente_contacto": "maria@example.com",
        "remitente_sexo": "mujer",
        "asunto": "Solicitud de bacheo en la calle Juárez",
        "tipo": "peticion",
        "tema": "",
        "fojas": "",
        "anexos": "0",
        "canal": "ventanilla",
        "clasificacion": "publica",
        "confirmar_duplicado": "False",
    }
    valores.update(cambios)
    if "archivos" not in valores:
        valores["archivos"] = [subida("escaneo.pdf", pdf_bytes(paginas=2))]
    return valores


def test_the_form_is_ready_for_fast_keyboard_entry(como, oficialia):
    html = como(oficialia).get(URL).content.decode()
    assert re.search(r'<input[^>]*name="remitente_nombre"[^>]*autofocus', html)
    assert re.search(r'<option value="peticion" selected>', html)
    assert re.search(r'<option value="ventanilla" selected>', html)
    assert re.search(r'<input[^>]*type="file"[^>]*name="archivos"[^>]*multiple', html)
    assert 'enctype="multipart/form-data"' in html
    # DOM order is tab order: the remitente first, the rarely changed fields last.
    orden = [
        html.index(f'name="{campo}"')
        for campo in ("remitente_nombre", "asunto", "archivos", "canal")
    ]
    assert orden == sorted(orden)
    assert "documentos/archivos.js" in html


def test_intake_creates_the_escrito_and_opens_its_acuse(como, oficialia, tema):
    cliente = como(oficialia)
    respuesta = cliente.post(
        URL,
        _datos(
            tema=str(tema.pk),
            anexos="1",
            archivos=[
                subida("escaneo.pdf", pdf_bytes(paginas=2)),
                subida("foto.jpg", imagen_bytes("JPEG")),
            ],
        ),
    )
    escrito = Escrito.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("documentos_admin:acuse", args=[escrito.pk])
    assert (escrito.canal, escrito.tipo, escrito.tema, escrito.fojas, escrito.anexos) == (
        "ventanilla",
        "peticion",
        tema,
        3,
        1,
    )
    assert escrito.recibido_por == oficialia
    assert escrito.archivos.count() == 2
    entrada = EntradaBitacora.objects.get(escrito=escrito, accion="recepcion")
    assert entrada.usuario == oficialia and entrada.ip == "127.0.0.1"

    acuse = cliente.get(respuesta["Location"])
    html = acuse.content.decode()
    assert escrito.folio in html
    assert formatear_codigo(escrito.codigo_acceso) in html
    assert f"Escrito recibido con el folio {escrito.folio}" in html


def test_the_clerk_is_told_what_was_removed_from_a_pdf(como, oficialia):
    activo = pdf_pikepdf(con_contenido_activo)
    respuesta = como(oficialia).post(
        URL, _datos(archivos=[subida("oficio.pdf", activo)]), follow=True
    )
    escrito = Escrito.objects.get()
    assert (
        f"Escrito recibido con el folio {escrito.folio}. Del PDF «oficio.pdf» se quitó contenido "
        "activo: JavaScript, órdenes de abrir programas, envío o importación de datos de "
        "formularios, formulario XFA, 2 archivos incrustados (a.exe, b.doc). El documento "
        "visible no cambia." in respuesta.content.decode()
    )


@pytest.mark.parametrize(
    ("archivo", "mensaje"),
    [
        (subida("vacio.pdf", b""), "está vacío"),
        (subida("leeme.pdf", b"texto plano, no un PDF " * 20), "no es un PDF ni una imagen"),
        (subida("roto.pdf", b"%PDF-1.7\n1 0 obj <<>> basura sin xref"), "está dañado"),
        (subida("cortada.png", imagen_bytes()[:120]), "dañada o incompleta"),
    ],
    ids=["0-bytes", "renombrado-pdf", "pdf-corrupto", "png-truncado"],
)
def test_each_bad_file_is_refused_in_spanish_and_nothing_is_created(
    como, oficialia, archivo, mensaje
):
    antes = archivos_privados()
    respuesta = como(oficialia).post(URL, _datos(archivos=[archivo]))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert mensaje in html
    assert "No se registró el escrito" in html
    assert "Vuelva a seleccionar los archivos" in html
    assert not Escrito.objects.exists() and not Archivo.objects.exists()
    assert archivos_privados() == antes


def test_oversized_file_and_image_are_refused(como, oficialia, settings):
    cliente = como(oficialia)
    settings.FOLIO_MAX_ARCHIVO_MB = 0
    html = cliente.post(URL, _datos()).content.decode()
    assert "excede el tamaño máximo de 0 MB" in html

    settings.FOLIO_MAX_ARCHIVO_MB = 30
    settings.FOLIO_MAX_PIXELES = 100_000
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = settings.FOLIO_MAX_PIXELES
    try:
        grande = subida("plano.png", imagen_bytes(tamano=(1000, 1000)))
        html = cliente.post(URL, _datos(archivos=[grande])).content.decode()
    finally:
        Image.MAX_IMAGE_PIXELS = 80_000_000
    assert "es demasiado grande" in html
    assert not Escrito.objects.exists()


def test_the_form_states_the_upload_limits(como, oficialia, settings):
    settings.FOLIO_MAX_ARCHIVO_MB, settings.FOLIO_MAX_ENVIO_MB = 25, 45
    settings.FOLIO_MAX_PAGINAS = 400
    html = como(oficialia).get(URL).content.decode()
    assert (
        "PDF, PNG, JPEG o TIFF: hasta 25 MB por archivo, 45 MB en total por envío y 400 páginas "
        "por archivo." in html
    )
    assert "De los PDF se quita el contenido activo (JavaScript, archivos incrustados)." in html


def test_a_submission_over_the_total_limit_is_refused_and_creates_nothing(
    como, oficialia, settings
):
    settings.FOLIO_MAX_ENVIO_MB = 1
    antes = archivos_privados()
    hojas = [imagen_ruido_bytes(800, semilla=n) for n in range(2)]  # about 640 KB each
    respuesta = como(oficialia).post(
        URL, _datos(archivos=[subida(f"h{n}.png", h) for n, h in enumerate(hojas)])
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 413
    assert "El envío supera el máximo de 1 MB en total (todos los archivos juntos)" in html
    assert "No se registró el escrito" in html
    assert not Escrito.objects.exists() and not Archivo.objects.exists()
    assert archivos_privados() == antes
    # Each one alone fits.
    assert (
        como(oficialia).post(URL, _datos(archivos=[subida("h0.png", hojas[0])])).status_code == 302
    )


def test_a_huge_file_name_is_accepted_with_a_safe_stored_name(como, oficialia):
    nombre = "escaneo " + "á" * 400 + ".pdf"
    respuesta = como(oficialia).post(URL, _datos(archivos=[subida(nombre, pdf_bytes())]))
    assert respuesta.status_code == 302
    archivo = Archivo.objects.get()
    assert len(Path(archivo.archivo.file.name).name) <= 130
    assert archivo.nombre_original.startswith("escaneo á")


def test_a_window_intake_needs_a_scan_and_required_fields_are_marked(como, oficialia):
    respuesta = como(oficialia).post(URL, _datos(archivos=[], remitente_nombre="", asunto=""))
    html = respuesta.content.decode()
    assert "Este campo es necesario" in html
    assert not Escrito.objects.exists()

    html = como(oficialia).post(URL, _datos(archivos=[])).content.decode()
    assert "Adjunte el escaneo del escrito" in html
    assert not Escrito.objects.exists()


def test_duplicate_submission_warns_then_can_be_confirmed(como, oficialia):
    cliente = como(oficialia)
    escaneo = pdf_bytes(texto="mismo escrito")
    assert cliente.post(URL, _datos(archivos=[subida("a.pdf", escaneo)])).status_code == 302
    primero = Escrito.objects.get()

    aviso = cliente.post(URL, _datos(archivos=[subida("b.pdf", escaneo)]))
    html = aviso.content.decode()
    assert aviso.status_code == 200
    assert "Posible duplicado" in html and primero.folio in html
    # A warning shown once: the form comes back ready to be sent as it is.
    assert re.search(r'<input[^>]*type="hidden"[^>]*name="confirmar_duplicado"[^>]*value="1"', html)
    assert "No se registró el escrito" not in html
    assert Escrito.objects.count() == 1

    confirmado = cliente.post(
        URL, _datos(archivos=[subida("b.pdf", escaneo)], confirmar_duplicado="on")
    )
    assert confirmado.status_code == 302
    assert Escrito.objects.count() == 2


def test_only_oficialia_may_receive(como, titular_obras, oficialia):
    assert como(titular_obras).get(URL).status_code == 403
    assert como(titular_obras).post(URL, _datos()).status_code == 403
    assert not Escrito.objects.exists()
    # The menu offers Recepción to the clerk only.
    assert "Recepci\\u00f3n" in como(oficialia).get("/admin/").content.decode()
    assert "Recepci\\u00f3n" not in como(titular_obras).get("/admin/").content.decode()
