"""OCR on hard pages, per kind of degradation: mean/max CER and seconds per page for the
pipeline, the pipeline with each new step off (ablation) and bare Tesseract.

The kind is the manifest's `kind` column (bench/ocr_generar.py --clases) or, for the shared
samples, the first word of it.

    .venv/bin/python bench/ocr_dificil.py DIR [DIR ...]
"""

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

import django  # noqa: E402

from bench.ocr_quality import EXTENSIONES, cer, tesseract_solo  # noqa: E402

VARIANTES = {
    "pipeline": {},
    "sin hoja": {"buscar_hoja": False},
    "sin sellos": {"quitar_sellos": False},
}


def clases(carpeta: Path) -> dict[str, str]:
    manifiesto = carpeta / "manifest.tsv"
    if not manifiesto.exists():
        return {}
    cabecera, *lineas = manifiesto.read_text().splitlines()
    columna = cabecera.split("\t").index("kind") if "kind" in cabecera else None
    if columna is None:
        return {}
    filas = [linea.split("\t") for linea in lineas if linea]
    # "augraphy,stamp,phone rot-8.3" -> "augraphy,stamp,phone"
    return {f[0]: re.sub(r" rot\S*", "", f[columna]) for f in filas}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    args = parser.parse_args()
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from ocr.pipeline import Ajustes, procesar

    base = Ajustes()
    for carpeta in args.dirs:
        tipos = clases(carpeta)
        rutas = sorted(
            p
            for p in carpeta.iterdir()
            if p.suffix.lower() in EXTENSIONES and p.with_suffix(".txt").exists()
        )
        tabla = defaultdict(lambda: defaultdict(list))  # kind -> variant -> [(cer, s)]
        print(f"\n{carpeta} ({len(rutas)} archivos)")
        for ruta in rutas:
            verdad = ruta.with_suffix(".txt").read_text(encoding="utf-8")
            clase = tipos.get(ruta.name, "") or "?"
            fila = []
            for nombre, cambios in VARIANTES.items():
                inicio = time.perf_counter()
                leido = "\n".join(r.texto for r in procesar(ruta, ajustes=replace(base, **cambios)))
                fila.append((nombre, cer(leido, verdad), time.perf_counter() - inicio))
            inicio = time.perf_counter()
            solo = tesseract_solo(ruta)
            fila.append(("tesseract", cer(solo, verdad), time.perf_counter() - inicio))
            for nombre, c, s in fila:
                tabla[clase][nombre].append((c, s))
                tabla["TODAS"][nombre].append((c, s))
            print(
                ruta.name, clase, "  ".join(f"{n} {c:.1%} {s:.1f}s" for n, c, s in fila), flush=True
            )
        print(
            f"{'clase':<12} {'variante':<11} {'CER medio':>9} {'máx':>7} {'s/pág':>6} {'x tess':>6}"
        )
        for clase, variantes in tabla.items():
            t_solo = sum(s for _c, s in variantes["tesseract"]) / len(variantes["tesseract"])
            for nombre, filas in variantes.items():
                media = sum(c for c, _s in filas) / len(filas)
                maximo = max(c for c, _s in filas)
                segundos = sum(s for _c, s in filas) / len(filas)
                print(
                    f"{clase:<12} {nombre:<11} {media:>9.1%} {maximo:>7.1%} {segundos:>6.1f} {segundos / t_solo:>6.2f}"
                )


if __name__ == "__main__":
    main()
