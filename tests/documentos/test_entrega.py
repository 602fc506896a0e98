"""Electronic delivery of the answer: the lookup shows it within the classification's
limits, its file is downloaded only by the session that gave the code, and the acuse de
notificación electrónica (e-mail sent, first consultation) is recorded once and shown."""

import pytest
from django.urls import reverse
from django.utils import timezone

from documentos.models import EntradaBitacora, Notificacion, Respuesta
from documentos.services import flujo

pytestmark = pytest.mark.django_db
A = EntradaBitacora.Accion
CONSULTA = "/oficialia/consulta/"
RESPUESTA = "Texto de la respuesta QWE"
COMO_OBTENERLA = "recójala en la Oficialía de Partes"


def _consulta(client, escrito):
    return client.post(
        CONSULTA, {"folio": escrito.folio, "codigo": escrito.codigo_acceso}, follow=True
    )


def _url(escrito):
    return reverse("documentos:respuesta", args=[escrito.folio])


def _fecha(valor) -> str:
    """As the templates write it: 1 de diciembre de 2026, 18:05."""
    from django.utils.formats import date_format

    return date_format(timezone.localtime(valor), r"j \d\e F \d\e Y, H:i")


def _acuses(escrito):
    return escrito.bitacora.filter(
        accion=A.NOTIFICACION, descripcion__startswith="Acuse de notificación electrónica"
    )


def test_the_lookup_shows_the_answer_and_its_file_downloads_in_that_session(client, respondido):
    escrito = respondido()
    html = _consulta(client, escrito).content.decode()
    assert RESPUESTA in html
    assert _url(escrito) in html and "Descargar la respuesta" in html
    assert "respuesta-firmada.pdf" not in html and COMO_OBTENERLA not in html

    descarga = client.get(_url(escrito))
    assert descarga.status_code == 200
    assert descarga["Content-Type"] == "application/pdf"
    disposicion = descarga["Content-Disposition"]
    assert disposicion.startswith("attachment;") and f"respuesta-{escrito.folio}.pdf" in disposicion
    assert "no-store" in descarga["Cache-Control"]
    respuesta = escrito.respuestas.get()
    with respuesta.archivo.abrir() as fichero:
        assert b"".join(descarga.streaming_content) == fichero.read()


def test_the_file_is_never_served_to_a_session_without_the_code(client, respondido):
    escrito = respondido()
    sin_codigo = client.get(_url(escrito))
    assert sin_codigo.status_code == 302
    assert sin_codigo["Location"] == f"{CONSULTA}?folio={escrito.folio}"
    assert escrito.respuestas.get().consultada_en is None
    assert not _acuses(escrito).exists()
    assert not escrito.bitacora.filter(descripcion__contains="Descargó la respuesta").exists()


@pytest.mark.parametrize("clasificacion", ["reservada", "confidencial"])
def test_a_reserved_or_confidential_answer_is_only_announced(client, respondido, clasificacion):
    escrito = respondido(clasificacion=clasificacion)
    html = _consulta(client, escrito).content.decode()
    assert "Su escrito tiene respuesta desde el" in html and COMO_OBTENERLA in html
    assert RESPUESTA not in html and _url(escrito) not in html
    assert "Descargar la respuesta" not in html
    assert client.get(_url(escrito)).status_code == 404
    assert escrito.respuestas.get().consultada_en is None
    assert not _acuses(escrito).exists()


def test_the_first_download_is_recorded_once_and_shown(client, respondido, como, oficialia):
    escrito = respondido()
    _consulta(client, escrito)
    client.get(_url(escrito))
    respuesta = escrito.respuestas.get()
    primera = respuesta.consultada_en
    assert primera is not None
    client.get(_url(escrito))
    respuesta.refresh_from_db()
    assert respuesta.consultada_en == primera
    [acuse] = _acuses(escrito)
    assert acuse.despues["respuesta"] == respuesta.pk
    assert acuse.despues["sha256"] == respuesta.archivo.sha256
    assert acuse.actor == "Ciudadano (sitio público)"
    descargas = escrito.bitacora.filter(
        accion=A.CONSULTA_PUBLICA, descripcion="Descargó la respuesta desde el sitio público."
    )
    assert descargas.count() == 2

    html = client.get(reverse("documentos:estado", args=[escrito.folio])).content.decode()
    assert f"Consultada por primera vez el {_fecha(primera)} h" in html
    staff = como(oficialia).get(reverse("documentos_admin:escrito", args=[escrito.pk]))
    texto = staff.content.decode()
    fecha = timezone.localtime(primera).strftime("%d/%m/%Y %H:%M")
    assert f"consultada por primera vez por el remitente el {fecha} h" in texto


def test_an_answer_without_a_file_is_delivered_by_showing_its_text(client, respondido):
    escrito = respondido(con_archivo=False)
    html = _consulta(client, escrito).content.decode()
    assert RESPUESTA in html and "Descargar la respuesta" not in html
    assert client.get(_url(escrito)).status_code == 404
    respuesta = escrito.respuestas.get()
    assert respuesta.consultada_en is not None
    assert "Consultada por primera vez el" in html
    _consulta(client, escrito)
    assert _acuses(escrito).count() == 1


def test_the_lookup_and_the_staff_page_show_when_the_answer_was_notified(
    client,
    recibir,
    obras,
    oficialia,
    titular_obras,
    operativo_obras,
    como,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir(remitente_contacto="lucia@example.com")
    flujo.turnar(escrito, obras, usuario=oficialia)
    flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
    with django_capture_on_commit_callbacks(execute=True):
        flujo.responder(
            escrito, usuario=operativo_obras, sentido=Respuesta.Sentido.POSITIVA, texto=RESPUESTA
        )
    notificacion = Notificacion.objects.get(escrito=escrito, motivo=Notificacion.Motivo.RESPUESTA)
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    html = _consulta(client, escrito).content.decode()
    assert f"Notificado el {_fecha(notificacion.enviada_en)} h" in html
    staff = como(oficialia).get(reverse("documentos_admin:escrito", args=[escrito.pk]))
    texto = staff.content.decode()
    fecha = timezone.localtime(notificacion.enviada_en).strftime("%d/%m/%Y %H:%M")
    assert f"notificado por correo electrónico el {fecha} h" in texto
    assert "Notificaciones electrónicas" in texto and "Respuesta emitida" in texto


def test_a_reopened_escrito_shows_no_answer_until_it_is_answered_again(
    client, respondido, operativo_obras
):
    escrito = respondido()
    flujo.reabrir(escrito, usuario=operativo_obras, motivo="Corregir la fecha")
    html = _consulta(client, escrito).content.decode()
    assert RESPUESTA not in html
    assert client.get(_url(escrito)).status_code == 404


def test_an_unsigned_answer_claims_no_signature(client, respondido):
    """The signed case is in tests/documentos/firma/test_vistas.py."""
    escrito = respondido()
    html = _consulta(client, escrito).content.decode()
    assert RESPUESTA in html
    assert "Respuesta firmada electrónicamente" not in html
