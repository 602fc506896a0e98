import datetime

from django.core.management.base import BaseCommand, CommandError

from documentos.models import Archivo
from ocr import services
from ocr.models import ResultadoOCR


def _fecha(valor: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(valor)
    except ValueError:
        raise CommandError(f"Fecha no válida: {valor!r} (use AAAA-MM-DD).") from None


def _numero(valor: str) -> int:
    try:
        numero = int(valor)
    except ValueError:
        numero = 0
    if numero < 1:
        raise CommandError(f"Número de archivo no válido: {valor!r} (use 1, 2, 3…).")
    return numero


class Command(BaseCommand):
    help = (
        "Vuelve a leer con OCR los archivos elegidos: todos, los fallidos, los de estos "
        "números de archivo o los subidos en un rango de fechas (los filtros se combinan). "
        "Por omisión los encola para el worker; con --aqui los lee en este proceso."
    )

    def add_arguments(self, parser):
        parser.add_argument("--todos", action="store_true", help="Todos los archivos.")
        parser.add_argument("--fallidos", action="store_true", help="Solo los que fallaron.")
        parser.add_argument(
            "--archivo",
            type=_numero,
            nargs="+",
            metavar="ID",
            help="Solo estos archivos (su número, documentos.Archivo).",
        )
        parser.add_argument("--desde", type=_fecha, help="Subidos desde esta fecha (AAAA-MM-DD).")
        parser.add_argument("--hasta", type=_fecha, help="Subidos hasta esta fecha (incluida).")
        parser.add_argument(
            "--aqui", action="store_true", help="Leer en este proceso en vez de encolar."
        )

    def handle(self, *args, todos, fallidos, archivo, desde, hasta, aqui, **options):
        if not (todos or fallidos or archivo or desde or hasta):
            raise CommandError(
                "Indique qué leer: --todos, --fallidos, --archivo o --desde/--hasta."
            )
        archivos = Archivo.objects.all()
        if archivo:
            faltan = set(archivo) - set(
                Archivo.objects.filter(pk__in=archivo).values_list("pk", flat=True)
            )
            if faltan:
                numeros = ", ".join(str(n) for n in sorted(faltan))
                raise CommandError(f"No hay archivos con estos números: {numeros}.")
            archivos = archivos.filter(pk__in=archivo)
        if fallidos:
            archivos = archivos.filter(ocr__estado=ResultadoOCR.Estado.FALLO)
        if desde:
            archivos = archivos.filter(subido_en__date__gte=desde)
        if hasta:
            archivos = archivos.filter(subido_en__date__lte=hasta)
        ids = list(archivos.order_by("pk").values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No hay archivos que coincidan.")
            return
        estados: dict[str, int] = {}
        if aqui:
            services.volver_a_leer(ids, encolar_ya=False)
            for hechos, pk in enumerate(ids, 1):
                estado = services.leer_archivo(pk) or "sin cambios"
                estados[estado] = estados.get(estado, 0) + 1
                self._barra(hechos, len(ids), "leídos")
        else:
            for hechos, inicio in enumerate(range(0, len(ids), 100), 1):
                services.volver_a_leer(ids[inicio : inicio + 100])
                self._barra(min(hechos * 100, len(ids)), len(ids), "encolados")
        self.stdout.write("")
        resumen = ", ".join(f"{n} {estado}" for estado, n in sorted(estados.items()))
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} archivo(s). {resumen}".strip()))

    def _barra(self, hechos: int, total: int, que: str) -> None:
        ancho = 30
        lleno = round(ancho * hechos / total)
        self.stdout.write(
            f"\r[{'#' * lleno}{'-' * (ancho - lleno)}] {hechos}/{total} {que}", ending=""
        )
        self.stdout.flush()
