from django.conf import settings
from django.core.management.base import BaseCommand

from ocr.services import barrer


class Command(BaseCommand):
    help = (
        "Vuelve a encolar el OCR que quedó «en proceso» sin avanzar (un worker se detuvo). "
        "Pensado para cron, p. ej. cada 10 minutos."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutos",
            type=int,
            default=settings.FOLIO_OCR_ATASCADO_MIN,
            help="Minutos sin avance para considerar atascado un archivo "
            "(FOLIO_OCR_ATASCADO_MIN, %(default)s).",
        )

    def handle(self, *args, minutos, **options):
        reencolados, fallidos = barrer(minutos)
        self.stdout.write(
            f"OCR atascado: {reencolados} archivo(s) encolado(s) de nuevo, "
            f"{fallidos} marcado(s) como fallido(s)."
        )
