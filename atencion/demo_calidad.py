"""Demo evaluations for `make run`: Peru's model loaded, the quality roles as demo users, and
two evaluated trámites of the demo catalog, "Pago del impuesto predial" with its informe
approved (the frozen PDF) and "Licencia de construcción" half scored.

Everything goes through the services (priorizar, then atencion.calidad.services), so the
prioritisation snapshot, the history, the checksums and the frozen PDF are real. Needs
documentos.demo, the portal pages and atencion.demo first (áreas, temas, trámites,
servicios). Idempotent: a trámite that has an evaluation is left alone."""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Page

from cms import roles

from .calidad import catalogo, services
from .calidad.services_priorizacion import priorizar
from .models import Criterio, Evaluacion

# (username, first name, last name, role group)
USUARIOS = [
    ("gerente.municipal", "Gerencia", "Municipal", roles.MAXIMA_AUTORIDAD),
    ("modernizacion", "Unidad de", "Modernización", roles.MODERNIZACION),
    ("evaluadora.calidad", "Marisol", "Quispe Rojas", roles.AREA),
    ("evaluador.calidad", "Julián", "Mendoza Ortiz", roles.AREA),
]
DIAS = 90  # the evaluated period: the last 90 days
PREDIAL_TITULO, LICENCIA_TITULO = "Pago del impuesto predial", "Licencia de construcción"

# Scores (componente, criterio) -> (level, notes) of the approved evaluation; the rest get 2.
PREDIAL = {
    (1, 1): (2, "Se conoce el perfil de quien paga en ventanilla; no el de quien paga en línea."),
    (1, 2): (3, "Encuesta de satisfacción al terminar cada turno; resultados mensuales."),
    (1, 3): (1, "Las quejas se contestan una por una, sin análisis de causas."),
    (2, 1): (2, "Las personas valoran rapidez y recibo correcto; no está documentado."),
    (2, 2): (1, "El catálogo no dice cuánto tarda el trámite ni el horario de caja."),
    (3, 1): (3, "Proceso de cobro documentado y con pocos pasos."),
    (3, 2): (2, "El pago en línea falla en enero por la demanda."),
    (3, 3): (1, "No hay asientos suficientes en temporada de descuento."),
    (3, 4): (3, "Cajeras capacitadas; falta una guía para casos de adeudo antiguo."),
    (4, 1): (3, "Encuestas en cada turno atendido."),
    (4, 2): (2, "Se miden los tiempos de espera, sin estándar que compararlos."),
    (4, 3): (1, "Los resultados no se revisan en ninguna reunión."),
    (5, 1): (2, "La gerencia priorizó el servicio; sin presupuesto propio."),
    (5, 2): (1, "No hay seguimiento periódico de la alta dirección."),
    (6, 1): (3, "Trato respetuoso observado en las visitas."),
    (6, 2): (0, "No se reconocen ni se difunden buenas prácticas."),
}
OPORTUNIDADES_PREDIAL = [
    (
        3,
        "Habilitar asientos y una fila preferente en la temporada de descuento",
        "La afluencia se triplica en enero y febrero y la sala no alcanza.",
        "alta",
    ),
    (
        2,
        "Publicar en el catálogo el tiempo de atención y el horario de caja",
        "Nadie definió los estándares del servicio.",
        "media",
    ),
    (
        4,
        "Revisar cada mes los tiempos de espera y la satisfacción con el área",
        "Los resultados se miden pero no tienen dueño.",
        "media",
    ),
]
LICENCIA = {
    (1, 1): (1, "No se sabe si quien tramita es propietario, perito o gestor."),
    (1, 2): (2, "Hay encuesta en ventanilla; pocas respuestas."),
    (1, 3): (1, "Las quejas por demora no se clasifican."),
    (2, 1): (2, "Se valora la claridad de requisitos; recogido en un taller."),
}


def _usuarios(clave: str) -> dict:
    usuario_model = get_user_model()
    usuarios = {}
    for username, nombre, apellido, grupo in USUARIOS:
        usuario, _creado = usuario_model.objects.get_or_create(
            username=username,
            defaults={"first_name": nombre, "last_name": apellido, "is_staff": True},
        )
        usuario.set_password(clave)
        usuario.save()
        usuario.groups.add(Group.objects.get_or_create(name=grupo)[0])
        usuarios[username] = usuario
    return usuarios


def _foto(texto: str) -> SimpleUploadedFile:
    imagen = Image.new("RGB", (640, 400), (236, 240, 243))
    dibujo = ImageDraw.Draw(imagen)
    dibujo.rectangle((40, 260, 600, 360), fill=(120, 130, 140))
    dibujo.text((40, 40), texto, fill=(20, 20, 20))
    salida = io.BytesIO()
    imagen.save(salida, "PNG")
    return SimpleUploadedFile("foto-sala-de-espera.png", salida.getvalue())


def _priorizar(titulo: str, modelo, gerente, motivo: str, hace: int = 1) -> Evaluacion | None:
    """The trámite's evaluation, prioritised by the máxima autoridad for DIAS days ending
    `hace` days ago (None when the trámite is not in the catalog or was already evaluated)."""
    pagina = Page.objects.live().filter(title=titulo).first()
    tramite = pagina and catalogo.tramite(pagina.pk)
    if tramite is None or Evaluacion.objects.filter(tramite_id=pagina.pk).exists():
        return None
    hasta = timezone.localdate() - dt.timedelta(days=hace)
    desde = hasta - dt.timedelta(days=DIAS - 1)
    return priorizar(tramite, modelo, desde, hasta, motivo, gerente)


def _calificar(evaluacion, puntajes: dict, usuario, todos: bool, evidencia=None) -> None:
    criterios = Criterio.objects.filter(componente__modelo=evaluacion.modelo).select_related(
        "componente"
    )
    for criterio in criterios.order_by("componente__numero", "numero"):
        clave = (criterio.componente.numero, criterio.numero)
        if clave not in puntajes and not todos:
            continue
        puntaje, notas = puntajes.get(clave, (2, ""))
        archivos = [evidencia] if evidencia and clave == (3, 3) else []
        services.calificar(evaluacion, criterio, puntaje, notas, usuario, evidencias=archivos)


def cargar(clave: str) -> int:
    """Create the demo evaluations that are missing; returns how many were created."""
    if not Page.objects.live().filter(title__in=[PREDIAL_TITULO, LICENCIA_TITULO]).exists():
        return 0
    modelo = services.cargar_plantilla("peru")
    u = _usuarios(clave)
    gerente, responsable, evaluador = (
        u["gerente.municipal"],
        u["evaluadora.calidad"],
        u["evaluador.calidad"],
    )
    creadas = 0
    ev = _priorizar(
        PREDIAL_TITULO,
        modelo,
        gerente,
        "El servicio con más turnos y más quejas por espera del periodo.",
        # Evaluated a while ago, so its acciones de mejora have run for three months.
        hace=DIAS + 1,
    )
    if ev is not None:
        services.designar_equipo(
            ev, responsable=responsable, evaluadores=[evaluador], usuario=gerente
        )
        services.iniciar(ev, usuario=responsable)
        _calificar(ev, PREDIAL, evaluador, todos=True, evidencia=_foto("Sala de espera, enero"))
        for numero, descripcion, causa, prioridad in OPORTUNIDADES_PREDIAL:
            services.registrar_oportunidad(
                ev,
                componente=modelo.componentes.get(numero=numero),
                descripcion=descripcion,
                causa=causa,
                prioridad=prioridad,
                usuario=responsable,
            )
        services.redactar_conclusiones(
            ev,
            conclusiones=(
                "El cobro del predial está bien resuelto en ventanilla, pero la temporada de "
                "descuento desborda la sala y nadie revisa los resultados que ya se miden.\n"
                "Se proponen tres acciones de mejora, la primera antes de enero."
            ),
            usuario=responsable,
        )
        services.enviar_informe(ev, usuario=responsable)
        services.aprobar(ev, usuario=gerente)
        creadas += 1
    ev = _priorizar(
        LICENCIA_TITULO,
        modelo,
        gerente,
        "Plazo de respuesta largo y quejas por requisitos poco claros.",
    )
    if ev is not None:
        services.designar_equipo(
            ev, responsable=evaluador, evaluadores=[responsable], usuario=gerente
        )
        services.iniciar(ev, usuario=evaluador)
        _calificar(ev, LICENCIA, evaluador, todos=False)
        services.registrar_oportunidad(
            ev,
            componente=modelo.componentes.get(numero=1),
            descripcion="Clasificar las quejas por causa cada mes",
            causa="Las quejas se atienden sin registro de su motivo.",
            prioridad="alta",
            usuario=evaluador,
        )
        creadas += 1
    return creadas
