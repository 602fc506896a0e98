"""Geometry of server-rendered SVG charts (no JavaScript, no CDN).

Each builder returns a dict that a template under templates/cms/graficas/ draws. Every chart
is shown next to a table with the same figures, so the SVG is a visual aid only.
"""

import math

COLORES_SERIE = ["#0b4f6c", "#a23b16", "#5b3f8c", "#2f6b2f"]  # all >= 4.5:1 on white
TRAZOS_SERIE = ["", "6 3", "2 3", "8 3 2 3"]  # also distinct without colour


def _tope(maximo: float) -> float:
    """A round axis maximum at or above `maximo`."""
    if maximo <= 0:
        return 1
    magnitud = 10 ** math.floor(math.log10(maximo))
    for paso in (1, 2, 2.5, 5, 10):
        if paso * magnitud >= maximo:
            return paso * magnitud
    return 10 * magnitud


def _marcas(tope: float) -> list[float]:
    """Axis ticks; whole numbers whenever the top allows it."""
    n = next((k for k in (5, 4, 2) if tope >= k and tope % k == 0), 4)
    return [tope * i / n for i in range(n + 1)]


def _num(valor: float) -> str:
    return f"{valor:,.0f}".replace(",", " ") if valor == int(valor) else f"{valor:,.1f}"


def _valor(valor) -> tuple[float, str]:
    """(what is drawn, what is written): a hidden figure ("<5", "omitido") draws nothing."""
    if isinstance(valor, str):
        return 0, valor
    return valor, _num(valor)


def barras(filas: list[tuple[str, float]], sufijo: str = "") -> dict:
    """Horizontal bars with the label above each bar: narrow enough for a phone."""
    ancho_util, fila_alto = 330, 44
    tope = max((_valor(v)[0] for _, v in filas), default=0) or 1
    items = []
    for i, (etiqueta, bruto) in enumerate(filas):
        valor, texto = _valor(bruto)
        ancho = round(ancho_util * valor / tope, 1)
        y = 4 + i * fila_alto
        items.append(
            {
                "etiqueta": etiqueta if len(etiqueta) <= 52 else etiqueta[:51] + "…",
                "completa": etiqueta,
                "valor": texto if isinstance(bruto, str) else f"{texto}{sufijo}",
                "texto_y": y + 13,
                "barra_y": y + 19,
                "valor_y": y + 33,
                "ancho": ancho,
                "valor_x": round(ancho + 6, 1),
            }
        )
    return {
        "tipo": "barras",
        "ancho": ancho_util + 70,
        "alto": 8 + len(filas) * fila_alto,
        "items": items,
    }


def columnas(filas: list[tuple[str, float]], max_etiquetas: int = 12) -> dict:
    """Vertical bars for a time series, with a y axis and thinned x labels."""
    izquierda, ancho_util, arriba, alto_util = 48, 640, 12, 200
    tope = _tope(max((_valor(v)[0] for _, v in filas), default=0))
    n = max(len(filas), 1)
    paso = ancho_util / n
    cada = max(1, math.ceil(n / max_etiquetas))
    items = []
    for i, (etiqueta, bruto) in enumerate(filas):
        valor, texto = _valor(bruto)
        alto = round(alto_util * valor / tope, 1)
        x = round(izquierda + i * paso + paso * 0.15, 1)
        items.append(
            {
                "x": x,
                "y": round(arriba + alto_util - alto, 1),
                "ancho": round(max(paso * 0.7, 1), 1),
                "alto": alto,
                "etiqueta": etiqueta,
                "valor": texto,
                "centro": round(izquierda + i * paso + paso / 2, 1),
                "mostrar_etiqueta": i % cada == 0,
            }
        )
    return {
        "tipo": "columnas",
        "ancho": izquierda + ancho_util + 10,
        "alto": arriba + alto_util + 40,
        "x0": izquierda,
        "x1": izquierda + ancho_util,
        "base_y": arriba + alto_util,
        "etiquetas_y": arriba + alto_util + 18,
        "marcas": [
            {"y": round(arriba + alto_util - alto_util * m / tope, 1), "valor": _num(m)}
            for m in _marcas(tope)
        ],
        "items": items,
    }


def lineas(etiquetas: list[str], series: list[tuple[str, list[float | str | None]]]) -> dict:
    """One line per series (e.g. per year) over shared x labels; None ends a line early and a
    hidden figure ("<5") is left out of the line."""
    series = [(n, [None if isinstance(v, str) else v for v in vs]) for n, vs in series]
    izquierda, ancho_util, arriba, alto_util = 48, 600, 12, 200
    tope = _tope(max((v for _, valores in series for v in valores if v is not None), default=0))
    n = max(len(etiquetas), 2)
    paso = ancho_util / (n - 1)

    def punto(i, v):
        return round(izquierda + i * paso, 1), round(arriba + alto_util - alto_util * v / tope, 1)

    trazos = []
    for k, (nombre, valores) in enumerate(series):
        puntos = [punto(i, v) for i, v in enumerate(valores) if v is not None]
        trazos.append(
            {
                "nombre": nombre,
                "color": COLORES_SERIE[k % len(COLORES_SERIE)],
                "trazo": TRAZOS_SERIE[k % len(TRAZOS_SERIE)],
                "puntos": " ".join(f"{x},{y}" for x, y in puntos),
                "marcas": [{"x": x, "y": y} for x, y in puntos],
                "leyenda_y": arriba + 14 + k * 20,
            }
        )
    return {
        "tipo": "lineas",
        "ancho": izquierda + ancho_util + 110,
        "alto": arriba + alto_util + 34,
        "x0": izquierda,
        "x1": izquierda + ancho_util,
        "base_y": arriba + alto_util,
        "etiquetas_y": arriba + alto_util + 18,
        "leyenda_x": izquierda + ancho_util + 20,
        "marcas": [
            {"y": round(arriba + alto_util - alto_util * m / tope, 1), "valor": _num(m)}
            for m in _marcas(tope)
        ],
        "etiquetas": [{"x": punto(i, 0)[0], "texto": texto} for i, texto in enumerate(etiquetas)],
        "series": trazos,
    }
