"""Service quality: the evaluation model (instrument), evaluations of a bien o servicio by an
equipo evaluador, their scores with evidence, and the oportunidades de mejora they find.

The cycle follows Peru's norma técnica (RSGP 006-2019-PCM/SGP): the máxima autoridad
administrativa prioritises a servicio and designates the equipo evaluador; the team scores
it against the components of the model and writes the informe de evaluación, which the
máxima autoridad approves; the responsables de mejoras carry out the actions
(`actividades.Actividad`), and the informe de mejora with its lecciones aprendidas closes it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModeloCalidad(models.Model):
    """An evaluation instrument: components, each with criteria (data, not hard-coded law)."""

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    base_legal = models.TextField(_("base legal"), blank=True)
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        verbose_name = _("modelo de evaluación")
        verbose_name_plural = _("modelos de evaluación")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class ComponenteModelo(models.Model):
    modelo = models.ForeignKey(ModeloCalidad, on_delete=models.CASCADE, related_name="componentes")
    numero = models.PositiveSmallIntegerField(_("número"))
    nombre = models.CharField(_("componente"), max_length=200)
    descripcion = models.TextField(_("descripción"), blank=True)

    class Meta:
        verbose_name = _("componente del modelo")
        verbose_name_plural = _("componentes del modelo")
        ordering = ["modelo", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["modelo", "numero"], name="componente_numero_unico")
        ]

    def __str__(self):
        return f"{self.numero}. {self.nombre}"


class Criterio(models.Model):
    componente = models.ForeignKey(
        ComponenteModelo, on_delete=models.CASCADE, related_name="criterios"
    )
    numero = models.PositiveSmallIntegerField(_("número"))
    texto = models.CharField(_("criterio"), max_length=400)
    guia = models.TextField(_("qué evidencia buscar"), blank=True)

    class Meta:
        verbose_name = _("criterio")
        verbose_name_plural = _("criterios")
        ordering = ["componente", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["componente", "numero"], name="criterio_numero_unico")
        ]

    def __str__(self):
        return f"{self.componente.numero}.{self.numero} {self.texto}"


class Evaluacion(models.Model):
    """The evaluation of one bien o servicio (a trámite of the catalog and/or window services)."""

    class Estado(models.TextChoices):
        PRIORIZADA = "priorizada", _("Priorizada")
        EN_EVALUACION = "en_evaluacion", _("En evaluación")
        EN_REVISION = "en_revision", _("Informe en revisión")
        APROBADA = "aprobada", _("Informe aprobado")
        CERRADA = "cerrada", _("Mejora concluida")

    nombre = models.CharField(_("bien o servicio evaluado"), max_length=300)
    modelo = models.ForeignKey(
        ModeloCalidad, verbose_name=_("modelo"), on_delete=models.PROTECT, related_name="+"
    )
    # The scope of the live figures: the área, optionally a tema and window services.
    tramite = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trámite del catálogo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "documentos.Area", verbose_name=_("área"), on_delete=models.PROTECT, related_name="+"
    )
    tema = models.ForeignKey(
        "documentos.Tema",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    servicios = models.ManyToManyField(
        "atencion.Servicio", verbose_name=_("servicios en ventanilla"), blank=True, related_name="+"
    )
    periodo_desde = models.DateField(_("periodo evaluado desde"))
    periodo_hasta = models.DateField(_("periodo evaluado hasta"))
    motivo = models.TextField(_("motivo de la priorización"), blank=True)
    # The prioritisation figures as they were when the servicio was chosen.
    priorizacion = models.JSONField(_("criterios de priorización"), default=dict, blank=True)
    estado = models.CharField(
        _("estado"), max_length=20, choices=Estado.choices, default=Estado.PRIORIZADA
    )
    conclusiones = models.TextField(_("conclusiones"), blank=True)
    lecciones_aprendidas = models.TextField(_("lecciones aprendidas"), blank=True)
    creada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    creada_en = models.DateTimeField(_("creada en"), auto_now_add=True)
    enviada_en = models.DateTimeField(_("informe enviado en"), null=True, blank=True)
    aprobada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aprobada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aprobada_en = models.DateTimeField(_("aprobada en"), null=True, blank=True)
    # The approved informe de evaluación, frozen (stored and checksummed before this row).
    informe = models.FileField(
        _("informe de evaluación aprobado"), blank=True, upload_to="calidad/"
    )
    informe_sha256 = models.CharField(_("SHA-256 del informe"), max_length=64, blank=True)
    cerrada_en = models.DateTimeField(_("cerrada en"), null=True, blank=True)
    cerrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cerrada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Why the cycle was closed with acciones de mejora not concluded (empty otherwise).
    motivo_cierre = models.TextField(_("motivo del cierre con acciones pendientes"), blank=True)

    class Meta:
        verbose_name = _("evaluación de servicio")
        verbose_name_plural = _("evaluaciones de servicio")
        ordering = ["-creada_en"]

    def __str__(self):
        return self.nombre


class MiembroEquipo(models.Model):
    """A member of the equipo evaluador of one evaluation."""

    class Rol(models.TextChoices):
        RESPONSABLE = "responsable", _("Responsable del equipo")
        EVALUADOR = "evaluador", _("Evaluador")

    evaluacion = models.ForeignKey(Evaluacion, on_delete=models.CASCADE, related_name="equipo")
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persona"),
        on_delete=models.PROTECT,
        related_name="equipos_evaluadores",
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.EVALUADOR)

    class Meta:
        verbose_name = _("integrante del equipo evaluador")
        verbose_name_plural = _("equipo evaluador")
        constraints = [
            models.UniqueConstraint(fields=["evaluacion", "usuario"], name="miembro_unico")
        ]

    def __str__(self):
        return f"{self.usuario} ({self.get_rol_display()})"


class Calificacion(models.Model):
    """The score of one criterion in one evaluation (0 to 4), with notes and evidence."""

    class Nivel(models.IntegerChoices):
        NO_EXISTE = 0, _("0 · No existe")
        INICIAL = 1, _("1 · Inicial")
        EN_DESARROLLO = 2, _("2 · En desarrollo")
        IMPLEMENTADO = 3, _("3 · Implementado")
        CONSOLIDADO = 4, _("4 · Consolidado")

    evaluacion = models.ForeignKey(
        Evaluacion, on_delete=models.CASCADE, related_name="calificaciones"
    )
    criterio = models.ForeignKey(Criterio, on_delete=models.PROTECT, related_name="+")
    puntaje = models.PositiveSmallIntegerField(
        _("puntaje"),
        choices=Nivel.choices,
        validators=[MinValueValidator(0), MaxValueValidator(4)],
    )
    notas = models.TextField(_("notas"), blank=True)
    calificada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    calificada_en = models.DateTimeField(_("calificada en"), auto_now=True)

    class Meta:
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluacion", "criterio"], name="calificacion_por_criterio"
            )
        ]

    def __str__(self):
        return f"{self.criterio}: {self.puntaje}"


class Evidencia(models.Model):
    """A file supporting a score (internal: never served to the public)."""

    calificacion = models.ForeignKey(
        Calificacion, on_delete=models.CASCADE, related_name="evidencias"
    )
    archivo = models.FileField(_("archivo"), upload_to="calidad/evidencias/")
    nombre_original = models.CharField(_("nombre original"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    subida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    subida_en = models.DateTimeField(_("subida en"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")

    def __str__(self):
        return self.nombre_original


class OportunidadMejora(models.Model):
    class Prioridad(models.TextChoices):
        ALTA = "alta", _("Alta")
        MEDIA = "media", _("Media")
        BAJA = "baja", _("Baja")

    evaluacion = models.ForeignKey(
        Evaluacion, on_delete=models.CASCADE, related_name="oportunidades"
    )
    componente = models.ForeignKey(
        ComponenteModelo,
        verbose_name=_("componente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    descripcion = models.TextField(_("oportunidad de mejora"))
    causa = models.TextField(_("causa"))
    prioridad = models.CharField(
        _("prioridad"), max_length=10, choices=Prioridad.choices, default=Prioridad.MEDIA
    )
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrada_en = models.DateTimeField(_("registrada en"), auto_now_add=True)

    class Meta:
        verbose_name = _("oportunidad de mejora")
        verbose_name_plural = _("oportunidades de mejora")
        ordering = ["evaluacion", "pk"]

    def __str__(self):
        return self.descripcion[:80]
