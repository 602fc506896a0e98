from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from atencion.calidad.avisos_mejora import enviar_alertas, texto_resultado


class Command(BaseCommand):
    help = _(
        "Envía por correo a cada responsable las alertas de sus acciones de mejora (vencidas "
        "o con el indicador fuera de meta) y a la Contraloría todas, una vez al día: se puede "
        "ejecutar en cada ronda de cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(texto_resultado(enviar_alertas()))
