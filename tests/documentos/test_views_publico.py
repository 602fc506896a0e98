"""Citizen pages from the outside: online submission, status lookup, throttling."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.urls import reverse

from documentos.models import Archivo, EntradaBitacora, Escrito
from documentos.selectors import formatear_codigo
from tests.factories import (
    archivos_privados,
    con_contenido_activo,
    imagen_ruido_bytes,
    pdf_bytes,
    pdf_pikepdf,
    subida,
)

pytestmark = pytest.mark.django_db
ENVIAR = "/oficialia/enviar/"
CONSULTA = "/oficialia/consulta/"
NO_ENCONTRADO = "No encontramos un escrito con ese folio y código de acceso"


def _envio(**cambios):
    valores = {
        "tipo": "queja",
        "remitente_tipo": "fisica",
        "remitente_nombre": "Lucía Fernández",
        "remitente_contacto": "lucia@example.com",
        "remitente_sexo": "no_declara",
        "asunto": "Falta de agua potable en la colonia Las Flores",
        "tema": "",
        "sitio_web": "",
        "confirmar_duplicado": "False",
    }
    valores.update(cambios)
    return valores


# --- online submission -------------------------------------------------------------------


def test_the_form_offers_sexo_no_declara_and_a_hidden_trap(client):
    html = client.get(ENVIAR).content.decode()
    assert re.search(r'value="no_declara"[^>]*checked', html)
    assert 'name="sitio_web"' in html and 'aria-hidden="true"' in html
    assert re.search(r'<input[^>]*type="file"[^>]*name="archivos"[^>]*multiple', html)
    assert '<html lang="es">' in html


def test_online_submission_gives_folio_code_and_acuse(client):
    respuesta = client.post(
        ENVIAR, _envio(archivos=[subida("queja.pdf", pdf_bytes())]), REMOTE_ADDR="203.0.113.9"
    )
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("documentos:enviado")
    escrito = Escrito.objects.get()
    assert (escrito.canal, escrito.recibido_por, escrito.tipo) == ("en_linea", None, "queja")
    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.RECEPCION)
    assert entrada.usuario is None and entrada.ip == "203.0.113.9"
    assert entrada.actor == "Ciudadano (sitio público)"

    html = client.get(respuesta["Location"]).content.decode()
    assert escrito.folio in html
    assert formatear_codigo(escrito.codigo_acceso) in html
    assert reverse("documentos:enviado_acuse") in html
    assert "data:image/png;base64," in html  # the QR


def test_the_citizen_is_told_what_was_removed_from_a_pdf(client):
    activo = pdf_pikepdf(con_contenido_activo)
    respuesta = client.post(ENVIAR, _envio(archivos=[subida("queja.pdf", activo)]), follow=True)
    html = respuesta.content.decode()
    assert "Recibimos su escrito" in html
    assert (
        "Del PDF «queja.pdf» se quitó contenido activo: JavaScript, órdenes de abrir programas, "
        "envío o importación de datos de formularios, formulario XFA, 2 archivos incrustados "
        "(a.exe, b.doc). El documento visible no cambia." in html
    )
    otro = _envio(archivos=[subida("otra.pdf", pdf_bytes())], asunto="Otra queja distinta")
    limpio = client.post(ENVIAR, otro, follow=True)
    assert "contenido activo" not in limpio.content.decode()


def test_online_submission_without_attachments_is_allowed(client):
    assert client.post(ENVIAR, _envio()).status_code == 302
    assert Escrito.objects.get().archivos.count() == 0


def test_a_bad_attachment_is_refused_in_spanish_and_nothing_is_created(client):
    respuesta = client.post(ENVIAR, _envio(archivos=[subida("carta.pdf", b"no soy un pdf" * 9)]))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "no es un PDF ni una imagen" in html
    assert "Vuelva a adjuntar sus documentos" in html
    assert not Escrito.objects.exists()


def test_missing_data_is_marked_next_to_the_fields(client):
    html = client.post(ENVIAR, _envio(remitente_nombre="", asunto="")).content.decode()
    assert re.search(r'id="id_remitente_nombre-error">Este campo es necesario', html)
    assert 'aria-invalid="true"' in html
    assert not Escrito.objects.exists()


def test_the_trap_field_stops_bots(client):
    respuesta = client.post(ENVIAR, _envio(sitio_web="http://spam.example"))
    assert respuesta.status_code == 400
    assert not Escrito.objects.exists()


def test_submissions_per_ip_are_limited(client, settings):
    settings.FOLIO_ENVIOS_POR_HORA = 2
    for n in range(2):
        assert client.post(ENVIAR, _envio(asunto=f"Asunto {n}")).status_code == 302
    respuesta = client.post(ENVIAR, _envio(asunto="Uno más"))
    assert respuesta.status_code == 429
    assert "número máximo de escritos" in respuesta.content.decode()
    assert Escrito.objects.count() == 2
    otra_ip = client.post(ENVIAR, _envio(asunto="Desde otra conexión"), REMOTE_ADDR="10.9.9.9")
    assert otra_ip.status_code == 302


def test_a_repeated_online_submission_warns_without_revealing_the_folio(client):
    archivo = pdf_bytes(texto="misma queja")
    client.post(ENVIAR, _envio(archivos=[subida("a.pdf", archivo)]))
    primero = Escrito.objects.get()
    respuesta = client.post(ENVIAR, _envio(archivos=[subida("a.pdf", archivo)]))
    html = respuesta.content.decode()
    assert "el mismo nombre y el mismo asunto (o el mismo archivo)" in html
    assert primero.folio not in html
    assert Escrito.objects.count() == 1
    confirmado = client.post(
        ENVIAR, _envio(archivos=[subida("a.pdf", archivo)], confirmar_duplicado="on")
    )
    assert confirmado.status_code == 302
    assert Escrito.objects.count() == 2


def test_the_form_states_the_upload_limits(client, settings):
    settings.FOLIO_MAX_ARCHIVO_MB, settings.FOLIO_MAX_ENVIO_MB = 25, 45
    settings.FOLIO_MAX_PAGINAS = 400
    html = client.get(ENVIAR).content.decode()
    assert (
        "Opcional. PDF, PNG, JPEG o TIFF: hasta 10 archivos de 25 MB cada uno, 45 MB en total "
        "y 400 páginas por archivo." in html
    )
    assert "Si un PDF trae contenido activo (JavaScript, archivos incrustados), se quita" in html


def test_a_submission_over_the_total_limit_is_refused_and_creates_nothing(client, settings):
    settings.FOLIO_MAX_ENVIO_MB = 1
    antes = archivos_privados()
    hojas = [imagen_ruido_bytes(800, semilla=n) for n in range(2)]  # about 640 KB each
    respuesta = client.post(
        ENVIAR, _envio(archivos=[subida(f"h{n}.png", h) for n, h in enumerate(hojas)])
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 413
    assert "El envío supera el máximo de 1 MB en total (todos los archivos juntos)" in html
    assert "Vuelva a adjuntar sus documentos" in html
    assert 'value="Lucía Fernández"' in html  # what was typed before the files is kept
    assert not Escrito.objects.exists() and not Archivo.objects.exists()
    assert archivos_privados() == antes
    # Each one alone fits.
    assert client.post(ENVIAR, _envio(archivos=[subida("h0.png", hojas[0])])).status_code == 302


def test_uploads_reach_the_view_on_disk_not_in_memory(rf):
    contenido = pdf_bytes()
    request = rf.post(ENVIAR, _envio(archivos=[subida("queja.pdf", contenido)]))
    archivo = request.FILES["archivos"]
    assert isinstance(archivo, TemporaryUploadedFile)
    assert Path(archivo.temporary_file_path()).read_bytes() == contenido


def test_the_confirmation_page_needs_a_submission_in_this_session(client):
    assert client.get("/oficialia/enviado/")["Location"] == ENVIAR


# --- status lookup -----------------------------------------------------------------------


def _consulta(client, escrito, codigo=None, **extra):
    """Post the lookup form, as a citizen does, and follow the redirect to the status."""
    return client.post(
        CONSULTA,
        {"folio": escrito.folio, "codigo": escrito.codigo_acceso if codigo is None else codigo},
        follow=True,
        **extra,
    )


def test_right_code_shows_status_area_dates_and_timeline(client, respondido):
    escrito = respondido()
    codigo = formatear_codigo(escrito.codigo_acceso).lower().replace("-", " - ")
    respuesta = _consulta(client, escrito, codigo=codigo, REMOTE_ADDR="198.51.100.4")
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    for texto in ("Respondido", "Obra Pública", "Turnado a Obra Pública.", "Escrito recibido"):
        assert texto in html, texto
    assert escrito.vence_en.strftime("%Y") in html
    assert "folio-semaforo--atendido" in html
    assert "no-store" in respuesta["Cache-Control"]
    # Pública: the subject and the sense of the answer may be shown.
    assert escrito.asunto in html and "Positiva" in html

    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.CONSULTA_PUBLICA)
    assert entrada.usuario is None and entrada.ip == "198.51.100.4"


def test_the_lookup_never_shows_remitente_instructions_or_file_names(client, respondido):
    escrito = respondido()
    html = _consulta(client, escrito).content.decode()
    for secreto in (
        escrito.remitente_nombre,
        "Instrucción interna XYZ",
        "respuesta-firmada.pdf",
        "escaneo.png",
        "ventanilla (",  # staff usernames in the bitácora actor
    ):
        assert secreto not in html, secreto


@pytest.mark.parametrize("clasificacion", ["reservada", "confidencial"])
def test_a_reserved_or_confidential_escrito_hides_subject_and_answer(
    client, respondido, clasificacion
):
    escrito = respondido(clasificacion=clasificacion, asunto="Denuncia contra el funcionario ABC")
    html = _consulta(client, escrito).content.decode()
    assert "Respondido" in html and "Obra Pública" in html
    assert "Denuncia contra el funcionario ABC" not in html
    assert "Positiva" not in html and "Texto de la respuesta QWE" not in html
    assert escrito.remitente_nombre not in html


def test_wrong_code_and_unknown_folio_look_the_same(client, recibir):
    escrito = recibir()
    mal_codigo = client.post(CONSULTA, {"folio": escrito.folio, "codigo": "ABCDEFGHJK"})
    desconocido = client.post(CONSULTA, {"folio": "OP-2026-999999", "codigo": "ABCDEFGHJK"})
    assert mal_codigo.status_code == desconocido.status_code == 200
    a = mal_codigo.content.decode().replace(escrito.folio, "FOLIO")
    b = desconocido.content.decode().replace("OP-2026-999999", "FOLIO")
    assert NO_ENCONTRADO in a
    assert re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", a) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", b
    )
    assert not EntradaBitacora.objects.filter(
        accion=EntradaBitacora.Accion.CONSULTA_PUBLICA
    ).exists()


def test_failed_lookups_are_throttled_per_ip(client, recibir, settings):
    settings.FOLIO_CONSULTA_MAX_FALLOS = 3
    escrito = recibir()
    for _ in range(3):
        assert _consulta(client, escrito, codigo="MAL").status_code == 200
    bloqueada = _consulta(client, escrito)  # even the right code waits
    assert bloqueada.status_code == 429
    assert "Demasiados intentos fallidos" in bloqueada.content.decode()
    assert escrito.folio in bloqueada.content.decode()  # the form keeps what was typed
    assert _consulta(client, escrito, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_successful_lookups_do_not_count_as_failures(client, recibir, settings):
    settings.FOLIO_CONSULTA_MAX_FALLOS = 2
    escrito = recibir()
    for _ in range(4):
        assert _consulta(client, escrito).status_code == 200
    assert escrito.bitacora.filter(accion=EntradaBitacora.Accion.CONSULTA_PUBLICA).count() == 4


def test_the_citizen_downloads_the_acuse_in_the_session_that_gave_the_code(client, recibir):
    escrito = recibir()
    url = reverse("documentos:acuse", args=[escrito.folio])
    sin_codigo = client.get(url)
    assert sin_codigo.status_code == 302 and escrito.codigo_acceso not in sin_codigo["Location"]
    assert not escrito.bitacora.filter(accion=EntradaBitacora.Accion.CONSULTA_PUBLICA).exists()

    estado = _consulta(client, escrito)
    assert url in estado.content.decode()
    pdf = client.get(url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    entrada = escrito.bitacora.filter(accion=EntradaBitacora.Accion.CONSULTA_PUBLICA).last()
    assert entrada.despues["acuse"] is True


def test_the_status_page_needs_the_code_in_this_session(client, recibir, settings):
    escrito = recibir()
    otro = recibir(asunto="Otro escrito")
    estado = reverse("documentos:estado", args=[escrito.folio])
    anonimo = client.get(estado)
    assert anonimo.status_code == 302
    assert anonimo["Location"] == f"{CONSULTA}?folio={escrito.folio}"
    assert _consulta(client, escrito).redirect_chain == [(estado, 302)]
    assert client.get(estado).status_code == 200
    # The code of one escrito opens that one only, and not for ever.
    assert client.get(reverse("documentos:estado", args=[otro.folio])).status_code == 302
    settings.FOLIO_CONSULTA_SESION_MIN = 0
    _consulta(client, escrito)
    assert client.get(estado).status_code == 302


def test_the_lookup_form_posts_and_no_url_carries_the_code(client, recibir):
    escrito = recibir()
    html = client.get(CONSULTA).content.decode()
    assert re.search(r'<form method="post" action="/oficialia/consulta/"', html)
    assert "documentos/consulta.js" in html
    respuesta = _consulta(client, escrito)
    for url, _status in respuesta.redirect_chain:
        assert escrito.codigo_acceso not in url
    assert escrito.codigo_acceso not in respuesta.content.decode()
    # An old printed QR (?codigo= in the URL) is not looked up by the server: the page's
    # script posts it and cleans the address bar.
    viejo = client.get(f"{CONSULTA}?folio={escrito.folio}&codigo={escrito.codigo_acceso}")
    assert f"Folio {escrito.folio}" not in viejo.content.decode()
    assert escrito.codigo_acceso not in viejo.content.decode()


def test_the_confirmation_page_links_to_the_status_without_the_code(client):
    client.post(ENVIAR, _envio())
    escrito = Escrito.objects.get()
    html = client.get(reverse("documentos:enviado")).content.decode()
    estado = reverse("documentos:estado", args=[escrito.folio])
    assert f'href="{estado}"' in html
    assert f"codigo={escrito.codigo_acceso}" not in html
    assert client.get(estado).status_code == 200


def test_the_counter_behind_the_limits():
    from documentos.views.comun import Limite

    limite = Limite("prueba", maximo=2, ventana_segundos=60)
    assert [limite.sumar("1.1.1.1"), limite.sumar("1.1.1.1")] == [1, 2]
    assert limite.agotado("1.1.1.1") and not limite.agotado("2.2.2.2")
    assert Limite("prueba", maximo=2, ventana_segundos=0).sumar("3.3.3.3") == 1
