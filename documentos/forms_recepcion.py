"""The two intake forms (the clerk's window and the citizen's online form) and what they
share: the file drop, the duplicate warning and the one-time form token."""

import re
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import portal
from .models import Area, Escrito, Tema
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
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def limites_de_archivos() -> dict:
    return {
        "mb": settings.FOLIO_MAX_ARCHIVO_MB,
        "total": settings.FOLIO_MAX_ENVIO_MB,
        "paginas": settings.FOLIO_MAX_PAGINAS,
    }


def nuevo_token() -> str:
    return secrets.token_urlsafe(24)


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


def campo_archivos(etiqueta, max_archivos: int) -> ArchivosField:
    return ArchivosField(
        label=etiqueta,
        max_archivos=max_archivos,
        widget=MultipleFileInput(attrs={"accept": TIPOS_ACEPTADOS, "data-folio-archivos": ""}),
    )


class FormularioRecepcion(forms.Form):
    """What both intake forms share. A form shown once carries a one-time `token_envio`: a
    second submit of it (double click, back button) gives the first escrito, not a new
    folio. A likely duplicate (same remitente and asunto or file minutes ago) is a warning
    shown once: the form comes back with `confirmar_duplicado` set, so sending it again
    registers the escrito. The online form treats doubtful scans (documentos.calidad) the
    same way, with `confirmar_calidad`."""

    tema = forms.ModelChoiceField(
        label=_("Tema"), queryset=Tema.objects.none(), required=False, empty_label=_("Sin tema")
    )
    confirmar_duplicado = forms.BooleanField(required=False, widget=forms.HiddenInput)
    token_envio = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    canal_por_defecto = Escrito.Canal.VENTANILLA
    ayuda_archivos = AYUDA_ARCHIVOS

    def __init__(self, *args, duplicado=None, avisos_calidad=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].queryset = Tema.objects.filter(activo=True)
        self.fields["archivos"].help_text = self.ayuda_archivos % {
            "n": self.fields["archivos"].max_archivos,
            **limites_de_archivos(),
        }
        self.duplicado = duplicado
        self.avisos_calidad = list(avisos_calidad)
        if not self.is_bound:
            self.initial.setdefault("token_envio", nuevo_token())

    @classmethod
    def con_aviso_de_duplicado(cls, data, files, duplicado: Escrito, **kwargs):
        """The same form again, with the warning, ready to be sent as it is."""
        datos = data.copy()
        datos["confirmar_duplicado"] = "1"
        form = cls(datos, files, duplicado=duplicado, **kwargs)
        form.is_valid()
        return form

    @classmethod
    def con_aviso_de_calidad(cls, data, files, avisos: list[str], **kwargs):
        """The same form again with the quality warnings, ready to be sent as it is."""
        datos = data.copy()
        datos["confirmar_calidad"] = "1"
        form = cls(datos, files, avisos_calidad=avisos, **kwargs)
        form.is_valid()
        return form

    def clean_token_envio(self):
        token = self.cleaned_data.get("token_envio") or ""
        # A malformed token is ignored: the escrito is received, just not idempotently.
        return token if TOKEN.match(token) else None

    def datos(self, **extra) -> DatosRecepcion:
        d = self.cleaned_data
        return DatosRecepcion(
            tipo=d["tipo"],
            canal=d.get("canal") or self.canal_por_defecto,
            remitente_tipo=d["remitente_tipo"],
            remitente_nombre=d["remitente_nombre"],
            remitente_contacto=d["remitente_contacto"],
            remitente_sexo=d["remitente_sexo"] or Escrito.Sexo.NO_DECLARA,
            asunto=d["asunto"],
            tema=d["tema"],
            archivos=d["archivos"],
            token_envio=d["token_envio"],
            **extra,
        )


# ---------------------------------------------------------------------------------------
# Intake at the window


class RecepcionForm(FormularioRecepcion):
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
    archivos = campo_archivos(_("Escaneos y anexos"), 50)
    fojas = forms.IntegerField(
        label=_("Número de fojas"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("Vacío: las páginas de los archivos."),
    )
    anexos = forms.IntegerField(
        label=_("Número de anexos"),
        min_value=0,
        max_value=10_000,
        required=False,
        help_text=_("Vacío: los archivos después del primero."),
    )
    canal = forms.ChoiceField(
        label=_("Canal"), choices=Escrito.Canal.choices, initial=Escrito.Canal.VENTANILLA
    )
    clasificacion = forms.ChoiceField(
        label=_("Clasificación"),
        choices=Escrito.Clasificacion.choices,
        initial=Escrito.Clasificacion.PUBLICA,
    )

    def datos(self, **extra) -> DatosRecepcion:
        d = self.cleaned_data
        return super().datos(
            fojas=d["fojas"], anexos=d["anexos"], clasificacion=d["clasificacion"], **extra
        )


# ---------------------------------------------------------------------------------------
# Citizen online form


class EnvioPublicoForm(FormularioRecepcion):
    """The online form. Opened from a trámite (?tramite=&tema=&area=), it names the
    trámite and its área and chooses its tema; unknown or inactive values are ignored."""

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
    archivos = campo_archivos(_("Documentos adjuntos"), 10)
    # Ids from the trámite's link; checked again on every use (a bad value is ignored).
    tramite = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    area = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    # Set once the sender has seen the quality check of the files (in the browser, or on a
    # form sent back with its warnings): the server then does not stop the sending again.
    confirmar_calidad = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # Left empty by people; bots fill every field.
    sitio_web = forms.CharField(
        label=_("No llene este campo"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    canal_por_defecto = Escrito.Canal.EN_LINEA
    ayuda_archivos = AYUDA_ARCHIVOS_PUBLICO

    @classmethod
    def desde_consulta(cls, parametros):
        """The empty form, prefilled from a trámite page's link (?tramite=&tema=&area=)."""
        inicial = {}
        if tramite := portal.tramite(parametros.get("tramite")):
            inicial = {"tramite": tramite.id, "tema": tramite.tema_id, "area": tramite.area_id}
        else:
            if tema := _activo(Tema.objects.filter(activo=True), parametros.get("tema")):
                inicial["tema"] = tema.pk
            if area := _activo(Area.objects.filter(activa=True), parametros.get("area")):
                inicial["area"] = area.pk
        return cls(initial=inicial)

    def _valor(self, campo):
        return self.cleaned_data.get(campo) if self.is_bound else self.initial.get(campo)

    @property
    def tramite_elegido(self) -> portal.TramiteEnLinea | None:
        return portal.tramite(self._valor("tramite"))

    @property
    def area_elegida(self) -> Area | None:
        tramite = self.tramite_elegido
        pk = tramite.area_id if tramite else self._valor("area")
        return _activo(Area.objects.filter(activa=True), pk)

    @property
    def es_robot(self) -> bool:
        return bool(self.cleaned_data.get("sitio_web"))

    def datos(self, **extra) -> DatosRecepcion:
        tramite = self.tramite_elegido
        return super().datos(
            tramite=tramite.titulo if tramite else "", area_sugerida=self.area_elegida, **extra
        )


def _activo(consulta, valor):
    """The row of this id in `consulta` (a query parameter: anything else gives None)."""
    try:
        pk = int(str(valor))
    except (TypeError, ValueError):
        return None
    return consulta.filter(pk=pk).first()
