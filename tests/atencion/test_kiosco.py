"""The kiosk, the citizen's ticket page, its status JSON and the printed ticket."""

import pypdfium2
import pytest
import zxingcpp
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm

from atencion import services
from atencion.models import Ficha, Sede, Servicio
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
E = Ficha.Estado


@pytest.fixture
def cajera(db):
    return UsuarioFactory(username="cajera")


def _kiosco(sede):
    return reverse("atencion:kiosco", args=[sede.slug])


def test_the_kiosk_offers_one_button_per_servicio_and_the_preferente_choice(
    client, sede, servicios
):
    respuesta = client.get(_kiosco(sede))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    for servicio in servicios:
        assert f'name="servicio" value="{servicio.pk}"' in html
    assert "Atención preferente (adultos mayores, personas con discapacidad, embarazadas)" in html
    assert 'name="preferente"' not in html
    preferente = client.get(_kiosco(sede), {"preferente": "1"}).content.decode()
    assert '<input type="hidden" name="preferente" value="1">' in preferente


def test_an_unknown_or_closed_sede_has_no_kiosk(client, sede):
    assert client.get(reverse("atencion:kiosco", args=["otra"])).status_code == 404
    sede.activa = False
    sede.save()
    assert client.get(_kiosco(sede)).status_code == 404


def test_taking_a_ticket_at_the_kiosk_leads_to_its_page(client, sede, servicios):
    respuesta = client.post(_kiosco(sede), {"servicio": servicios[1].pk, "preferente": "1"})
    ficha = Ficha.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("atencion:ficha", args=[ficha.token])
    assert (ficha.servicio, ficha.preferente, ficha.canal) == (servicios[1], True, "kiosco")


@pytest.mark.parametrize("valor", ["", "abc", "999999"])
def test_a_servicio_not_offered_changes_nothing(client, sede, servicios, valor):
    respuesta = client.post(_kiosco(sede), {"servicio": valor})
    assert respuesta.status_code == 400
    assert "Elija uno de los servicios de la lista." in respuesta.content.decode()
    assert not Ficha.objects.exists()


def test_another_sedes_or_an_inactive_servicio_is_refused(client, sede, servicios):
    otra = Sede.objects.create(nombre="Otra sede", slug="otra")
    ajeno = Servicio.objects.create(sede=otra, nombre="Ajeno", prefijo="X")
    assert client.post(_kiosco(sede), {"servicio": ajeno.pk}).status_code == 400
    servicios[0].activo = False
    servicios[0].save()
    respuesta = client.post(_kiosco(sede), {"servicio": servicios[0].pk})
    assert respuesta.status_code == 400
    assert "Este servicio no está disponible ahora." in respuesta.content.decode()
    assert not Ficha.objects.exists()


def test_tickets_per_address_are_limited(client, sede, servicios, settings):
    settings.FOLIO_FICHAS_POR_HORA = 2
    for _i in range(2):
        assert client.post(_kiosco(sede), {"servicio": servicios[0].pk}).status_code == 302
    respuesta = client.post(_kiosco(sede), {"servicio": servicios[0].pk})
    assert respuesta.status_code == 429
    assert "número máximo de turnos" in respuesta.content.decode()
    assert Ficha.objects.count() == 2
    otra = client.post(_kiosco(sede), {"servicio": servicios[0].pk}, REMOTE_ADDR="10.0.0.9")
    assert otra.status_code == 302


def _pagina(client, ficha) -> str:
    respuesta = client.get(reverse("atencion:ficha", args=[ficha.token]))
    assert respuesta.status_code == 200
    return respuesta.content.decode()


def test_the_ticket_page_follows_the_turno(client, servicios, ventanillas, cajera):
    licencias = servicios[1]
    services.tomar_ficha(licencias)
    services.tomar_ficha(licencias)
    ficha = services.tomar_ficha(licencias)
    html = _pagina(client, ficha)
    assert ficha.codigo in html and "Licencias de construcción" in html
    assert "Le faltan 2 turnos" in html and "Espera estimada: 10 minutos." in html
    assert 'src="/static/atencion/ficha.js"' in html
    assert f'href="{reverse("atencion:ficha", args=[ficha.token])}"' in html  # no-JS refresh
    services.llamar_siguiente(ventanillas[0], usuario=cajera)
    assert "Le falta 1 turno" in _pagina(client, ficha)
    services.llamar_siguiente(ventanillas[0], usuario=cajera)
    assert "Usted es el siguiente" in _pagina(client, ficha)
    llamada = services.llamar_siguiente(ventanillas[1], usuario=cajera)
    assert llamada == ficha
    assert "Pase a la ventanilla 2" in _pagina(client, ficha)
    services.terminar(services.iniciar_atencion(llamada))
    html = _pagina(client, ficha)
    assert "Atendido" in html and "ficha.js" not in html


def test_the_survey_link_appears_only_when_the_survey_exists(client, servicios, ventanillas):
    ficha = services.tomar_ficha(servicios[0])
    ficha = services.llamar_siguiente(ventanillas[0], usuario=None)
    services.terminar(services.iniciar_atencion(ficha))
    html = _pagina(client, ficha)
    try:
        url = reverse("atencion:encuesta_ficha", args=[ficha.token])
    except NoReverseMatch:
        assert "Responder la encuesta" not in html
    else:
        assert f'href="{url}">Responder la encuesta</a>' in html


def test_an_unknown_token_is_not_found(client):
    assert client.get(reverse("atencion:ficha", args=["no-existe"])).status_code == 404
    assert client.get(reverse("atencion:ficha_estado", args=["no-existe"])).status_code == 404


def test_the_status_json_says_what_the_page_shows(client, servicios, ventanillas, cajera):
    services.tomar_ficha(servicios[0])
    ficha = services.tomar_ficha(servicios[0], preferente=True)
    otra = services.tomar_ficha(servicios[0])
    url = reverse("atencion:ficha_estado", args=[otra.token])
    datos = client.get(url).json()
    assert datos["mensaje"] == "Le faltan 2 turnos" and datos["por_delante"] == 2
    assert datos["estado"] == "espera" and datos["terminado"] is False
    assert datos["espera"] == "Espera estimada: 20 minutos."
    assert services.llamar_siguiente(ventanillas[0], usuario=cajera) == ficha
    assert client.get(url).json()["por_delante"] == 2  # cached for a few seconds
    cache.clear()
    propia = client.get(reverse("atencion:ficha_estado", args=[ficha.token])).json()
    assert propia["mensaje"] == "Pase a la ventanilla 1" and propia["ventanilla"] == 1
    assert client.get(url).json()["por_delante"] == 1


def _leer_pdf(pdf: bytes):
    """(page sizes in points, text of the first page, QR codes read from its rendering)."""
    documento = pypdfium2.PdfDocument(pdf)
    try:
        tamanos = [documento[i].get_size() for i in range(len(documento))]
        pagina = documento[0]
        texto = pagina.get_textpage().get_text_range()
        imagen = pagina.render(scale=3).to_pil()
        return tamanos, texto, [r.text for r in zxingcpp.read_barcodes(imagen)]
    finally:
        documento.close()


@pytest.mark.parametrize("papel", ["80mm", "carta"])
def test_the_printed_ticket_has_its_number_and_a_qr_to_its_page(
    client, servicios, ventanillas, settings, papel
):
    settings.WAGTAILADMIN_BASE_URL = "https://turnos.example.gob.mx"
    services.tomar_ficha(servicios[0])
    ficha = services.tomar_ficha(servicios[0], preferente=True)
    services.tomar_ficha(servicios[0], preferente=True)
    respuesta = client.get(reverse("atencion:ficha_pdf", args=[ficha.token]), {"papel": papel})
    assert respuesta.status_code == 200 and respuesta["Content-Type"] == "application/pdf"
    tamanos, texto, qrs = _leer_pdf(respuesta.content)
    url = "https://turnos.example.gob.mx" + reverse("atencion:ficha", args=[ficha.token])
    assert qrs == [url]
    assert ficha.codigo in texto and "Pago de predial" in texto
    assert "Oficialía de Partes Centro" in texto and "Atención preferente" in texto
    assert "Personas antes que usted: 0" in texto
    assert len(tamanos) == 1
    ancho, alto = tamanos[0]
    if papel == "carta":
        assert (ancho, alto) == pytest.approx(LETTER)
    else:
        assert ancho == pytest.approx(80 * mm)
        assert 80 * mm < alto < 200 * mm  # as tall as its content, not a whole page


def test_the_printed_ticket_refuses_an_unknown_paper(client, servicios):
    ficha = services.tomar_ficha(servicios[0])
    respuesta = client.get(reverse("atencion:ficha_pdf", args=[ficha.token]), {"papel": "a3"})
    assert respuesta.status_code == 400
    assert "Papel no válido" in respuesta.content.decode()
