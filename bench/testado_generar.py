"""Labelled letters for the versión pública's detection: scans like bench/ocr_generar.py (its
fonts and degradations) with planted personal data of every kind, random but valid (CURP,
RFC, NIT, RUC and DNI with their real check digits, cards by Luhn, CLABEs with theirs,
phones of México, Colombia and Perú, e-mails, addresses, dates of birth, the remitente's
name and a drawn signature, third persons after honorifics and roles), plus public
servants' names that must not be testado and decoy numbers that are not personal (folios,
articles, amounts, the letter's date).

Each page is written with a `.json` beside it: the planted items (category, text and the
pixel boxes of their words as drawn, after the degradation), the servants and the decoys
(same shape), and the remitente and servants for the Contexto.

    .venv/bin/python bench/testado_generar.py DIR [--n 12] [--semilla 7] [--dura]
"""

import argparse
import json
import math
import random
import string
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ocr_generar import ALTO, ANCHO, FRASES, MESES, degradar, fuente, guardar
from PIL import Image, ImageDraw
from stdnum import luhn
from stdnum.co import nit
from stdnum.mx import curp, rfc
from stdnum.pe import cui, ruc

NOMBRES = [
    "María Guadalupe", "José Luis", "Ana Lucía", "Juan Carlos", "Rosa Elena", "Héctor",
    "Josefina", "Eugenia", "Raúl", "Martín", "Sofía", "Andrés", "Beatriz", "Ignacio",
    "Verónica", "Óscar", "Leticia", "Ramón", "Adriana", "Efraín", "Citlali", "Jesús",
]  # fmt: skip
APELLIDOS = [
    "Pérez", "Hernández", "Gutiérrez", "Ávila", "Núñez", "Ibáñez", "Muñoz", "Córdova",
    "Ramírez", "Sánchez", "Domínguez", "Castañeda", "Orozco", "Villaseñor", "Quiñones",
    "Zúñiga", "Méndez", "Arellano", "Beltrán", "Escobedo", "Galván", "Ochoa", "Trejo",
]  # fmt: skip
CARGOS = [
    "Director de Obras Públicas", "Secretario del Ayuntamiento", "Tesorero Municipal",
    "Directora de Desarrollo Urbano", "Titular de la Unidad de Transparencia",
    "Jefe del Departamento de Catastro",
]  # fmt: skip
CALLES = [
    "Benito Juárez", "Hidalgo", "Morelos", "Independencia", "Allende", "Reforma", "Aldama",
    "Matamoros", "Libertad", "Insurgentes", "Vicente Guerrero", "Cuauhtémoc",
]  # fmt: skip
COLONIAS = ["Centro", "Lomas de San Juan", "El Carmen", "La Piedad", "Santa Cruz", "San Rafael"]
BARRIOS = ["La Candelaria", "Chapinero", "El Poblado", "San Antonio", "Belén"]
CALLES_PE = ["Lampa", "Arequipa", "Junín", "Ayacucho", "Grau", "Bolognesi", "Ucayali"]
DISTRITOS = ["Miraflores", "Surquillo", "San Isidro", "Barranco", "Lince"]
LUGARES = {
    "MX": ("H. Ayuntamiento de", ["Zacatlán", "Tlaxiaco", "Jiquilpan", "Cuetzalan", "Sahuayo"]),
    "CO": ("Alcaldía de", ["Zipaquirá", "Fusagasugá", "Chía", "Sogamoso", "Girardot"]),
    "PE": ("Municipalidad de", ["Huaral", "Chancay", "Barranca", "Huacho", "Cañete"]),
}
ASUNTOS = [
    "Solicitud de poda de árboles en vía pública",
    "Queja por cobro indebido en la tesorería",
    "Solicitud de constancia de residencia",
    "Petición de reembolso por pago duplicado",
]
ESTADOS_CURP = ["DF", "PL", "JC", "NL", "MC", "OC", "VZ", "GT", "MN", "YN"]


@dataclass
class Pieza:
    """Text drawn as one run; `etiqueta` says what it is ("item:3", "servidor:0", ...).
    `pegada`: no space after it (the next piece is drawn right behind, "CURP:" + value)."""

    texto: str
    etiqueta: str | None = None
    pegada: bool = False


@dataclass
class Carta:
    azar: random.Random
    pais: str
    piezas_cabecera: list[list[Pieza]] = field(default_factory=list)
    cuerpo: list[Pieza] = field(default_factory=list)
    etiquetas: dict[str, dict] = field(default_factory=dict)
    firmante: str = ""
    municipio: str = ""

    def marcar(self, tipo: str, categoria: str, texto: str) -> str:
        clave = f"{tipo}:{len(self.etiquetas)}"
        self.etiquetas[clave] = {"tipo": tipo, "categoria": categoria, "texto": texto}
        return clave

    def frase(self, *partes) -> None:
        """Append body text: plain strings, or (categoria, texto) for planted data,
        ("servidor", texto) for a servant, ("senuelo", texto) for a decoy."""
        for parte in partes:
            if isinstance(parte, str):
                self.cuerpo.extend(Pieza(t) for t in parte.split())
                continue
            categoria, texto = parte
            tipo = categoria if categoria in ("servidor", "senuelo") else "item"
            clave = self.marcar(tipo, categoria, texto)
            self.cuerpo.extend(Pieza(t, clave) for t in texto.split())

    def pegar(self, rotulo: str, categoria: str, texto: str) -> None:
        """A label merged with its datum, as OCR often reads it: "CURP:GODE…"."""
        self.cuerpo.append(Pieza(rotulo, pegada=True))
        self.frase((categoria, texto))


# Planted data, random but valid.


def _letras(azar, n, alfabeto=string.ascii_uppercase):
    return "".join(azar.choice(alfabeto) for _ in range(n))


def _digitos(azar, n):
    return "".join(azar.choice(string.digits) for _ in range(n))


def _fecha6(azar):
    return f"{azar.randint(50, 99):02d}{azar.randint(1, 12):02d}{azar.randint(1, 28):02d}"


def generar_curp(azar) -> str:
    while True:
        base = (
            _letras(azar, 4) + _fecha6(azar) + azar.choice("HM") + azar.choice(ESTADOS_CURP)
            + _letras(azar, 3, "BCDFGHJKLMNPQRSTVWXYZ") + azar.choice(string.digits)
        )  # fmt: skip
        numero = base + curp.calc_check_digit(base + "0")
        if curp.is_valid(numero):
            return numero


def generar_rfc(azar) -> str:
    while True:
        base = _letras(azar, 4) + _fecha6(azar) + azar.choice("123456789ABCDEFGHJKLMNPRSTUV")
        base += azar.choice("123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        numero = base + rfc.calc_check_digit(base)
        if rfc.is_valid(numero, validate_check_digits=True):
            return numero


def generar_ine(azar) -> str:
    return (
        _letras(azar, 6, "BCDFGHJKLMNPQRSTVWXYZ") + _fecha6(azar) + f"{azar.randint(1, 32):02d}"
        + azar.choice("HM") + _digitos(azar, 3)
    )  # fmt: skip


def generar_clabe(azar) -> str:
    base = azar.choice(["002", "012", "014", "021", "072"]) + _digitos(azar, 14)
    suma = sum(int(d) * (3, 7, 1)[i % 3] % 10 for i, d in enumerate(base))
    return base + str((10 - suma % 10) % 10)


def generar_tarjeta(azar) -> str:
    if azar.random() < 0.2:  # American Express: 15 digits, 4-6-5
        base = azar.choice(["34", "37"]) + _digitos(azar, 12)
        n = base + luhn.calc_check_digit(base)
        return f"{n[:4]} {n[4:10]} {n[10:]}"
    base = azar.choice("45") + _digitos(azar, 14)
    n = base + luhn.calc_check_digit(base)
    return " ".join(n[i : i + 4] for i in range(0, 16, 4)) if azar.random() < 0.8 else n


def generar_telefono(azar, pais) -> str:
    if pais == "MX":
        lada = azar.choice(["55", "33", "81", "222", "442", "797", "999"])
        resto = _digitos(azar, 10 - len(lada))
        a, b = resto[: len(resto) - 4], resto[-4:]
        return azar.choice(
            [
                f"{lada} {a} {b}", f"({lada}) {a}-{b}", f"{lada}{a}{b}", f"+52 {lada} {a} {b}",
                f"+52 1 {lada} {a} {b}", f"{lada}-{a}-{b}",
            ]
        )  # fmt: skip
    if pais == "CO":
        n = "3" + azar.choice("0125") + _digitos(azar, 8)
        return azar.choice(
            [f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+57 {n[:3]} {n[3:6]} {n[6:]}", f"+57 {n}"]
        )
    n = "9" + _digitos(azar, 8)
    return azar.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+51 {n[:3]} {n[3:6]} {n[6:]}"])


def _sin_acentos(texto: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", texto) if unicodedata.category(c) != "Mn"
    )


def generar_correo(azar, nombre: str) -> str:
    partes = _sin_acentos(nombre).lower().split()
    usuario = azar.choice(
        [
            f"{partes[0]}.{partes[-2]}{azar.randint(60, 99)}",
            f"{partes[0][0]}{partes[-2]}_{azar.randint(1, 99)}",
            f"{partes[0]}.{partes[-1][:3]}",
        ]
    )
    dominio = azar.choice(["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.es"])
    return f"{usuario}@{dominio}"


def generar_domicilio(azar, pais) -> str:
    n = azar.randint(2, 1450)
    if pais == "MX":
        calle, colonia, cp = azar.choice(CALLES), azar.choice(COLONIAS), _digitos(azar, 5)
        return azar.choice(
            [
                f"calle {calle} número {n}, col. {colonia}, C.P. {cp}",
                f"Av. {calle} No. {n} interior {azar.randint(1, 9)}, Colonia {colonia}, C.P. {cp}",
                f"Privada {calle} {n}, col. {colonia}",
                f"calle {calle} s/n, col. {colonia}, C.P. {cp}",
                f"Av. {calle} Mz. {azar.randint(1, 40)} Lt. {azar.randint(1, 30)}, col. {colonia}",
            ]
        )
    if pais == "CO":
        via = azar.choice(["Carrera", "Calle", "Diagonal", "Transversal"])
        return f"{via} {azar.randint(2, 99)} # {azar.randint(2, 99)}-{azar.randint(2, 99)}, barrio {azar.choice(BARRIOS)}"
    calle, distrito = azar.choice(CALLES_PE), azar.choice(DISTRITOS)
    return azar.choice(
        [
            f"Jr. {calle} {n}, distrito de {distrito}",
            f"Av. {calle} {n} Dpto. {azar.randint(101, 909)}, distrito de {distrito}",
        ]
    )


def generar_nacimiento(azar) -> str:
    d, m, a = azar.randint(1, 28), azar.randint(1, 12), azar.randint(1950, 2004)
    return azar.choice([f"{d} de {MESES_TODOS[m - 1]} de {a}", f"{d:02d}/{m:02d}/{a}"])


MESES_TODOS = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
]  # fmt: skip


def persona(azar) -> str:
    return f"{azar.choice(NOMBRES)} {azar.choice(APELLIDOS)} {azar.choice(APELLIDOS)}"


# The letter.


def carta(azar: random.Random) -> tuple[Carta, dict]:
    pais = azar.choice(["MX", "MX", "CO", "PE"])
    c = Carta(azar, pais)
    remitente = persona(azar)
    servidores = [persona(azar) for _ in range(4)]
    cargos = azar.sample(CARGOS, 4)
    titulo, municipios = LUGARES[pais]
    municipio = c.municipio = azar.choice(municipios)
    linea = lambda *piezas: c.piezas_cabecera.append(list(piezas))  # noqa: E731
    linea(*(Pieza(t) for t in f"{titulo} {municipio}".split()))
    fecha = f"{azar.randint(1, 28)} de {azar.choice(MESES)} de 2026"
    linea(
        *(Pieza(t) for t in f"{municipio}, a".split()),
        *(Pieza(t, c.marcar("senuelo", "fecha", fecha)) for t in fecha.split()),
    )
    folio = f"OP-2026-{azar.randint(1, 999999):06d}"
    linea(Pieza("Folio:"), Pieza(folio, c.marcar("senuelo", "folio", folio)))
    linea(*(Pieza(t) for t in f"Asunto: {azar.choice(ASUNTOS)}".split()))
    linea()
    destinatario = servidores[0]
    texto = destinatario.upper() if azar.random() < 0.5 else destinatario
    clave = c.marcar("servidor", "nombre", texto)
    honor = azar.choice(["C.", "C. Ing.", "Lic.", "Arq."])
    linea(*(Pieza(t) for t in honor.split()), *(Pieza(t, clave) for t in texto.split()))
    linea(*(Pieza(t) for t in cargos[0].split()))
    linea(Pieza("Presente"))
    linea()
    _cuerpo(c, remitente, servidores, cargos)
    registrado = remitente
    if azar.random() < 0.3:  # registered surname first, in capitals, without accents
        partes = remitente.split()
        registrado = _sin_acentos(" ".join(partes[-2:] + partes[:-2])).upper()
    contexto = {"remitente": registrado, "servidores_publicos": servidores}
    return c, {"remitente_en_pagina": remitente, **contexto}


def _cuerpo(c: Carta, remitente: str, servidores: list[str], cargos: list[str]) -> None:
    azar, pais = c.azar, c.pais
    quien = azar.choice(["El suscrito", "La que suscribe,", "Quien suscribe,", "Yo,"])
    en_pagina = remitente.upper() if azar.random() < 0.15 else remitente
    if en_pagina.startswith("María ") and azar.random() < 0.5:
        en_pagina = "Ma. " + en_pagina.removeprefix("María ")
    c.frase(quien, ("nombre", en_pagina + ","), "por mi propio derecho,")
    if pais == "MX":
        _identificador(c, "curp", generar_curp(azar), ["con CURP", "CURP:", "y CURP"])
        if azar.random() < 0.6:
            _identificador(c, "rfc", generar_rfc(azar), ["y RFC", "RFC:", "con RFC"])
        if azar.random() < 0.6:
            _identificador(c, "ine", generar_ine(azar), ["clave de elector", "INE:"])
    elif pais == "CO":
        cedula = str(azar.randint(10_000_000, 1_099_999_999))
        if azar.random() < 0.5:
            cedula = f"{int(cedula):,}".replace(",", ".")
        c.frase(
            azar.choice(["identificado con C.C.", "con cédula de ciudadanía"]),
            ("cedula", cedula),
            "de Bogotá,",
        )
        if azar.random() < 0.6:
            base = str(azar.randint(800_000_000, 999_999_999))
            c.frase("con NIT", ("nit", nit.format(base + nit.calc_check_digit(base))), ",")
    else:
        dni = _digitos(azar, 8)
        con_digito = azar.random() < 0.3
        texto = f"{dni}-{cui.calc_check_digits(dni)[0]}" if con_digito else dni
        c.frase(azar.choice(["identificado con DNI", "con D.N.I. N°"]), ("dni", texto), ",")
        if azar.random() < 0.6:
            base = "10" + _digitos(azar, 8)
            c.frase("RUC", ("ruc", base + ruc.calc_check_digit(base)), ",")
    c.frase(
        azar.choice(["con domicilio en", "vivo en", "con domicilio ubicado en"]),
        ("domicilio", generar_domicilio(azar, pais) + ","),
    )
    c.frase(
        azar.choice(["teléfono", "celular", "Tel.", "me pueden llamar al", "mi número es"]),
        ("telefono", generar_telefono(azar, pais)),
    )
    if azar.random() < 0.5:
        c.frase("y", ("telefono", generar_telefono(azar, pais)))
    c.frase(
        azar.choice(["y correo", "correo electrónico:", "e-mail"]),
        ("correo", generar_correo(azar, remitente) + ","),
    )
    if azar.random() < 0.5:
        c.frase(
            azar.choice(["nací el", "fecha de nacimiento:"]),
            ("fecha_nacimiento", generar_nacimiento(azar) + ","),
        )
    c.frase("me dirijo a usted para exponer lo siguiente.")
    frases = [
        f.format(d=azar.randint(2, 28), m=azar.choice(MESES), n=azar.randint(3, 990), a=2025)
        for f in azar.sample(FRASES, 3)
    ]
    terceros = [
        lambda n: ("Mi vecino el Sr.", ("nombre", n), "presenció los hechos."),
        lambda n: ("Me acompañó la C.", ("nombre", n + ","), "quien vive en la misma calle."),
        lambda n: ("Mi hija", ("nombre", n), "puede recoger la respuesta."),
        lambda n: ("La Dra.", ("nombre", n + ","), "médica particular, lo hizo constar."),
        lambda n: ("El propietario del predio,", ("nombre", n + ","), "no ha contestado."),
    ]
    for plantilla in azar.sample(terceros, 2):
        nombre = (
            f"{azar.choice(NOMBRES).split()[0]} {azar.choice(APELLIDOS)} {azar.choice(APELLIDOS)}"
        )
        c.frase(*plantilla(nombre))
    c.frase(frases[0])
    c.frase(
        "Según me indicó el Lic.",
        ("servidor", servidores[1] + ","),
        cargos[1] + ",",
        "el trámite sigue pendiente.",
    )
    c.frase(
        "Con fundamento en el artículo",
        ("senuelo", str(azar.randint(8, 199))),
        "del reglamento, pagué la cantidad de",
        ("senuelo", f"${azar.randint(100, 99999):,}.{azar.randint(0, 99):02d}"),
        "con el recibo",
        ("senuelo", str(azar.randint(1000, 99999))),
        ".",
    )
    if pais == "MX" and azar.random() < 0.7:
        if azar.random() < 0.5:
            c.frase("Solicito el reembolso a la cuenta CLABE", ("cuenta", generar_clabe(azar)), ".")
        else:
            c.frase(
                "Pagué con la tarjeta", ("tarjeta", generar_tarjeta(azar)), "y se cobró dos veces."
            )
    c.frase(frases[1])
    if azar.random() < 0.4:
        apellido = remitente.split()[-2]
        c.frase(
            "Como saben los vecinos, la familia", ("nombre", apellido), "vive aquí desde hace años."
        )
    c.frase("Dirijo copia a la", ("servidor", servidores[2] + ","), cargos[2] + ".")
    for senuelo in azar.sample(SENUELOS, 3):
        c.frase(*senuelo(azar, c))
    c.frase(frases[2])


# Sentences with numbers and titles that are not personal data (must not be testado).
SENUELOS = [
    lambda azar, c: ("Fui atendido en el Hospital General", ("senuelo", "Dr. Manuel Gea González"), "sin costo alguno."),
    lambda azar, c: ("Los niños de la escuela primaria", ("senuelo", "Lic. Benito Juárez García"), "cruzan por ahí."),
    lambda azar, c: ("Solicito audiencia con el", ("senuelo", "C. Presidente Municipal"), "a la brevedad."),
    lambda azar, c: ("El oficio", ("senuelo", f"SOP/DU/{azar.randint(1, 9999):04d}/2026"), "no ha sido contestado."),
    lambda azar, c: ("El pago se hizo el", ("senuelo", f"{azar.randint(1, 28):02d}/{azar.randint(1, 12):02d}/2026"), "a las", ("senuelo", f"{azar.randint(8, 18)}:{azar.choice(['00', '15', '30', '45'])}"), "horas."),
    lambda azar, c: ("El presupuesto de la obra es de", ("senuelo", f"$ {azar.randint(1, 9)} {azar.randint(100, 999)} {azar.randint(100, 999)}.00"), "según el acta."),
    lambda azar, c: ("La constructora, con RFC", ("senuelo", _rfc_moral(azar) + ","), "no terminó la obra."),
    lambda azar, c: ("Llamé a la línea ciudadana", ("senuelo", f"800 {_digitos(azar, 3)} {_digitos(azar, 4)}"), "y nadie contestó."),
    lambda azar, c: ("Escribí también a", ("senuelo", "transparencia@" + _sin_acentos(c.municipio).lower() + ".gob.mx"), "sin respuesta."),
    lambda azar, c: ("Conforme a la Ley", ("senuelo", str(azar.choice([1712, 27806, 29733, 1581]))), "y al artículo", ("senuelo", f"{azar.randint(2, 140)}"), "del reglamento interior."),
]  # fmt: skip


def _rfc_moral(azar) -> str:
    while True:
        base = _letras(azar, 3) + _fecha6(azar) + azar.choice("123456789ABCDEFGHJKLMNPRSTUV")
        base += azar.choice("123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        numero = base + rfc.calc_check_digit(base)
        if rfc.is_valid(numero, validate_check_digits=True):
            return numero


def _identificador(c: Carta, categoria: str, valor: str, rotulos: list[str]) -> None:
    rotulo = c.azar.choice(rotulos)
    if rotulo.endswith(":") and c.azar.random() < 0.5:
        c.pegar(rotulo, categoria, valor)
        c.frase(",")
    else:
        c.frase(rotulo, (categoria, valor + ","))


# Drawing.


def _renglones(piezas: list[Pieza], ancho: int = 62) -> list[list[Pieza]]:
    """Wrap the pieces into lines of at most `ancho` characters (merged pieces stay together)."""
    renglones, actual, largo = [], [], 0
    grupo: list[Pieza] = []
    for pieza in piezas:
        grupo.append(pieza)
        if pieza.pegada:
            continue
        texto = "".join(p.texto for p in grupo)
        if texto in (",", ".") and actual:  # punctuation sticks to the word before
            actual[-1] = Pieza(actual[-1].texto + texto, actual[-1].etiqueta)
            largo += 1
        elif actual and largo + 1 + len(texto) > ancho:
            renglones.append(actual)
            actual, largo = list(grupo), len(texto)
        else:
            largo += len(texto) + (1 if actual else 0)
            actual.extend(grupo)
        grupo = []
    if actual:
        renglones.append(actual)
    return renglones


def dibujar(c: Carta, tipo, dura: bool):
    """The clean page, each labelled word's box as drawn, and the signature's box."""
    imagen = Image.new("L", (ANCHO, ALTO), 255)
    dibujo = ImageDraw.Draw(imagen)
    cajas: dict[str, list[list[int]]] = {}
    renglones = [*c.piezas_cabecera, *_renglones(c.cuerpo), [], [Pieza("Atentamente")]]
    y = 300
    for renglon in renglones:
        _renglon(dibujo, tipo, renglon, y, cajas)
        y += 62
    # The signature: a scribble over the blank lines, then the name.
    alto_firma = c.azar.randint(110, 170)
    x0 = 250 + c.azar.randint(0, 250)
    trazo = _garabato(c.azar, x0, y + 10, c.azar.randint(380, 620), alto_firma)
    dibujo.line(trazo, fill=20, width=c.azar.randint(3, 6), joint="curve")
    xs, ys = [p[0] for p in trazo], [p[1] for p in trazo]
    firma = [min(xs), min(ys), max(xs), max(ys)]
    y += alto_firma + 40
    clave = c.marcar("item", "nombre", c.firmante)
    _renglon(dibujo, tipo, [Pieza(t, clave) for t in c.firmante.split()], y, cajas)
    return imagen, cajas, firma


def _renglon(dibujo, tipo, renglon: list[Pieza], y: int, cajas: dict) -> None:
    x = 250
    texto = ""
    for k, pieza in enumerate(renglon):
        inicio = tipo.getlength(texto)
        texto += pieza.texto
        if pieza.etiqueta:
            caja = tipo.getbbox(pieza.texto)
            izquierda = x + inicio + caja[0]
            cajas.setdefault(pieza.etiqueta, []).append(
                [izquierda, y + caja[1], x + inicio + caja[2], y + caja[3]]
            )
        if not pieza.pegada and k < len(renglon) - 1:
            texto += " "
    dibujo.text((x, y), texto, fill=15, font=tipo)


def _garabato(azar, x, y, ancho, alto) -> list[tuple[float, float]]:
    """A signature-like stroke: loops and a sweeping tail."""
    fases = [azar.uniform(0, math.tau) for _ in range(3)]
    puntos = []
    for i in range(240):
        t = i / 239
        px = x + ancho * t + 40 * math.sin(t * 9 * math.pi + fases[0])
        py = y + alto / 2 + alto * 0.4 * math.sin(t * 7 * math.pi + fases[1]) * (1 - 0.3 * t)
        py += alto * 0.1 * math.sin(t * 3 * math.pi + fases[2])
        puntos.append((px, py))
    return puntos


def pagina(azar: random.Random, dura: bool) -> tuple[Image.Image, dict, str]:
    c, contexto = carta(azar)
    c.firmante = contexto["remitente_en_pagina"]
    tipo, nombre_fuente = fuente(azar, azar.choice([34, 38, 42]) if dura else 42)
    imagen, cajas, firma = dibujar(c, tipo, dura)
    degradada = degradar(imagen, azar, dura)
    clave = c.marcar("item", "firma", "(firma)")
    cajas[clave] = [firma]
    grupos = {"item": [], "servidor": [], "senuelo": []}
    for clave, datos in c.etiquetas.items():
        grupos[datos["tipo"]].append(
            {
                "categoria": datos["categoria"],
                "texto": datos["texto"].rstrip(",."),
                "cajas": [degradada.caja(*r) for r in cajas.get(clave, [])],
            }
        )
    verdad = {
        "pais": c.pais,
        "remitente": contexto["remitente"],
        "servidores_publicos": contexto["servidores_publicos"],
        "items": grupos["item"],
        "servidores": grupos["servidor"],
        "senuelos": grupos["senuelo"],
        "ops": ",".join([nombre_fuente, *degradada.ops]),
    }
    return degradada.imagen, verdad, verdad["ops"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--semilla", type=int, default=7)
    parser.add_argument("--dura", action="store_true", help="Degradaciones más fuertes.")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    azar = random.Random(args.semilla)
    for i in range(args.n):
        imagen, verdad, ops = pagina(azar, args.dura)
        nombre = guardar(imagen, ops, args.dir, f"testado_{i:03d}", azar, args.dura)
        verdad["imagen"] = nombre
        (args.dir / nombre).with_suffix(".json").write_text(
            json.dumps(verdad, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        print(f"{nombre}\t{len(verdad['items'])} datos\t{ops}")


if __name__ == "__main__":
    main()
