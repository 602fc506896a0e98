"""PAdES signing with a visible block (QR, signer, position, date, folio, código).

B-B always; B-T when FOLIO_FIRMA_TSA_URL (RFC 3161) is set; B-LT when, besides, the chain and
revocation data could be embedded (DSS). Every signature is an incremental update: the
earlier ones stay valid. Folio's first signature appends a "Firmas electrónicas" page; each
signer gets the next block on it (two columns, top to bottom), so blocks never overlap.
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.stamp import QRStampStyle
from pyhanko_certvalidator.errors import PathError
from pyhanko_certvalidator.errors import ValidationError as CertificadoInvalido

from . import FirmaRechazada, fuera_del_bucle
from .confianza import USO_DE_LLAVE, contexto, revisar
from .credenciales import Credencial

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# pyHanko's errors when the chain or revocation data (signer's or TSA's) cannot be collected.
_SIN_DATOS_DE_VALIDACION = (SigningError, PathError, CertificadoInvalido)
_MARGEN, _SEPARACION, _ALTO_BLOQUE, _COLUMNAS = 36, 12, 100, 2


def codigo_verificacion() -> str:
    """12 Crockford base32 characters (60 random bits), grouped: `ABCD-EFGH-JKMN`."""
    crudo = "".join(secrets.choice(CROCKFORD) for _ in range(12))
    return "-".join(crudo[i : i + 4] for i in range(0, 12, 4))


def normalizar_codigo(texto: str) -> str:
    """What a person typed, as `codigo_verificacion` writes it (O→0, I/L→1, any dashes)."""
    crudo = "".join(texto.upper().split()).replace("-", "")
    crudo = crudo.translate(str.maketrans("OIL", "011"))
    return "-".join(crudo[i : i + 4] for i in range(0, len(crudo), 4))


@dataclass(frozen=True)
class Estampa:
    """What the visible block says. `rol`: "Firmó", "Revisó", "Elaboró"…"""

    nombre: str
    cargo: str
    rol: str
    folio: str
    codigo_verificacion: str
    url_verificacion: str
    momento: datetime = field(default_factory=timezone.now)

    def texto(self) -> str:
        local = timezone.localtime(self.momento)
        lineas = [
            f"{self.rol}: {self.nombre}",
            self.cargo,
            _("Fecha: %(fecha)s (%(zona)s)")
            % {"fecha": local.strftime("%d/%m/%Y %H:%M:%S"), "zona": settings.TIME_ZONE},
            _("Folio: %(folio)s") % {"folio": self.folio},
            _("Código de verificación: %(codigo)s") % {"codigo": self.codigo_verificacion},
            # the QR carries the code in the address; the text shows where to type it
            _("Verifique en %(url)s") % {"url": self.url_verificacion.partition("#")[0]},
        ]
        return "\n".join(linea.replace("%", "%%") for linea in lineas if linea)


@dataclass(frozen=True)
class Firmado:
    """A signed PDF and what the bitácora records about it (never the key)."""

    pdf: bytes
    sha256: str
    nivel: str
    numero_serie: str
    emisor: str
    firmante: str
    campo: str
    advertencias: tuple[str, ...] = ()


@fuera_del_bucle
def firmar(pdf: bytes, credencial: Credencial, estampa: Estampa, *, campo: str) -> Firmado:
    """Sign `pdf` with `credencial` (checked first with confianza.revisar)."""
    revision = revisar(credencial)
    advertencias = list(revision.advertencias)
    tsa = settings.FOLIO_FIRMA_TSA_URL
    incrustar = revision.revocacion_comprobada and bool(tsa)
    try:
        salida = _firmar(pdf, credencial, estampa, campo, tsa, incrustar)
    except _SIN_DATOS_DE_VALIDACION:
        if not incrustar:
            raise
        # The TSA's chain or some revocation data could not be validated: sign as B-T.
        advertencias.append(
            _("No se pudieron incluir los datos de validación (B-LT); la firma es B-T.")
        )
        incrustar = False
        salida = _firmar(pdf, credencial, estampa, campo, tsa, incrustar)
    nivel = "B-LT" if incrustar and _tiene_dss(salida) else "B-T" if tsa else "B-B"
    titular = credencial.titular
    return Firmado(
        pdf=salida,
        sha256=hashlib.sha256(salida).hexdigest(),
        nivel=nivel,
        numero_serie=titular.numero_serie,
        emisor=titular.emisor,
        firmante=titular.nombre,
        campo=campo,
        advertencias=tuple(advertencias),
    )


def _firmar(pdf, credencial, estampa, campo, tsa, incrustar) -> bytes:
    try:
        escritor = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        if escritor.prev.encrypted:
            raise FirmaRechazada(
                _(
                    "El PDF está protegido con contraseña o cifrado: guárdelo sin protección "
                    "y vuelva a intentarlo."
                )
            )
        existentes = [nombre for nombre, *_resto in fields.enumerate_sig_fields(escritor)]
    except (PdfError, ValueError, KeyError, TypeError):
        raise FirmaRechazada(_("El archivo no es un PDF que se pueda firmar.")) from None
    if campo in existentes:
        raise FirmaRechazada(
            _("El documento ya tiene una firma llamada %(campo)s.") % {"campo": campo}
        )
    if not existentes:
        _agregar_pagina(escritor, estampa.folio)
    paginas = int(escritor.root["/Pages"]["/Count"])
    caja = _caja(len(existentes), _tamano(escritor, paginas - 1))
    meta = signers.PdfSignatureMetadata(
        field_name=campo,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=credencial.titular.nombre,
        reason=f"{estampa.rol}: {estampa.cargo}" if estampa.cargo else estampa.rol,
        signer_key_usage=USO_DE_LLAVE.key_usage,
        embed_validation_info=incrustar,
        validation_context=contexto(otros=credencial.cadena_asn1) if incrustar else None,
    )
    estilo = QRStampStyle(
        stamp_text=estampa.texto(), border_width=1, text_box_style=TextBoxStyle(font_size=7)
    )
    firmante = signers.PdfSigner(
        meta,
        signer=credencial.firmante(),
        timestamper=HTTPTimeStamper(tsa, timeout=10) if tsa else None,
        stamp_style=estilo,
        new_field_spec=fields.SigFieldSpec(campo, on_page=paginas - 1, box=caja),
    )
    try:
        salida = firmante.sign_pdf(
            escritor, appearance_text_params={"url": estampa.url_verificacion}
        )
    except TimestampRequestError:
        raise FirmaRechazada(
            _(
                "El servicio de sello de tiempo no respondió; no se firmó. "
                "Intente de nuevo más tarde."
            )
        ) from None
    except _SIN_DATOS_DE_VALIDACION:
        if incrustar:
            raise
        raise FirmaRechazada(
            _(
                "No se pudo firmar el documento (servicio de sello de tiempo o certificado). "
                "Intente de nuevo más tarde."
            )
        ) from None
    return salida.getvalue()


def _tiene_dss(pdf: bytes) -> bool:
    return "/DSS" in PdfFileReader(BytesIO(pdf), strict=False).root


def _tamano(escritor, indice: int) -> tuple[float, float]:
    pagina = escritor.find_page_for_modification(indice)[0].get_object()
    caja = pagina.get("/MediaBox") or [0, 0, 612, 792]
    return float(caja[2]) - float(caja[0]), float(caja[3]) - float(caja[1])


def _caja(indice: int, tamano: tuple[float, float]) -> tuple[int, int, int, int]:
    ancho_pagina, alto_pagina = tamano
    ancho = (ancho_pagina - 2 * _MARGEN - (_COLUMNAS - 1) * _SEPARACION) / _COLUMNAS
    columna, fila = indice % _COLUMNAS, indice // _COLUMNAS
    x1 = _MARGEN + columna * (ancho + _SEPARACION)
    y2 = alto_pagina - 2 * _MARGEN - fila * (_ALTO_BLOQUE + _SEPARACION)
    if y2 - _ALTO_BLOQUE < _MARGEN:
        raise FirmaRechazada(_("El documento ya tiene todas las firmas que caben en su hoja."))
    return int(x1), int(y2 - _ALTO_BLOQUE), int(x1 + ancho), int(y2)


def _escapar(texto: str) -> bytes:
    crudo = texto.encode("cp1252", errors="replace")
    return crudo.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _agregar_pagina(escritor, folio: str) -> None:
    """The page the signature blocks go on, as large as the document's last page."""
    paginas = int(escritor.root["/Pages"]["/Count"])
    ancho, alto = _tamano(escritor, paginas - 1)
    titulo = _escapar(_("Firmas electrónicas del documento %(folio)s") % {"folio": folio})
    contenido = b"BT /F1 12 Tf %d %d Td (%s) Tj ET" % (_MARGEN, alto - _MARGEN - 12, titulo)
    fuente = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Font"),
            pdf_name("/Subtype"): pdf_name("/Type1"),
            pdf_name("/BaseFont"): pdf_name("/Helvetica"),
            pdf_name("/Encoding"): pdf_name("/WinAnsiEncoding"),
        }
    )
    pagina = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Page"),
            pdf_name("/MediaBox"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.FloatObject(ancho),
                    generic.FloatObject(alto),
                ]
            ),
            pdf_name("/Resources"): generic.DictionaryObject(
                {pdf_name("/Font"): generic.DictionaryObject({pdf_name("/F1"): fuente})}
            ),
            pdf_name("/Contents"): escritor.add_object(generic.StreamObject(stream_data=contenido)),
        }
    )
    escritor.insert_page(pagina)
