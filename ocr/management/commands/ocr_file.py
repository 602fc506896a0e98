from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ocr import pipeline


class Command(BaseCommand):
    help = (
        "Lee con OCR archivos que no están en la base de datos (para evaluar), con el mismo "
        "proceso y los mismos ajustes que producción. Escribe DIR/<nombre>.txt; las páginas "
        "van separadas por un salto de página (form feed); una página ilegible queda vacía."
    )

    def add_arguments(self, parser):
        parser.add_argument("archivos", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--out", type=Path, required=True, metavar="DIR")

    def handle(self, *args, archivos, out, **options):
        out.mkdir(parents=True, exist_ok=True)
        ajustes = pipeline.ajustes_actuales()
        fallidos = []
        for ruta in archivos:
            try:
                paginas = pipeline.procesar(ruta, "", ajustes)
            except (pipeline.ErrorOCR, OSError) as exc:
                fallidos.append(ruta)
                self.stderr.write(f"{ruta}: {exc}")
                continue
            destino = out / f"{ruta.stem}.txt"
            destino.write_text("\f".join(p.texto for p in paginas) + "\n", encoding="utf-8")
            veredictos = ", ".join(p.legibilidad for p in paginas)
            self.stdout.write(f"{ruta} -> {destino} ({len(paginas)} página(s): {veredictos})")
        if fallidos:
            raise CommandError(
                f"No se pudieron leer {len(fallidos)} de {len(archivos)} archivo(s)."
            )
