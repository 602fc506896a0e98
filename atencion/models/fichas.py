"""Attention at the windows: sedes, servicios, ventanillas and fichas (the queue ticket the
citizen calls "turno"; `documentos.Turno` is the routing of an escrito)."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sede(models.Model):
    """An office where citizens are attended (its board is /pantalla/<slug>/)."""

    nombre = models.CharField(_("nombre"), max_length=200)
    slug = models.SlugField(_("identificador en la dirección"), unique=True)
    direccion = models.CharField(_("dirección"), max_length=300, blank=True)
    # Of every N calls at most one goes to a preferente while normales wait; 1: always first.
    preferente_cada = models.PositiveSmallIntegerField(
        _("llamar un turno preferente cada"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("1: los turnos preferentes pasan siempre primero; 3: uno de cada 3 llamados."),
    )
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("sede")
        verbose_name_plural = _("sedes")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class Servicio(models.Model):
    """What a citizen comes for; linked to the área that gives it and its trámite page."""

    sede = models.ForeignKey(
        Sede, verbose_name=_("sede"), on_delete=models.PROTECT, related_name="servicios"
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    prefijo = models.CharField(
        _("letra del turno"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{1,2}$", _("Una o dos letras mayúsculas."))],
        help_text=_("Los turnos de este servicio se numeran A001, A002…"),
    )
    area = models.ForeignKey(
        "documentos.Area",
        verbose_name=_("área"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tramite = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trámite del catálogo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minutos_estimados = models.PositiveSmallIntegerField(
        _("minutos de atención estimados"),
        default=10,
        help_text=_("Para estimar la espera mientras no hay tiempos medidos hoy."),
    )
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        verbose_name = _("servicio")
        verbose_name_plural = _("servicios")
        ordering = ["sede", "nombre"]
        constraints = [
            models.UniqueConstraint(fields=["sede", "prefijo"], name="servicio_prefijo_por_sede")
        ]

    def __str__(self):
        return self.nombre


class Ventanilla(models.Model):
    sede = models.ForeignKey(
        Sede, verbose_name=_("sede"), on_delete=models.PROTECT, related_name="ventanillas"
    )
    numero = models.PositiveSmallIntegerField(_("número"))
    servicios = models.ManyToManyField(
        Servicio, verbose_name=_("servicios que atiende"), related_name="ventanillas"
    )
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("ventanilla")
        verbose_name_plural = _("ventanillas")
        ordering = ["sede", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["sede", "numero"], name="ventanilla_numero_por_sede")
        ]

    def __str__(self):
        return _("Ventanilla %(numero)s") % {"numero": self.numero}


class SecuenciaFicha(models.Model):
    """The last ticket number given at a sede on a day (locked while it is incremented)."""

    sede = models.ForeignKey(Sede, on_delete=models.CASCADE, related_name="+")
    fecha = models.DateField()
    ultimo = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sede", "fecha"], name="secuencia_ficha_por_dia")
        ]

    def __str__(self):
        return f"{self.sede_id} {self.fecha}: {self.ultimo}"


class Ficha(models.Model):
    """A queue ticket. Every moment of its life is kept: taken, called, started, finished."""

    class Estado(models.TextChoices):
        EN_ESPERA = "espera", _("En espera")
        LLAMADA = "llamada", _("Llamado")
        EN_ATENCION = "atencion", _("En atención")
        TERMINADA = "terminada", _("Atendido")
        NO_SE_PRESENTO = "ausente", _("No se presentó")

    class Canal(models.TextChoices):
        KIOSCO = "kiosco", _("Kiosco")
        VENTANILLA = "ventanilla", _("Ventanilla")

    sede = models.ForeignKey(
        Sede, verbose_name=_("sede"), on_delete=models.PROTECT, related_name="fichas"
    )
    servicio = models.ForeignKey(
        Servicio, verbose_name=_("servicio"), on_delete=models.PROTECT, related_name="fichas"
    )
    fecha = models.DateField(_("fecha"))
    numero = models.PositiveIntegerField(_("número del día"))
    # The letter of the servicio it was taken for: the code stays the same if transferred.
    prefijo = models.CharField(_("letra"), max_length=2)
    preferente = models.BooleanField(_("atención preferente"), default=False)
    canal = models.CharField(_("canal"), max_length=10, choices=Canal.choices)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.EN_ESPERA
    )
    # For the citizen's phone (follow the queue, answer the survey); it reveals no person.
    token = models.CharField(max_length=32, unique=True, editable=False)
    ventanilla = models.ForeignKey(
        Ventanilla,
        verbose_name=_("ventanilla"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fichas",
    )
    atendida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atendido por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    transferida_de = models.ForeignKey(
        Servicio,
        verbose_name=_("transferido desde"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # An escrito received at the window from this turno (through documentos' intake).
    escrito = models.ForeignKey(
        "documentos.Escrito",
        verbose_name=_("escrito recibido"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    llamadas = models.PositiveSmallIntegerField(_("veces llamado"), default=0)
    tomada_en = models.DateTimeField(_("tomado en"))
    llamada_en = models.DateTimeField(_("llamado en"), null=True, blank=True)
    iniciada_en = models.DateTimeField(_("atención iniciada en"), null=True, blank=True)
    terminada_en = models.DateTimeField(_("terminado en"), null=True, blank=True)

    class Meta:
        verbose_name = _("turno")
        verbose_name_plural = _("turnos")
        ordering = ["tomada_en", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sede", "fecha", "numero"], name="ficha_numero_por_sede_y_dia"
            )
        ]
        indexes = [models.Index(fields=["sede", "estado", "tomada_en"])]

    def __str__(self):
        return self.codigo

    @property
    def codigo(self) -> str:
        """What the ticket and the board show: the servicio's letter and the day's number."""
        return f"{self.prefijo}{self.numero:03d}"
