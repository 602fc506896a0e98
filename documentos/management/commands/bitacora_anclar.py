from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from documentos.services.anclas import anclar
from documentos.services.sello import SelloInvalido


class Command(BaseCommand):
    help = (
        "Firma con el sello de la institución la cabeza de la cadena de la bitácora de hoy y "
        "la publica (una vez al día; si ya existe no hace nada). Para cron."
    )

    def handle(self, *args, **options):
        try:
            ancla, creada = anclar()
        except SelloInvalido as exc:
            raise CommandError(str(exc)) from None
        datos = {
            "fecha": f"{ancla.fecha:%Y-%m-%d}",
            "entradas": ancla.entradas,
            "cabeza": ancla.cabeza[:16],
        }
        if creada:
            mensaje = _("Ancla del %(fecha)s firmada: %(entradas)s entradas, cabeza %(cabeza)s…")
            self.stdout.write(self.style.SUCCESS(mensaje % datos))
        else:
            mensaje = _(
                "El ancla del %(fecha)s ya existía (%(entradas)s entradas): nada que hacer."
            )
            self.stdout.write(mensaje % datos)
