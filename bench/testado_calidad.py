"""Detection quality of the versión pública on labelled pages (bench/testado_generar.py).

Every page is read with the real OCR pipeline (`ocr.pipeline.procesar`, as `ocr_file`
does), its words become a PaginaLeida, `detectar` runs with the page's Contexto (remitente
and public servants from its .json), and the suggestions are compared with what was planted:

- recall per category: an item is found when the centre of every one of its words lies in
  a suggested box of its category (or a compatible one: name/signature, CLABE/card, the
  identity numbers of one country);
- precision: the share of suggested boxes that overlap a planted item;
- the suggested boxes over public servants' names and over decoy numbers (both wrong).

Both choices for identifiers whose check digit fails right after their label are measured:
suggested (the default) and not suggested.

    .venv/bin/python bench/testado_calidad.py DIR [DIR ...] [--trabajos 2] [--cache DIR]
"""

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
COMPATIBLES = [{"nombre", "firma"}, {"cuenta", "tarjeta"}, {"cedula", "dni", "nit", "ruc"}]
IDENTIFICADORES = {"curp", "rfc", "ine", "cedula", "dni", "nit", "ruc", "cuenta", "tarjeta"}
OBJETIVOS = {"identificadores": 0.99, "correo": 0.99, "telefono": 0.99, "personas": 0.95}
PRECISION = 0.90


def _iniciar() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()


def leer(argumentos: tuple[Path, Path | None]) -> dict:
    """The OCR of one page as PaginaOCR stores it (cached by the image's sha256)."""
    from ocr import pipeline

    ruta, cache = argumentos
    ajustes = pipeline.ajustes_actuales()
    huella = hashlib.sha256(ruta.read_bytes() + repr(ajustes).encode()).hexdigest()
    guardada = cache / f"{huella}.json" if cache else None
    if guardada and guardada.exists():
        return json.loads(guardada.read_text(encoding="utf-8"))
    (resultado,) = pipeline.procesar(ruta, "", ajustes)
    datos = {
        "ancho": resultado.ancho,
        "alto": resultado.alto,
        "confianza": resultado.confianza,
        "texto": resultado.texto,
        "palabras": [p.como_lista() for p in resultado.palabras],
    }
    if guardada:
        guardada.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")
    return datos


def pagina_leida(datos: dict, numero: int):
    from documentos.testado.tipos import PaginaLeida, Palabra

    return PaginaLeida(
        archivo_id=1,
        numero=numero,
        ancho=datos["ancho"],
        alto=datos["alto"],
        confianza=datos["confianza"],
        palabras=tuple(Palabra.desde_lista(p) for p in datos["palabras"]),
        texto=datos["texto"],
    )


def _caja(valores):
    from documentos.testado.tipos import Caja

    return Caja(*valores)


def compatibles(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in COMPATIBLES)


def evaluar(verdad: dict, sugerencias) -> dict:
    """Found items per category, suggested boxes and the wrong ones, for one page."""
    cajas = [(s.categoria, c) for s in sugerencias for c in s.cajas]
    encontrados, totales, perdidos = Counter(), Counter(), []
    for item in verdad["items"]:
        totales[item["categoria"]] += 1
        if all(
            any(
                compatibles(item["categoria"], cat) and c.cubre_centro_de(_caja(p))
                for cat, c in cajas
            )
            for p in item["cajas"]
        ):
            encontrados[item["categoria"]] += 1
        else:
            perdidos.append(item)
    planteadas = [_caja(p) for item in verdad["items"] for p in item["cajas"]]
    ajenas = {
        grupo: [_caja(p) for item in verdad[grupo] for p in item["cajas"]]
        for grupo in ("servidores", "senuelos")
    }
    buenas = sum(any(c.interseca(p) for p in planteadas) for _, c in cajas)
    malas = [(cat, c) for cat, c in cajas if not any(c.interseca(p) for p in planteadas)]
    return {
        "encontrados": encontrados,
        "totales": totales,
        "perdidos": perdidos,
        "cajas": len(cajas),
        "buenas": buenas,
        "malas": malas,
        "servidores": sum(any(c.interseca(p) for p in ajenas["servidores"]) for _, c in malas),
        "senuelos": sum(any(c.interseca(p) for p in ajenas["senuelos"]) for _, c in malas),
    }


def medir(paginas: list[tuple[dict, dict]], forma_tras_etiqueta: bool, detalle: bool) -> dict:
    from documentos.testado.deteccion import detectar
    from documentos.testado.tipos import Contexto

    total = Counter()
    encontrados, totales = Counter(), Counter()
    for n, (verdad, datos) in enumerate(paginas, 1):
        leida = pagina_leida(datos, n)
        contexto = Contexto(verdad["remitente"], tuple(verdad["servidores_publicos"]))
        r = evaluar(verdad, detectar([leida], contexto, forma_tras_etiqueta=forma_tras_etiqueta))
        encontrados.update(r["encontrados"])
        totales.update(r["totales"])
        for clave in ("cajas", "buenas", "servidores", "senuelos"):
            total[clave] += r[clave]
        if detalle:
            _detalle(verdad, leida, r)
    return {"encontrados": encontrados, "totales": totales, **total}


def _detalle(verdad, leida, r) -> None:
    for item in r["perdidos"]:
        vistas = [
            p.texto
            for p in leida.palabras
            if any(_caja(c).interseca(p.caja) for c in item["cajas"])
        ]
        print(
            f"  {verdad['ruta']}: no hallado {item['categoria']} {item['texto']!r}, OCR: {vistas}"
        )
    for categoria, caja in r["malas"]:
        vistas = [p.texto for p in leida.palabras if caja.cubre_centro_de(p.caja)]
        print(f"  {verdad['ruta']}: caja de más {categoria}: {vistas}")


def tabla(resultado: dict) -> list[str]:
    encontrados, totales = resultado["encontrados"], resultado["totales"]
    filas = [f"{'categoría':<18} {'datos':>6} {'hallados':>9} {'recall':>8}"]
    for categoria in sorted(totales):
        filas.append(
            f"{categoria:<18} {totales[categoria]:>6} {encontrados[categoria]:>9} "
            f"{encontrados[categoria] / totales[categoria]:>8.1%}"
        )
    grupos = {
        "identificadores": IDENTIFICADORES,
        "correo": {"correo"},
        "telefono": {"telefono"},
        "personas": {"nombre", "firma"},
    }
    cumplido = True
    for nombre, categorias in grupos.items():
        t = sum(totales[c] for c in categorias)
        e = sum(encontrados[c] for c in categorias)
        recall = e / t if t else 1.0
        cumplido &= recall >= OBJETIVOS[nombre]
        filas.append(f"{'= ' + nombre:<18} {t:>6} {e:>9} {recall:>8.1%}")
    precision = resultado["buenas"] / resultado["cajas"] if resultado["cajas"] else 1.0
    cumplido &= precision >= PRECISION
    filas.append(
        f"precisión: {precision:.1%} ({resultado['buenas']} de {resultado['cajas']} cajas); "
        f"sobre servidores públicos: {resultado['servidores']}; sobre señuelos: {resultado['senuelos']}"
    )
    filas.append(
        "objetivo (recall ≥ 99 % identificadores, correos y teléfonos, ≥ 95 % nombres y firmas; "
        f"precisión ≥ 90 %): {'cumplido' if cumplido else 'NO cumplido'}"
    )
    return filas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--trabajos", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, help="Guardar y reutilizar el OCR de cada página.")
    parser.add_argument("--detalle", action="store_true", help="Listar fallos y cajas de más.")
    args = parser.parse_args()
    _iniciar()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    for carpeta in args.dirs:
        verdades = [
            json.loads(p.read_text(encoding="utf-8")) for p in sorted(carpeta.glob("*.json"))
        ]
        if not verdades:
            raise SystemExit(f"{carpeta}: no hay páginas con su .json")
        for v in verdades:
            v["ruta"] = carpeta / v["imagen"]
        rutas = [(v["ruta"], args.cache) for v in verdades]
        with Pool(args.trabajos, initializer=_iniciar) as grupo:
            leidas = grupo.map(leer, rutas, chunksize=1)
        paginas = list(zip(verdades, leidas, strict=True))
        print(f"\n{carpeta} ({len(paginas)} páginas)")
        for forma, titulo in ((True, "sugeridos"), (False, "no sugeridos")):
            print(
                f"-- identificadores con forma y dígito verificador fallido tras su etiqueta: {titulo}"
            )
            print("\n".join(tabla(medir(paginas, forma, args.detalle and forma))))


if __name__ == "__main__":
    main()
