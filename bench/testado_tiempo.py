"""Testado time: seconds per page of `testar` (the versión pública's public copy) against
the OCR of the same page, on the shared samples and a multi-page PDF.

Each file is received as an escrito in a throwaway test database, read by the production
OCR (`ocr.services.leer_archivo`), then testado with one box over every 8th word the OCR
found (about what detection suggests on a letter) through the registered page source
(`documentos.testado.fuente.fuente().testar`: load, burn, encode, img2pdf, legend, public
text). Both are timed for `--rondas` rounds and the best of each counts (the machine is
shared). Prints per file the pages, OCR s/page, testado s/page, their ratio, the public
PDF's size per page and how its pages were encoded.

    .venv/bin/python bench/testado_tiempo.py [DIR] [--rondas 3]
"""

import argparse
import io
import os
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ["OMP_THREAD_LIMIT"] = "1"

import django  # noqa: E402

django.setup()

import pikepdf  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from tests.factories import UsuarioFactory, datos_recepcion, subida, tareas_con  # noqa: E402

EXTENSIONES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
CADA_CUANTAS = 8  # one box every this many words
# The OCR the intake enqueues is only recorded: the benchmark reads each file itself.
EN_COLA = tareas_con("django_tasks.backends.dummy.DummyBackend")


def pdf_varias_paginas(imagenes: list[Path]) -> bytes:
    """A letter PDF alternating scanned pages (the samples as images) and pages with a text
    layer, as an escrito with a typed answer attached would be."""
    salida = io.BytesIO()
    hoja = canvas.Canvas(salida, pagesize=letter)
    for i, ruta in enumerate(imagenes):
        hoja.drawImage(ImageReader(str(ruta)), 0, 0, width=612, height=792)
        hoja.showPage()
        hoja.setFont("Helvetica", 11)
        for renglon in range(40):
            hoja.drawString(
                72,
                720 - 15 * renglon,
                f"Hoja {i + 1}, renglón {renglon + 1}: la C. María López Hernández, con "
                f"domicilio en la calle Juárez {renglon + 10}, solicita copia certificada.",
            )
        hoja.showPage()
    hoja.save()
    return salida.getvalue()


def medir(archivo, rondas: int) -> dict:
    from documentos.testado.fuente import fuente
    from documentos.testado.tipos import CajaTestar, Categoria
    from ocr import services
    from ocr.models import ResultadoOCR

    ocr = []
    for _ronda in range(rondas):
        services.volver_a_leer([archivo.pk], encolar_ya=False)
        assert services.leer_archivo(archivo.pk) == "terminado"
        ocr.append(ResultadoOCR.objects.get(archivo=archivo).segundos)
    paginas = fuente().paginas_leidas([archivo.pk])[archivo.pk]
    cajas = [
        CajaTestar(archivo.pk, p.numero, palabra.caja, Categoria.NOMBRE)
        for p in paginas
        for palabra in p.palabras[::CADA_CUANTAS]
    ]
    testados = [
        fuente().testar([archivo.pk], cajas, ["Motivación de prueba."]) for _ in range(rondas)
    ]
    mejor = min(testados, key=lambda t: t.segundos)
    return {
        "paginas": len(paginas),
        "cajas": len(cajas),
        "ocr": min(ocr),
        "testado": mejor.segundos,
        "kb": len(mejor.pdf) / 1024,
        "codificacion": codificaciones(mejor.pdf),
    }


def codificaciones(contenido: bytes) -> str:
    cuentas: dict[str, int] = {}
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        for hoja in pdf.pages:
            for imagen in hoja.get_images().values():
                filtro = str(imagen.get("/Filter", "")).lstrip("/")
                if imagen.get("/BitsPerComponent") == 1:
                    clave = "1-bit"
                elif filtro == "DCTDecode":
                    clave = "JPEG"
                else:
                    clave = "PNG gray" if imagen.ColorSpace == "/DeviceGray" else "PNG RGB"
                cuentas[clave] = cuentas.get(clave, 0) + 1
    return ", ".join(f"{n} {clave}" for clave, n in sorted(cuentas.items()))


def main() -> None:
    from cms import roles
    from documentos.services.recepcion import recibir_escrito

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=RAIZ.parent / "shared/ocr-samples")
    parser.add_argument("--rondas", type=int, default=3)
    args = parser.parse_args()
    imagenes = sorted(p for p in args.dir.iterdir() if p.suffix.lower() in EXTENSIONES)
    archivos = [(p.name, p.read_bytes()) for p in imagenes]
    archivos.append((f"varias-{2 * len(imagenes)}-paginas.pdf", pdf_varias_paginas(imagenes)))
    estado = setup_databases(verbosity=0, interactive=False)
    try:
        usuario = UsuarioFactory(username="bench.testado", roles=[roles.OFICIALIA])
        print(f"{args.dir}, mejor de {args.rondas} rondas, una caja cada {CADA_CUANTAS} palabras")
        print(
            f"{'archivo':<26} {'págs':>4} {'cajas':>5} {'OCR s/pág':>9} {'testado s/pág':>13} "
            f"{'razón':>6} {'KB/pág':>7}  codificación"
        )
        totales = {"paginas": 0, "ocr": 0.0, "testado": 0.0}
        for nombre, contenido in archivos:
            datos = datos_recepcion(archivos=[subida(nombre, contenido)])
            escrito = recibir_escrito(datos, usuario=usuario, confirmar_duplicado=True)
            r = medir(escrito.archivos.get(), args.rondas)
            n = r["paginas"]
            print(
                f"{nombre:<26} {n:>4} {r['cajas']:>5} {r['ocr'] / n:>9.3f} "
                f"{r['testado'] / n:>13.3f} {r['testado'] / r['ocr']:>6.2f} "
                f"{r['kb'] / n:>7.0f}  {r['codificacion']}"
            )
            for clave in totales:
                totales[clave] += n if clave == "paginas" else r[clave]
        n = totales["paginas"]
        print(
            f"{'total':<26} {n:>4} {'':>5} {totales['ocr'] / n:>9.3f} "
            f"{totales['testado'] / n:>13.3f} {totales['testado'] / totales['ocr']:>6.2f}"
        )
    finally:
        teardown_databases(estado, verbosity=0)


if __name__ == "__main__":
    with override_settings(TASKS=EN_COLA):
        main()
