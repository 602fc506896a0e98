"""Suggestions of personal data on the OCR words of a page (pure: no database).

The page's words become one string (a line per OCR line), the rules of `identificadores`,
`correos`, `domicilios` and `personas` find character spans in it, overlaps are settled (an
identifier beats an address, an address beats a name), and each span goes back to the words
it covers: one box per line, the union of those words' boxes with a small margin. A word the
OCR merged with its label ("CURP:GODE…") gets a box trimmed to the datum's characters.
"""

import bisect

from . import correos, domicilios, identificadores, personas
from .texto import Hallazgo
from .tipos import Caja, Categoria, Contexto, PaginaLeida, Palabra, Sugerencia


def detectar(
    paginas: list[PaginaLeida], contexto: Contexto, *, forma_tras_etiqueta: bool = True
) -> list[Sugerencia]:
    """Every suggestion on these pages, in page and reading order. `forma_tras_etiqueta`:
    suggest an identifier of the right shape right after its label even when its check
    digit fails (OCR may have broken a character)."""
    sugerencias = []
    for pagina in paginas:
        texto = _Texto(pagina)
        for hallazgo, tramos in _resolver(_buscar(texto.cadena, contexto, forma_tras_etiqueta)):
            if sugerencia := texto.sugerencia(hallazgo, tramos):
                sugerencias.append(sugerencia)
    return sugerencias


def detectar_texto(
    texto: str, contexto: Contexto, *, forma_tras_etiqueta: bool = True
) -> list[tuple[int, int, str]]:
    """(inicio, fin, categoria) of the personal data in a plain string (a typed subject)."""
    spans = []
    for hallazgo, tramos in _resolver(_buscar(texto, contexto, forma_tras_etiqueta)):
        spans.extend((a, b, str(hallazgo.categoria)) for a, b in tramos if texto[a:b].strip())
    return sorted(spans)


def _buscar(cadena: str, contexto: Contexto, forma_tras_etiqueta: bool) -> list[Hallazgo]:
    return [
        *identificadores.buscar(cadena, forma_tras_etiqueta),
        *correos.buscar(cadena),
        *domicilios.buscar(cadena),
        *personas.buscar(cadena, contexto),
    ]


def _resolver(hallazgos: list[Hallazgo]) -> list[tuple[Hallazgo, list[tuple[int, int]]]]:
    """Give every character to one finding at most, by priority and then the longest first.
    Findings of one category that overlap are joined; a finding that loses characters to a
    stronger one keeps the rest (an address around a phone) if it keeps half of them."""
    tomados: list[tuple[int, int]] = []
    resultado = []
    for h in sorted(_unir(hallazgos), key=lambda h: (h.prioridad, h.inicio - h.fin, h.inicio)):
        libres = _restar((h.inicio, h.fin), tomados)
        if h.categoria != Categoria.FIRMA and 2 * sum(b - a for a, b in libres) < h.fin - h.inicio:
            continue
        tomados.extend(libres)
        resultado.append((h, libres))
    return sorted(resultado, key=lambda r: r[0].inicio)


def _unir(hallazgos: list[Hallazgo]) -> list[Hallazgo]:
    unidos: list[Hallazgo] = []
    for h in sorted(hallazgos, key=lambda h: (h.categoria, h.inicio)):
        previo = unidos[-1] if unidos else None
        if previo and previo.categoria == h.categoria and h.inicio < previo.fin:
            prioridad = min(previo.prioridad, h.prioridad)
            fin = max(previo.fin, h.fin)
            unidos[-1] = Hallazgo(previo.inicio, fin, previo.categoria, previo.motivo, prioridad)
        else:
            unidos.append(h)
    return unidos


def _restar(tramo: tuple[int, int], tomados: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `tramo` outside every taken span."""
    libres = [tramo]
    for a, b in tomados:
        libres = [
            pieza
            for x, y in libres
            for pieza in (((x, y),) if y <= a or b <= x else ((x, a), (b, y)))
            if pieza[0] < pieza[1]
        ]
    return libres


class _Texto:
    """A page's words as one string: words joined by a space, a line per OCR line."""

    def __init__(self, pagina: PaginaLeida):
        self.pagina = pagina
        self.lineas = _lineas(pagina)
        self.linea_de: dict[int, int] = {}
        self.inicios: list[int] = []  # where each word starts in the string, in order
        self.orden: list[int] = []  # the word at each of those starts
        renglones, posicion = [], 0
        for n, linea in enumerate(self.lineas):
            for i in linea:
                self.inicios.append(posicion)
                self.orden.append(i)
                self.linea_de[i] = n
                posicion += len(pagina.palabras[i].texto) + 1
            renglones.append(" ".join(pagina.palabras[i].texto for i in linea))
        self.cadena = "\n".join(renglones) + "\n"
        self.al_reves = _al_reves(pagina, self.lineas)

    def sugerencia(self, hallazgo: Hallazgo, tramos: list[tuple[int, int]]) -> Sugerencia | None:
        palabras = self.pagina.palabras
        cubiertas: dict[int, tuple[int, int]] = {}  # word -> its characters covered
        for a, b in tramos:
            desde = max(0, bisect.bisect_right(self.inicios, a) - 1)
            for inicio, i in zip(self.inicios[desde:], self.orden[desde:], strict=True):
                if inicio >= b:
                    break
                fin = inicio + len(palabras[i].texto)
                if a < fin:
                    x, y = cubiertas.get(i, (fin - inicio, 0))
                    cubiertas[i] = (min(x, max(a, inicio) - inicio), max(y, min(b, fin) - inicio))
        if hallazgo.categoria == Categoria.FIRMA:
            cajas = self._firma(hallazgo, list(cubiertas))
        else:
            por_linea: dict[int, list[Caja]] = {}
            for i, (desde, hasta) in cubiertas.items():
                caja = _recorte(palabras[i], desde, hasta, self.al_reves)
                por_linea.setdefault(self.linea_de[i], []).append(caja)
            cajas = [self._margen(_union(c)) for _, c in sorted(por_linea.items())]
        if not cajas:
            return None
        return Sugerencia(
            archivo_id=self.pagina.archivo_id,
            numero=self.pagina.numero,
            categoria=str(hallazgo.categoria),
            palabras=tuple(sorted(cubiertas)),
            cajas=tuple(cajas),
            motivo=hallazgo.motivo,
        )

    def _firma(self, hallazgo: Hallazgo, garabatos: list[int]) -> list[Caja]:
        """The signature: the band between the "Atentamente" and the name lines, across the
        text's width (a signature often runs wider than the name), when there is more than
        a blank line between them, with whatever words the OCR saw there."""
        palabras = self.pagina.palabras
        arriba, abajo = sorted(
            (
                _union([palabras[i].caja for i in self.lineas[self._linea_en(p)]])
                for p in (hallazgo.inicio - 1, hallazgo.fin)
            ),
            key=lambda c: c.y,
        )
        cajas = [palabras[i].caja for i in garabatos]
        desde, hasta = arriba.y + arriba.alto, abajo.y
        if hasta - desde > max(arriba.alto, abajo.alto):
            texto = _union([p.caja for p in palabras])
            cajas.append(Caja(texto.x, desde, texto.ancho, hasta - desde))
            cajas.extend(p.caja for p in palabras if desde < p.caja.y + p.caja.alto / 2 < hasta)
        return [self._margen(_union(cajas))] if cajas else []

    def _linea_en(self, posicion: int) -> int:
        """The line of the word at (or last before) a position of the string."""
        k = max(0, bisect.bisect_right(self.inicios, posicion) - 1)
        return self.linea_de[self.orden[k]]

    def _margen(self, caja: Caja) -> Caja:
        """A few pixels around the box (an eighth of its height), within the page."""
        m = max(2, round(caja.alto / 8))
        x, y = max(0, caja.x - m), max(0, caja.y - m)
        derecha, abajo = caja.x + caja.ancho + m, caja.y + caja.alto + m
        if self.pagina.ancho and self.pagina.alto:
            derecha, abajo = min(derecha, self.pagina.ancho), min(abajo, self.pagina.alto)
        return Caja(x, y, derecha - x, abajo - y)


def _lineas(pagina: PaginaLeida) -> list[list[int]]:
    """Word indexes per line: the lines of the page's text when its words spell it (the OCR
    wrote it from them), else a new line wherever a word does not follow the previous one."""
    palabras = pagina.palabras
    lineas, k = [], 0
    for linea in pagina.texto.splitlines():
        actual = []
        for texto in linea.split():
            if k >= len(palabras) or palabras[k].texto != texto:
                return _lineas_por_posicion(palabras)
            actual.append(k)
            k += 1
        if actual:
            lineas.append(actual)
    return lineas if k == len(palabras) else _lineas_por_posicion(palabras)


def _lineas_por_posicion(palabras: tuple[Palabra, ...]) -> list[list[int]]:
    lineas: list[list[int]] = []
    for i, palabra in enumerate(palabras):
        previa = palabras[i - 1].caja if i else None
        centro = palabra.caja.y + palabra.caja.alto / 2
        if previa and palabra.caja.x > previa.x and previa.y <= centro <= previa.y + previa.alto:
            lineas[-1].append(i)
        else:
            lineas.append([i])
    return lineas


def _al_reves(pagina: PaginaLeida, lineas: list[list[int]]) -> bool:
    """Whether the words run right to left in the page's pixels (a page read upside down:
    its boxes are in the scan's coordinates)."""
    avance = sum(
        pagina.palabras[linea[-1]].caja.x - pagina.palabras[linea[0]].caja.x for linea in lineas
    )
    return avance < 0


def _union(cajas: list[Caja]) -> Caja:
    x0 = min(c.x for c in cajas)
    y0 = min(c.y for c in cajas)
    x1 = max(c.x + c.ancho for c in cajas)
    y1 = max(c.y + c.alto for c in cajas)
    return Caja(x0, y0, x1 - x0, y1 - y0)


def _recorte(palabra: Palabra, desde: int, hasta: int, al_reves: bool) -> Caja:
    """The part of a word's box holding its characters [desde, hasta), by their share of
    the width and one character wider on each cut side; the whole box when fewer than three
    characters are left out on a side (punctuation, a misread mark)."""
    caja, largo = palabra.caja, len(palabra.texto)
    if al_reves:
        desde, hasta = largo - hasta, largo - desde
    letra = caja.ancho / largo
    x0 = caja.x + (desde - 1) * letra if desde >= 3 else caja.x
    x1 = caja.x + (hasta + 1) * letra if largo - hasta >= 3 else caja.x + caja.ancho
    return Caja(round(x0), caja.y, round(x1 - x0), caja.alto)
