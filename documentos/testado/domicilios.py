"""Addresses in a string: a street with its number ("calle Hidalgo número 45", "Av. Reforma
123", "Carrera 7 # 45-23", "Jr. Lampa 545") or what follows "con domicilio en", then the
segments that continue it (interior, colonia, barrio, C.P. …); a postal code after "C.P."."""

import re

from django.utils.translation import gettext as _

from .texto import Hallazgo, Token, plegar, tokens
from .tipos import Categoria

_VIA = re.compile(
    r"(?:calle|c\.|av\.?|avenida|avda\.?|blvd\.?|boulevard|bulevar|calzada|calz\.?|privada|priv\.?"
    r"|cerrada|andador|prolongacion|prol\.?|carretera|camino|callejon|carrera|cra\.?|kr\.?|cl\.?"
    r"|diagonal|dg\.?|transversal|tv\.?|jr\.?|jiron|pasaje|psje\.?|circuito|retorno|paseo)"
)
_SIGUE = re.compile(
    r"(?:int\.?|interior|depto\.?|departamento|dpto\.?|piso|apto\.?|apartamento|lote|lt\.?|mz\.?"
    r"|manzana|edificio|edif\.?|torre|casa|col\.?|colonia|barrio|bo\.|fracc\.?|fraccionamiento"
    r"|urb\.?|urbanizacion|unidad|u\.h\.?|sector|conjunto|residencial|c\.\s?p\.?|cp|codigo"
    r"|distrito|delegacion|alcaldia|localidad|vereda|corregimiento|entre)"
)
_ABREVIATURAS = {"no.", "num.", "int.", "col.", "fracc.", "urb.", "c.p.", "depto.", "dpto.", "mz."}
_MARCA_NUMERO = re.compile(r"(?:no|num|numero|n°|nº|#|\+\+?|h)\.?")  # OCR reads # as + or H
_PLACA = re.compile(r"\d+[a-z]?-\d+[a-z]?")
_NUMERO = re.compile(r"#?\d+[a-z]?(?:-\d+[a-z]?)?|s/n|sin numero")
_ENTRADA = re.compile(
    r"(?:con )?domicilio(?: particular| ubicado| conocido)?(?: en| es)?:?|domiciliad[oa] en|vivo en"
    r"|habito en|resido en|radico en|mi casa (?:ubicada )?en"
)
_CP = re.compile(r"(?<![a-z])(?:c\.\s?p\.?|cp|codigo postal)\s*:?\s*(\d{5})(?!\d)")
_PARTICULAS = {"de", "del", "la", "las", "los", "y", "el"}


def buscar(texto: str) -> list[Hallazgo]:
    lista = tokens(texto)
    planos = [plegar(t.texto).rstrip(",;:") for t in lista]
    hallazgos = []
    i = 0
    while i < len(lista):
        if (tramo := _domicilio(lista, planos, i)) is None:
            i += 1
            continue
        inicio, i = tramo
        ultimo = lista[i - 1]
        final = ultimo.inicio + len(ultimo.texto.rstrip(".,;:)"))
        if ultimo.texto.rstrip(",;:").lower() in _ABREVIATURAS:
            final = ultimo.inicio + len(ultimo.texto.rstrip(",;:"))
        motivo = _("domicilio (calle y número)")
        hallazgos.append(Hallazgo(lista[inicio].inicio, final, Categoria.DOMICILIO, motivo, 2))
    for m in _CP.finditer(plegar(texto)):
        hallazgos.append(Hallazgo(m.start(1), m.end(1), Categoria.DOMICILIO, _("código postal"), 2))
    return hallazgos


def _domicilio(lista: list[Token], planos: list[str], i: int) -> tuple[int, int] | None:
    """The tokens [inicio, fin) of an address starting at token i (after an entry phrase such
    as "con domicilio en", which is not part of it), or None."""
    entrada = _largo_entrada(planos, i)
    if entrada:
        j = i + entrada
        while j < len(lista) - 1 and planos[j] in ("la", "el", "los"):
            j += 1  # "vivo en la Carrera 7 …"
        if j < len(lista) and _SIGUE.fullmatch(planos[j]):
            return j, _segmentos(lista, planos, j)
        nombre = j + 1 if j < len(lista) and _VIA.fullmatch(planos[j]) else j
        numero = _tras_nombre(lista, planos, nombre, marca=False)
        return None if numero is None else (j, _segmentos(lista, planos, numero))
    if _VIA.fullmatch(planos[i]):
        numero = _tras_nombre(lista, planos, i + 1, marca=planos[i] == "c.")
        return None if numero is None else (i, _segmentos(lista, planos, numero))
    return None


def _largo_entrada(planos: list[str], i: int) -> int:
    """How many tokens an entry phrase ("con domicilio en") starting at token i takes."""
    for largo in (4, 3, 2, 1):
        if _ENTRADA.fullmatch(" ".join(planos[i : i + largo])):
            return largo
    return 0


def _tras_nombre(lista, planos, j, marca: bool) -> int | None:
    """After a street's name (one to six words), its number ("No. 45", "#45-23", "545"; only with
    a marker when `marca`): the index after the number, or None."""
    for k in range(j, min(j + 7, len(lista))):
        plano, siguiente = planos[k].rstrip("."), planos[k + 1] if k + 1 < len(lista) else ""
        if k > j:
            if _MARCA_NUMERO.fullmatch(plano) and _NUMERO.fullmatch(siguiente.rstrip(".")):
                return k + 2
            # "Carrera 7 # 45-23" with the # misread ("tt", "+f"): the plate after it tells.
            if len(plano) <= 2 and _PLACA.fullmatch(siguiente):
                return k + 2
            if re.fullmatch(r"(?:no\.?|#|\+)\d+[a-z]?(?:-\d+)?", plano):
                return k + 1
            if not marca and _NUMERO.fullmatch(plano):
                return k + 1
        primera = k == j and lista[k].limpio.isalpha()  # "Av. independencia": case misread
        if lista[k].texto.endswith((",", ";")) or not (primera or _parte_de_nombre(lista[k])):
            return None
    return None


def _parte_de_nombre(token: Token) -> bool:
    limpio = token.limpio
    return bool(limpio) and (limpio[0].isupper() or limpio.isdigit() or limpio in _PARTICULAS)


def _segmentos(lista, planos, k: int) -> int:
    """Extend over what continues an address: ", int. 3", "col. Centro", "C.P. 73310"."""
    fin = k
    while k < len(lista):
        anterior = lista[k - 1].texto
        abreviatura = anterior.rstrip(".,").lower() + "." in _ABREVIATURAS
        numero = _NUMERO.fullmatch(plegar(anterior).rstrip("."))
        if anterior.endswith(".") and not (abreviatura or numero):
            break  # a sentence ended
        if not _SIGUE.fullmatch(planos[k]):
            break
        k += 1
        if planos[k - 1] == "codigo" and k < len(lista) and planos[k] == "postal":
            k += 1
        while k < len(lista) and (_parte_de_nombre(lista[k]) or _NUMERO.fullmatch(planos[k])):
            k += 1
            if lista[k - 1].texto.endswith((",", ";", ".")):
                break
        fin = k
    return fin
