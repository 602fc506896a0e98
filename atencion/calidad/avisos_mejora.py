"""The daily e-mail of the acciones de mejora's alerts: each responsable (the person, or
the staff of the área) gets the alerts of their actions, each member of the Contraloría
gets all of them. One AvisoAlertas row per person and day records what was sent, so the
command can run every cron round: the first one of the day sends, the others do nothing
(a failed mail is tried again in the next round, up to FOLIO_NOTIFICACION_INTENTOS)."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms import roles
from documentos.enlaces import url_absoluta

from ..models import AvisoAlertas
from . import selectors_mejora as sel

logger = logging.getLogger(__name__)
PLANTILLA = "atencion/calidad/correo_alertas.txt"
Estado = AvisoAlertas.Estado


def destinatarios(alertas: list[sel.Alerta]) -> dict:
    """{user: (alerts, every)}: the responsables with theirs, the Contraloría with all."""
    por_usuario: dict = {}
    for alerta in alertas:
        actividad = alerta.accion.actividad
        personas = set()
        if actividad.responsable_id:
            personas.add(actividad.responsable)
        if actividad.area_responsable_id:
            personas.update(actividad.area_responsable.personal.all())
        for persona in personas:
            por_usuario.setdefault(persona, []).append(alerta)
    resultado = {persona: (lista, False) for persona, lista in por_usuario.items()}
    contraloria = get_user_model().objects.filter(groups__name=roles.CONTRALORIA)
    for persona in contraloria:
        resultado[persona] = (alertas, True)
    return {p: v for p, v in resultado.items() if p.is_active and p.email}


def mensaje(aviso: AvisoAlertas, todas: bool) -> EmailMessage:
    n = len(aviso.alertas)
    if todas:
        asunto = ngettext(
            "Una alerta en las acciones de mejora",
            "%(n)s alertas en las acciones de mejora",
            n,
        )
    else:
        asunto = ngettext(
            "Una alerta en sus acciones de mejora", "%(n)s alertas en sus acciones de mejora", n
        )
    contexto = {
        "usuario": aviso.usuario,
        "todas": todas,
        "alertas": aviso.alertas,
        "fecha": aviso.fecha,
        "lista": url_absoluta(reverse("atencion_mejora:acciones")),
        "sitio": settings.WAGTAIL_SITE_NAME,
    }
    cuerpo = render_to_string(PLANTILLA, contexto)
    return EmailMessage(
        asunto % {"n": n}, cuerpo, settings.DEFAULT_FROM_EMAIL, [aviso.destinatario]
    )


def _registro(alerta: sel.Alerta) -> dict:
    return alerta.como_dict() | {
        "accion": alerta.accion.actividad.nombre,
        "url": url_absoluta(reverse("atencion_mejora:accion", args=[alerta.accion.actividad.pk])),
    }


def _enviar_uno(usuario, alertas: list[sel.Alerta], todas: bool, hoy: dt.date) -> bool:
    """Send today's mail to one person unless it was sent already; True when sent now.
    The row stays locked while the mail goes out, so two runs at once send it once."""
    with transaction.atomic():
        aviso, _creado = AvisoAlertas.objects.select_for_update().get_or_create(
            fecha=hoy,
            usuario=usuario,
            defaults={"destinatario": usuario.email, "alertas": [_registro(a) for a in alertas]},
        )
        if aviso.estado == Estado.ENVIADO or aviso.intentos >= settings.FOLIO_NOTIFICACION_INTENTOS:
            return False
        aviso.intentos += 1
        try:
            mensaje(aviso, todas).send()
        except Exception as error:  # SMTP, DNS, a refused recipient: recorded, retried
            logger.warning("Aviso de alertas %s no enviado: %s", aviso.pk, error)
            aviso.error = str(error).replace(aviso.destinatario, "[destinatario]")[:2000]
            aviso.save(update_fields=["intentos", "error"])
            return False
        aviso.estado, aviso.enviado_en, aviso.error = Estado.ENVIADO, timezone.now(), ""
        aviso.save(update_fields=["intentos", "estado", "enviado_en", "error"])
    return True


def enviar_alertas(hoy: dt.date | None = None) -> int:
    """Send the day's alert mails not sent yet; returns how many went out."""
    hoy = hoy or timezone.localdate()
    alertas = sel.alertas(hoy)
    if not alertas:
        return 0
    enviados = 0
    for usuario, (lista, todas) in destinatarios(alertas).items():
        enviados += _enviar_uno(usuario, lista, todas, hoy)
    return enviados


def texto_resultado(n: int) -> str:
    return _("Avisos de alertas de mejora enviados: %(n)s.") % {"n": n}
