from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from documentos.services.notificaciones import reencolar_pendientes


class Command(BaseCommand):
    help = _(
        "Vuelve a encolar las notificaciones por correo que siguen pendientes sin intento "
        "reciente (un worker se detuvo). Pensado para cron, p. ej. cada hora."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutos",
            type=int,
            default=60,
            help=_("Minutos sin intento para volver a encolar (%(default)s)."),
        )

    def handle(self, *args, minutos, **options):
        n = reencolar_pendientes(minutos)
        self.stdout.write(_("Notificaciones pendientes encoladas de nuevo: %(n)s.") % {"n": n})
