"""Forms of the electronic signature: signing an answer (staff) and verifying (public)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .firma.credenciales import Credencial, desde_efirma, desde_pkcs12
from .models import Firma

# A certificate or key file is a few kilobytes; anything larger is not one.
MAX_CREDENCIAL = 64 * 1024


def _leer(archivo, nombre) -> bytes:
    if archivo.size > MAX_CREDENCIAL:
        raise ValidationError(
            _("«%(nombre)s» no parece un archivo de firma electrónica.") % {"nombre": nombre}
        )
    return archivo.read()


class FirmarRespuestaForm(forms.Form):
    """e.firma (.cer + .key + contraseña) or a PKCS#12 (.p12/.pfx + contraseña). The key and
    password stay in this request's memory (the view uses in-memory uploads only)."""

    prefix = "firmar"
    credencial: Credencial | None = None

    rol = forms.ChoiceField(
        label=_("Firma como"), choices=Firma.Rol.choices, initial=Firma.Rol.FIRMO
    )
    cargo = forms.CharField(label=_("Cargo"), max_length=200)
    cer = forms.FileField(
        label=_("Certificado (.cer)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".cer,.crt,.pem"}),
    )
    key = forms.FileField(
        label=_("Llave privada (.key)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".key"}),
    )
    p12 = forms.FileField(
        label=_("O bien: archivo PKCS#12 (.p12 o .pfx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )
    clave = forms.CharField(
        label=_("Contraseña de la llave privada"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}, render_value=False),
    )

    def clean(self):
        datos = super().clean()
        cer, key, p12 = datos.get("cer"), datos.get("key"), datos.get("p12")
        clave = datos.get("clave")
        if clave is None:
            return datos
        if p12 and (cer or key):
            raise ValidationError(_("Use su e.firma (.cer y .key) o un archivo .p12, no ambos."))
        if p12:
            self.credencial = desde_pkcs12(_leer(p12, p12.name), clave)
        elif cer and key:
            self.credencial = desde_efirma(_leer(cer, cer.name), _leer(key, key.name), clave)
        else:
            raise ValidationError(
                _("Adjunte su certificado (.cer) y su llave privada (.key), o su archivo .p12.")
            )
        return datos


class VerificarCodigoForm(forms.Form):
    codigo = forms.CharField(
        label=_("Código de verificación"),
        max_length=40,
        help_text=_(
            "Viene en el bloque de firma del documento. No distingue mayúsculas ni guiones."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "ABCD-EFGH-JKMN",
            }
        ),
    )


class VerificarDocumentoForm(forms.Form):
    documento = forms.FileField(
        label=_("Documento PDF"),
        help_text=_("Compruebe si un PDF es exactamente uno que emitió esta institución."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_documento(self):
        documento = self.cleaned_data["documento"]
        if documento.size > settings.FOLIO_MAX_ARCHIVO_MB * 1024 * 1024:
            raise ValidationError(
                _("El archivo excede el tamaño máximo de %(max)s MB.")
                % {"max": settings.FOLIO_MAX_ARCHIVO_MB}
            )
        return documento
