"""The daily alert mails (`calidad_alertas`): each responsable gets the alerts of their
actions and the Contraloría all of them, once per day however often cron runs it; a mail
that could not be sent is tried again; docker-compose's cron runs the command."""

import datetime as dt
import re
import socket
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core import mail
from django.core.management import call_command

from atencion.calidad import avisos_mejora
from atencion.models import AvisoAlertas
from cms import roles
from tests.atencion.calidad.mejora import DESPUES_DEL_FIN, accion, seguimiento
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db
D = Decimal
RAIZ = Path(__file__).resolve().parents[3]


@pytest.fixture
def dos_vencidas(oportunidad, area_calidad, responsable_mejora):
    """One action of the área (its staff: responsable_mejora) and one of a person, both
    past their end (2026-09-30) unfinished."""
    del_area = accion(
        oportunidad, nombre="Señalizar", area=area_calidad, linea_base=D("0"), meta=D("5")
    )
    seguimiento(del_area, dt.date(2026, 8, 1), 30, valor=D("5"))
    persona = UsuarioFactory(username="lucia", email="lucia@ejemplo.gob.mx", roles=[roles.AREA])
    propia = accion(
        oportunidad, nombre="Capacitar", responsable=persona, linea_base=D("0"), meta=D("5")
    )
    seguimiento(propia, dt.date(2026, 8, 1), 60, valor=D("5"))
    return del_area, propia, persona


def _por_destinatario():
    return {m.to[0]: m for m in mail.outbox}


def test_each_responsable_and_the_contraloria_get_their_alerts_once_a_day(
    dos_vencidas, responsable_mejora, contralor
):
    sin_correo = UsuarioFactory(username="sin.correo", email="", roles=[roles.CONTRALORIA])
    del_area, propia, persona = dos_vencidas
    salida = StringIO()
    call_command("calidad_alertas", stdout=salida)
    assert "Avisos de alertas de mejora enviados: 3." in salida.getvalue()
    correos = _por_destinatario()
    assert set(correos) == {
        "responsable.cat@ejemplo.gob.mx",
        "lucia@ejemplo.gob.mx",
        "contralor@ejemplo.gob.mx",
    }
    area = correos["responsable.cat@ejemplo.gob.mx"]
    assert area.subject == "Una alerta en sus acciones de mejora"
    assert "«Señalizar» debía concluir el 30/09/2026 y lleva 30 % de avance." in area.body
    assert f"/admin/calidad/mejora/{del_area.pk}/" in area.body
    assert "Capacitar" not in area.body
    todas = correos["contralor@ejemplo.gob.mx"]
    assert todas.subject == "2 alertas en las acciones de mejora"
    assert "«Señalizar»" in todas.body and "«Capacitar»" in todas.body
    # What was sent is recorded, one row per person and day.
    hoy = AvisoAlertas.objects.get(usuario=persona)
    assert hoy.estado == AvisoAlertas.Estado.ENVIADO and hoy.enviado_en is not None
    assert [a["actividad"] for a in hoy.alertas] == [propia.pk]
    assert not AvisoAlertas.objects.filter(usuario=sin_correo).exists()
    # The next cron rounds of the same day send nothing.
    call_command("calidad_alertas", stdout=StringIO())
    call_command("calidad_alertas", stdout=StringIO())
    assert len(mail.outbox) == 3
    assert AvisoAlertas.objects.count() == 3


def test_the_next_day_mails_again(dos_vencidas, responsable_mejora):
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN) == 2
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN) == 0
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN + dt.timedelta(days=1)) == 2
    assert len(mail.outbox) == 4


def test_nothing_is_sent_without_alerts(oportunidad, area_calidad, responsable_mejora):
    hecha = accion(oportunidad, area=area_calidad, linea_base=D("0"), meta=D("5"))
    seguimiento(hecha, dt.date(2026, 9, 30), 100, valor=D("5"))
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN) == 0
    assert mail.outbox == [] and not AvisoAlertas.objects.exists()


def _puerto_cerrado() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_mail_that_fails_is_tried_again_in_the_next_round(
    dos_vencidas, responsable_mejora, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _puerto_cerrado()
    settings.EMAIL_TIMEOUT = 2
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN) == 0
    aviso = AvisoAlertas.objects.get(usuario=responsable_mejora)
    assert aviso.estado == AvisoAlertas.Estado.PENDIENTE
    assert aviso.intentos == 1 and aviso.error
    assert "responsable.cat@ejemplo.gob.mx" not in aviso.error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert avisos_mejora.enviar_alertas(hoy=DESPUES_DEL_FIN) == 2
    aviso.refresh_from_db()
    assert aviso.estado == AvisoAlertas.Estado.ENVIADO and aviso.intentos == 2


def test_docker_compose_cron_runs_the_command():
    compose = yaml.safe_load((RAIZ / "docker-compose.yml").read_text())
    ronda = re.search(
        r"while true; do\n(.*)\ndone", compose["services"]["cron"]["command"][2], re.S
    ).group(1)
    assert "calidad_alertas" in re.findall(r"python manage\.py (\w+)", ronda)
