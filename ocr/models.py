"""OCR results: one per stored file, with its pages (text, confidence, word boxes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Legibilidad(models.TextChoices):
    """The pipeline's verdict on a page (ocr/pipeline/legibilidad.py); a file's is its worst
    page's. An ilegible page never counts as read."""

    LEGIBLE = "legible", _("Legible")
    DUDOSA = "dudosa", _("Lectura dudosa")
    ILEGIBLE = "ilegible", _("Ilegible")


class ResultadoOCR(models.Model):
    """The text read from one stored file; replaced whole when OCR runs again."""

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        EN_PROCESO = "en_proceso", _("En proceso")
        TERMINADO = "terminado", _("Terminado")
        FALLO = "fallo", _("Falló")

    archivo = models.OneToOneField(
        "documentos.Archivo",
        verbose_name=_("archivo"),
        on_delete=models.CASCADE,
        related_name="ocr",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE, db_index=True
    )
    motivo = models.TextField(_("motivo del fallo"), blank=True)
    motor = models.CharField(_("motor"), max_length=100, blank=True)
    ajustes = models.JSONField(_("ajustes"), default=dict, blank=True)
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    paginas_total = models.PositiveIntegerField(_("páginas"), default=0)
    paginas_hechas = models.PositiveIntegerField(_("páginas terminadas"), default=0)
    confianza = models.FloatField(_("confianza media"), null=True, blank=True)
    segundos = models.FloatField(_("duración (s)"), null=True, blank=True)
    # {"pasos": {step: s}, "paginas": [{"numero": n, step: s, ...}, ...]}: where the time went.
    tiempos = models.JSONField(_("tiempos por paso (s)"), default=dict, blank=True)
    legibilidad = models.CharField(
        _("legibilidad"), max_length=10, choices=Legibilidad.choices, blank=True, db_index=True
    )
    iniciado_en = models.DateTimeField(_("iniciado en"), null=True, blank=True)
    terminado_en = models.DateTimeField(_("terminado en"), null=True, blank=True)
    actualizado_en = models.DateTimeField(auto_now=True)
    # The run that holds the result; a run whose token was replaced discards its work.
    ejecucion = models.UUIDField(_("ejecución"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("resultado de OCR")
        verbose_name_plural = _("resultados de OCR")

    def __str__(self):
        return f"OCR {self.archivo_id}: {self.estado}"


class PaginaOCR(models.Model):
    """One page of a result. `palabras` holds [texto, confianza, x, y, ancho, alto] per word,
    in the original page's pixel coordinates."""

    class Origen(models.TextChoices):
        OCR = "ocr", _("OCR")
        TEXTO_PDF = "texto_pdf", _("Texto del PDF")

    resultado = models.ForeignKey(
        ResultadoOCR, verbose_name=_("resultado"), on_delete=models.CASCADE, related_name="paginas"
    )
    numero = models.PositiveIntegerField(_("página"))
    texto = models.TextField(_("texto"), blank=True)
    confianza = models.FloatField(_("confianza media"), null=True, blank=True)
    palabras = models.JSONField(_("palabras"), default=list, blank=True)
    origen = models.CharField(
        _("origen"), max_length=10, choices=Origen.choices, default=Origen.OCR
    )
    ancho = models.PositiveIntegerField(_("ancho (px)"), default=0)
    alto = models.PositiveIntegerField(_("alto (px)"), default=0)
    legibilidad = models.CharField(
        _("legibilidad"), max_length=10, choices=Legibilidad.choices, blank=True
    )
    # The figures behind the verdict: confidence, share of dictionary words, coverage.
    calidad = models.JSONField(_("calidad"), default=dict, blank=True)

    class Meta:
        verbose_name = _("página de OCR")
        verbose_name_plural = _("páginas de OCR")
        ordering = ["resultado", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["resultado", "numero"], name="ocr_pagina_unica")
        ]

    def __str__(self):
        return f"{self.resultado_id} p. {self.numero}"
