"""Write degraded synthetic scans (image + exact .txt) to check the OCR on pages that are
not the shared samples: Spanish letters rendered with system TTF fonts, then skew,
uneven light, noise, blur, JPEG and 200 dpi, at random.

    .venv/bin/python bench/ocr_generar.py DIR [--n 12] [--semilla 7]
"""

import argparse
import random
import textwrap
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

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
    imagen = Image.new("L", (2550, 3300), 255)
    dibujo = ImageDraw.Draw(imagen)
    y = 300
    for linea in contenido.split("\n"):
        dibujo.text((250, y), linea, fill=15, font=tipo)
        y += 62
    ops = [nombre]
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
    if azar.random() < 0.4:
        imagen = imagen.resize((1700, 2200), Image.Resampling.LANCZOS)
        ops.append("200dpi")
    return imagen, contenido, ",".join(ops)


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
        nombre = f"gen_{i:03d}.jpg" if "noise" in ops else f"gen_{i:03d}.png"
        if nombre.endswith(".jpg"):
            imagen.save(args.dir / nombre, quality=azar.randint(35 if args.dura else 55, 85))
        else:
            imagen.save(args.dir / nombre)
        (args.dir / nombre).with_suffix(".txt").write_text(contenido + "\n", encoding="utf-8")
        manifiesto.append(f"{nombre}\t{ops}")
    (args.dir / "manifest.tsv").write_text("\n".join(manifiesto) + "\n", encoding="utf-8")
    print("\n".join(manifiesto))


if __name__ == "__main__":
    main()
