"""E-mail addresses in a string, also when the OCR lost the @.

Tesseract often reads the @ as "0", "O", "(W" or a separate word ("perez90 0 gmail.com"),
and splits an address after a dot ("martin. herOyahoo.com"). Four rules, the same category:
an address with its @; a webmail's domain with the user's part before it (in the same word
or in up to two words before); one word that ends in a common domain and has what marks
a user's part (digits, "_", a misread @); and any address-shaped word right after its label
("Correo electrónico: hzubiriaf+correo.example", any domain). Offices' addresses (gob, gov,
edu) are public.
"""

import re

from django.utils.translation import gettext as _

from .texto import Hallazgo, Token, antes_de, etiqueta, plegar, tokens
from .tipos import Categoria

_CORREO = re.compile(
    r"[A-Za-z0-9][\w.+\-]*\s?[@©®]\s?[A-Za-z0-9][\w\-]*(?:\s?[.,]\s?[A-Za-z0-9\-]+)*"
    r"[.,][A-Za-z]{2,}"
)
_PROVEEDOR = re.compile(
    r"(?:gmail|hotmail|yahoo|outlook|live|icloud|prodigy|msn|aol|proton(?:mail)?)[.,](?:com|es|net)"
    r"(?:[.,][a-z]{2})?(?!\w)",
    re.IGNORECASE,
)
_PEGADO = re.compile(
    r"(?<!\S)[A-Za-z¡][\w.+\-()/'©®@]{4,}[.,](?:com|net|org|es)(?:[.,](?:mx|co|pe|es|ar))?(?!\w)"
)
_CON_DOMINIO = re.compile(r"[\w.+\-()/'©®@]{3,}[.,][A-Za-z]{2,}[.,;]?")
_ETIQUETA = etiqueta(r"correo(?: electronico)?|e-?mail|mail")
_INSTITUCIONAL = re.compile(r"[.,]go[bv](?:[.,]|$)|[.,]edu[.,]")
_NO_USUARIO = {"correo", "e-mail", "email", "mail", "electronico", "y", "o", "a", "al", "es", "mi"}


def buscar(texto: str) -> list[Hallazgo]:
    tramos = [m.span() for m in _CORREO.finditer(texto) if not _institucional(m.group())]
    tramos.extend(_sin_arroba(texto))
    for m in _PEGADO.finditer(texto):
        usuario = re.split(r"[.,](?:com|net|org|es)\b", m.group())[0]
        if re.search(r"[\d_()/'©®@]", usuario):
            tramos.append(m.span())
    tramos.extend(_tras_etiqueta(texto))
    return [Hallazgo(a, b, Categoria.CORREO, _("correo electrónico"), 0) for a, b in tramos]


def _institucional(correo: str) -> bool:
    return bool(_INSTITUCIONAL.search(plegar(correo.replace(" ", "")).split("@")[-1]))


def _tras_etiqueta(texto: str):
    """(inicio, fin) of each address-shaped word right after "correo"/"e-mail"."""
    plegado = plegar(texto)
    for token in tokens(texto):
        if (
            _CON_DOMINIO.fullmatch(token.texto)
            and not _institucional(token.texto)
            and antes_de(plegado, token.inicio, _ETIQUETA)
        ):
            yield token.inicio, token.inicio + len(token.texto)


def _sin_arroba(texto: str):
    """(inicio, fin) of each webmail address: its domain's word and the user's part."""
    lista = tokens(texto)
    for i, token in enumerate(lista):
        if not (dominio := _PROVEEDOR.search(token.texto)):
            continue
        inicio = i
        while inicio > 0 and i - inicio < 2 and _usuario(lista[inicio - 1], lista[inicio]):
            inicio -= 1
        if inicio < i or dominio.start() > 0:  # not a bare "gmail.com"
            yield lista[inicio].inicio, token.inicio + dominio.end()


def _usuario(previa: Token, siguiente: Token) -> bool:
    """Whether a word may be the start of an address whose rest begins at `siguiente`."""
    texto = previa.texto
    if texto.endswith((",", ";", ":")) or plegar(texto) in _NO_USUARIO:
        return False
    if not re.fullmatch(r"[¡!\w.+\-()/'©®@%&#*$]+", texto):
        return False
    pegado = siguiente.texto[0] in "._@©®" or len(_PROVEEDOR.split(siguiente.texto)[0]) <= 2
    return pegado or bool(re.search(r"[\d._@©®]", texto))
