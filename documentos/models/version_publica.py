from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..testado.tipos import Caja, Categoria


class VersionPublica(models.Model):
    """The copy of an escrito the public may see: its pages with personal data testado
    (burned into the images), their text without it, and a reviewed subject.

    Only an APROBADA version reaches public pages, search, APIs and exports
    (documentos.visibilidad); a new file, a new OCR run or an edit invalidates it."""

    class Estado(models.TextChoices):
        POR_REVISAR = "por_revisar", _("Por revisar")
        APROBADA = "aprobada", _("Aprobada")
        INVALIDADA = "invalidada", _("Invalidada")

    escrito = models.ForeignKey(
        "documentos.Escrito",
        verbose_name=_("escrito"),
        on_delete=models.PROTECT,
        related_name="versiones_publicas",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.POR_REVISAR
    )
    huella = models.CharField(_("huella de las fuentes"), max_length=64)
    asunto = models.TextField(_("asunto público"), blank=True)
    fundamento = models.TextField(_("fundamento legal"), blank=True)
    creada_en = models.DateTimeField(_("creada en"), auto_now_add=True)
    creada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aprobada_en = models.DateTimeField(_("aprobada en"), null=True, blank=True)
    aprobada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aprobada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    automatica = models.BooleanField(_("aprobada en lote"), default=False)
    pdf = models.ForeignKey(
        "filer.File",
        verbose_name=_("PDF público"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pdf_sha256 = models.CharField(_("SHA-256 del PDF público"), max_length=64, blank=True)
    # [{"archivo_id": …, "numero": …, "texto": …}] in page order: the only text made public.
    paginas = models.JSONField(_("texto público por página"), default=list, blank=True)
    segundos = models.FloatField(_("duración del testado (s)"), null=True, blank=True)
    motivo_invalidacion = models.TextField(_("motivo de la invalidación"), blank=True)

    class Meta:
        verbose_name = _("versión pública")
        verbose_name_plural = _("versiones públicas")
        ordering = ["escrito", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["escrito"],
                condition=~models.Q(estado="invalidada"),
                name="una_version_publica_vigente",
            )
        ]

    def __str__(self):
        return f"{self.escrito} · {self.get_estado_display()}"


class CajaTestada(models.Model):
    """A box of a versión pública: suggested by detection or drawn by a person."""

    class Origen(models.TextChoices):
        DETECCION = "deteccion", _("Detección automática")
        MANUAL = "manual", _("Dibujada")
        TERMINO = "termino", _("Término en todo el escrito")
        PAGINA = "pagina", _("Página completa")

    class Estado(models.TextChoices):
        SUGERIDA = "sugerida", _("Sugerida")
        ACEPTADA = "aceptada", _("Aceptada")
        RECHAZADA = "rechazada", _("Rechazada")

    version = models.ForeignKey(
        VersionPublica,
        verbose_name=_("versión pública"),
        on_delete=models.CASCADE,
        related_name="cajas",
    )
    archivo = models.ForeignKey(
        "documentos.Archivo", verbose_name=_("archivo"), on_delete=models.PROTECT, related_name="+"
    )
    pagina = models.PositiveIntegerField(_("página"))
    x = models.PositiveIntegerField()
    y = models.PositiveIntegerField()
    ancho = models.PositiveIntegerField(_("ancho"))
    alto = models.PositiveIntegerField(_("alto"))
    categoria = models.CharField(_("categoría"), max_length=20, choices=Categoria.choices)
    origen = models.CharField(_("origen"), max_length=10, choices=Origen.choices)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.SUGERIDA
    )
    # Why detection suggested it ("CURP válida"); never the value itself.
    motivo = models.CharField(_("motivo"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("caja testada")
        verbose_name_plural = _("cajas testadas")
        ordering = ["version", "archivo", "pagina", "y", "x"]

    def __str__(self):
        return f"{self.get_categoria_display()} · p. {self.pagina}"

    @property
    def caja(self) -> Caja:
        return Caja(self.x, self.y, self.ancho, self.alto)
