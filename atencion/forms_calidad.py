"""Forms of the evaluation screens (the services check everything again)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Calificacion, ComponenteModelo, OportunidadMejora

TEXTO = {"rows": 3}


def personal_con_acceso():
    """Active users who may enter the admin (a role with access, or a superuser)."""
    acceso = Q(groups__permissions__codename="access_admin") | Q(
        user_permissions__codename="access_admin"
    )
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | acceso, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PersonaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        nombre = obj.get_full_name()
        return f"{nombre} ({obj.get_username()})" if nombre else obj.get_username()


class PersonasField(forms.ModelMultipleChoiceField):
    label_from_instance = PersonaChoiceField.label_from_instance


class EquipoForm(forms.Form):
    responsable = PersonaChoiceField(
        queryset=None,
        label=_("Responsable del equipo"),
        empty_label=_("Elija a una persona"),
        error_messages={"required": _("Elija a la persona responsable del equipo evaluador.")},
    )
    evaluadores = PersonasField(
        queryset=None,
        label=_("Evaluadores"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Quien sea responsable no necesita marcarse también aquí."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        personas = personal_con_acceso()
        self.fields["responsable"].queryset = personas
        self.fields["evaluadores"].queryset = personas


class CalificacionForm(forms.Form):
    puntaje = forms.TypedChoiceField(
        label=_("Nivel"),
        choices=Calificacion.Nivel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija un nivel de 0 a 4 para el criterio.")},
    )
    notas = forms.CharField(
        label=_("Notas"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXTO)
    )


class OportunidadForm(forms.Form):
    componente = forms.ModelChoiceField(
        queryset=ComponenteModelo.objects.none(),
        label=_("Componente"),
        required=False,
        empty_label=_("General (todo el servicio)"),
    )
    descripcion = forms.CharField(
        label=_("Oportunidad de mejora"),
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTO),
        error_messages={"required": _("Describa la oportunidad de mejora.")},
    )
    causa = forms.CharField(
        label=_("Causa"),
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTO),
        error_messages={"required": _("Escriba la causa que la origina.")},
    )
    prioridad = forms.ChoiceField(
        label=_("Prioridad"),
        choices=OportunidadMejora.Prioridad.choices,
        initial=OportunidadMejora.Prioridad.MEDIA,
    )

    def __init__(self, evaluacion, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["componente"].queryset = ComponenteModelo.objects.filter(
            modelo=evaluacion.modelo_id
        )


class ConclusionesForm(forms.Form):
    conclusiones = forms.CharField(
        label=_("Conclusiones"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class DevolverForm(forms.Form):
    nota = forms.CharField(
        label=_("Qué debe corregir el equipo"),
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTO),
        error_messages={"required": _("Escriba qué debe corregir el equipo evaluador.")},
    )
