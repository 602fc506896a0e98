from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documentos.services.anclas import verificar_anclas
from documentos.services.bitacora import verificar_cadena


class Command(BaseCommand):
    help = (
        "Verifica la cadena de la bitácora y cada ancla diaria publicada; informa cada "
        "eslabón roto y el primer día cuya ancla ya no coincide."
    )

    def handle(self, *args, **options):
        resultado = verificar_cadena()
        anclas = verificar_anclas()
        if resultado.integra and not anclas.rotas:
            coinciden = ngettext(
                "%(anclas)s ancla publicada coincide",
                "%(anclas)s anclas publicadas coinciden",
                anclas.revisadas,
            ) % {"anclas": anclas.revisadas}
            self.stdout.write(
                self.style.SUCCESS(
                    _("Bitácora íntegra: %(n)s entradas verificadas; %(coinciden)s.")
                    % {"n": resultado.revisadas, "coinciden": coinciden}
                )
            )
            return
        for ruptura in resultado.rupturas:
            if ruptura.entrada_id is None:
                donde = _("Al final de la cadena")
            else:
                donde = _("Entrada %(id)s") % {"id": ruptura.entrada_id}
            self.stderr.write(f"{donde}: {ruptura.motivo}.")
        for rota in anclas.rotas:
            donde = _("Ancla del %(fecha)s") % {"fecha": f"{rota.fecha:%Y-%m-%d}"}
            self.stderr.write(f"{donde}: {rota.motivo}.")
        partes = []
        if resultado.rupturas:
            n = len(resultado.rupturas)
            partes.append(
                ngettext(
                    "%(n)s ruptura en %(revisadas)s entradas revisadas",
                    "%(n)s rupturas en %(revisadas)s entradas revisadas",
                    n,
                )
                % {"n": n, "revisadas": resultado.revisadas}
            )
        if anclas.rotas:
            partes.append(
                ngettext(
                    "%(n)s de %(revisadas)s anclas ya no coincide; la primera, la del %(fecha)s",
                    "%(n)s de %(revisadas)s anclas ya no coinciden; la primera, la del %(fecha)s",
                    len(anclas.rotas),
                )
                % {
                    "n": len(anclas.rotas),
                    "revisadas": anclas.revisadas,
                    "fecha": f"{anclas.primera:%Y-%m-%d}",
                }
            )
        raise CommandError(_("Bitácora alterada: %(detalle)s.") % {"detalle": "; ".join(partes)})
