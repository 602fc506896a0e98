"""OCR accuracy: character error rate of the production pipeline vs bare Tesseract.

For every image in DIR with a ground-truth DIR/<stem>.txt, runs `manage.py ocr_file` (the
production pipeline and settings) and bare `tesseract FILE - -l spa`, and prints the CER
per file and the mean: Levenshtein distance / ground-truth length, after folding every run
of whitespace to one space.

    .venv/bin/python bench/ocr_quality.py [DIR ...]   # default: ../shared/ocr-samples
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
EXTENSIONES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


def plano(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip()


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    anterior = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        actual = [i]
        for j, cb in enumerate(b, 1):
            actual.append(min(anterior[j] + 1, actual[j - 1] + 1, anterior[j - 1] + (ca != cb)))
        anterior = actual
    return anterior[-1]


def cer(leido: str, verdad: str) -> float:
    leido, verdad = plano(leido), plano(verdad)
    return levenshtein(leido, verdad) / max(len(verdad), 1)


def tesseract_solo(ruta: Path) -> str:
    return subprocess.run(
        ["tesseract", str(ruta), "-", "-l", "spa"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    ).stdout


def pipeline(rutas: list[Path], salida: Path, trabajos: int) -> None:
    """`manage.py ocr_file` in `trabajos` parallel processes (files split round-robin)."""
    grupos = [rutas[i::trabajos] for i in range(trabajos) if rutas[i::trabajos]]
    procesos = [
        subprocess.Popen(
            [sys.executable, "manage.py", "ocr_file", *map(str, g), "--out", str(salida)],
            cwd=RAIZ,
            stdout=subprocess.DEVNULL,
        )
        for g in grupos
    ]
    if any(p.wait() for p in procesos):
        raise SystemExit("ocr_file falló")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[RAIZ.parent / "shared/ocr-samples"])
    parser.add_argument("--trabajos", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    for carpeta in args.dirs:
        rutas = sorted(
            p
            for p in carpeta.iterdir()
            if p.suffix.lower() in EXTENSIONES and p.with_suffix(".txt").exists()
        )
        if not rutas:
            raise SystemExit(f"{carpeta}: no hay pares imagen + .txt")
        with tempfile.TemporaryDirectory() as tmp:
            pipeline(rutas, Path(tmp), args.trabajos)
            leidos = {r: (Path(tmp) / f"{r.stem}.txt").read_text(encoding="utf-8") for r in rutas}
        with ThreadPoolExecutor(args.trabajos) as grupo:
            solos = dict(zip(rutas, grupo.map(tesseract_solo, rutas), strict=True))
        print(f"\n{carpeta} ({len(rutas)} archivos)")
        print(f"{'archivo':<28} {'pipeline':>9} {'tesseract':>10}")
        filas = []
        for ruta in rutas:
            verdad = ruta.with_suffix(".txt").read_text(encoding="utf-8")
            fila = (cer(leidos[ruta], verdad), cer(solos[ruta], verdad))
            filas.append(fila)
            print(f"{ruta.name:<28} {fila[0]:>8.2%} {fila[1]:>10.2%}")
        media = [sum(f[i] for f in filas) / len(filas) for i in (0, 1)]
        maximo = [max(f[i] for f in filas) for i in (0, 1)]
        print(f"{'media':<28} {media[0]:>8.2%} {media[1]:>10.2%}")
        print(f"{'máximo':<28} {maximo[0]:>8.2%} {maximo[1]:>10.2%}")
        objetivo = media[0] <= 0.01 and maximo[0] <= 0.03
        print(f"objetivo (media ≤ 1 %, ninguno > 3 %): {'cumplido' if objetivo else 'NO cumplido'}")


if __name__ == "__main__":
    main()
