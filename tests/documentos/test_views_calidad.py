"""The quality check at both intake forms: a doubtful scan is a warning, never an error.
The window registers and warns on the acuse; the online form shows the warning once before
sending (or the browser already showed it), and the escrito is received as always."""

import io
import re

import pytest
from PIL import ImageFilter

from documentos.models import EntradaBitacora, Escrito
from tests.factories import pdf_bytes, subida
from tests.ocr.imagenes import hoja

pytestmark = pytest.mark.django_db
RECEPCION = "/admin/documentos/recepcion/"
RECEPCION_CALIDAD = "/admin/documentos/recepcion/calidad/"
ENVIAR = "/oficialia/enviar/"
ENVIAR_CALIDAD = "/oficialia/enviar/calidad/"
AVISO_BORROSA = "La imagen «foto.jpg» está borrosa: vuelva a escanearla, o tome la foto"


def _jpeg(imagen) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, "JPEG", quality=85)
    return salida.getvalue()


@pytest.fixture(scope="module")
def foto_borrosa() -> bytes:
    return _jpeg(hoja(150).filter(ImageFilter.GaussianBlur(4)))


@pytest.fixture(scope="module")
def foto_nitida() -> bytes:
    return _jpeg(hoja(150))


def _ventanilla(archivo: bytes, **cambios):
    return {
        "remitente_nombre": "María López Hernández",
        "remitente_tipo": "fisica",
        "remitente_contacto": "",
        "remitente_sexo": "mujer",
        "asunto": "Solicitud de bacheo en la calle Juárez",
        "tipo": "peticion",
        "canal": "ventanilla",
        "clasificacion": "publica",
        "archivos": [subida("foto.jpg", archivo, "image/jpeg")],
        **cambios,
    }


def _en_linea(archivo: bytes, **cambios):
    return {
        "tipo": "queja",
        "remitente_tipo": "fisica",
        "remitente_nombre": "Lucía Fernández",
        "remitente_contacto": "",
        "remitente_sexo": "no_declara",
        "asunto": "Falta de agua potable en la colonia Las Flores",
        "sitio_web": "",
        "archivos": [subida("foto.jpg", archivo, "image/jpeg")],
        **cambios,
    }


def _campos(escrito: Escrito) -> tuple:
    return (
        escrito.canal,
        escrito.tipo,
        escrito.fojas,
        escrito.anexos,
        escrito.estado,
        [(a.nombre_original, a.paginas) for a in escrito.archivos.all()],
    )


# --- at the window -----------------------------------------------------------------------


def test_the_window_registers_a_blurred_photo_and_warns_on_the_acuse(
    como, oficialia, revision_de_calidad, foto_borrosa
):
    cliente = como(oficialia)
    respuesta = cliente.post(RECEPCION, _ventanilla(foto_borrosa), follow=True)
    escrito = Escrito.objects.get()
    assert respuesta.redirect_chain[-1][0] == f"/admin/documentos/escritos/{escrito.pk}/acuse/"
    html = respuesta.content.decode()
    assert f"Escrito recibido con el folio {escrito.folio}." in html
    assert 'id="aviso-calidad"' in html and AVISO_BORROSA in html
    assert "El escrito quedó registrado (el original en papel es el que cuenta)" in html
    # Shown once: the acuse opened again later does not repeat it.
    assert AVISO_BORROSA not in cliente.get(respuesta.redirect_chain[-1][0]).content.decode()
    assert _campos(escrito) == ("ventanilla", "peticion", 1, 0, "recibido", [("foto.jpg", 1)])
    assert escrito.bitacora.filter(accion=EntradaBitacora.Accion.RECEPCION).count() == 1


def test_a_sharp_photo_gets_no_quality_warning(como, oficialia, revision_de_calidad, foto_nitida):
    respuesta = como(oficialia).post(RECEPCION, _ventanilla(foto_nitida), follow=True)
    html = respuesta.content.decode()
    assert "Escrito recibido con el folio" in html
    assert "borrosa" not in html and 'id="aviso-calidad"' not in html


def test_the_window_form_asks_the_check_as_files_are_chosen(como, oficialia, revision_de_calidad):
    html = como(oficialia).get(RECEPCION).content.decode()
    assert f'data-url-calidad="{RECEPCION_CALIDAD}"' in html


def test_the_window_check_answers_the_warnings_of_one_file(
    como, oficialia, revision_de_calidad, foto_borrosa
):
    cliente = como(oficialia)
    respuesta = cliente.post(RECEPCION_CALIDAD, {"archivo": subida("foto.jpg", foto_borrosa)})
    assert respuesta.status_code == 200
    (aviso,) = respuesta.json()["avisos"]
    assert aviso.startswith(AVISO_BORROSA)
    roto = cliente.post(RECEPCION_CALIDAD, {"archivo": subida("roto.pdf", b"%PDF-1.4 roto")})
    assert roto.json() == {
        "error": "El PDF «roto.pdf» está dañado y no se puede leer.",
        "avisos": [],
    }
    assert cliente.post(RECEPCION_CALIDAD, {}).status_code == 400
    assert not Escrito.objects.exists()


def test_only_who_receives_may_use_the_window_check(
    como, operativo_obras, revision_de_calidad, foto_borrosa
):
    respuesta = como(operativo_obras).post(
        RECEPCION_CALIDAD, {"archivo": subida("foto.jpg", foto_borrosa)}
    )
    assert respuesta.status_code == 403 and respuesta.json()["avisos"] == []


# --- online ------------------------------------------------------------------------------


def test_online_a_blurred_photo_is_shown_once_before_sending(
    client, revision_de_calidad, foto_borrosa
):
    respuesta = client.post(ENVIAR, _en_linea(foto_borrosa))
    assert respuesta.status_code == 200
    assert not Escrito.objects.exists()
    html = respuesta.content.decode()
    assert 'id="aviso-calidad"' in html and AVISO_BORROSA in html
    assert re.search(r'name="confirmar_calidad" value="1"', html)
    assert "Enviar de todos modos" in html
    assert "No se envió el escrito" not in html  # a warning, not an error

    # Sent again as it is (the file attached again): received as always.
    otra_vez = client.post(ENVIAR, _en_linea(foto_borrosa, confirmar_calidad="1"))
    assert otra_vez.status_code == 302
    escrito = Escrito.objects.get()
    assert _campos(escrito) == ("en_linea", "queja", 1, 0, "recibido", [("foto.jpg", 1)])


def test_online_a_warning_already_seen_in_the_browser_does_not_stop_the_sending(
    client, revision_de_calidad, foto_borrosa
):
    respuesta = client.post(ENVIAR, _en_linea(foto_borrosa, confirmar_calidad="1"))
    assert respuesta.status_code == 302 and Escrito.objects.count() == 1


def test_online_a_sharp_photo_or_no_file_is_sent_at_once(client, revision_de_calidad, foto_nitida):
    assert client.post(ENVIAR, _en_linea(foto_nitida)).status_code == 302
    sin_archivo = _en_linea(foto_nitida, archivos=[], asunto="Otro asunto distinto")
    assert client.post(ENVIAR, sin_archivo).status_code == 302
    assert Escrito.objects.count() == 2


def test_online_a_bad_file_is_still_an_error_not_a_quality_warning(client, revision_de_calidad):
    respuesta = client.post(ENVIAR, _en_linea(b"", archivos=[subida("roto.pdf", b"%PDF-1.4 roto")]))
    html = respuesta.content.decode()
    assert "está dañado y no se puede leer" in html and 'id="aviso-calidad"' not in html
    assert not Escrito.objects.exists()


def test_the_online_form_asks_the_check_as_files_are_chosen(client, revision_de_calidad):
    html = client.get(ENVIAR).content.decode()
    assert f'data-url-calidad="{ENVIAR_CALIDAD}"' in html
    assert 'name="confirmar_calidad"' in html


def test_the_online_check_answers_and_is_limited_per_connection(
    client, settings, revision_de_calidad, foto_borrosa
):
    settings.FOLIO_ENVIOS_POR_HORA = 1  # 30 checks an hour
    for _ in range(30):
        respuesta = client.post(ENVIAR_CALIDAD, {"archivo": subida("foto.jpg", foto_borrosa)})
        assert respuesta.status_code == 200
    assert respuesta.json()["avisos"][0].startswith(AVISO_BORROSA)
    agotado = client.post(ENVIAR_CALIDAD, {"archivo": subida("foto.jpg", foto_borrosa)})
    assert agotado.status_code == 429 and agotado.json()["agotado"] is True


def test_without_the_check_the_forms_work_as_before(client, foto_borrosa):
    html = client.get(ENVIAR).content.decode()
    assert "data-url-calidad" not in html
    assert client.post(ENVIAR, _en_linea(foto_borrosa)).status_code == 302
    assert client.post(ENVIAR, _en_linea(pdf_bytes(), asunto="Otro")).status_code == 302
