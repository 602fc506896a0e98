"""Spreadsheet downloads: the one neutralisation of text cells and the CSV and XLSX writers.

A text cell a spreadsheet would evaluate (OWASP "CSV injection": starting with =, +, -, @,
tab or carriage return) gets a leading apostrophe, so it is shown as text. The rule applies
to the value and to every line inside it, because some importers split quoted line breaks
into new rows, and it looks past leading spaces, which some importers trim. Numbers, dates
and None are left as they are.
"""

import csv
import io
import re

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

TIPO_CSV = "text/csv; charset=utf-8"
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_INICIO_PELIGROSO = re.compile(r"(?:^|(?<=[\r\n]))(?=[\t\r]|[ \t]*[=+\-@])")
_NO_PERMITIDO_EN_TITULO = re.compile(r"[\\/?*\[\]:]")


def neutralizar(valor):
    """The value as a spreadsheet should show it: text never starts a formula."""
    if isinstance(valor, Promise):
        valor = str(valor)
    if isinstance(valor, str):
        return _INICIO_PELIGROSO.sub("'", valor)
    return valor


def en_csv(columnas, filas) -> bytes:
    """UTF-8 with a BOM (spreadsheet programs then read the accents); every text cell is
    quoted, so neither a line break nor a locale's ';' list separator can split it."""
    salida = io.StringIO()
    escritor = csv.writer(salida, quoting=csv.QUOTE_NONNUMERIC)
    for fila in [columnas, *filas]:
        escritor.writerow([neutralizar(v) for v in fila])
    return ("\ufeff" + salida.getvalue()).encode("utf-8")


def en_xlsx(titulo: str, columnas, filas) -> bytes:
    """One sheet; text cells are strings (never formulas), numbers and dates keep their type."""
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(_NO_PERMITIDO_EN_TITULO.sub(" ", titulo)[:31].strip() or "datos")
    for fila in [columnas, *filas]:
        hoja.append([_celda(hoja, v) for v in fila])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _celda(hoja, valor):
    valor = neutralizar(valor)
    if not isinstance(valor, str):
        return WriteOnlyCell(hoja, value=valor)
    # Control characters a worksheet cannot hold (e.g. Word's vertical tab) become spaces.
    celda = WriteOnlyCell(hoja, value=ILLEGAL_CHARACTERS_RE.sub(" ", valor))
    celda.data_type = "s"
    return celda
