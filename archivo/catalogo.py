"""The catálogo de disposición as a spreadsheet: the columns, reading CSV/XLSX into rows of
text and writing a version out. No database writes here (services_catalogo imports)."""

import csv
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from formatos.hojas import en_csv, en_xlsx

COLUMNAS = [
    "codigo_serie",
    "serie",
    "codigo_subserie",
    "subserie",
    "AT",
    "AC",
    "administrativo",
    "legal",
    "fiscal",
    "destino",
    "base_legal",
]
# Optional: the sección a new serie goes under (else the code before the serie's first dot).
OPCIONALES = ["codigo_seccion", "seccion", "observaciones"]
OBLIGATORIAS = ["codigo_serie", "serie", "AT", "AC", "destino"]


def _texto(valor) -> str:
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        valor = int(valor)
    texto = str(valor).strip()
    # Undo the apostrophe formatos.hojas puts before text a spreadsheet would evaluate.
    if texto.startswith("'") and texto[1:2] in ("=", "+", "-", "@"):
        texto = texto[1:]
    return texto


def _filas(encabezado, filas) -> list[dict]:
    nombres = [_texto(c) for c in encabezado]
    faltan = [c for c in OBLIGATORIAS if c not in nombres]
    if faltan:
        raise ValidationError(
            _("Faltan las columnas: %(columnas)s.") % {"columnas": ", ".join(faltan)}
        )
    conocidas = set(COLUMNAS) | set(OPCIONALES)
    resultado = []
    for fila in filas:
        valores = {n: _texto(v) for n, v in zip(nombres, fila, strict=False) if n in conocidas}
        if any(valores.values()):
            resultado.append(valores)
    return resultado


def leer_csv(contenido: bytes) -> list[dict]:
    """Rows of a CSV (UTF-8, with or without BOM; comma or semicolon separated)."""
    try:
        texto = contenido.decode("utf-8-sig")
    except UnicodeDecodeError:
        texto = contenido.decode("latin-1")
    try:
        dialecto = csv.Sniffer().sniff(texto.splitlines()[0] if texto else ",", ",;\t")
    except csv.Error:
        dialecto = csv.excel
    lineas = list(csv.reader(io.StringIO(texto), dialecto))
    if not lineas:
        raise ValidationError(_("El archivo está vacío."))
    return _filas(lineas[0], lineas[1:])


def leer_xlsx(contenido: bytes) -> list[dict]:
    """Rows of the first sheet of an XLSX workbook."""
    try:
        libro = load_workbook(io.BytesIO(contenido), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a file that is not XLSX
        raise ValidationError(_("El archivo no es un libro XLSX válido.")) from error
    lineas = list(libro.worksheets[0].iter_rows(values_only=True))
    libro.close()
    if not lineas:
        raise ValidationError(_("El archivo está vacío."))
    return _filas(lineas[0], lineas[1:])


def leer(nombre: str, contenido: bytes) -> list[dict]:
    if nombre.lower().endswith(".xlsx"):
        return leer_xlsx(contenido)
    return leer_csv(contenido)


def _si_no(valor: bool) -> str:
    return "sí" if valor else "no"


def filas_de(version) -> list[list]:
    reglas = version.reglas.select_related("serie__seccion", "subserie").order_by(
        "serie__codigo", "subserie__codigo"
    )
    return [
        [
            r.serie.codigo,
            r.serie.nombre,
            r.subserie.codigo if r.subserie else "",
            r.subserie.nombre if r.subserie else "",
            r.anios_tramite,
            r.anios_concentracion,
            _si_no(r.valor_administrativo),
            _si_no(r.valor_legal),
            _si_no(r.valor_fiscal),
            r.destino,
            r.base_legal,
            r.serie.seccion.codigo,
            r.serie.seccion.nombre,
            r.observaciones,
        ]
        for r in reglas
    ]


def exportar_csv(version) -> bytes:
    return en_csv(COLUMNAS + OPCIONALES, filas_de(version))


def exportar_xlsx(version) -> bytes:
    return en_xlsx(str(version), COLUMNAS + OPCIONALES, filas_de(version))
