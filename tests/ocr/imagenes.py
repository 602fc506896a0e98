"""Small generated pages for the OCR tests (Pillow's bundled font: no system fonts needed)."""

import io

from PIL import Image, ImageDraw, ImageFont

# ASCII only: Pillow's bundled font has no accented letters.
LINEAS = [
    "Solicitud de licencia de construccion",
    "Por medio del presente solicito la revision",
    "del expediente 245 de la colonia Centro.",
    "Atentamente, Maria Guadalupe Perez",
]


def pagina(lineas=LINEAS, *, ancho=1400, alto=700, tamano=34, angulo=0.0) -> Image.Image:
    """A white page at ~300 dpi with the lines in black, rotated `angulo` degrees
    counter-clockwise."""
    imagen = Image.new("L", (ancho, alto), 255)
    dibujo = ImageDraw.Draw(imagen)
    fuente = ImageFont.load_default(size=tamano)
    for i, linea in enumerate(lineas):
        dibujo.text((80, 80 + i * int(tamano * 1.8)), linea, fill=0, font=fuente)
    if angulo:
        imagen = imagen.rotate(angulo, Image.Resampling.BICUBIC, fillcolor=255)
    return imagen


def como_bytes(imagen: Image.Image, formato="PNG", **opciones) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, formato, **opciones)
    return salida.getvalue()


def degradar(imagen: Image.Image, *, semilla=3) -> bytes:
    """What a cheap scanner does: uneven light, noise, blur, then JPEG."""
    import numpy as np
    from PIL import ImageFilter

    a = np.asarray(imagen, dtype=np.float32)
    luz = 1.0 - 0.35 * np.linspace(0, 1, a.shape[1], dtype=np.float32)[None, :]
    a = (255 - (255 - a) * 0.85) * luz
    a += np.random.default_rng(semilla).normal(0, 18, a.shape)
    borrosa = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(1.0)
    )
    return como_bytes(borrosa, "JPEG", quality=60)


PARRAFO = (
    "Por medio del presente solicito de la manera mas atenta se me otorgue la licencia de "
    "construccion para la ampliacion de una vivienda unifamiliar ubicada en la calle Morelos "
    "numero 788, colonia Centro, con una superficie de 398 metros cuadrados."
)


def hoja(dpi: int = 300, *, renglones: int = 24, puntos: float = 12) -> Image.Image:
    """A letter page (8.5 x 11 in) at `dpi`, written with `renglones` lines of 12 pt text."""
    ancho, alto = round(8.5 * dpi), round(11 * dpi)
    imagen = Image.new("L", (ancho, alto), 255)
    dibujo = ImageDraw.Draw(imagen)
    tamano = round(puntos / 72 * dpi)
    fuente = ImageFont.load_default(size=tamano)
    palabras = (PARRAFO + " ") * 8
    margen, y, inicio = dpi, dpi, 0
    for _ in range(renglones):
        fin = inicio
        while fin < len(palabras) and dibujo.textlength(palabras[inicio:fin], font=fuente) < (
            ancho - 2 * margen
        ):
            fin += 1
        dibujo.text((margen, y), palabras[inicio:fin].strip(), fill=0, font=fuente)
        inicio, y = fin, y + round(tamano * 1.6)
    return imagen


def en_angulo(imagen: Image.Image, k: float) -> Image.Image:
    """A photo taken from the right: the left edge shrinks by `k` of the height each end."""
    import cv2
    import numpy as np

    a = np.asarray(imagen)
    alto, ancho = a.shape
    origen = np.float32([[0, 0], [ancho, 0], [ancho, alto], [0, alto]])
    destino = np.float32([[0, alto * k], [ancho, 0], [ancho, alto], [0, alto * (1 - k)]])
    matriz = cv2.getPerspectiveTransform(origen, destino)
    return Image.fromarray(cv2.warpPerspective(a, matriz, (ancho, alto), borderValue=255))
