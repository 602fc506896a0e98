from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from documentos.models import Escrito, VersionPublica
from documentos.services import version_publica as servicio


class Command(BaseCommand):
    help = (
        "Prepara la versión pública (datos personales sugeridos) de un folio o de todos los "
        "escritos públicos que no la tienen; con --aprobar la aprueba en lote a nombre de "
        "--usuario. Las páginas leídas con poca confianza se publican cubiertas por completo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folio", help="Solo este folio.")
        parser.add_argument(
            "--todos", action="store_true", help="Todos los escritos públicos sin versión vigente."
        )
        parser.add_argument(
            "--aprobar", action="store_true", help="Aprobar lo sugerido (revisión en lote)."
        )
        parser.add_argument("--usuario", help="Quién aprueba (nombre de usuario), con --aprobar.")

    def handle(self, *args, folio, todos, aprobar, usuario, **options):
        if bool(folio) == bool(todos):
            raise CommandError("Indique --folio FOLIO o --todos (solo uno).")
        persona = None
        if aprobar:
            if not usuario:
                raise CommandError("Con --aprobar indique --usuario: quién aprueba en lote.")
            persona = get_user_model().objects.filter(username=usuario, is_active=True).first()
            if persona is None:
                raise CommandError(f"No existe el usuario activo {usuario!r}.")
        escritos = Escrito.objects.filter(clasificacion=Escrito.Clasificacion.PUBLICA)
        if folio:
            escritos = escritos.filter(folio=folio.strip().upper())
            if not escritos.exists():
                raise CommandError(f"No hay un escrito público con el folio {folio}.")
        else:
            escritos = escritos.exclude(
                versiones_publicas__estado=VersionPublica.Estado.APROBADA
            ).exclude(estado=Escrito.Estado.CANCELADO)
        cuentas = {"preparadas": 0, "aprobadas": 0, "pendientes": 0}
        errores = []
        for escrito in tqdm(
            list(escritos.order_by("pk")),
            desc="Versiones públicas",
            unit="escrito",
            disable=options["verbosity"] < 1,
        ):
            try:
                version = servicio.preparar(escrito, usuario=persona)
                cuentas["preparadas"] += 1
                if aprobar and version.estado == VersionPublica.Estado.POR_REVISAR:
                    servicio.aprobar(version, usuario=persona, automatica=True)
                    cuentas["aprobadas"] += 1
            except (ValidationError, PermissionDenied) as error:
                cuentas["pendientes"] += 1
                errores.append(
                    f"{escrito.folio}: {' '.join(getattr(error, 'messages', [str(error)]))}"
                )
        for linea in errores:
            self.stderr.write(linea)
        self.stdout.write(
            self.style.SUCCESS(
                f"Versiones públicas: {cuentas['preparadas']} preparadas, "
                f"{cuentas['aprobadas']} aprobadas, {cuentas['pendientes']} sin preparar."
            )
        )
