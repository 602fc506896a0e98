import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from documentos.lectura import archivos_del_folio


class Command(BaseCommand):
    help = _(
        "Vuelve a leer con OCR los archivos de estos folios (el paquete ocr elige archivos, "
        "no folios: esto los resuelve y llama a ocr_reprocess --archivo). Por omisión los "
        "encola para el worker; con --aqui los lee en este proceso."
    )

    def add_arguments(self, parser):
        parser.add_argument("folios", nargs="+", metavar="FOLIO")
        parser.add_argument(
            "--aqui", action="store_true", help=_("Leer en este proceso en vez de encolar.")
        )

    def handle(self, *args, folios, aqui, **options):
        ids: list[int] = []
        for folio in folios:
            suyos = archivos_del_folio(folio)
            if suyos is None:
                raise CommandError(
                    _("No hay un escrito con el folio %(folio)s.") % {"folio": folio}
                )
            if not suyos:
                raise CommandError(_("El escrito %(folio)s no tiene archivos.") % {"folio": folio})
            ids += [pk for pk in suyos if pk not in ids]
        call_command(
            "ocr_reprocess",
            "--archivo",
            *(str(pk) for pk in ids),
            *(["--aqui"] if aqui else []),
            stdout=options.get("stdout") or sys.stdout,
            stderr=options.get("stderr") or sys.stderr,
        )
