from django.core.management.base import BaseCommand, CommandError

from documentos.services.bitacora import verificar_cadena


class Command(BaseCommand):
    help = "Verifica la cadena de hashes de la bitácora e informa el primer eslabón roto."

    def handle(self, *args, **options):
        resultado = verificar_cadena()
        if resultado.integra:
            self.stdout.write(
                self.style.SUCCESS(f"Bitácora íntegra: {resultado.revisadas} entradas verificadas.")
            )
            return
        donde = f"en la entrada {resultado.entrada_id}" if resultado.entrada_id else "al final"
        raise CommandError(
            f"Bitácora alterada {donde}: {resultado.motivo}. "
            f"Entradas íntegras antes del error: {resultado.revisadas}."
        )
