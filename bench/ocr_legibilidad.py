"""The readability verdict against the ground truth: per page, CER and the verdict.

For every image in DIR with a ground-truth DIR/<stem>.txt, and for a generated blank page
and two pages of pure noise (which must come out ilegible), runs the production pipeline
in this process and prints: CER of all the words read, CER of the text kept (words under
the confidence floor left out), the verdict, the figures behind it and the seconds per step.

    .venv/bin/python bench/ocr_legibilidad.py [DIR ...]
    # default: ../shared/ocr-samples ../shared/ocr-samples-hard
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "bench"))
EXTENSIONES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


def paginas_sinteticas(carpeta: Path) -> list[Path]:
    """A blank sheet, uniform noise and salt-and-pepper noise, A4 at 150 dpi."""
    rng = np.random.default_rng(7)
    forma = (1754, 1240)
    sal = np.full(forma, 255, np.uint8)
    sal[rng.random(forma) < 0.08] = 0
    imagenes = {
        "blanco.png": np.full(forma, 250, np.uint8),
        "ruido.png": rng.integers(0, 256, forma, dtype=np.uint8),
        "sal_pimienta.png": sal,
    }
    rutas = []
    for nombre, arreglo in imagenes.items():
        ruta = carpeta / nombre
        Image.fromarray(arreglo).save(ruta, dpi=(150, 150))
        rutas.append(ruta)
    return rutas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    compartido = RAIZ.parent / "shared"
    parser.add_argument(
        "dirs",
        nargs="*",
        type=Path,
        default=[compartido / "ocr-samples", compartido / "ocr-samples-hard"],
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from ocr_quality import cer

    from ocr import pipeline

    rutas = [
        p
        for carpeta in args.dirs
        for p in sorted(carpeta.iterdir())
        if p.suffix.lower() in EXTENSIONES and p.with_suffix(".txt").exists()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        rutas += paginas_sinteticas(Path(tmp))
        print("archivo\tCER_todo\tCER_indexado\tveredicto\tconfianza\tdiccionario\tcobertura\ts")
        for ruta in rutas:
            inicio = time.monotonic()
            for pagina in pipeline.procesar(ruta):
                verdad = ruta.with_suffix(".txt")
                todo = " ".join(p.texto for p in pagina.palabras)
                if verdad.exists():
                    texto_verdad = verdad.read_text()
                    cers = f"{cer(todo, texto_verdad):.3f}\t{cer(pagina.texto, texto_verdad):.3f}"
                else:
                    cers = "-\t-"
                c = pagina.calidad
                print(
                    f"{ruta.name}\t{cers}\t{pagina.legibilidad}\t{c.get('confianza')}\t"
                    f"{c.get('en_diccionario')}\t{c.get('cobertura')}\t"
                    f"{time.monotonic() - inicio:.1f}\t{pagina.tiempos}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
