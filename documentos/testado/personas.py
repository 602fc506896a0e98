"""Names of persons in a string: the remitente's registered name (tolerating OCR errors,
lost accents, word order, one word alone), whoever is named after an honorific or a role
("C.", "Lic.", "el suscrito", "mi vecino"), and the signature block (the name near
"Atentamente", and the lines between them where the signature is). Public servants' names
(`Contexto.servidores_publicos`) are never suggested."""

import functools
import re

from django.utils.translation import gettext as _

from .texto import Hallazgo, Token, distancia, parecidas, plegar, tokens
from .tipos import Categoria, Contexto

_PARTICULAS = {"de", "del", "la", "las", "los", "y", "e", "van", "von", "da", "di"}
_HONORIFICOS = {
    "c", "cc", "sr", "sra", "srta", "srita", "lic", "licda", "licenciado", "licenciada", "ing",
    "ingeniero", "ingeniera", "dr", "dra", "doctor", "doctora", "mtro", "mtra", "maestro",
    "maestra", "arq", "arquitecto", "arquitecta", "prof", "profa", "profesor", "profesora",
    "don", "dona", "senor", "senora", "senorita", "ciudadano", "ciudadana", "cp", "abog",
    "abogado", "abogada", "enf", "psic", "joven",
}  # fmt: skip
_ROLES = re.compile(
    (
        r"(?<![a-z])(?:(?:el|la) (?:suscrit[oa]|que suscribe)|quien suscribe|(?:los|las) (?:suscrit[oa]s|que"
        r" suscriben)|(?:mi|su|nuestr[oa]|sus|mis|el|la|del|al) (?:vecin[oa]s?|espos[oa]|hij[oa]s?|"
        r"padre|madre|herman[oa]s?|abuel[oa]|niet[oa]|ti[oa]|prim[oa]|sobrin[oa]|cunad[oa]|suegr[oa]|"
        r"yerno|nuera|arrendador[a]?|arrendatari[oa]|inquilin[oa]|propietari[oa]|apoderad[oa]|"
        r"representante(?: legal)?|conocid[oa]|companer[oa]|amig[oa]|testigo|menor|finad[oa]|"
        r"difunt[oa])(?: (?:del|de la|de los|de las|de) [a-z]+)?,?|a nombre de|nombre(?: completo)?:"
        r"|nombre del (?:solicitante|interesado|titular):?|solicitante:|interesad[oa]:|titular:)"
    ).replace(" ", r"\s+")
    + r"(?![a-z])"
)
# Capitalised words that are offices, places or letter formulas, not names; the offices
# also when the OCR broke a letter ("Jete" for "Jefe").
_CARGOS = {
    "presidente", "presidenta", "director", "directora", "secretario", "secretaria", "regidor",
    "regidora", "sindico", "sindica", "tesorero", "tesorera", "oficial", "titular", "jefe",
    "jefa", "coordinador", "coordinadora", "encargado", "encargada", "gobernador",
    "gobernadora", "alcalde", "alcaldesa", "juez", "jueza", "notario", "notaria", "diputado",
    "diputada", "senador", "senadora", "delegado", "delegada", "subdirector", "subdirectora",
    "contralor", "contralora", "responsable", "gerente", "administrador", "administradora",
    "municipal", "ayuntamiento", "departamento", "direccion", "presente", "atentamente",
}  # fmt: skip
_NO_NOMBRES = _CARGOS | {
    "asunto", "obras", "publicas", "desarrollo", "urbano", "servicios", "agua", "potable",
    "catastro", "tesoreria", "gobierno", "estado", "republica", "consejo", "comite", "comision",
    "unidad", "oficina", "area", "general", "ciudadanos", "honorable", "h", "pueblo", "vecinos",
    "poblacion", "calle", "avenida", "colonia", "usted", "ustedes", "quien", "quienes",
    "solicito", "agradezco", "por", "el", "la", "los", "las", "en",
}  # fmt: skip
# Words before an honorific that make it part of a place's name ("Hospital General Dr.
# Manuel Gea González", "escuela primaria Lic. Benito Juárez").
_LUGARES = {
    "hospital", "clinica", "sanatorio", "escuela", "primaria", "secundaria", "preparatoria",
    "colegio", "instituto", "universidad", "jardin", "kinder", "centro", "unidad", "calle",
    "avenida", "av", "calzada", "boulevard", "blvd", "privada", "plaza", "parque", "colonia",
    "col", "fraccionamiento", "barrio", "mercado", "biblioteca", "museo", "teatro", "estadio",
    "deportivo", "auditorio", "panteon", "iglesia", "parroquia", "templo", "aeropuerto",
    "presa", "puente", "general", "fundacion", "asociacion",
}  # fmt: skip
# A line that closes a letter or marks where it is signed.
_DESPEDIDA = re.compile(
    r"\W*(?:atentamente|atte|respetuosamente|cordialmente|saludos(?: cordiales)?"
    r"|(?:nombre y )?firma(?: del (?:solicitante|interesad[oa]))?)\W*"
)


class _Palabras:
    """The tokens of a string with their folded letters (accents, case and dots gone)."""

    def __init__(self, texto: str):
        self.texto = texto
        self.lista = tokens(texto)
        self.planos = [_letras(t.texto) for t in self.lista]

    def __len__(self):
        return len(self.lista)

    def nombre(self, i: int) -> bool:
        """Whether token i may be a word of a person's name (capitalised, not an office nor
        an honorific)."""
        plano = self.planos[i]
        return _es_nombre(self.lista[i]) and plano not in _HONORIFICOS and not _no_nombre(plano)

    def cierra(self, i: int) -> bool:
        """Whether a name cannot go on after token i (comma, sentence end)."""
        texto = self.lista[i].texto
        return texto.endswith((",", ";", ":", ")")) or _fin_de_frase(self.lista[i])

    def de(self, hallazgo: Hallazgo) -> list[int]:
        return [i for i, t in enumerate(self.lista) if hallazgo.inicio <= t.inicio < hallazgo.fin]


def buscar(texto: str, contexto: Contexto) -> list[Hallazgo]:
    palabras = _Palabras(texto)
    servidores = [_nombre_plegado(s) for s in contexto.servidores_publicos if s.strip()]
    remitente = _nombre_plegado(contexto.remitente)
    nombrados = [*_tras_honorifico(palabras), *_firmas(palabras, remitente)]
    hallazgos = [h for h in nombrados if not _de_servidor(h, palabras, servidores)]
    hallazgos.extend(_remitente(palabras, remitente))
    protegidos = [o for nombre in servidores for o in _ocurrencias(palabras, nombre)]
    return [
        h
        for h in hallazgos
        if h.categoria == Categoria.FIRMA
        or not any(a <= i < b for i in palabras.de(h) for a, b in protegidos)
    ]


def _letras(texto: str) -> str:
    return re.sub(r"[^a-zñ]", "", plegar(texto))


def _nombre_plegado(nombre: str) -> list[str]:
    return [p for p in (_letras(t) for t in nombre.split()) if p and p not in _PARTICULAS]


def _es_nombre(token: Token) -> bool:
    """A capitalised word (OCR may have put a dot in it: "I.uis"), or an initial ("M.")."""
    limpio = token.limpio
    if not limpio or not limpio[0].isupper():
        return False
    if not re.fullmatch(r"[^\W\d_]+(?:[-'.][^\W\d_]+)*", limpio):
        return False
    return len(limpio) > 1 or token.texto.startswith(limpio + ".")


@functools.lru_cache(maxsize=4096)
def _no_nombre(plano: str) -> bool:
    return plano in _NO_NOMBRES or any(parecidas(plano, c) for c in _CARGOS if len(plano) >= 4)


def _fin_de_frase(token: Token) -> bool:
    """A word ending a sentence ("López."), not an initial ("M.")."""
    return token.texto.endswith(".") and len(token.limpio) > 1


def _nombre_desde(palabras: _Palabras, j: int, maximo: int = 6) -> int:
    """The index after a name starting at token j (j itself when there is none)."""
    fin = k = j
    while k < len(palabras) and k - j < maximo:
        if palabras.nombre(k):
            k = fin = k + 1
            if palabras.cierra(k - 1):
                break
        elif k > j and palabras.planos[k] in _PARTICULAS and not palabras.cierra(k):
            k += 1
        else:
            break
    return fin


def _hallazgo(palabras: _Palabras, j: int, fin: int, categoria, motivo: str) -> Hallazgo:
    """A finding over tokens [j, fin), without the punctuation that closes the last one."""
    ultimo = palabras.lista[fin - 1]
    final = ultimo.inicio + len(ultimo.texto.rstrip(",;:)"))
    if _fin_de_frase(ultimo):
        final -= 1
    return Hallazgo(palabras.lista[j].inicio, final, categoria, motivo, 3)


def _tras_honorifico(palabras: _Palabras):
    """Names right after an honorific ("Sr.", "C." with its dot) or a role ("mi vecino")."""
    lista, planos = palabras.lista, palabras.planos
    disparos = {}
    for i, plano in enumerate(planos):
        if plano in _HONORIFICOS and (plano != "c" or lista[i].texto.startswith("C.")):
            disparos[i + 1] = lista[i].texto.rstrip(",")
    for m in _ROLES.finditer(plegar(palabras.texto)):
        siguiente = next((k for k, t in enumerate(lista) if t.inicio >= m.end()), None)
        if siguiente is not None:
            disparos.setdefault(siguiente, " ".join(palabras.texto[m.start() : m.end()].split()))
    for j, disparo in sorted(disparos.items()):
        if planos[j - 1] in _HONORIFICOS and _lugar_antes(palabras, j - 1):
            continue
        while j < len(lista) and planos[j] in _HONORIFICOS | {"el", "la"}:
            j += 1  # "la C. Lic. María …"
        if (fin := _nombre_desde(palabras, j)) > j:
            motivo = _("después de «%(palabra)s»") % {"palabra": disparo}
            yield _hallazgo(palabras, j, fin, Categoria.NOMBRE, motivo)


def _lugar_antes(palabras: _Palabras, i: int) -> bool:
    """Whether the honorific at token i is part of a place's name: one of the two words
    before it, in the same phrase, names a kind of place."""
    for k in (i - 1, i - 2):
        if k < 0 or palabras.cierra(k):
            return False
        if palabras.planos[k] in _LUGARES:
            return True
    return False


def _coincide(plano: str, nombre: list[str], usadas=()) -> int | None:
    """Which word of the name (not among `usadas`) a folded page word is (OCR errors
    tolerated), or None."""
    for i, parte in enumerate(nombre):
        if i not in usadas and parecidas(plano, parte):
            return i
    return None


def _corridas(palabras: _Palabras, nombre: list[str]):
    """(inicio, fin, positions in the name) of each run of the name's words, in any order."""
    i = 0
    while i < len(palabras):
        partes: list[int] = []
        k = fin = i
        while k < len(palabras):
            parte = _coincide(palabras.planos[k], nombre, partes)
            if parte is not None:
                partes.append(parte)
                k = fin = k + 1
                if palabras.cierra(k - 1):
                    break
            elif partes and palabras.planos[k] in _PARTICULAS:
                k += 1
            else:
                break
        if partes:
            yield i, fin, partes
            i = fin
        else:
            i += 1


def _remitente(palabras: _Palabras, nombre: list[str]):
    """Runs of the remitente's words; one word alone when capitalised and spelt as
    registered (one OCR error allowed from 6 letters)."""
    for inicio, fin, partes in _corridas(palabras, nombre) if nombre else ():
        if len(partes) == 1:
            plano, parte = palabras.planos[inicio], nombre[partes[0]]
            if len(parte) < 4 or not _es_nombre(palabras.lista[inicio]):
                continue
            if plano != parte and (len(parte) < 6 or distancia(plano, parte) > 1):
                continue
        if inicio > 0 and _abreviatura(palabras.lista[inicio - 1], nombre, partes):
            inicio -= 1  # "Ma. Guadalupe", "J. Luis"
        yield _hallazgo(palabras, inicio, fin, Categoria.NOMBRE, _("nombre del remitente"))


def _abreviatura(token: Token, nombre: list[str], partes: list[int]) -> bool:
    """An abbreviated word of the name ("Ma." for María) not yet in the run."""
    limpio = plegar(token.limpio)
    return (
        token.texto.endswith(".")
        and token.limpio[:1].isupper()
        and 1 <= len(limpio) <= 3
        and any(p.startswith(limpio) for i, p in enumerate(nombre) if i not in partes)
    )


def _en_orden(partes: list[int]) -> bool:
    return partes == sorted(partes)


def _de_servidor(hallazgo: Hallazgo, palabras: _Palabras, servidores) -> bool:
    """A name whose every word is a servant's, in their order ("Lic. Salinas")."""
    if hallazgo.categoria != Categoria.NOMBRE:
        return False
    planos = [palabras.planos[i] for i in palabras.de(hallazgo)]
    planos = [p for p in planos if p not in _PARTICULAS]
    for nombre in servidores:
        partes: list[int] = []
        for plano in planos:
            if (parte := _coincide(plano, nombre, partes)) is None:
                break
            partes.append(parte)
        else:
            if planos and _en_orden(partes):
                return True
    return False


def _ocurrencias(palabras: _Palabras, nombre: list[str]):
    """Token ranges [a, b) where this servant is named: two or more of their words in
    their order, in a run with no other name's words (so "Ibáñez Trejo" inside "Ignacio
    Ibáñez Trejo" is not the servant "Raúl Trejo Ibáñez")."""
    for inicio, fin, partes in _corridas(palabras, nombre):
        if len(partes) < min(2, len(nombre)) or not _en_orden(partes):
            continue
        antes = inicio > 0 and palabras.nombre(inicio - 1) and not palabras.cierra(inicio - 1)
        despues = fin < len(palabras) and palabras.nombre(fin) and not palabras.cierra(fin - 1)
        if not (antes or despues):
            yield inicio, fin


def _firmas(palabras: _Palabras, remitente: list[str]):
    """Near "Atentamente": the closest line below (or, when the OCR ordered the blocks
    otherwise, above) that is a name is the signer's; the text between them is where the
    signature is (FIRMA, maybe only whitespace: the page's geometry decides). Without an
    "Atentamente" the OCR could read, a line that is only the remitente's name is the
    signer's, with the signature above it."""
    texto = palabras.texto
    lineas = _lineas(texto)
    despedidas = [n for n, (a, b) in enumerate(lineas) if _DESPEDIDA.fullmatch(plegar(texto[a:b]))]
    for n in despedidas:
        inicio, fin = lineas[n]
        for m in [*range(n + 1, min(n + 6, len(lineas))), *range(n - 1, max(n - 4, -1), -1)]:
            if nombre := _linea_de_nombre(palabras, *lineas[m], remitente):
                yield _hallazgo(
                    palabras, *nombre, Categoria.NOMBRE, _("nombre en el bloque de firma")
                )
                a, b = (fin, lineas[m][0]) if m > n else (lineas[m][1], inicio)
                motivo = _("firma (entre «%(despedida)s» y el nombre)")
                despedida = texto[inicio:fin].strip()
                yield Hallazgo(a, b, Categoria.FIRMA, motivo % {"despedida": despedida}, 3)
                break
    if despedidas:
        return
    for m in range(1, len(lineas)):
        nombre = _linea_de_nombre(palabras, *lineas[m], remitente)
        if nombre and _del_remitente(palabras, *nombre, remitente):
            motivo = _("firma (sobre el nombre del remitente)")
            yield Hallazgo(lineas[m - 1][1], lineas[m][0], Categoria.FIRMA, motivo, 3)


def _linea_de_nombre(palabras: _Palabras, a: int, b: int, remitente) -> tuple[int, int] | None:
    """The tokens [j, fin) of a name filling the line [a, b), an honorific before it left
    out: capitalised words, or words of which two are the remitente's (OCR may lower a
    capital: "jesús")."""
    suyos = [k for k, t in enumerate(palabras.lista) if a <= t.inicio < b]
    while suyos and palabras.planos[suyos[0]] in _HONORIFICOS:
        suyos.pop(0)
    if not 2 <= len(suyos) <= 7:
        return None
    j, fin = suyos[0], suyos[-1] + 1
    if _nombre_desde(palabras, j, maximo=7) == fin:
        return j, fin
    letras = all(re.fullmatch(r"[^\W\d_]+[.,]?", palabras.lista[k].texto) for k in suyos)
    return (j, fin) if letras and _del_remitente(palabras, j, fin, remitente) else None


def _del_remitente(palabras: _Palabras, j: int, fin: int, remitente: list[str]) -> bool:
    partes: list[int] = []
    for k in range(j, fin):
        if (parte := _coincide(palabras.planos[k], remitente, partes)) is not None:
            partes.append(parte)
    return len(partes) >= 2


def _lineas(texto: str) -> list[tuple[int, int]]:
    lineas, inicio = [], 0
    for linea in texto.split("\n"):
        lineas.append((inicio, inicio + len(linea)))
        inicio += len(linea) + 1
    return lineas
