from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from atencion import demo as atencion_demo
from atencion import demo_calidad, demo_diagnostico, demo_encuestas, demo_mejora
from cms import demo
from documentos import demo as documentos_demo
from documentos.selectors import formatear_codigo


class Command(BaseCommand):
    help = "Carga datos de demostración y crea el administrador de demostración (solo desarrollo)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--escritos", type=int, default=220, help="Cuántos escritos de ejemplo crear."
        )
        parser.add_argument(
            "--force", action="store_true", help="Permite ejecutarlo con DEBUG desactivado."
        )

    def handle(self, *args, force=False, escritos=220, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Los datos de demostración son solo para desarrollo (DEBUG=True); use --force."
            )
        admin = demo.ensure_demo_admin()
        creados = documentos_demo.cargar(clave=admin.password, total=escritos)
        if creados:
            self.stdout.write(f"Escritos de demostración creados: {creados}.")
        demo.load_portal()
        aprobadas, por_revisar = demo.versiones_publicas()
        if aprobadas or por_revisar:
            self.stdout.write(
                f"Versiones públicas de demostración: {aprobadas} aprobadas y publicadas, "
                f"{por_revisar} por revisar (usuario titular.con, Contraloría)."
            )
        fichas = atencion_demo.cargar()
        if fichas:
            self.stdout.write(f"Turnos de demostración: {fichas}; kiosco en /turnos/palacio/.")
        firmadas = documentos_demo.firmar_respuestas(clave=admin.password)
        if firmadas:
            escrito = firmadas[0].escrito
            self.stdout.write(
                f"Respuestas firmadas con e.firmas de DEMOSTRACIÓN (no válidas para uso legal): "
                f"{len(firmadas)}. Consulte el folio {escrito.folio} con el código "
                f"{formatear_codigo(escrito.codigo_acceso)}, o verifique el código "
                f"{firmadas[0].codigo_verificacion} en /verificar/."
            )
        if settings.FOLIO_FIRMA_DEMO is not None:
            self.stdout.write(
                f"Para firmar en el navegador: e.firma de demostración de titular.dop y "
                f"operativo.dop en {settings.FOLIO_FIRMA_DEMO} (.cer y .key, o .p12), "
                f"contraseña de la llave: la del administrador."
            )
        self.stdout.write(f"Encuestas de satisfacción de demostración: {demo_encuestas.cargar()}.")
        diagnosticos = demo_diagnostico.cargar()
        if diagnosticos:
            self.stdout.write(
                f"Diagnóstico de demostración (clima laboral e infraestructura) de {diagnosticos} "
                f"áreas: Calidad del servicio → Diagnóstico."
            )
        if evaluaciones := demo_calidad.cargar(clave=admin.password):
            self.stdout.write(
                f"Evaluaciones de servicios de demostración: {evaluaciones} (Calidad del "
                f"servicio); usuarios gerente.municipal (máxima autoridad), modernizacion, "
                f"evaluadora.calidad y evaluador.calidad (equipo evaluador)."
            )
        acciones = demo_mejora.cargar()
        if acciones:
            self.stdout.write(
                f"Acciones de mejora de demostración: {acciones} (Calidad del servicio → "
                f"Planes e informes de mejora)."
            )
        if publicadas := demo.calidad_en_portal():
            self.stdout.write(
                f"Página «Calidad del servicio» con {publicadas} evaluaciones aprobadas; sus "
                f"acciones de mejora son actividades del plan anticorrupción."
            )
        self.stdout.write(self.style.SUCCESS("Datos de demostración listos."))
        self.stdout.write(
            f"Administrador de demostración: usuario «{admin.username}», "
            f"contraseña «{admin.password}» (guardada en {demo.credentials_file()})."
        )
        self.stdout.write(
            "Personal de demostración con la misma contraseña: titular.dop, operativo.dop, "
            "titular.ofp (Oficialía de Partes), titular.fin, …"
        )
