"""E-mail notifications to the remitente: once per escrito, motivo and respuesta, in the
background (retried, never blocking the request), over real SMTP, recorded without the
address."""

import re
from datetime import timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from documentos.models import EntradaBitacora, Escrito, Notificacion, Respuesta
from documentos.services import flujo, notificaciones
from documentos.tasks import enviar_notificacion
from tests.despliegue import puerto_libre
from tests.factories import AreaFactory, tareas_con

pytestmark = pytest.mark.django_db
CORREO = "lucia.fernandez@example.com"
M = Notificacion.Motivo
E = Notificacion.Estado


@pytest.fixture
def con_correo(recibir, django_capture_on_commit_callbacks):
    """Receive an escrito whose remitente gave an e-mail, running what is queued on commit."""

    def _recibir(**cambios):
        with django_capture_on_commit_callbacks(execute=True):
            return recibir(remitente_contacto=CORREO, **cambios)

    return _recibir


@pytest.fixture
def smtp(settings):
    """Send through Django's SMTP backend to this port."""

    def _smtp(puerto: int):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", puerto
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5

    return _smtp


def _atender(escrito, obras, oficialia, titular, operativo, capturar):
    with capturar(execute=True):
        flujo.turnar(escrito, obras, usuario=oficialia)
    flujo.asignar(escrito, operativo, usuario=titular)
    with capturar(execute=True):
        return flujo.responder(
            escrito, usuario=operativo, sentido=Respuesta.Sentido.POSITIVA, texto="Procede."
        )


def test_received_turned_and_answered_each_send_one_mail_in_spanish(
    con_correo,
    obras,
    oficialia,
    titular_obras,
    operativo_obras,
    django_capture_on_commit_callbacks,
):
    escrito = con_correo()
    assert len(mail.outbox) == 1
    respuesta = _atender(
        escrito,
        obras,
        oficialia,
        titular_obras,
        operativo_obras,
        django_capture_on_commit_callbacks,
    )
    recibido, turnado, respondido = mail.outbox
    assert all(m.to == [CORREO] for m in mail.outbox)
    assert recibido.subject == f"Recibimos su escrito con folio {escrito.folio}"
    assert f"Su folio es {escrito.folio}." in recibido.body
    assert turnado.subject == f"Su escrito con folio {escrito.folio} fue turnado"
    assert "fue turnado a Obra Pública para su atención" in turnado.body
    assert respondido.subject == f"Su escrito con folio {escrito.folio} tiene respuesta"
    assert "Le informamos que su escrito" in respondido.body
    assert "Puede consultar la respuesta, sin escribir su código de acceso" in respondido.body
    assert "Puede consultar su estado, sin escribir su código" in recibido.body
    filas = Notificacion.objects.filter(escrito=escrito).order_by("pk")
    assert [(n.motivo, n.estado, n.intentos) for n in filas] == [
        (M.RECEPCION, E.ENVIADA, 1),
        (M.TURNO, E.ENVIADA, 1),
        (M.RESPUESTA, E.ENVIADA, 1),
    ]
    assert filas.get(motivo=M.RESPUESTA).respuesta == respuesta
    assert all(n.enviada_en is not None for n in filas)


def test_each_notification_is_sent_once_even_if_the_task_runs_twice(
    con_correo, obras, finanzas, oficialia, django_capture_on_commit_callbacks
):
    escrito = con_correo()
    notificacion = Notificacion.objects.get(escrito=escrito)
    assert enviar_notificacion.enqueue(notificacion.pk).return_value is None
    assert notificaciones.enviar(notificacion.pk) is None
    assert len(mail.outbox) == 1
    notificacion.refresh_from_db()
    assert (notificacion.estado, notificacion.intentos) == (E.ENVIADA, 1)
    # The same motivo again (a second turno, the event sent twice) writes no second row.
    with django_capture_on_commit_callbacks(execute=True):
        flujo.turnar(escrito, obras, usuario=oficialia)
    with django_capture_on_commit_callbacks(execute=True):
        flujo.turnar(escrito, finanzas, usuario=oficialia)
        notificaciones.programar(escrito.pk, M.TURNO)
    assert Notificacion.objects.filter(escrito=escrito, motivo=M.TURNO).count() == 1
    assert len(mail.outbox) == 2
    entradas = escrito.bitacora.filter(accion=EntradaBitacora.Accion.NOTIFICACION)
    assert entradas.count() == 2


def test_the_link_needs_no_typing_and_carries_no_code_in_its_query(con_correo, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://folio.ejemplo.gob.mx"
    escrito = con_correo()
    [url] = re.findall(r"https?://\S+", mail.outbox[0].body)
    partes = urlsplit(url)
    assert (partes.scheme, partes.netloc) == ("https", "folio.ejemplo.gob.mx")
    assert partes.path == reverse("documentos:consulta")
    assert partes.query == ""
    assert escrito.codigo_acceso not in url.split("#")[0]
    assert parse_qs(partes.fragment) == {
        "folio": [escrito.folio],
        "codigo": [escrito.codigo_acceso],
    }


@pytest.mark.parametrize("contacto", ["", "55 1234 5678"])
def test_no_notification_without_an_email(recibir, contacto, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir(remitente_contacto=contacto)
    assert not Notificacion.objects.filter(escrito=escrito).exists()
    assert mail.outbox == []


def test_an_invalid_email_is_refused_in_spanish_and_nothing_is_created(recibir):
    with pytest.raises(ValidationError) as error:
        recibir(remitente_contacto="lucia@sin-dominio")
    assert (
        "Escriba un correo electrónico válido" in error.value.message_dict["remitente_contacto"][0]
    )
    assert not Escrito.objects.exists()


def test_an_old_row_with_a_bad_address_is_not_notified(recibir, django_capture_on_commit_callbacks):
    escrito = recibir()
    Escrito.objects.filter(pk=escrito.pk).update(remitente_contacto="lucia@@example")
    with django_capture_on_commit_callbacks(execute=True):
        assert notificaciones.programar(escrito.pk, M.TURNO) is None
    assert not Notificacion.objects.exists() and mail.outbox == []


def test_the_public_form_marks_a_bad_email_next_to_the_field(client):
    respuesta = client.post(
        reverse("documentos:enviar"),
        {
            "tipo": "queja",
            "remitente_tipo": "fisica",
            "remitente_nombre": "Lucía Fernández",
            "remitente_contacto": "lucia@",
            "remitente_sexo": "no_declara",
            "asunto": "Falta de agua potable en la colonia Las Flores",
            "sitio_web": "",
            "confirmar_duplicado": "False",
        },
    )
    assert respuesta.status_code == 200
    assert "Escriba un correo electrónico válido" in respuesta.content.decode()
    assert not Escrito.objects.exists()


def test_a_failing_smtp_does_not_block_the_request_is_retried_then_fallida(
    client, settings, smtp, django_capture_on_commit_callbacks
):
    settings.TASKS = tareas_con("django_tasks_db.DatabaseBackend")
    settings.FOLIO_NOTIFICACION_INTENTOS = 3
    settings.FOLIO_NOTIFICACION_ESPERA_S = 60
    smtp(puerto_libre())  # nothing listens there: connection refused
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse("documentos:enviar"),
            {
                "tipo": "queja",
                "remitente_tipo": "fisica",
                "remitente_nombre": "Lucía Fernández",
                "remitente_contacto": CORREO,
                "remitente_sexo": "no_declara",
                "asunto": "Falta de agua potable en la colonia Las Flores",
                "sitio_web": "",
                "confirmar_duplicado": "False",
            },
        )
    # The request only queued the mail.
    assert respuesta.status_code == 302
    notificacion = Notificacion.objects.get()
    assert (notificacion.estado, notificacion.intentos) == (E.PENDIENTE, 0)

    def tareas():
        return DBTaskResult.objects.filter(task_path="documentos.tasks.enviar_notificacion")

    assert [t.args_kwargs["args"] for t in tareas()] == [[notificacion.pk]]
    assert tareas().get().queue_name == "default"

    # The worker's attempts: retried later each time (backoff), then given up.
    esperas = []
    for intento in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            assert notificaciones.enviar(notificacion.pk) == E.PENDIENTE
        ultima = tareas().order_by("enqueued_at").last()
        esperas.append(ultima.run_after - ultima.enqueued_at)
        notificacion.refresh_from_db()
        assert notificacion.intentos == intento and notificacion.error
    assert 55 < esperas[0].total_seconds() < 65 and 115 < esperas[1].total_seconds() < 125
    with django_capture_on_commit_callbacks(execute=True):
        assert notificaciones.enviar(notificacion.pk) == E.FALLIDA
    notificacion.refresh_from_db()
    assert (notificacion.estado, notificacion.intentos, notificacion.enviada_en) == (
        E.FALLIDA,
        3,
        None,
    )
    assert "refused" in notificacion.error.lower() or "111" in notificacion.error
    assert tareas().count() == 3  # no retry after the last attempt
    assert notificaciones.enviar(notificacion.pk) is None
    [entrada] = notificacion.escrito.bitacora.filter(accion=EntradaBitacora.Accion.NOTIFICACION)
    assert "No se pudo notificar al remitente" in entrada.descripcion
    assert "tras 3 intentos" in entrada.descripcion
    assert entrada.despues["estado"] == E.FALLIDA


def test_end_to_end_over_real_smtp(servidor_correo, smtp, con_correo):
    smtp(servidor_correo.puerto)
    antes = len(servidor_correo.mensajes)
    escrito = con_correo()
    [sobre] = servidor_correo.mensajes[antes:]
    assert sobre.rcpt_tos == [CORREO]
    contenido = sobre.content.decode()
    assert escrito.folio in contenido
    assert "/oficialia/consulta/#folio=" in contenido
    notificacion = Notificacion.objects.get(escrito=escrito)
    assert notificacion.estado == E.ENVIADA and notificacion.enviada_en


class _Rechaza:
    """An SMTP server that refuses every recipient, quoting the address."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return f"550 5.1.1 <{address}>: el buzón no existe"


@pytest.fixture
def servidor_que_rechaza():
    controlador = Controller(_Rechaza(), hostname="127.0.0.1", port=puerto_libre())
    controlador.start()
    yield controlador
    controlador.stop()


def test_bitacora_entries_never_hold_the_address(
    servidor_correo,
    servidor_que_rechaza,
    smtp,
    settings,
    recibir,
    obras,
    oficialia,
    django_capture_on_commit_callbacks,
):
    settings.FOLIO_NOTIFICACION_INTENTOS = 1
    smtp(servidor_que_rechaza.port)
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir(remitente_contacto=CORREO)
    notificacion = Notificacion.objects.get(escrito=escrito)
    assert notificacion.estado == E.FALLIDA and CORREO in notificacion.error
    smtp(servidor_correo.puerto)
    with django_capture_on_commit_callbacks(execute=True):
        flujo.turnar(escrito, AreaFactory(nombre="Servicios"), usuario=oficialia)
    assert Notificacion.objects.get(escrito=escrito, motivo=M.TURNO).estado == E.ENVIADA
    entradas = list(escrito.bitacora.filter(accion=EntradaBitacora.Accion.NOTIFICACION))
    assert len(entradas) == 2
    for entrada in escrito.bitacora.all():
        texto = " ".join(
            [entrada.actor, entrada.descripcion, str(entrada.antes), str(entrada.despues)]
        )
        assert CORREO not in texto and "lucia.fernandez" not in texto
    assert "[destinatario]" in entradas[0].descripcion
    assert {e.actor for e in entradas} == {"Sistema (notificaciones)"}


def test_a_lost_queueing_is_recovered_by_the_command(
    recibir, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = tareas_con("django_tasks_db.DatabaseBackend")
    perdida = recibir(remitente_contacto=CORREO)  # on_commit never ran: nothing queued
    reciente = recibir(remitente_contacto="otra@example.com", asunto="Otro escrito")
    Notificacion.objects.filter(escrito=perdida).update(
        actualizada_en=timezone.now() - timedelta(hours=2)
    )
    assert not DBTaskResult.objects.exists()
    salida = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notificaciones_reencolar", "--minutos", "60", stdout=salida)
    assert "encoladas de nuevo: 1." in salida.getvalue()
    [tarea] = DBTaskResult.objects.all()
    notificacion = Notificacion.objects.get(escrito=perdida)
    assert tarea.args_kwargs["args"] == [notificacion.pk]
    assert Notificacion.objects.get(escrito=reciente).estado == E.PENDIENTE
    assert notificaciones.enviar(notificacion.pk) == E.ENVIADA
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notificaciones_reencolar", "--minutos", "0", stdout=StringIO())
    assert DBTaskResult.objects.count() == 2  # only the recent pendiente, not the sent one


def test_the_database_refuses_a_second_notification_for_the_same_motivo(respondido):
    escrito = respondido()
    respuesta = escrito.respuestas.get()
    Notificacion.objects.create(escrito=escrito, motivo=M.TURNO, destinatario=CORREO)
    Notificacion.objects.create(
        escrito=escrito, motivo=M.RESPUESTA, respuesta=respuesta, destinatario=CORREO
    )
    for datos in ({"motivo": M.TURNO}, {"motivo": M.RESPUESTA, "respuesta": respuesta}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Notificacion.objects.create(escrito=escrito, destinatario=CORREO, **datos)
    # Another answer (after reabrir) is another notification.
    otra = Respuesta.objects.create(
        escrito=escrito,
        sentido=Respuesta.Sentido.PARCIAL,
        texto="Corregida.",
        fecha=respuesta.fecha,
        respondido_por=respuesta.respondido_por,
    )
    Notificacion.objects.create(
        escrito=escrito, motivo=M.RESPUESTA, respuesta=otra, destinatario=CORREO
    )
    assert Notificacion.objects.filter(escrito=escrito).count() == 3
