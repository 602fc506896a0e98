"""Forms of the actions on one escrito (turnar, asignar, responder, concluir…). They only
parse input: writes go through services.flujo."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from . import selectors
from .forms import TIPOS_ACEPTADOS, PersonaChoiceField, _areas
from .models import Area, Escrito, Respuesta


class FechaInput(forms.DateInput):
    """The browser's own date picker; no day before today."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("min", timezone.localdate().isoformat())
        return context


class PersonaPorAreaSelect(forms.Select):
    """Each person carries the áreas they belong to (data-areas), so turnar.js shows only
    the people of the chosen área."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        opcion = super().create_option(name, value, label, selected, index, subindex, attrs)
        persona = getattr(value, "instance", None)
        if persona is not None:
            areas = " ".join(str(a.pk) for a in persona.areas.all() if a.activa)
            opcion["attrs"]["data-areas"] = areas
        return opcion


class TurnarForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Turnar a"),
        queryset=Area.objects.none(),
        empty_label=_("Elija el área"),
        widget=forms.Select(attrs={"data-turnar-area": ""}),
    )
    a_usuario = PersonaChoiceField(
        label=_("A la persona (opcional)"),
        queryset=selectors.personal_con_area().none(),
        required=False,
        empty_label=_("Al área en general"),
        help_text=_("Solo se muestran las personas del área elegida."),
        widget=PersonaPorAreaSelect(attrs={"data-turnar-persona": ""}),
    )
    instruccion = forms.CharField(
        label=_("Instrucción"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    plazo = forms.DateField(
        label=_("Plazo"),
        required=False,
        widget=FechaInput,
        help_text=_("Vacío: la fecha límite legal del escrito."),
    )
    copias = forms.ModelMultipleChoiceField(
        label=_("Con copia para conocimiento a"),
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas()
        self.fields["copias"].queryset = _areas()
        self.fields["a_usuario"].queryset = selectors.personal_con_area().prefetch_related("areas")

    def clean_plazo(self):
        plazo = self.cleaned_data["plazo"]
        if plazo is not None and plazo < timezone.localdate():
            raise forms.ValidationError(_("El plazo no puede ser una fecha pasada."))
        return plazo

    def clean(self):
        datos = super().clean()
        area, persona = datos.get("area"), datos.get("a_usuario")
        if area is not None and persona is not None and area not in persona.areas.all():
            self.add_error(
                "a_usuario",
                _("%(persona)s no pertenece al área «%(area)s». Elija a alguien de esa área.")
                % {"persona": persona.get_full_name() or persona.get_username(), "area": area},
            )
        return datos


class AsignarForm(forms.Form):
    asignado_a = PersonaChoiceField(
        label=_("Asignar a"), queryset=selectors.personal_con_area().none(), empty_label=None
    )
    instruccion = forms.CharField(
        label=_("Instrucción"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, escrito: Escrito, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asignado_a"].queryset = selectors.personal_de(escrito.area_responsable)


class ResponderForm(forms.Form):
    sentido = forms.ChoiceField(label=_("Sentido"), choices=Respuesta.Sentido.choices)
    texto = forms.CharField(
        label=_("Texto de la respuesta"), widget=forms.Textarea(attrs={"rows": 5})
    )
    fecha = forms.DateField(label=_("Fecha de la respuesta"), widget=AdminDateInput)
    archivo = forms.FileField(
        label=_("Respuesta firmada"),
        required=False,
        widget=forms.FileInput(attrs={"accept": TIPOS_ACEPTADOS}),
        help_text=_("PDF o imagen del oficio firmado (opcional)."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"fecha": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean_archivo(self):
        # The service checks content (empty, type, size); Django's own checks are skipped
        # so every file gets the same Spanish messages.
        return self.files.get(self.add_prefix("archivo")) or None


class MotivoForm(forms.Form):
    motivo = forms.CharField(label=_("Motivo"), widget=forms.Textarea(attrs={"rows": 2}))


class ConcluirForm(forms.Form):
    nota = forms.CharField(
        label=_("Nota de conclusión"),
        help_text=_("Por qué queda atendido el escrito. Se guarda en la bitácora."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Escriba una nota de conclusión: queda en la bitácora.")},
    )
