"""Demo evaluations for `make run`: Peru's model loaded, the quality roles as demo users, and
two evaluated trámites of the demo catalog, "Pago del impuesto predial" with its informe
approved (the frozen PDF) and "Licencia de construcción" half scored.

Everything goes through atencion.calidad.services, so the history, the checksums and the
frozen PDF are real. Needs documentos.demo, the portal pages and atencion.demo first (áreas,
temas, trámites, servicios). Idempotent: an evaluation that exists is left alone."""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Page

from cms import roles
from documentos.models import Area, Tema

from .calidad import services
from .calidad.indicadores import Ambito, cifras
from .models import Criterio, Evaluacion, Servicio

# (username, first name, last name, role group)
USUARIOS = [
    ("gerente.municipal", "Gerencia", "Municipal", roles.MAXIMA_AUTORIDAD),
    ("modernizacion", "Unidad de", "Modernización", roles.MODERNIZACION),
    ("evaluadora.calidad", "Marisol", "Quispe Rojas", roles.AREA),
    ("evaluador.calidad", "Julián", "Mendoza Ortiz", roles.AREA),
]
DIAS = 90  # the evaluated period: the last 90 days

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


def _nueva(nombre, area, tema, tramite, servicios, modelo, gerente, motivo) -> Evaluacion:
    hasta = timezone.localdate() - dt.timedelta(days=1)
    desde = hasta - dt.timedelta(days=DIAS - 1)
    evaluacion = Evaluacion.objects.create(
        nombre=nombre,
        modelo=modelo,
        area=area,
        tema=tema,
        tramite=tramite,
        periodo_desde=desde,
        periodo_hasta=hasta,
        motivo=motivo,
        creada_por=gerente,
    )
    evaluacion.servicios.set(servicios)
    ambito = Ambito.de_evaluacion(evaluacion)
    evaluacion.priorizacion = cifras(ambito, desde, hasta).como_dict()
    evaluacion.save(update_fields=["priorizacion"])
    return evaluacion


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
    areas = {a.siglas: a for a in Area.objects.filter(siglas__in=["FIN", "DOP"])}
    if len(areas) < 2:
        return 0
    modelo = services.cargar_plantilla("peru")
    u = _usuarios(clave)
    gerente, responsable, evaluador = (
        u["gerente.municipal"],
        u["evaluadora.calidad"],
        u["evaluador.calidad"],
    )
    creadas = 0
    if not Evaluacion.objects.filter(nombre="Pago del impuesto predial").exists():
        ev = _nueva(
            "Pago del impuesto predial",
            areas["FIN"],
            Tema.objects.filter(nombre="Predial y pagos").first(),
            Page.objects.filter(title="Pago del impuesto predial").first(),
            Servicio.objects.filter(prefijo="B", area=areas["FIN"]),
            modelo,
            gerente,
            "El servicio con más turnos y más quejas por espera del periodo.",
        )
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
    if not Evaluacion.objects.filter(nombre="Licencia de construcción").exists():
        ev = _nueva(
            "Licencia de construcción",
            areas["DOP"],
            Tema.objects.filter(nombre="Obras y servicios").first(),
            Page.objects.filter(title="Licencia de construcción").first(),
            Servicio.objects.filter(prefijo="C", area=areas["DOP"]),
            modelo,
            gerente,
            "Plazo de respuesta largo y quejas por requisitos poco claros.",
        )
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
