"""Forms of the Oficialía screens. They only parse input: writes go through services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms_recepcion import (  # noqa: F401 (the intake forms, re-exported)
    TIPOS_ACEPTADOS,
    ArchivosField,
    EnvioPublicoForm,
    MultipleFileInput,
    RecepcionForm,
)
from .models import Area, Tema


def _temas():
    return Tema.objects.filter(activo=True)


def _areas():
    return Area.objects.filter(activa=True)


class PersonaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ConsultaForm(forms.Form):
    folio = forms.CharField(
        label=_("Folio"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "placeholder": "OP-2026-000123", "spellcheck": "false"}
        ),
    )
    codigo = forms.CharField(
        label=_("Código de acceso"),
        max_length=40,
        help_text=_("Viene en su acuse de recibo. No distingue mayúsculas ni guiones."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


# ---------------------------------------------------------------------------------------
# Turning several escritos at once (the actions on one escrito: forms_acciones.py)


class TurnoEnBloqueForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Turnar a"), queryset=Area.objects.none(), empty_label=_("Elija el área")
    )
    instruccion = forms.CharField(
        label=_("Instrucción"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas()
