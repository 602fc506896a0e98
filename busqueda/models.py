"""The outbox of index updates and the database backend's denormalised search rows.

Staff and public documents live in separate tables (and full-text indexes): a public query
reads only the public ones, which hold nothing but the approved versión pública's text.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendienteIndice(models.Model):
    """An object whose search entry must be refreshed (written in the caller's transaction).

    Rows are marked done once applied (and purged after two days); a failed attempt leaves
    the row pending with its error. The row id is the version of the Elasticsearch write,
    so an older read never overwrites a newer one, in the live index or a rebuild's.
    An escrito's row refreshes both its staff and its public document.
    """

    class Tipo(models.TextChoices):
        ESCRITO = "escrito", _("Escrito")
        PAGINA = "pagina", _("Página del portal")

    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices)
    objeto_id = models.PositiveBigIntegerField(_("id"))
    creado_en = models.DateTimeField(_("creado en"), auto_now_add=True, db_index=True)
    hecho_en = models.DateTimeField(_("aplicado en"), null=True, blank=True)
    intentos = models.PositiveIntegerField(_("intentos"), default=0)
    error = models.TextField(_("último error"), blank=True)

    class Meta:
        verbose_name = _("actualización pendiente del índice")
        verbose_name_plural = _("actualizaciones pendientes del índice")
        indexes = [models.Index(fields=["hecho_en", "id"], name="busqueda_pendiente_idx")]

    def __str__(self):
        return f"{self.tipo} {self.objeto_id}"


class ClaveEscrito(models.OneToOneField):
    """The escrito as primary key. On SQLite an INTEGER PRIMARY KEY, that is the rowid
    itself, which the FTS5 rowid joins on: one b-tree lookup per match instead of two
    (a BIGINT key gets an index of its own in front of the table)."""

    def db_type(self, connection):
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)


class Documento(models.Model):
    """What staff and public rows share: the metadata that filters, sorts, groups and
    shows a hit. The analysed text lives only in the full-text index (the FTS5 table on
    SQLite, `vector` on PostgreSQL): narrow rows keep the facet scans short."""

    # No database constraint: like an Elasticsearch index, these rows are repaired by
    # reconcile rather than by cascades.
    escrito = ClaveEscrito(
        "documentos.Escrito",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    folio = models.CharField(max_length=40)
    tipo = models.CharField(max_length=30)
    canal = models.CharField(max_length=20)
    estado = models.CharField(max_length=15)
    clasificacion = models.CharField(max_length=15)
    tema_id = models.IntegerField(null=True)
    tema = models.CharField(max_length=120, blank=True)
    area_id = models.IntegerField(null=True)
    area = models.CharField(max_length=200, blank=True)
    recibido_en = models.DateTimeField(null=True)
    anio = models.SmallIntegerField(null=True)  # recibido_en's year in settings.TIME_ZONE
    vence_en = models.DateField(null=True)
    respondido_en = models.DateField(null=True)
    sentido = models.CharField(max_length=15, blank=True)
    asunto = models.TextField(blank=True)
    firma = models.CharField(max_length=40)
    vector = SearchVectorField(null=True)  # PostgreSQL only (GIN index in the migration)

    class Meta:
        abstract = True

    def __str__(self):
        return self.folio


def _indices(prefijo: str) -> list[models.Index]:
    """What ORDER BY ... LIMIT walks (sorts by date, date ranges, deep pages) and what the
    facet filters narrow by."""
    return [
        models.Index(fields=["recibido_en", "escrito"], name=f"{prefijo}_recibido"),
        models.Index(fields=["vence_en", "escrito"], name=f"{prefijo}_vence"),
        models.Index(fields=["estado", "recibido_en"], name=f"{prefijo}_estado"),
        models.Index(fields=["tipo", "recibido_en"], name=f"{prefijo}_tipo"),
    ]


class DocumentoBusqueda(Documento):
    """One escrito as staff search it: its asunto, remitente and OCR pages."""

    remitente = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = _indices("busqueda_doc")


class AccesoBusqueda(models.Model):
    """Who may see a staff document: one row per área and one per user
    (documentos.visibilidad.acceso_staff), the staff scope's indexed relation."""

    documento = models.ForeignKey(
        DocumentoBusqueda, on_delete=models.CASCADE, related_name="accesos"
    )
    area_id = models.IntegerField(null=True)
    usuario_id = models.IntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["area_id", "documento"], name="busqueda_acceso_area"),
            models.Index(fields=["usuario_id", "documento"], name="busqueda_acceso_usuario"),
        ]

    def __str__(self):
        return f"{self.documento_id}: a{self.area_id} u{self.usuario_id}"


class DocumentoPublicoBusqueda(Documento):
    """One public escrito as the public searches it: the asunto and pages of its approved
    versión pública, nothing else of its text."""

    class Meta:
        indexes = _indices("busqueda_pub")


class Pagina(models.Model):
    archivo_id = models.IntegerField()
    numero = models.IntegerField()  # within the file
    pagina_global = models.IntegerField()  # across the escrito's files (staff) or the version
    texto = models.TextField()

    class Meta:
        abstract = True
        ordering = ["documento", "pagina_global"]

    def __str__(self):
        return f"{self.documento_id} p. {self.pagina_global}"


class PaginaBusqueda(Pagina):
    """One OCR page of a DocumentoBusqueda, for snippets and page numbers."""

    documento = models.ForeignKey(
        DocumentoBusqueda, on_delete=models.CASCADE, related_name="paginas"
    )


class PaginaPublicaBusqueda(Pagina):
    """One page of a versión pública (its testado text), for public snippets."""

    documento = models.ForeignKey(
        DocumentoPublicoBusqueda, on_delete=models.CASCADE, related_name="paginas"
    )


class PaginaPortalBusqueda(models.Model):
    """A published Wagtail page as the database backend searches it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    titulo = models.CharField(max_length=255)
    texto = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    tipo = models.CharField(max_length=100)
    firma = models.CharField(max_length=40)
    terminos = models.TextField(blank=True)
    vector = SearchVectorField(null=True)

    def __str__(self):
        return self.titulo


class PalabraIndice(models.Model):
    """A word seen in one store of the database backend (folded, lower case), for typo
    tolerance and «¿Quiso decir…?» (busqueda.backends.database.vocabulario). Never pruned
    one by one: an expansion or a suggestion only finds what the reader may see anyway."""

    almacen = models.CharField(max_length=30)
    palabra = models.CharField(max_length=40)
    inicial = models.CharField(max_length=1, default="")  # never edited (prefix_length=1)
    largo = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["almacen", "palabra"], name="busqueda_palabra_unica")
        ]
        indexes = [
            models.Index(
                fields=["almacen", "inicial", "largo", "palabra"],
                name="busqueda_palabra_inicial_idx",
            )
        ]

    def __str__(self):
        return self.palabra
