"""Identifiers, phones and dates of birth in a string.

Where a check digit exists (CURP, RFC, NIT, RUC, DNI, CLABE, cards) a number is suggested
anywhere only when it validates; right after its label ("CURP:", "NIT") a number of the
right shape is suggested even when it does not (OCR may have broken one character), unless
`forma_tras_etiqueta` is off. Numbers without a check digit (cédula, DNI without its digit,
bank accounts) need their label; phones need a phone's shape or a label.
"""

import datetime
import itertools
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum import luhn
from stdnum.co import nit
from stdnum.mx import curp, rfc
from stdnum.pe import cui, ruc

from .texto import Hallazgo, antes_de, etiqueta, plegar
from .tipos import Categoria

# Characters OCR confuses, by what the position must hold.
A_DIGITO = str.maketrans("OoQDIlL|!SBZGT", "00001111158267")
A_LETRA = str.maketrans("01258647|])$", "OIZSBGATIJJS")
A_CUALQUIERA = str.maketrans("|])$", "IJJS")

ETIQUETAS = {
    "curp": etiqueta(r"curp|c\.u\.r\.p\.?|clave unica de registro de poblacion"),
    "rfc": etiqueta(r"r\.?f\.?c\.?|registro federal de contribuyentes"),
    "ine": etiqueta(
        r"clave de elector|clave electoral|[i1l!|]\.?n\.?e\.?|[i1l!|]\.?f\.?e\.?|credencial para votar"
        r"|credencial de elector"
    ),
    "telefono": etiqueta(
        r"tel\.?|tels\.?|telefonos?|telefono (?:fijo|celular|movil)|cel\.?|celular|movil"
        r"|whatsapp|contacto|llamar al|fax"
    ),
    "clabe": etiqueta(r"clabe|clabe interbancaria|cuenta clabe"),
    "cuenta": etiqueta(r"cuenta|cta\.?|cuenta bancaria|cuenta de ahorros?"),
    "tarjeta": etiqueta(r"tarjeta|tarjeta de (?:credito|debito)|t\.?d\.?c\.?"),
    "cedula": etiqueta(
        r"c\.?\s?c\.?|cedula|cedula de ciudadania|cedula de extranjeria|c\.e\.|identificad[oa]"
    ),
    "dni": etiqueta(
        r"d\.?\s?n\.?\s?[i1l!|]{1,2}[.,]?|documento nacional de identidad|documento de identidad"
    ),
    "nit": etiqueta(r"n\.?[i1l!|]\.?t\.?"),
    "ruc": etiqueta(r"r\.?u\.?c\.?"),
}

# A group of digits (OCR may read 0 as O, 1 as l) and a run of groups: "(55) 1234-5678".
_GRUPO = r"\(?[0-9OoIl|]*[0-9][0-9OoIl|]*\)?"
_NUMERO = re.compile(
    rf"(?<![\w@+])(?:\+\s?)?{_GRUPO}(?:(?:\s?[.\-]\s?|,(?=\d{{3}}\b)|\s){_GRUPO})*(?![\w@])"
)  # a comma only before three digits: "974,156.091-4" (a dot misread), not "45, 67"
_MESES = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre"
)
_NACIMIENTO = re.compile(
    r"(?<![a-z])(?:naci|nacio|nacido|nacida)(?:\s+en\s+[^\n.]{1,40}?)?\s+(?:el\s+)?(?:dia\s+)?"
    r"|fecha\s+de\s+nacimiento\s*:?\s*(?:es\s+)?(?:el\s+)?|f\.\s?de\s?nac\.?\s*:?\s*"
)
_FECHA = re.compile(
    rf"\d{{1,2}}\s+de\s+(?:{_MESES})\s+(?:de|del)\s+\d{{4}}|\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?"
    r"[/.\-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}"
)


_NOMBRES = {
    Categoria.CURP: "CURP",
    Categoria.RFC: "RFC",
    Categoria.INE: gettext_lazy("clave de elector"),
    Categoria.DNI: "DNI",
    Categoria.NIT: "NIT",
    Categoria.RUC: "RUC",
    Categoria.CUENTA: "CLABE",
    Categoria.TARJETA: gettext_lazy("número de tarjeta"),
}
_VALIDOS = {
    Categoria.DNI: gettext_lazy("DNI válido"),
    Categoria.NIT: gettext_lazy("NIT válido"),
    Categoria.RUC: gettext_lazy("RUC válido"),
    Categoria.CUENTA: gettext_lazy("CLABE válida"),
    Categoria.TARJETA: gettext_lazy("número de tarjeta (Luhn)"),
}


def buscar(texto: str, forma_tras_etiqueta: bool = True) -> list[Hallazgo]:
    plegado = plegar(texto)
    hallazgos = list(_nacimientos(plegado))
    for m in _NUMERO.finditer(texto):
        if hallazgo := _numero(m, plegado, forma_tras_etiqueta):
            hallazgos.append(hallazgo)
    hallazgos.extend(_claves(texto, plegado, forma_tras_etiqueta))
    return hallazgos


def _nacimientos(plegado: str):
    for m in _NACIMIENTO.finditer(plegado):
        if fecha := _FECHA.match(plegado, m.end()):
            yield Hallazgo(
                fecha.start(), fecha.end(), Categoria.FECHA_NACIMIENTO, _("fecha de nacimiento"), 0
            )


def _numero(m: re.Match, plegado: str, forma_tras_etiqueta: bool) -> Hallazgo | None:
    bruto, inicio = m.group(), m.start()
    if bruto.count("(") != bruto.count(")"):  # "(tel. 55 1234 5678)": the text's brackets
        inicio += len(bruto) - len(bruto.lstrip("("))
        bruto = bruto.strip("()")
    fin = inicio + len(bruto)
    grupos = [g.strip("()").translate(A_DIGITO) for g in re.split(r"[\s.,\-]+", bruto.lstrip("+"))]
    grupos = [g for g in grupos if g]
    digitos = "".join(grupos)
    if sum(c.isdigit() for c in bruto) < 0.8 * len(digitos):
        return None  # mostly letters read as digits: a word, not a number
    mas = bruto.startswith("+")
    if mas and _telefono(digitos, grupos, mas):
        return Hallazgo(inicio, fin, Categoria.TELEFONO, _telefono(digitos, grupos, mas), 1)
    for clave in ("cedula", "dni", "nit", "ruc", "clabe", "cuenta", "tarjeta", "telefono"):
        if marca := antes_de(plegado, inicio, ETIQUETAS[clave]):
            hallazgo = _con_etiqueta(clave, digitos, marca.group(), forma_tras_etiqueta)
            if hallazgo:
                categoria, motivo = hallazgo
                return Hallazgo(inicio, fin, categoria, motivo, 0)
            break
    if hallazgo := _sin_etiqueta(digitos, grupos, bruto):
        return Hallazgo(inicio, fin, *hallazgo, 1)
    return None


def _con_etiqueta(clave, digitos, marca, forma_tras_etiqueta):
    """(categoria, motivo) of a number right after its label, or None."""
    etiqueta_ = marca.strip(" .:").upper()
    tras = _("después de «%(etiqueta)s»") % {"etiqueta": etiqueta_}
    n = len(digitos)
    if clave == "cedula":
        return (Categoria.CEDULA, _("cédula, %(tras)s") % {"tras": tras}) if 6 <= n <= 10 else None
    if clave == "telefono":
        return (
            (Categoria.TELEFONO, _("teléfono, %(tras)s") % {"tras": tras}) if 7 <= n <= 13 else None
        )
    if clave == "cuenta" and 10 <= n <= 20 and n != 18:  # 18 digits: a CLABE, checked
        return Categoria.CUENTA, _("cuenta bancaria, %(tras)s") % {"tras": tras}
    if clave == "dni" and n == 8:
        return Categoria.DNI, _("DNI, %(tras)s") % {"tras": tras}
    categoria, menor, mayor, valido = {
        "dni": (Categoria.DNI, 9, 9, cui.is_valid),
        "nit": (Categoria.NIT, 8, 16, nit.is_valid),
        "ruc": (Categoria.RUC, 11, 11, ruc.is_valid),
        "clabe": (Categoria.CUENTA, 18, 18, clabe_valida),
        "cuenta": (Categoria.CUENTA, 18, 18, clabe_valida),
        "tarjeta": (Categoria.TARJETA, 13, 19, luhn.is_valid),
    }[clave]
    if not menor <= n <= mayor:
        return None
    if valido(digitos):
        return categoria, _VALIDOS[categoria]
    if forma_tras_etiqueta:
        return categoria, _("%(dato)s que no valida, %(tras)s") % {
            "dato": _NOMBRES[categoria],
            "tras": tras,
        }
    return None


def _sin_etiqueta(digitos: str, grupos: list[str], bruto: str):
    n = len(digitos)
    if n == 18 and clabe_valida(digitos):
        return Categoria.CUENTA, _("CLABE válida")
    if 13 <= n <= 19 and digitos[0] in "3456" and luhn.is_valid(digitos):
        return Categoria.TARJETA, _("número de tarjeta (Luhn)")
    if n == 11 and digitos[:2] in ("10", "15", "17", "20") and ruc.is_valid(digitos):
        return Categoria.RUC, _("RUC válido")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3}){2,4}-\d", bruto) and nit.is_valid(digitos):
        return Categoria.NIT, _("NIT válido")
    if re.fullmatch(r"\d{8}-[0-9A-Ka-k]", bruto) and cui.is_valid(digitos):
        return Categoria.DNI, _("DNI válido")
    if motivo := _telefono(digitos, grupos, False):
        return Categoria.TELEFONO, motivo
    return None


# How phone numbers are grouped when written (sizes of the digit groups).
_FORMAS_10 = {(10,), (2, 4, 4), (3, 3, 4), (3, 7), (2, 8), (3, 3, 2, 2), (2, 2, 2, 2, 2)}
_FORMAS_9 = {(9,), (3, 3, 3), (3, 6)}


def _telefono(digitos: str, grupos: list[str], mas: bool) -> str | None:
    """Whether these digits are a Mexican, Colombian or Peruvian phone (and which)."""
    forma = tuple(len(g) for g in grupos)
    pais = None
    for prefijo in ("52", "57", "51"):
        if digitos.startswith(prefijo) and (mas or grupos[0] == prefijo):
            pais, digitos, forma = prefijo, digitos[2:], forma[1:]
            if pais == "52" and len(digitos) == 11 and digitos[0] == "1":  # +52 1 (mobile)
                digitos, forma = digitos[1:], forma[1:] if forma[:1] == (1,) else forma
            break
    if (mas and pais is None) or digitos.startswith(("800", "900", "01800", "0800")):
        return None  # toll-free lines are offices', not persons'
    libre = pais is not None  # after a country code any grouping is a phone
    n = len(digitos)
    if (
        pais in (None, "52")
        and n == 10
        and digitos[0] in "23456789"
        and (libre or forma in _FORMAS_10)
    ):
        return _("teléfono de México") if pais else _("número telefónico")
    if pais == "57" and n == 10 and digitos[0] in "36":
        return _("teléfono de Colombia")
    if pais in (None, "51") and n == 9 and digitos[0] == "9" and (libre or forma in _FORMAS_9):
        return _("teléfono de Perú")
    if pais == "51" and n == 8 and digitos[0] in "1456780":  # a landline with its area
        return _("teléfono de Perú")
    return None


def clabe_valida(digitos: str) -> bool:
    """A CLABE's last digit: weights 3, 7, 1 over the first 17, products mod 10."""
    if not re.fullmatch(r"\d{18}", digitos):
        return False
    suma = sum(int(d) * (3, 7, 1)[i % 3] % 10 for i, d in enumerate(digitos[:17]))
    return (10 - suma % 10) % 10 == int(digitos[17])


# Alphanumeric keys: where letters (L), digits (D), sex (S) or either (A) go.
_FORMAS = {
    "curp": "LLLLDDDDDDSLLLLLAD",
    "ine": "LLLLLLDDDDDDDDSDDD",
    "rfc": "LLLLDDDDDDAAA",
}
_PIEZA = re.compile(r"[A-Za-z0-9&Ñ|\])$]+")


def _claves(texto: str, plegado: str, forma_tras_etiqueta: bool):
    """CURP, clave de elector and RFC, also written in two or three pieces ("GODE 561231
    GR8", or split by a stray mark the OCR saw) or merged with their label ("CURP:GODE...")."""
    piezas = list(_PIEZA.finditer(texto))
    for i, primera in enumerate(piezas):
        for k in (3, 2, 1):
            grupo = piezas[i : i + k]
            if len(grupo) < k or any(
                not re.fullmatch(r"[ \-]|[^\s\w]", texto[a.end() : b.start()])
                for a, b in itertools.pairwise(grupo)
            ):
                continue
            compacto = "".join(p.group() for p in grupo).upper()
            inicio, fin = primera.start(), grupo[-1].end()
            una = not any(c.isspace() for c in texto[inicio:fin])  # one written word
            if hallazgo := _clave(compacto, inicio, fin, plegado, una, forma_tras_etiqueta):
                yield hallazgo
                break


def _clave(compacto, inicio, fin, plegado, una, forma_tras_etiqueta) -> Hallazgo | None:
    if not (any(c.isdigit() for c in compacto) and any(c.isalpha() for c in compacto)):
        return None
    for clave, forma in _FORMAS.items():
        if len(compacto) == len(forma) and (motivo := _valida(clave, _ajustar(compacto, forma))):
            return Hallazgo(inicio, fin, clave, motivo, 0)
    if _rfc_de_empresa(compacto):
        return None  # a company's RFC (3 letters) is not a person's datum
    if not (forma_tras_etiqueta and una):
        return None
    for clave, forma in _FORMAS.items():
        marca = antes_de(plegado, inicio, ETIQUETAS[clave])
        if marca and abs(len(compacto) - len(forma)) <= 3:  # OCR may add or drop marks
            motivo = _("%(dato)s que no valida, después de «%(etiqueta)s»") % {
                "dato": _NOMBRES[clave],
                "etiqueta": marca.group().strip(" .:").upper(),
            }
            return Hallazgo(inicio, fin, clave, motivo, 0)
    return None


def _rfc_de_empresa(compacto: str) -> bool:
    numero = _ajustar(compacto, "LLLDDDDDDAAA") if len(compacto) == 12 else ""
    return bool(re.fullmatch(r"[A-Z&Ñ]{3}\d{6}[A-Z0-9]{3}", numero)) and _fecha(numero[3:9])


def _ajustar(texto: str, forma: str) -> str:
    """Fix OCR confusions where the shape says a letter or a digit must be."""
    salida = []
    for c, f in zip(texto, forma, strict=True):
        if f == "D":
            c = c.translate(A_DIGITO)
        elif f in "LS":
            c = c.translate(A_LETRA)
        else:
            c = c.translate(A_CUALQUIERA)
        salida.append(c)
    return "".join(salida)


def _valida(clave: str, numero: str) -> str | None:
    if clave == "curp":
        penultima = numero[16]
        for otra in (penultima, penultima.translate(A_DIGITO), penultima.translate(A_LETRA)):
            if curp.is_valid(numero[:16] + otra + numero[17]):
                return _("CURP válida")
        return None
    if clave == "rfc":
        return _("RFC válido") if rfc.is_valid(numero, validate_check_digits=True) else None
    # The clave de elector has no check digit: its shape, birth date and state (01-32, or 87
    # and 88 for those born abroad) are what can be checked.
    entidad = int(numero[12:14]) if numero[12:14].isdigit() else 0
    if re.fullmatch(r"[A-Z]{6}\d{8}[HM]\d{3}", numero) and _fecha(numero[6:12]):
        return _("clave de elector (formato del INE)") if entidad in _ENTIDADES else None
    return None


_ENTIDADES = {*range(1, 33), 87, 88}


def _fecha(aammdd: str) -> bool:
    """A real date (20yy and 19yy have the same leap years, but for 00, which may be either)."""
    try:
        datetime.date(2000 + int(aammdd[:2]), int(aammdd[2:4]), int(aammdd[4:6]))
    except ValueError:
        return False
    return True
