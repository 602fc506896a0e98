"""Forms of the acciones de mejora. They only parse what is typed (dates, numbers, files):
what is required and allowed is decided by services_mejora, whose Spanish messages land
next to the fields (documentos.views.staff.aplicar_errores)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from documentos.models import Area

from ..models import Indicador


def personal():
    """Active staff (anyone with a role), by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__isnull=False) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PersonaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PlanificarForm(forms.Form):
    nombre = forms.CharField(label=_("Acción de mejora"), max_length=300, required=False)
    meta = forms.CharField(
        label=_("Meta o producto"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    area_responsable = forms.ModelChoiceField(
        label=_("Área responsable"), queryset=Area.objects.order_by("nombre"), required=False
    )
    responsable = PersonaChoiceField(
        label=_("Persona responsable de la mejora"), queryset=personal(), required=False
    )
    inicio = forms.DateField(label=_("Inicio"), widget=AdminDateInput, required=False)
    fin = forms.DateField(label=_("Fin"), widget=AdminDateInput, required=False)
    indicador_nombre = forms.CharField(label=_("Indicador"), max_length=300, required=False)
    indicador_calculo = forms.ChoiceField(
        label=_("Cómo se mide"),
        choices=Indicador.Calculo.choices,
        help_text=_(
            "Los indicadores que calcula Folio se miden con sus datos: la línea base en el "
            "periodo evaluado y el después desde el inicio de la acción."
        ),
    )
    indicador_formula = forms.CharField(
        label=_("Fórmula"),
        max_length=400,
        required=False,
        help_text=_("Si el indicador lo calcula Folio y la deja en blanco, se usa la de Folio."),
    )
    indicador_fuente = forms.CharField(
        label=_("Fuente de los datos"), max_length=300, required=False
    )
    indicador_frecuencia = forms.ChoiceField(
        label=_("Frecuencia de medición"), choices=Indicador.Frecuencia.choices
    )
    indicador_unidad = forms.CharField(label=_("Unidad"), max_length=40, required=False)
    indicador_linea_base = forms.DecimalField(
        label=_("Línea base"),
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Solo para indicadores que registra el responsable."),
    )
    indicador_meta = forms.DecimalField(
        label=_("Meta del indicador"), max_digits=12, decimal_places=2, required=False
    )
    indicador_mayor_es_mejor = forms.BooleanField(
        label=_("Un valor mayor es mejor"),
        required=False,
        initial=True,
        help_text=_("En los indicadores que calcula Folio el sentido lo fija el cálculo."),
    )


class SeguimientoForm(forms.Form):
    fecha = forms.DateField(label=_("Fecha del corte"), widget=AdminDateInput, required=False)
    avance = forms.IntegerField(label=_("Avance (%)"), required=False)
    descripcion = forms.CharField(
        label=_("Qué se hizo"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    valor = forms.DecimalField(
        label=_("Valor del indicador"), max_digits=12, decimal_places=2, required=False
    )
    evidencia = forms.FileField(
        label=_("Evidencia (PDF o imagen)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/png,image/jpeg,image/tiff"}
        ),
    )

    def __init__(self, *args, manual: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not manual:
            del self.fields["valor"]


class CerrarForm(forms.Form):
    lecciones = forms.CharField(
        label=_("Lecciones aprendidas"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    motivo = forms.CharField(
        label=_("Si quedan acciones sin concluir: por qué se cierra así"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
