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


CLASES = ("foto", "fotocopia", "sello", "baja")
COLORES_SELLO = {"azul": (30, 60, 200), "rojo": (200, 30, 40), "violeta": (120, 40, 170)}


def limpia(azar: random.Random) -> tuple[Image.Image, str, str]:
    contenido = texto(azar)
    tipo, nombre = fuente(azar, 42)
    imagen = Image.new("L", (ANCHO, ALTO), 255)
    dibujo = ImageDraw.Draw(imagen)
    y = 300
    for linea in contenido.split("\n"):
        dibujo.text((250, y), linea, fill=15, font=tipo)
        y += 62
    return imagen, contenido, nombre


def sello(imagen: Image.Image, azar: random.Random) -> tuple[Image.Image, str]:
    """A rotated "RECIBIDO" stamp (box, word, date) in blue, red or violet over the text."""
    color_nombre = azar.choice(list(COLORES_SELLO))
    capa = Image.new("L", (900, 380), 0)
    d = ImageDraw.Draw(capa)
    d.rectangle((8, 8, 892, 372), outline=255, width=12)
    letra = ImageFont.truetype(FUENTES[0], 120) if Path(FUENTES[0]).exists() else None
    d.text((70, 60), "RECIBIDO", fill=255, font=letra)
    d.text(
        (150, 230),
        f"{azar.randint(1, 28)} MAR 2024",
        fill=255,
        font=letra.font_variant(size=80) if letra else None,
    )
    capa = capa.rotate(azar.uniform(-25, 25), expand=True)
    x, y = azar.randint(900, 1500), azar.randint(500, 1200)
    a = np.asarray(imagen.convert("RGB"), dtype=np.float32)
    m = np.zeros(a.shape[:2], np.float32)
    m[y : y + capa.height, x : x + capa.width] = (
        np.asarray(capa, np.float32)[: ALTO - y, : ANCHO - x] / 255
    )
    m *= azar.uniform(0.6, 0.9)  # ink partly absorbed
    tinta = np.array(COLORES_SELLO[color_nombre], np.float32)
    a = a * (1 - m[..., None]) + (a / 255 * tinta) * m[..., None]  # multiplied: text stays dark
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), color_nombre


def fondo_mesa(azar: random.Random, ancho: int, alto: int) -> np.ndarray:
    """A busy dark table: wood-like stripes, noise and a few objects."""
    rng = np.random.default_rng(azar.randint(0, 10**6))
    yy, xx = np.mgrid[0:alto, 0:ancho]
    vetas = 60 + 25 * np.sin(xx / azar.uniform(15, 40) + 3 * np.sin(yy / 200))
    base = np.stack([vetas * 1.2, vetas * 0.9, vetas * 0.6], axis=-1) + rng.normal(
        0, 10, (alto, ancho, 1)
    )
    for _ in range(4):
        x0, y0 = azar.randint(0, ancho), azar.randint(0, alto)
        base[y0 : y0 + azar.randint(50, 300), x0 : x0 + azar.randint(50, 300)] = [
            azar.randint(0, 200) for _ in range(3)
        ]
    return np.clip(base, 0, 255).astype(np.uint8)


def foto(imagen: Image.Image, azar: random.Random) -> tuple[Image.Image, list[str]]:
    """A phone photo: the sheet in perspective, rotated, on a table, with a shadow, ~180 dpi."""
    import cv2

    ops = []
    escala = 180 / 300
    hoja = np.asarray(imagen.convert("RGB").resize((round(ANCHO * escala), round(ALTO * escala))))
    h, w = hoja.shape[:2]
    lienzo_w, lienzo_h = round(w * 1.5), round(h * 1.4)
    angulo = azar.choice([-1, 1]) * azar.uniform(8, 15)
    giro = azar.choice([0, 0, 90, 180])
    cx, cy = lienzo_w / 2, lienzo_h / 2
    t = np.radians(angulo + giro)
    esquinas = []
    for px, py in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        qx = px * np.cos(t) - py * np.sin(t) + azar.uniform(-0.04, 0.04) * w
        qy = px * np.sin(t) + py * np.cos(t) + azar.uniform(-0.04, 0.04) * h
        esquinas.append([cx + qx * 0.62 / 0.62 * 0.9, cy + qy * 0.9])
    # Perspective: the far edge shorter.
    esquinas[0][0] += 0.05 * w
    esquinas[1][0] -= 0.05 * w
    origen = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matriz = cv2.getPerspectiveTransform(origen, np.float32(esquinas))
    mesa = fondo_mesa(azar, lienzo_w, lienzo_h)
    plana = cv2.warpPerspective(hoja, matriz, (lienzo_w, lienzo_h), borderValue=0)
    mascara = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matriz, (lienzo_w, lienzo_h))
    a = np.where(mascara[..., None] > 127, plana, mesa).astype(np.float32)
    _yy, xx = np.mgrid[0:lienzo_h, 0:lienzo_w]
    sombra = 1 - azar.uniform(0.25, 0.45) * np.clip(
        (xx / lienzo_w) * azar.uniform(0.8, 1.5) - 0.2, 0, 1
    )
    a *= sombra[..., None] * azar.uniform(0.85, 0.97)
    a += np.random.default_rng(azar.randint(0, 10**6)).normal(0, 5, a.shape)
    ops += [f"rot{angulo + giro:+.1f}", "perspectiva", "sombra", "180dpi"]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.6)
    ), ops


def fotocopia(imagen: Image.Image, azar: random.Random) -> tuple[Image.Image, list[str]]:
    """A third-generation photocopy with augraphy (ink, paper, photocopier phases)."""
    try:
        from augraphy import (
            AugraphyPipeline,
            BadPhotoCopy,
            DirtyDrum,
            InkBleed,
            LowInkRandomLines,
            NoiseTexturize,
        )
    except ImportError as exc:
        raise SystemExit("pip install -e '.[bench]' (augraphy)") from exc
    np.random.seed(azar.randint(0, 2**31 - 1))
    random.seed(azar.randint(0, 2**31 - 1))
    tubo = AugraphyPipeline(
        ink_phase=[InkBleed(p=1), LowInkRandomLines(p=0.7)],
        paper_phase=[NoiseTexturize(sigma_range=(4, 8), turbulence_range=(2, 4), p=1)],
        post_phase=[DirtyDrum(p=0.8), BadPhotoCopy(p=1)],
    )
    salida = tubo(np.asarray(imagen.convert("RGB")))
    return Image.fromarray(salida).convert("L"), ["augraphy:inkbleed,lowink,texture,drum,badcopy"]


def dificil(azar: random.Random, clase: str) -> tuple[Image.Image, str, str]:
    imagen, contenido, nombre = limpia(azar)
    ops = [clase]
    if clase == "foto":
        imagen, mas = foto(imagen, azar)
    elif clase == "fotocopia":
        imagen, mas = fotocopia(imagen, azar)
    elif clase == "sello":
        imagen, color = sello(imagen, azar)
        mas = [color]
        if azar.random() < 0.4:
            imagen = imagen.convert("L")
            mas.append("gris")
    else:
        dpi = azar.choice([100, 120, 150])
        imagen = imagen.resize(
            (round(ANCHO * dpi / 300), round(ALTO * dpi / 300)), Image.Resampling.BOX
        )
        imagen = imagen.filter(ImageFilter.GaussianBlur(0.5))
        mas = [f"{dpi}dpi"]
    return imagen, contenido, ",".join([nombre, *ops, *mas])


def main_dificil(args) -> None:
    manifiesto = ["name\tkind\tops"]
    for clase in CLASES:
        azar = random.Random(f"{args.semilla}-{clase}")
        for i in range(args.n):
            imagen, contenido, ops = dificil(azar, clase)
            nombre = f"{clase}_{i:03d}." + ("jpg" if clase == "foto" else "png")
            if nombre.endswith(".jpg"):
                imagen.save(args.dir / nombre, quality=80, dpi=(180, 180))
            else:
                imagen.save(args.dir / nombre)
            (args.dir / nombre).with_suffix(".txt").write_text(contenido + "\n", encoding="utf-8")
            manifiesto.append(f"{nombre}\t{clase}\t{ops}")
    (args.dir / "manifest.tsv").write_text("\n".join(manifiesto) + "\n", encoding="utf-8")
    print("\n".join(manifiesto))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--semilla", type=int, default=7)
    parser.add_argument("--dura", action="store_true", help="Degradaciones más fuertes.")
    parser.add_argument(
        "--clases",
        action="store_true",
        help="Conjunto difícil: foto, fotocopia, sello, baja (n por clase).",
    )
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.clases:
        return main_dificil(args)
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
