"""manage.py search_index rebuild|update|reconcile|status"""

import logging

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from busqueda import services
from busqueda.backends import actual


class Command(BaseCommand):
    help = (
        "Índice de búsqueda (escritos para el personal, escritos públicos desde su versión "
        "pública y páginas del portal): rebuild (reconstruye en un índice nuevo y cambia el "
        "alias sin interrupción), update (aplica las actualizaciones pendientes), reconcile "
        "(compara la base de datos con el índice y repara diferencias), status."
    )

    def add_arguments(self, parser):
        parser.add_argument("accion", choices=["rebuild", "update", "reconcile", "status"])
        parser.add_argument("--sin-progreso", action="store_true", help="Sin barra de progreso.")

    def handle(self, *args, accion, sin_progreso=False, **opciones):
        motor = actual().__name__.rsplit(".", 1)[-1]
        barras = []

        def progreso(tipo, total):
            if sin_progreso:
                return None
            for anterior in barras:
                anterior.close()
            barra = tqdm(total=total, desc=tipo, unit="doc", file=self.stderr._out)
            barras.append(barra)
            return barra.update

        # One line per bulk request would drown the progress bar.
        logging.getLogger("elastic_transport").setLevel(logging.WARNING)

        try:
            if accion == "rebuild":
                cuentas = services.reconstruir(progreso)
                for barra in barras:
                    barra.close()
                aplicadas = services.aplicar_pendientes()
                self.stdout.write(
                    f"Índice reconstruido ({motor}): {cuentas['escritos']} escritos, "
                    f"{cuentas['publicos']} públicos, {cuentas['paginas']} páginas; "
                    f"{aplicadas} actualizaciones pendientes aplicadas."
                )
            elif accion == "update":
                aplicadas = services.aplicar_pendientes()
                self.stdout.write(f"{aplicadas} actualizaciones aplicadas ({motor}).")
            elif accion == "reconcile":
                informe = services.reconciliar()
                for tipo, cuentas in informe.items():
                    self.stdout.write(
                        f"{tipo}: {cuentas['faltaban']} faltaban, {cuentas['distintos']} "
                        f"distintos, {cuentas['sobraban']} sobraban; reparado ({motor})."
                    )
            else:
                cuentas = services.cuentas()
                self.stdout.write(
                    f"Motor: {motor}; pendientes: {services.pendientes()}; escritos: "
                    f"{cuentas['escritos']}, públicos: {cuentas['publicos']}, páginas: "
                    f"{cuentas['paginas']}."
                )
        except Exception as error:
            if isinstance(error, CommandError):
                raise
            raise CommandError(
                f"No se pudo completar «{accion}»: {error}. Las actualizaciones pendientes se "
                "conservan; vuelva a intentarlo cuando el índice esté disponible."
            ) from error
