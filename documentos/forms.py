"""Forms of the Oficialía screens. They only parse input: writes go through services."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from . import selectors
from .models import Area, Escrito, Respuesta, Tema
from .services.recepcion import DatosRecepcion

TIPOS_ACEPTADOS = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
AYUDA_ARCHIVOS = _(
    "PDF, PNG, JPEG o TIFF: hasta %(mb)s MB por archivo, %(total)s MB en total por envío y "
    "%(paginas)s páginas por archivo. Puede elegir o arrastrar varios. De los PDF se quita el "
    "contenido activo (JavaScript, archivos incrustados)."
)
AYUDA_ARCHIVOS_PUBLICO = _(
    "Opcional. PDF, PNG, JPEG o TIFF: hasta %(n)s archivos de %(mb)s MB cada uno, %(total)s MB "
    "en total y %(paginas)s páginas por archivo. Si un PDF trae contenido activo (JavaScript, "
    "archivos incrustados), se quita y se le avisa."
)


def limites_de_archivos() -> dict:
    return {
        "mb": settings.FOLIO_MAX_ARCHIVO_MB,
        "total": settings.FOLIO_MAX_ENVIO_MB,
        "paginas": settings.FOLIO_MAX_PAGINAS,
    }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ArchivosField(forms.Field):
    """Several uploads, passed untouched to the service (which checks their content)."""

    widget = MultipleFileInput

    def __init__(self, *, max_archivos: int = 20, **kwargs):
        self.max_archivos = max_archivos
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [archivo for archivo in value if archivo]

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_archivos:
            raise ValidationError(
                _("Puede adjuntar hasta %(max)s archivos por escrito."),
                params={"max": self.max_archivos},
            )

    def bound_data(self, data, initial):
        return initial  # a file input never keeps its value


def _temas():
    return Tema.objects.filter(activo=True)


def _areas():
    return Area.objects.filter(activa=True)


class PersonaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


# ---------------------------------------------------------------------------------------
# Intake at the window


class RecepcionForm(forms.Form):
    """Built for a clerk at a busy window: DOM order is tab order, Enter submits."""

    remitente_nombre = forms.CharField(
        label=_("Nombre del remitente"),
        max_length=300,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    remitente_tipo = forms.ChoiceField(
        label=_("Tipo de remitente"),
        choices=Escrito.TipoPersona.choices,
        initial=Escrito.TipoPersona.FISICA,
    )
    remitente_contacto = forms.CharField(
        label=_("Contacto"),
        max_length=300,
        required=False,
        help_text=_("Correo o teléfono (opcional)."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    remitente_sexo = forms.ChoiceField(
        label=_("Sexo (solo estadística)"),
        choices=Escrito.Sexo.choices,
        initial=Escrito.Sexo.NO_DECLARA,
    )
    asunto = forms.CharField(
        label=_("Asunto"),
        max_length=2000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    tipo = forms.ChoiceField(
        label=_("Tipo de escrito"), choices=Escrito.Tipo.choices, initial=Escrito.Tipo.PETICION
    )
    tema = forms.ModelChoiceField(
        label=_("Tema"), queryset=Tema.objects.none(), required=False, empty_label=_("Sin tema")
    )
    archivos = ArchivosField(
        label=_("Escaneos y anexos"),
        max_archivos=50,
        widget=MultipleFileInput(attrs={"accept": TIPOS_ACEPTADOS, "data-folio-archivos": ""}),
    )
    fojas = forms.IntegerField(
        label=_("Número de fojas"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("Vacío: las páginas de los archivos."),
    )
    anexos = forms.IntegerField(label=_("Número de anexos"), min_value=0, initial=0)
    canal = forms.ChoiceField(
        label=_("Canal"), choices=Escrito.Canal.choices, initial=Escrito.Canal.VENTANILLA
    )
    clasificacion = forms.ChoiceField(
        label=_("Clasificación"),
        choices=Escrito.Clasificacion.choices,
        initial=Escrito.Clasificacion.PUBLICA,
    )
    confirmar_duplicado = forms.BooleanField(
        label=_("Sí, registrar de todos modos como un escrito nuevo"),
        required=False,
    )

    def __init__(self, *args, duplicado=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].queryset = _temas()
        self.fields["archivos"].help_text = AYUDA_ARCHIVOS % limites_de_archivos()
        self.duplicado = duplicado
        if duplicado is None:
            self.fields["confirmar_duplicado"].widget = forms.HiddenInput()

    def datos(self) -> DatosRecepcion:
        d = self.cleaned_data
        return DatosRecepcion(
            tipo=d["tipo"],
            canal=d["canal"],
            remitente_tipo=d["remitente_tipo"],
            remitente_nombre=d["remitente_nombre"],
            remitente_contacto=d["remitente_contacto"],
            remitente_sexo=d["remitente_sexo"],
            asunto=d["asunto"],
            tema=d["tema"],
            fojas=d["fojas"],
            anexos=d["anexos"] or 0,
            clasificacion=d["clasificacion"],
            archivos=d["archivos"],
        )


# ---------------------------------------------------------------------------------------
# Citizen online form


class EnvioPublicoForm(forms.Form):
    tipo = forms.ChoiceField(
        label=_("¿Qué desea presentar?"),
        choices=[c for c in Escrito.Tipo.choices if c[0] != Escrito.Tipo.OFICIO],
        initial=Escrito.Tipo.PETICION,
    )
    remitente_tipo = forms.ChoiceField(
        label=_("Presenta el escrito como"),
        choices=Escrito.TipoPersona.choices,
        initial=Escrito.TipoPersona.FISICA,
        widget=forms.RadioSelect,
    )
    remitente_nombre = forms.CharField(
        label=_("Nombre completo o razón social"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    remitente_contacto = forms.CharField(
        label=_("Correo electrónico o teléfono"),
        max_length=300,
        required=False,
        help_text=_(
            "Opcional. Solo se usa para comunicarle el avance y la respuesta: si es un correo, "
            "le avisaremos al recibir su escrito, al turnarlo y cuando tenga respuesta."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    remitente_sexo = forms.ChoiceField(
        label=_("Sexo"),
        choices=Escrito.Sexo.choices,
        initial=Escrito.Sexo.NO_DECLARA,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Opcional. Solo se usa para estadísticas; nunca se publica."),
    )
    asunto = forms.CharField(
        label=_("Asunto"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describa brevemente lo que solicita (máximo 2000 caracteres)."),
    )
    tema = forms.ModelChoiceField(
        label=_("Tema"),
        queryset=Tema.objects.none(),
        required=False,
        empty_label=_("No sé / otro"),
    )
    archivos = ArchivosField(
        label=_("Documentos adjuntos"),
        max_archivos=10,
        widget=MultipleFileInput(attrs={"accept": TIPOS_ACEPTADOS, "data-folio-archivos": ""}),
    )
    confirmar_duplicado = forms.BooleanField(
        label=_("Es un escrito distinto: enviarlo de todos modos"), required=False
    )
    # Left empty by people; bots fill every field.
    sitio_web = forms.CharField(
        label=_("No llene este campo"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, duplicado=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].queryset = _temas()
        self.duplicado = duplicado
        if duplicado is None:
            self.fields["confirmar_duplicado"].widget = forms.HiddenInput()
        self.fields["archivos"].help_text = AYUDA_ARCHIVOS_PUBLICO % {
            "n": self.fields["archivos"].max_archivos,
            **limites_de_archivos(),
        }

    @property
    def es_robot(self) -> bool:
        return bool(self.cleaned_data.get("sitio_web"))

    def datos(self) -> DatosRecepcion:
        d = self.cleaned_data
        return DatosRecepcion(
            tipo=d["tipo"],
            canal=Escrito.Canal.EN_LINEA,
            remitente_tipo=d["remitente_tipo"],
            remitente_nombre=d["remitente_nombre"],
            remitente_contacto=d["remitente_contacto"],
            remitente_sexo=d["remitente_sexo"] or Escrito.Sexo.NO_DECLARA,
            asunto=d["asunto"],
            tema=d["tema"],
            archivos=d["archivos"],
        )


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
# Actions on an escrito


class TurnarForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Turnar a"), queryset=Area.objects.none(), empty_label=_("Elija el área")
    )
    a_usuario = PersonaChoiceField(
        label=_("A la persona (opcional)"),
        queryset=selectors.personal_con_area().none(),
        required=False,
        empty_label=_("Al área en general"),
        help_text=_("Debe pertenecer al área elegida."),
    )
    instruccion = forms.CharField(
        label=_("Instrucción"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    plazo = forms.DateField(
        label=_("Plazo"),
        required=False,
        widget=AdminDateInput,
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
        self.fields["a_usuario"].queryset = selectors.personal_con_area()


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
