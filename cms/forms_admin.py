"""Forms of the Wagtail admin that Folio adjusts."""

import logging
import smtplib

from django import forms
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import loader
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

logger = logging.getLogger(__name__)
MENSAJE_SIN_CORREO = _(
    "En este momento no se puede enviar el correo para restablecer su contraseña. Intente más "
    "tarde o avise a la persona que administra Folio."
)


class FormularioIngreso(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so Django shows the
    untranslated field name ("Password")."""

    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"placeholder": _("Escriba su contraseña")}),
    )


class CorreoNoEnviado(Exception):
    """A password-reset mail could not be handed to the mail server."""


class FormularioRecuperacion(PasswordResetForm):
    """Wagtail's password reset, but a mail that cannot be sent is an error the person sees
    (Django only logs it and says the mail went out)."""

    def clean(self):
        datos = super().clean()
        # Checked for every address, so the answer never tells whether an account exists.
        try:
            with get_connection(fail_silently=False):
                pass
        except (OSError, smtplib.SMTPException) as error:
            logger.error("No se puede conectar con el servidor de correo: %s", error)
            raise forms.ValidationError(MENSAJE_SIN_CORREO, code="sin_correo") from error
        return datos

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        asunto = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        mensaje = EmailMultiAlternatives(
            asunto, loader.render_to_string(email_template_name, context), from_email, [to_email]
        )
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            mensaje.attach_alternative(html, "text/html")
        try:
            mensaje.send()
        except (OSError, smtplib.SMTPException) as error:
            logger.error("No se envió el correo de recuperación de contraseña: %s", error)
            raise CorreoNoEnviado from error
