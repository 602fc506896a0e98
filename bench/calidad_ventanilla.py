"""Calibration of the intake quality check (ocr/pipeline/calidad.py).

Measures every sample in the shared folders, then degraded copies of the clean ones
(Gaussian blur, low resolution, dark, faded, rotated, JPEG-crushed), and prints the
measurements, the problems found and the time per page. With --cer also bare Tesseract's
character error rate on each copy, to see where reading breaks down.

    .venv/bin/python bench/calidad_ventanilla.py [--cer] [DIR ...]
"""

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

from bench.ocr_quality import cer, tesseract_solo  # noqa: E402
from ocr.pipeline.calidad import revisar  # noqa: E402

# ../shared from the main checkout (or from a worktree one level deeper).
COMPARTIDA = next(
    (p for p in (RAIZ.parent / "shared", RAIZ.parents[1] / "shared") if p.exists()),
    RAIZ.parent / "shared",
)
CARPETAS = [COMPARTIDA / "ocr-samples", COMPARTIDA / "ocr-samples-hard"]
LIMPIAS = ["scan_1_000.png", "scan_1_004.png", "scan_1_005.png"]


def _bytes(imagen: Image.Image, formato="PNG", **opciones) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, formato, **opciones)
    return salida.getvalue()


def _nivel(imagen: Image.Image, funcion) -> Image.Image:
    a = np.asarray(imagen, dtype=np.float32)
    return Image.fromarray(np.clip(funcion(a), 0, 255).astype(np.uint8))


def en_angulo(imagen: Image.Image, k: float) -> Image.Image:
    """A photo taken from the right: the left edge shrinks by `k` of the height each end."""
    a = np.asarray(imagen)
    alto, ancho = a.shape
    origen = np.float32([[0, 0], [ancho, 0], [ancho, alto], [0, alto]])
    destino = np.float32([[0, alto * k], [ancho, 0], [ancho, alto], [0, alto * (1 - k)]])
    matriz = cv2.getPerspectiveTransform(origen, destino)
    return Image.fromarray(cv2.warpPerspective(a, matriz, (ancho, alto), borderValue=255))


def variantes(imagen: Image.Image) -> list[tuple[str, bytes]]:
    ancho, alto = imagen.size
    salida = []
    for sigma in (1, 2, 3, 4, 6):
        salida.append((f"blur{sigma}", _bytes(imagen.filter(ImageFilter.GaussianBlur(sigma)))))
    for dpi in (200, 150, 120, 100, 72):
        f = dpi / 300
        chica = imagen.resize((round(ancho * f), round(alto * f)), Image.Resampling.LANCZOS)
        salida.append((f"{dpi}dpi", _bytes(chica)))
    for luz in (0.6, 0.45, 0.3):
        salida.append((f"oscura{luz}", _bytes(_nivel(imagen, lambda a, luz=luz: a * luz))))
    for tinta in (0.4, 0.25, 0.12):
        desvaida = _nivel(imagen, lambda a, t=tinta: 255 - (255 - a) * t)
        salida.append((f"desvaida{tinta}", _bytes(desvaida)))
    for grados in (5, 10, 20, 30):
        girada = imagen.rotate(grados, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        salida.append((f"rot{grados}", _bytes(girada)))
    for k in (0.05, 0.2):
        salida.append((f"perspectiva{k}", _bytes(en_angulo(imagen, k))))
    foto = imagen.filter(ImageFilter.GaussianBlur(3)).resize((ancho // 2, alto // 2))
    salida.append(("foto-borrosa-jpeg", _bytes(foto, "JPEG", quality=40)))
    return salida


def linea(nombre: str, contenido: bytes, con_cer: bool, verdad: str | None) -> None:
    inicio = time.perf_counter()
    (p,) = revisar(contenido)[:1]
    ms = (time.perf_counter() - inicio) * 1000
    extra = ""
    if con_cer and verdad is not None:
        with tempfile.NamedTemporaryFile(suffix=".png") as temporal:
            temporal.write(contenido)
            temporal.flush()
            extra = f"  cer={cer(tesseract_solo(Path(temporal.name)), verdad):6.1%}"
    print(
        f"{nombre:34} dpi={p.dpi or 0:5.0f} nit={p.nitidez or 0:5.3f} fondo={p.fondo:5.1f} "
        f"contr={p.contraste:5.1f} incl={p.inclinacion or 0:6.2f} persp={p.perspectiva or 0:4.1f} lin={p.renglones or 0:5.2f}"
        f"  {p.legibilidad:8} {','.join(p.problemas) or '-':22} {ms:5.0f} ms{extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("carpetas", nargs="*", type=Path, default=CARPETAS)
    parser.add_argument("--cer", action="store_true", help="also bare Tesseract's CER")
    args = parser.parse_args()
    for carpeta in args.carpetas:
        print(f"# {carpeta}")
        for ruta in sorted(carpeta.iterdir()):
            if ruta.suffix.lower() in {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}:
                verdad = ruta.with_suffix(".txt")
                texto = verdad.read_text() if verdad.exists() else None
                linea(ruta.name, ruta.read_bytes(), args.cer, texto)
    print("# degraded copies")
    for nombre in LIMPIAS:
        ruta = CARPETAS[0] / nombre
        if not ruta.exists():
            continue
        texto = ruta.with_suffix(".txt").read_text()
        imagen = Image.open(ruta).convert("L")
        for variante, contenido in variantes(imagen):
            linea(f"{ruta.stem}+{variante}", contenido, args.cer, texto)


if __name__ == "__main__":
    main()
