from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BitacoraInmutable(Exception):
    pass


class EntradaBitacora(models.Model):
    """One append-only, hash-chained entry of the audit log."""

    class Accion(models.TextChoices):
        RECEPCION = "recepcion", _("Recepción")
        TURNO = "turno", _("Turno")
        COPIA = "copia", _("Turno con copia")
        ASIGNACION = "asignacion", _("Asignación")
        CAMBIO_ESTADO = "cambio_estado", _("Cambio de estado")
        RESPUESTA = "respuesta", _("Respuesta")
        EDICION = "edicion", _("Edición de datos")
        CONSULTA_ARCHIVO = "consulta_archivo", _("Consulta de archivo")
        CONSULTA_PUBLICA = "consulta_publica", _("Consulta pública del estado")
        OCR = "ocr", _("Reconocimiento de texto")
        VERSION_PUBLICA = "version_publica", _("Versión pública")
        NOTIFICACION = "notificacion", _("Notificación electrónica")
        FIRMA = "firma", _("Firma electrónica")
        SUSTITUCION = "sustitucion", _("Sustitución de escaneo")

    class Version(models.IntegerChoices):
        """How `hash` was computed (see services/bitacora.py)."""

        SHA256 = 1, _("SHA-256 sin clave (entradas anteriores a la clave)")
        HMAC = 2, _("HMAC-SHA256 con la clave de la bitácora")

    escrito = models.ForeignKey(
        "documentos.Escrito",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bitacora",
    )
    accion = models.CharField(_("acción"), max_length=20, choices=Accion.choices)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor = models.CharField(_("quién"), max_length=200)
    ip = models.GenericIPAddressField(_("desde"), null=True, blank=True)
    fecha = models.DateTimeField(_("fecha"))
    descripcion = models.TextField(_("qué"))
    antes = models.JSONField(_("antes"), default=dict, blank=True)
    despues = models.JSONField(_("después"), default=dict, blank=True)
    hash_anterior = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    version = models.PositiveSmallIntegerField(
        _("versión del hash"), choices=Version.choices, default=Version.HMAC
    )

    class Meta:
        verbose_name = _("entrada de bitácora")
        verbose_name_plural = _("bitácora")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d %H:%M} {self.get_accion_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise BitacoraInmutable("La bitácora no se modifica: solo se agregan entradas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise BitacoraInmutable("La bitácora no se borra.")


class CadenaBitacora(models.Model):
    """The head of the hash chain; its row is locked while an entry is appended."""

    ultimo_hash = models.CharField(max_length=64)
    entradas = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.entradas} · {self.ultimo_hash[:12]}"


class AnclaBitacora(models.Model):
    """The chain head of one day, signed with the institution's sello and published."""

    fecha = models.DateField(_("fecha"), unique=True)
    cabeza = models.CharField(_("cabeza de la cadena"), max_length=64)
    entradas = models.PositiveBigIntegerField(_("entradas"))
    ultima_id = models.PositiveBigIntegerField(_("última entrada"), null=True, blank=True)
    carga = models.JSONField(_("contenido firmado"))
    firma = models.BinaryField(_("firma CMS (DER)"))
    sello_serie = models.CharField(_("número de serie del sello"), max_length=100)
    sello_emisor = models.CharField(_("emisor del sello"), max_length=500)
    creada_en = models.DateTimeField(_("creada en"), auto_now_add=True)

    class Meta:
        verbose_name = _("ancla de la bitácora")
        verbose_name_plural = _("anclas de la bitácora")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d} · {self.entradas} · {self.cabeza[:12]}"
