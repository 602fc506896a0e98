"""Public filter forms of the portal (GET, no side effects)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documentos.models import Area, Tema

from .models.tramites import TramitePage


class FiltroTramitesForm(forms.Form):
    q = forms.CharField(label=_("Buscar por palabras"), required=False, max_length=120)
    area = forms.ModelChoiceField(
        label=_("Área responsable"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("Todas las áreas"),
    )
    modalidad = forms.ChoiceField(label=_("Modalidad"), required=False)
    tema = forms.ModelChoiceField(
        label=_("Tema"),
        queryset=Tema.objects.none(),
        required=False,
        empty_label=_("Todos los temas"),
    )

    def __init__(self, *args, tramites=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the áreas and temas that have live trámites in this catalog.
        tramites = tramites if tramites is not None else TramitePage.objects.live()
        self.fields["area"].queryset = Area.objects.filter(
            pk__in=tramites.values("area_responsable")
        ).order_by("nombre")
        self.fields["tema"].queryset = Tema.objects.filter(pk__in=tramites.values("tema")).order_by(
            "nombre"
        )
        self.fields["modalidad"].choices = [
            ("", _("Todas las modalidades")),
            *TramitePage.Modalidad.choices,
        ]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
