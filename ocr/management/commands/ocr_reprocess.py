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


class Command(BaseCommand):
    help = (
        "Vuelve a leer con OCR los archivos elegidos: todos, los fallidos, los de un folio o "
        "los subidos en un rango de fechas (los filtros se combinan). Por omisión los encola "
        "para el worker; con --aqui los lee en este proceso."
    )

    def add_arguments(self, parser):
        parser.add_argument("--todos", action="store_true", help="Todos los archivos.")
        parser.add_argument("--fallidos", action="store_true", help="Solo los que fallaron.")
        parser.add_argument("--folio", help="Solo los archivos de este folio.")
        parser.add_argument("--desde", type=_fecha, help="Subidos desde esta fecha (AAAA-MM-DD).")
        parser.add_argument("--hasta", type=_fecha, help="Subidos hasta esta fecha (incluida).")
        parser.add_argument(
            "--aqui", action="store_true", help="Leer en este proceso en vez de encolar."
        )

    def handle(self, *args, todos, fallidos, folio, desde, hasta, aqui, **options):
        if not (todos or fallidos or folio or desde or hasta):
            raise CommandError("Indique qué leer: --todos, --fallidos, --folio o --desde/--hasta.")
        archivos = Archivo.objects.all()
        if fallidos:
            archivos = archivos.filter(ocr__estado=ResultadoOCR.Estado.FALLO)
        if folio:
            archivos = archivos.filter(escrito__folio=folio.strip().upper())
            if not archivos.exists():
                raise CommandError(f"No hay archivos con el folio {folio}.")
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
