"""The data every step of the versión pública shares. Coordinates are pixels of the page as
the OCR loaded it (`PaginaOCR.ancho` by `alto`), origin at the top left, like its word boxes."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Categoria(models.TextChoices):
    """What a testado box hides (shown, generically, on the public copy)."""

    NOMBRE = "nombre", _("nombre de una persona")
    FIRMA = "firma", _("firma")
    DOMICILIO = "domicilio", _("domicilio")
    TELEFONO = "telefono", _("número telefónico")
    CORREO = "correo", _("correo electrónico")
    CURP = "curp", _("CURP")
    RFC = "rfc", _("RFC")
    INE = "ine", _("clave de elector")
    CEDULA = "cedula", _("número de cédula")
    NIT = "nit", _("NIT")
    RUC = "ruc", _("RUC")
    DNI = "dni", _("DNI")
    CUENTA = "cuenta", _("cuenta bancaria o CLABE")
    TARJETA = "tarjeta", _("número de tarjeta")
    FECHA_NACIMIENTO = "fecha_nacimiento", _("fecha de nacimiento")
    OTRO = "otro", _("dato personal")


# Legal grounds of testado personal data, per country (FOLIO_PAIS); an installation may set
# its own with FOLIO_FUNDAMENTO_TESTADO. Defaults, not legal advice.
FUNDAMENTOS = {
    "MX": _(
        "Artículo 115 de la Ley General de Transparencia y Acceso a la Información Pública: "
        "información confidencial (datos personales de una persona identificada o "
        "identificable)."
    ),
    "CO": _(
        "Artículo 18, literal a), de la Ley 1712 de 2014 y Ley Estatutaria 1581 de 2012: "
        "información pública clasificada (datos personales)."
    ),
    "PE": _(
        "Artículo 17, numeral 5, del TUO de la Ley 27806 y Ley 29733: información confidencial "
        "(datos personales cuya publicidad constituye una invasión de la intimidad)."
    ),
}


def fundamento() -> str:
    """The legal ground written on every box and on the legend page."""
    propio = getattr(settings, "FOLIO_FUNDAMENTO_TESTADO", "")
    return propio or str(FUNDAMENTOS.get(settings.FOLIO_PAIS, FUNDAMENTOS["MX"]))


def lectura_insegura(pagina: "PaginaLeida") -> bool:
    """Read with too little confidence (FOLIO_TESTADO_CONFIANZA_MIN) for detection to be
    trusted: a person reviews it, or a batch approval covers it whole."""
    return pagina.confianza is not None and pagina.confianza < settings.FOLIO_TESTADO_CONFIANZA_MIN


@dataclass(frozen=True)
class Caja:
    x: int
    y: int
    ancho: int
    alto: int

    def interseca(self, otra: "Caja") -> bool:
        return (
            self.x < otra.x + otra.ancho
            and otra.x < self.x + self.ancho
            and self.y < otra.y + otra.alto
            and otra.y < self.y + self.alto
        )

    def cubre_centro_de(self, otra: "Caja") -> bool:
        """Whether the centre of `otra` (e.g. a word) lies inside this box."""
        cx, cy = otra.x + otra.ancho / 2, otra.y + otra.alto / 2
        return self.x <= cx <= self.x + self.ancho and self.y <= cy <= self.y + self.alto


@dataclass(frozen=True)
class Palabra:
    """One OCR word (PaginaOCR.palabras: [texto, confianza, x, y, ancho, alto])."""

    texto: str
    confianza: float
    caja: Caja

    @classmethod
    def desde_lista(cls, valores) -> "Palabra":
        texto, confianza, x, y, ancho, alto = valores
        return cls(str(texto), float(confianza), Caja(int(x), int(y), int(ancho), int(alto)))


@dataclass(frozen=True)
class PaginaLeida:
    """A page of a stored file as the OCR read it."""

    archivo_id: int
    numero: int  # 1-based within the file
    ancho: int
    alto: int
    confianza: float | None  # mean word confidence (0-100); None: text layer of a PDF
    palabras: tuple[Palabra, ...]
    texto: str  # the page's text as the OCR wrote it (lines and paragraphs)


@dataclass(frozen=True)
class Sugerencia:
    """Personal data found on a page: the words it covers and why."""

    archivo_id: int
    numero: int
    categoria: str  # a Categoria value
    palabras: tuple[int, ...]  # indexes into PaginaLeida.palabras
    cajas: tuple[Caja, ...]  # one per line the data spans
    motivo: str  # short Spanish reason for the reviewer ("CURP válida", "después de «C.»")


@dataclass(frozen=True)
class Contexto:
    """What detection knows beyond the page."""

    remitente: str = ""  # the registered remitente's name
    servidores_publicos: tuple[str, ...] = ()  # names never testado (public servants in office)


@dataclass(frozen=True)
class CajaTestar:
    """A box to burn into a page, with the label the public copy shows."""

    archivo_id: int
    numero: int
    caja: Caja
    categoria: str


@dataclass(frozen=True)
class PaginaPublica:
    archivo_id: int
    numero: int
    texto: str  # the page's text with every testado word replaced by MARCA


@dataclass(frozen=True)
class Testado:
    """What the page reader produced for one versión pública."""

    pdf: bytes  # the public PDF: burned page images and the legend page, no text layer
    paginas: tuple[PaginaPublica, ...]
    segundos: float


MARCA = "[testado]"
