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
