"""The survey form, built from the frozen questions of a VersionCuestionario."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import services_encuestas as se
from .models import RespuestaEncuesta

SI_NO_PARCIAL = [("si", _("Sí")), ("no", _("No")), ("parcial", _("En parte"))]


def _campo(pregunta: dict) -> forms.Field:
    comun = {"label": gettext(pregunta["texto"]), "required": pregunta["obligatoria"]}
    if pregunta["tipo"] == se.TEXTO:
        return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **comun)
    if pregunta["tipo"] == se.SI_NO_PARCIAL:
        return forms.ChoiceField(choices=SI_NO_PARCIAL, widget=forms.RadioSelect, **comun)
    inicio, fin = (1, 5) if pregunta["tipo"] == se.ESCALA5 else (0, 10)
    ayuda = (
        _("1 = muy mal, 5 = muy bien")
        if pregunta["tipo"] == se.ESCALA5
        else _("0 = nada probable, 10 = muy probable")
    )
    return forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(inicio, fin + 1)],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "escala"}),
        help_text=ayuda,
        **comun,
    )


class EncuestaForm(forms.Form):
    def __init__(self, version, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        for pregunta in version.preguntas:
            self.fields[f"p_{pregunta['clave']}"] = _campo(pregunta)
        self.fields["coyotaje"] = forms.ChoiceField(
            label=gettext(se.PREGUNTA_COYOTAJE),
            choices=RespuestaEncuesta.Coyotaje.choices,
            widget=forms.RadioSelect,
            help_text=_(
                "Si responde «sí», la Contraloría recibe una denuncia anónima: no se guarda "
                "ningún dato suyo."
            ),
        )
        self.fields["detalle"] = forms.CharField(
            label=_("Si quiere, cuéntenos qué pasó (sin escribir su nombre)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def valores(self) -> dict:
        return {
            nombre.removeprefix("p_"): valor
            for nombre, valor in self.cleaned_data.items()
            if nombre.startswith("p_")
        }
