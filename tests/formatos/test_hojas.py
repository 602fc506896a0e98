"""The one neutralisation of spreadsheet text and the CSV/XLSX writers (formatos.hojas)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from formatos import hojas


@pytest.mark.parametrize(
    ("texto", "neutralizado"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+52 55 1234", "'+52 55 1234"),
        ("-2+3", "'-2+3"),
        ("@SUMA(A1)", "'@SUMA(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r'=1+1"),  # starts with CR, and so does the line after it
        ("  =1+1", "'  =1+1"),  # importers that trim spaces would see a formula
        ("Nota\n=1+1", "Nota\n'=1+1"),  # importers that split lines would see a new cell
        ("Nota\r\n@SUMA(A1)", "Nota\r\n'@SUMA(A1)"),
        ("Uno\n\n-dos", "Uno\n\n'-dos"),
        ("Obras = servicios", "Obras = servicios"),
        ("2026-06-30", "2026-06-30"),
        ("", ""),
    ],
)
def test_text_that_a_spreadsheet_would_evaluate_gets_a_leading_quote(texto, neutralizado):
    assert hojas.neutralizar(texto) == neutralizado


@pytest.mark.parametrize(
    "valor",
    [
        5,
        -5,
        2.5,
        -0.5,
        Decimal("-1.5"),
        dt.date(2026, 1, 2),
        dt.datetime(2026, 1, 2, 3),
        None,
        True,
    ],
)
def test_numbers_dates_and_none_are_left_as_they_are(valor):
    assert hojas.neutralizar(valor) is valor


def test_lazy_translations_become_text_and_are_neutralised():
    assert hojas.neutralizar(gettext_lazy("=1+1")) == "'=1+1"


def test_csv_is_utf8_with_bom_text_quoted_and_numbers_bare():
    contenido = hojas.en_csv(
        ["área", "escritos", "porcentaje"],
        [["=1+1", 4, 12.5], ["Obras;=1+1", 0, None], ["Línea\n=2+2", -1, Decimal("0.5")]],
    )
    assert contenido.startswith("\ufeff".encode())
    texto = contenido.decode("utf-8-sig")
    assert texto.split("\r\n")[:3] == [
        '"área","escritos","porcentaje"',
        '"\'=1+1",4,12.5',
        '"Obras;=1+1",0,""',
    ]
    assert list(csv.reader(io.StringIO(texto)))[1:] == [
        ["'=1+1", "4", "12.5"],
        ["Obras;=1+1", "0", ""],
        ["Línea\n'=2+2", "-1", "0.5"],
    ]


def test_xlsx_writes_text_as_strings_and_numbers_as_numbers():
    contenido = hojas.en_xlsx(
        "una hoja con un título de más de treinta y un caracteres",
        ["área", "escritos"],
        [['=HYPERLINK("http://x")', 4], ["-3", -3], ["Bien", 2.5], [None, dt.date(2026, 1, 2)]],
    )
    libro = load_workbook(io.BytesIO(contenido))
    hoja = libro.active
    assert hoja.title == "una hoja con un título de más d"
    valores = [[(c.value, c.data_type) for c in fila] for fila in hoja.iter_rows(min_row=2)]
    assert valores[:3] == [
        [('\'=HYPERLINK("http://x")', "s"), (4, "n")],
        [("'-3", "s"), (-3, "n")],
        [("Bien", "s"), (2.5, "n")],
    ]
    assert valores[3][0] == (None, "n") and valores[3][1][0] == dt.datetime(2026, 1, 2)
    assert all(c.data_type != "f" for fila in hoja.iter_rows() for c in fila)


def test_xlsx_replaces_characters_a_worksheet_cannot_hold():
    contenido = hojas.en_xlsx("datos", ["área"], [["Obras\x0bPúblicas\x00"]])
    assert load_workbook(io.BytesIO(contenido)).active["A2"].value == "Obras Públicas "
