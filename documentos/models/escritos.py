from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .notificaciones import validar_contacto


class Escrito(models.Model):
    """A writing received by the Oficialía de Partes, identified by its folio."""

    class Tipo(models.TextChoices):
        PETICION = "peticion", _("Petición")
        QUEJA = "queja", _("Queja")
        RECLAMO = "reclamo", _("Reclamo")
        SUGERENCIA = "sugerencia", _("Sugerencia")
        DENUNCIA = "denuncia", _("Denuncia")
        SOLICITUD_INFORMACION = "solicitud_informacion", _("Solicitud de información")
        OFICIO = "oficio", _("Oficio")
        OTRO = "otro", _("Otro")

    class Canal(models.TextChoices):
        VENTANILLA = "ventanilla", _("Ventanilla")
        EN_LINEA = "en_linea", _("En línea")
        CORREO = "correo", _("Correo electrónico")
        PAQUETERIA = "paqueteria", _("Paquetería")

    class TipoPersona(models.TextChoices):
        FISICA = "fisica", _("Persona física")
        MORAL = "moral", _("Persona moral")

    class Sexo(models.TextChoices):
        MUJER = "mujer", _("Mujer")
        HOMBRE = "hombre", _("Hombre")
        OTRO = "otro", _("Otro")
        NO_DECLARA = "no_declara", _("No declara")

    class Clasificacion(models.TextChoices):
        PUBLICA = "publica", _("Pública")
        RESERVADA = "reservada", _("Reservada")
        CONFIDENCIAL = "confidencial", _("Confidencial")

    class Estado(models.TextChoices):
        RECIBIDO = "recibido", _("Recibido")
        TURNADO = "turnado", _("Turnado")
        EN_ATENCION = "en_atencion", _("En atención")
        RESPONDIDO = "respondido", _("Respondido")
        CONCLUIDO = "concluido", _("Concluido")
        ARCHIVADO = "archivado", _("Archivado")
        CANCELADO = "cancelado", _("Cancelado")

    folio = models.CharField(_("folio"), max_length=40, unique=True, editable=False)
    anio = models.PositiveSmallIntegerField(_("año"), editable=False)
    consecutivo = models.PositiveIntegerField(_("consecutivo"), editable=False)
    tipo = models.CharField(_("tipo"), max_length=30, choices=Tipo.choices)
    canal = models.CharField(_("canal"), max_length=20, choices=Canal.choices)
    remitente_tipo = models.CharField(
        _("tipo de remitente"), max_length=10, choices=TipoPersona.choices
    )
    remitente_nombre = models.CharField(_("nombre del remitente"), max_length=300)
    remitente_contacto = models.CharField(
        _("contacto del remitente"),
        max_length=300,
        blank=True,
        help_text=_("Correo o teléfono."),
        validators=[validar_contacto],
    )
    remitente_sexo = models.CharField(
        _("sexo"),
        max_length=12,
        choices=Sexo.choices,
        default=Sexo.NO_DECLARA,
        help_text=_("Solo para estadísticas agregadas."),
    )
    asunto = models.TextField(_("asunto"), max_length=2000)
    tema = models.ForeignKey(
        "documentos.Tema",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escritos",
    )
    recibido_en = models.DateTimeField(_("fecha y hora de recepción"), db_index=True)
    fojas = models.PositiveIntegerField(_("número de fojas"), default=1)
    anexos = models.PositiveIntegerField(_("número de anexos"), default=0)
    clasificacion = models.CharField(
        _("clasificación"),
        max_length=15,
        choices=Clasificacion.choices,
        default=Clasificacion.PUBLICA,
    )
    publicado = models.BooleanField(
        _("publicado en el archivo público"),
        default=False,
        help_text=_("Solo los escritos públicos pueden publicarse."),
    )
    estado = models.CharField(
        _("estado"), max_length=15, choices=Estado.choices, default=Estado.RECIBIDO, db_index=True
    )
    area_responsable = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área responsable"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escritos",
    )
    vence_en = models.DateField(_("fecha límite de respuesta"), null=True, blank=True)
    codigo_acceso = models.CharField(_("código de acceso"), max_length=20, editable=False)
    recibido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recibido por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tramite = models.CharField(
        _("trámite"),
        max_length=300,
        blank=True,
        help_text=_("El trámite del catálogo desde el que se presentó en línea, si lo hay."),
    )
    area_sugerida = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área del trámite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("El área responsable del trámite elegido; la Oficialía decide el turno."),
    )
    # One per form shown: a second submit of the same form gives back the first escrito.
    token_envio = models.CharField(
        _("token del formulario"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    creado_en = models.DateTimeField(auto_now_add=True)
    actualizado_en = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("escrito")
        verbose_name_plural = _("escritos")
        ordering = ["-recibido_en"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(publicado=True) | models.Q(clasificacion="publica"),
                name="solo_publicos_publicados",
            ),
        ]
        indexes = [models.Index(fields=["area_responsable", "estado"])]

    def __str__(self):
        return self.folio


class SecuenciaFolio(models.Model):
    """The last folio number given for a prefix and year (locked while it is incremented)."""

    prefijo = models.CharField(max_length=20)
    anio = models.PositiveSmallIntegerField()
    ultimo = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefijo", "anio"], name="secuencia_por_prefijo_anio")
        ]

    def __str__(self):
        return f"{self.prefijo}-{self.anio}: {self.ultimo}"


class Legibilidad(models.TextChoices):
    """How readable the OCR found a file (its worst page)."""

    LEGIBLE = "legible", _("Legible")
    DUDOSA = "dudosa", _("Lectura dudosa")
    ILEGIBLE = "ilegible", _("Ilegible")

    @classmethod
    def senaladas(cls) -> tuple[str, ...]:
        """The verdicts staff are warned about."""
        return (cls.DUDOSA, cls.ILEGIBLE)


class Archivo(models.Model):
    """A stored file of an escrito (scan, attachment or signed answer); never modified."""

    class Tipo(models.TextChoices):
        ESCANEO = "escaneo", _("Escaneo del escrito")
        ANEXO = "anexo", _("Anexo")
        RESPUESTA = "respuesta", _("Respuesta")
        # A signed copy of the answer (documentos/firma/): same content, one signature more.
        FIRMADO = "firmado", _("Respuesta firmada electrónicamente")

    escrito = models.ForeignKey(
        Escrito, verbose_name=_("escrito"), on_delete=models.PROTECT, related_name="archivos"
    )
    archivo = models.ForeignKey(
        "filer.File", verbose_name=_("archivo"), on_delete=models.PROTECT, related_name="+"
    )
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices, default=Tipo.ESCANEO)
    nombre_original = models.CharField(_("nombre original"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    tamano = models.PositiveBigIntegerField(_("tamaño (bytes)"))
    mime = models.CharField(_("tipo MIME"), max_length=100)
    paginas = models.PositiveIntegerField(_("páginas"), default=1)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    subido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subido por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subido_en = models.DateTimeField(_("subido en"), auto_now_add=True)
    # A new scan that replaces this one (staff's "Sustituir escaneo"); the old file stays.
    reemplaza = models.ForeignKey(
        "self",
        verbose_name=_("reemplaza a"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reemplazos",
    )
    # The OCR's verdict on the file (its worst page), as the OCR announced it: documentos
    # never imports ocr, so the bandeja reads it here. Blank: not read (yet).
    legibilidad = models.CharField(
        _("legibilidad"), max_length=10, choices=Legibilidad.choices, blank=True, db_index=True
    )

    class Meta:
        verbose_name = _("archivo")
        verbose_name_plural = _("archivos")
        ordering = ["escrito", "orden", "pk"]

    def __str__(self):
        return self.nombre_original

    @contextmanager
    def abrir(self):
        """The stored bytes, opened for reading."""
        handle = self.archivo.file.storage.open(self.archivo.file.name, "rb")
        try:
            yield handle
        finally:
            handle.close()
