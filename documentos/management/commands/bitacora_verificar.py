from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documentos.services.bitacora import verificar_cadena


class Command(BaseCommand):
    help = "Verifica la cadena de la bitácora e informa cada eslabón roto."

    def handle(self, *args, **options):
        resultado = verificar_cadena()
        if resultado.integra:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Bitácora íntegra: %(n)s entradas verificadas.") % {"n": resultado.revisadas}
                )
            )
            return
        for ruptura in resultado.rupturas:
            if ruptura.entrada_id is None:
                donde = _("Al final de la cadena")
            else:
                donde = _("Entrada %(id)s") % {"id": ruptura.entrada_id}
            self.stderr.write(f"{donde}: {ruptura.motivo}.")
        n = len(resultado.rupturas)
        raise CommandError(
            ngettext(
                "Bitácora alterada: %(n)s ruptura en %(revisadas)s entradas revisadas.",
                "Bitácora alterada: %(n)s rupturas en %(revisadas)s entradas revisadas.",
                n,
            )
            % {"n": n, "revisadas": resultado.revisadas}
        )
