"""Write degraded synthetic scans (image + exact .txt) to check the OCR on pages that are
not the shared samples: Spanish letters rendered with system TTF fonts, then skew,
uneven light, noise, blur, JPEG and 200 dpi, at random.

    .venv/bin/python bench/ocr_generar.py DIR [--n 12] [--semilla 7]
"""

import argparse
import math
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ANCHO, ALTO = 2550, 3300  # letter at 300 dpi
FUENTES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
]
MUNICIPIOS = ["Zacatlán", "Tlaxiaco", "Jiquilpan", "Cuetzalan", "Sahuayo", "Pátzcuaro"]
PERSONAS = ["Josefina Núñez Ibáñez", "Héctor Gutiérrez Ávila", "Eugenia Muñoz Córdova"]
ASUNTOS = [
    "Solicitud de poda de árboles en vía pública",
    "Petición de información sobre el presupuesto de obra",
    "Queja por cobro indebido en la tesorería",
    "Solicitud de constancia de residencia",
]
FRASES = [
    "Por medio del presente me dirijo a usted con el debido respeto para exponer lo siguiente.",
    "El día {d} de {m} del año en curso acudí a la ventanilla número {n} sin obtener respuesta.",
    "Adjunto copia de mi identificación oficial, del comprobante de domicilio y del recibo {n}.",
    "Solicito que se revise el expediente {n}/{a} y se me notifique la resolución por escrito.",
    "La calle Benito Juárez esquina con Vicente Guerrero presenta un socavón de {n} metros.",
    "Según el artículo {n} del reglamento, la autoridad debe contestar en un plazo de {d} días.",
    "Agradeceré que la información se entregue en formato electrónico, vía correo o en CD.",
    "Los vecinos señalamos que la bomba de agua lleva {d} semanas averiada y nadie la atiende.",
]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"]


def texto(azar: random.Random) -> str:
    cuerpo = " ".join(
        azar.choice(FRASES).format(
            d=azar.randint(2, 28), m=azar.choice(MESES), n=azar.randint(3, 990), a=2024
        )
        for _ in range(azar.randint(4, 7))
    )
    municipio = azar.choice(MUNICIPIOS)
    partes = [
        f"H. Ayuntamiento de {municipio}",
        "",
        f"Asunto: {azar.choice(ASUNTOS)}",
        f"{municipio}, a {azar.randint(1, 28)} de {azar.choice(MESES)} de 2024",
        "",
        *textwrap.wrap(cuerpo, 62),
        "",
        "Atentamente",
        azar.choice(PERSONAS),
    ]
    return "\n".join(partes)


def fuente(azar: random.Random, tamano: int):
    disponibles = [f for f in FUENTES if Path(f).exists()]
    if not disponibles:
        return ImageFont.load_default(size=tamano), "default"
    ruta = azar.choice(disponibles)
    return ImageFont.truetype(ruta, tamano), Path(ruta).name


def pagina(azar: random.Random, dura: bool = False) -> tuple[Image.Image, str, str]:
    """One page; `dura` makes every degradation stronger (and some pages upside down)."""
    contenido = texto(azar)
    tipo, nombre = fuente(azar, azar.choice([34, 38, 42]) if dura else 42)
    imagen = Image.new("L", (ANCHO, ALTO), 255)
    dibujo = ImageDraw.Draw(imagen)
    y = 300
    for linea in contenido.split("\n"):
        dibujo.text((250, y), linea, fill=15, font=tipo)
        y += 62
    degradada = degradar(imagen, azar, dura)
    return degradada.imagen, contenido, ",".join([nombre, *degradada.ops])


@dataclass
class Degradada:
    """A degraded page and how a point of the clean page moved (rotation, then scale)."""

    imagen: Image.Image
    ops: list[str]
    angulo: float
    escala: float

    def punto(self, x: float, y: float) -> tuple[float, float]:
        t = math.radians(self.angulo)
        cx, cy = ANCHO / 2, ALTO / 2
        rx = cx + (x - cx) * math.cos(t) + (y - cy) * math.sin(t)
        ry = cy - (x - cx) * math.sin(t) + (y - cy) * math.cos(t)
        return rx * self.escala, ry * self.escala

    def caja(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """The bounding box [x, y, ancho, alto] of a clean-page rectangle after degrading."""
        esquinas = [self.punto(x, y) for x in (x0, x1) for y in (y0, y1)]
        xs, ys = [e[0] for e in esquinas], [e[1] for e in esquinas]
        return [round(min(xs)), round(min(ys)), round(max(xs) - min(xs)), round(max(ys) - min(ys))]


def degradar(imagen: Image.Image, azar: random.Random, dura: bool = False) -> Degradada:
    """Skew (some pages upside down when `dura`), uneven light, noise, blur, 200 dpi."""
    ops = []
    angulo = azar.choice([-1, 1]) * azar.uniform(0.5, 5.0 if dura else 3.5)
    if dura and azar.random() < 0.2:
        angulo += 180
    imagen = imagen.rotate(angulo, Image.Resampling.BICUBIC, fillcolor=255)
    ops.append(f"rot{angulo:+.1f}")
    a = np.asarray(imagen, dtype=np.float32)
    alto, ancho = a.shape
    yy, xx = np.mgrid[0:alto, 0:ancho]
    luz = 1.0 - azar.uniform(0.15, 0.5 if dura else 0.35) * (
        (xx / ancho) * azar.random() + (yy / alto) * 0.7
    )
    a = 255 - (255 - a) * 0.9
    a *= luz
    ops.append("light")
    if azar.random() < 0.7:
        a += np.random.default_rng(azar.randint(0, 10**6)).normal(0, 24 if dura else 14, a.shape)
        ops.append("noise")
    imagen = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if azar.random() < 0.7:
        imagen = imagen.filter(ImageFilter.GaussianBlur(azar.uniform(0.8, 2.0 if dura else 1.6)))
        ops.append("blur")
    escala = 1.0
    if azar.random() < 0.4:
        imagen = imagen.resize((1700, 2200), Image.Resampling.LANCZOS)
        ops.append("200dpi")
        escala = 1700 / ANCHO
    return Degradada(imagen, ops, angulo, escala)


def guardar(imagen: Image.Image, ops: str, carpeta: Path, base: str, azar, dura: bool) -> str:
    """Noisy pages as JPEG (random quality), the rest as PNG; returns the file name."""
    nombre = f"{base}.jpg" if "noise" in ops else f"{base}.png"
    if nombre.endswith(".jpg"):
        imagen.save(carpeta / nombre, quality=azar.randint(35 if dura else 55, 85))
    else:
        imagen.save(carpeta / nombre)
    return nombre


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--semilla", type=int, default=7)
    parser.add_argument("--dura", action="store_true", help="Degradaciones más fuertes.")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    azar = random.Random(args.semilla)
    manifiesto = ["name\tops"]
    for i in range(args.n):
        imagen, contenido, ops = pagina(azar, args.dura)
        nombre = guardar(imagen, ops, args.dir, f"gen_{i:03d}", azar, args.dura)
        (args.dir / nombre).with_suffix(".txt").write_text(contenido + "\n", encoding="utf-8")
        manifiesto.append(f"{nombre}\t{ops}")
    (args.dir / "manifest.tsv").write_text("\n".join(manifiesto) + "\n", encoding="utf-8")
    print("\n".join(manifiesto))


if __name__ == "__main__":
    main()
