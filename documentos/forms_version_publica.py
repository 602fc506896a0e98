"""Forms of the versión pública review. They only parse input: writes go through
services.version_publica (and flujo.publicar)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Archivo, CajaTestada, VersionPublica
from .testado.tipos import Caja, Categoria

C = CajaTestada.Estado


def categorias() -> list[tuple[str, str]]:
    return [("", _("Elija qué dato es…")), *Categoria.choices]


class _DeLaVersion(forms.Form):
    """A form about one version: its files are the only ones that may be named."""

    def __init__(self, *args, version: VersionPublica, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        if "archivo" in self.fields:
            self.fields["archivo"].queryset = Archivo.objects.filter(escrito=version.escrito_id)


class DecidirForm(_DeLaVersion):
    """Accept or reject one box, or accept every suggestion of a page or of the escrito."""

    ALCANCES = (
        ("cajas", _("las cajas elegidas")),
        ("pagina", _("la página")),
        ("escrito", _("el escrito")),
    )

    decision = forms.ChoiceField(choices=(("aceptar", _("Aceptar")), ("rechazar", _("Rechazar"))))
    alcance = forms.ChoiceField(choices=ALCANCES, required=False)
    cajas = forms.ModelMultipleChoiceField(queryset=CajaTestada.objects.none(), required=False)
    archivo = forms.ModelChoiceField(queryset=Archivo.objects.none(), required=False)
    pagina = forms.IntegerField(min_value=1, required=False)

    def __init__(self, *args, version: VersionPublica, **kwargs):
        super().__init__(*args, version=version, **kwargs)
        self.fields["cajas"].queryset = version.cajas.all()

    def clean(self):
        datos = super().clean()
        alcance = datos.get("alcance") or "cajas"
        if alcance == "cajas":
            if not datos.get("cajas"):
                raise ValidationError(_("Elija la caja que acepta o rechaza."))
            datos["ids"] = [c.pk for c in datos["cajas"]]
            return datos
        sugeridas = self.version.cajas.filter(estado=C.SUGERIDA)
        if alcance == "pagina":
            if datos.get("archivo") is None or datos.get("pagina") is None:
                raise ValidationError(_("Indique la página."))
            sugeridas = sugeridas.filter(archivo=datos["archivo"], pagina=datos["pagina"])
        datos["ids"] = list(sugeridas.values_list("pk", flat=True))
        return datos


class PaginaForm(_DeLaVersion):
    """A page of one of the escrito's files (cover it whole)."""

    archivo = forms.ModelChoiceField(queryset=Archivo.objects.none())
    pagina = forms.IntegerField(min_value=1)


class DibujarForm(PaginaForm):
    """A box a person drew, in the page's pixels as the OCR read it."""

    x = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    y = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    ancho = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    alto = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    categoria = forms.ChoiceField(
        label=_("¿Qué dato cubre la caja?"),
        choices=categorias,
        error_messages={"required": _("Elija qué tipo de dato cubre la caja.")},
    )

    def caja(self) -> Caja:
        d = self.cleaned_data
        return Caja(d["x"], d["y"], d["ancho"], d["alto"])


class TerminoForm(forms.Form):
    termino = forms.CharField(
        label=_("Palabra o frase"),
        max_length=200,
        error_messages={"required": _("Escriba la palabra o frase que debe testarse.")},
        help_text=_(
            "Se busca en el texto leído de todas las páginas, sin distinguir acentos ni "
            "mayúsculas; cada aparición queda testada."
        ),
    )
    categoria = forms.ChoiceField(
        label=_("¿Qué dato es?"),
        choices=categorias,
        error_messages={"required": _("Elija qué tipo de dato es.")},
    )


class AsuntoForm(forms.Form):
    asunto = forms.CharField(
        label=_("Asunto público"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("El asunto público no puede quedar vacío.")},
        help_text=_("Es lo que el archivo público muestra como asunto del escrito."),
    )
