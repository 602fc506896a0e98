from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archivo import catalogo, services_catalogo
from archivo.models import CatalogoVersion
from archivo.plantillas import PLANTILLAS, contenido


class Command(BaseCommand):
    help = _(
        "Carga la plantilla de catálogo de un país en una versión en borrador "
        "(para revisarla y aprobarla)."
    )

    def add_arguments(self, parser):
        parser.add_argument("pais", choices=sorted(PLANTILLAS))

    def handle(self, *args, pais, **options):
        nombre = str(PLANTILLAS[pais][1])
        version = CatalogoVersion.objects.filter(nombre=nombre).order_by("-pk").first()
        if version is not None and version.estado == CatalogoVersion.Estado.APROBADA:
            self.stdout.write(
                _("La versión «%(nombre)s» ya está aprobada: no se cambia.") % {"nombre": nombre}
            )
            return
        if version is None:
            version = CatalogoVersion.objects.create(nombre=nombre)
        try:
            reglas = services_catalogo.importar(version, catalogo.leer_csv(contenido(pais)), None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            _("Versión «%(nombre)s» en borrador con %(n)s reglas.")
            % {"nombre": nombre, "n": reglas}
        )
