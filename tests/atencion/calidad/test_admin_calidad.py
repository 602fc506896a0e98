"""The evaluation screens in the Wagtail admin, for each role and for outsiders."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from atencion.calidad import services
from atencion.models import Calificacion, Evaluacion, Evidencia, ModeloCalidad
from cms import roles
from tests.factories import UsuarioFactory, imagen_bytes, subida

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_propia(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def url(nombre, *args):
    return reverse(f"calidad_evaluacion:{nombre}", args=args)


def mensajes(respuesta) -> list[str]:
    return [str(m) for m in get_messages(respuesta.wsgi_request)]


@pytest.fixture
def contralor(db):
    return UsuarioFactory(username="contralor", roles=[roles.CONTRALORIA])


@pytest.fixture
def evidencia(en_curso, evaluador):
    criterio = en_curso.modelo.componentes.get(numero=1).criterios.first()
    calificacion = services.calificar(
        en_curso, criterio, 2, "", evaluador, evidencias=[subida("rampa.png", imagen_bytes())]
    )
    return calificacion.evidencias.get()


def test_cada_rol_ve_sus_paginas(
    client, en_curso, evidencia, maxima_autoridad, modernizacion, contralor, personal_evaluador
):
    evaluadora, evaluador = personal_evaluador
    paginas = [
        url("lista"),
        url("evaluacion", en_curso.pk),
        url("evaluacion", en_curso.pk) + "?componente=2",
        url("informe", en_curso.pk),
        url("informe_pdf", en_curso.pk),
        url("evidencia", evidencia.pk),
    ]
    for usuario in (maxima_autoridad, modernizacion, contralor, evaluadora, evaluador):
        client.force_login(usuario)
        inicio = client.get("/admin/").content.decode()
        assert "Calidad del servicio" in inicio, usuario
        for pagina in paginas:
            respuesta = client.get(pagina)
            assert respuesta.status_code == 200, (usuario, pagina)
        lista = client.get(url("lista")).content.decode()
        assert "Constancia de no adeudo predial" in lista
    client.force_login(maxima_autoridad)
    assert client.get(url("equipo", en_curso.pk)).status_code == 200
    pagina = client.get(url("evaluacion", en_curso.pk)).content.decode()
    assert "Cambiar el equipo" in pagina and "Guardar calificación" not in pagina
    client.force_login(evaluador)
    pagina = client.get(url("evaluacion", en_curso.pk)).content.decode()
    assert "Guardar calificación" in pagina and 'name="c' in pagina
    assert client.get(url("equipo", en_curso.pk)).status_code == 403
    assert client.get(url("modelos")).status_code == 403
    client.force_login(modernizacion)
    assert client.get(url("modelos")).status_code == 200


def test_quien_no_es_del_equipo_no_ve_nada(client, en_curso, evidencia):
    ajeno = UsuarioFactory(username="ajeno", roles=[roles.AREA])
    client.force_login(ajeno)
    assert "Calidad del servicio" not in client.get("/admin/").content.decode()
    for pagina in (
        url("lista"),
        url("evaluacion", en_curso.pk),
        url("informe", en_curso.pk),
        url("informe_pdf", en_curso.pk),
        url("evidencia", evidencia.pk),
        url("equipo", en_curso.pk),
        url("modelos"),
    ):
        assert client.get(pagina).status_code == 403, pagina
    assert client.post(url("transicion", en_curso.pk, "enviar")).status_code == 403
    client.logout()
    for pagina in (url("evaluacion", en_curso.pk), url("evidencia", evidencia.pk)):
        respuesta = client.get(pagina)
        assert respuesta.status_code == 302 and "/admin/login/" in respuesta["Location"]


def test_calificar_desde_la_pagina_con_evidencia(client, en_curso, personal_evaluador):
    _responsable, evaluador = personal_evaluador
    client.force_login(evaluador)
    criterio = en_curso.modelo.componentes.get(numero=2).criterios.get(numero=1)
    prefijo = f"c{criterio.pk}"
    respuesta = client.post(
        url("evaluacion", en_curso.pk),
        {
            "que": "calificar",
            "criterio": criterio.pk,
            f"{prefijo}-puntaje": "3",
            f"{prefijo}-notas": "Proceso documentado.",
            f"{prefijo}-evidencias": [subida("diagrama.png", imagen_bytes(texto="Diagrama"))],
        },
    )
    assert respuesta.status_code == 302
    assert respuesta["Location"].endswith(f"?componente=2#criterio-{criterio.pk}")
    assert mensajes(respuesta) == ["Se guardó la calificación del criterio 2.1."]
    calificacion = Calificacion.objects.get(criterio=criterio)
    assert (calificacion.puntaje, calificacion.notas) == (3, "Proceso documentado.")
    assert calificacion.evidencias.get().nombre_original == "diagrama.png"
    pagina = client.get(url("evaluacion", en_curso.pk) + "?componente=2").content.decode()
    assert "diagrama.png" in pagina and "checked" in pagina

    # A bad file: the page comes back with the message and the typed notes; nothing saved.
    respuesta = client.post(
        url("evaluacion", en_curso.pk),
        {
            "que": "calificar",
            "criterio": criterio.pk,
            f"{prefijo}-puntaje": "4",
            f"{prefijo}-notas": "Notas que no se pierden",
            f"{prefijo}-evidencias": [subida("acta.pdf", b"%PDF-1.4 roto")],
        },
    )
    contenido = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "está dañado y no se puede leer" in contenido
    assert "Notas que no se pierden" in contenido
    calificacion.refresh_from_db()
    assert calificacion.puntaje == 3 and Evidencia.objects.count() == 1

    # No level chosen.
    respuesta = client.post(
        url("evaluacion", en_curso.pk),
        {"que": "calificar", "criterio": criterio.pk, f"{prefijo}-notas": "x"},
    )
    assert "Elija un nivel de 0 a 4 para el criterio." in respuesta.content.decode()


def test_oportunidad_conclusiones_y_botones_desde_la_pagina(
    client, lista_para_enviar, personal_evaluador, maxima_autoridad
):
    evaluadora, evaluador = personal_evaluador
    ev = lista_para_enviar
    client.force_login(evaluador)
    vacia = client.post(url("evaluacion", ev.pk), {"que": "oportunidad", "prioridad": "alta"})
    assert "Describa la oportunidad de mejora." in vacia.content.decode()
    respuesta = client.post(
        url("evaluacion", ev.pk),
        {
            "que": "oportunidad",
            "componente": ev.modelo.componentes.get(numero=1).pk,
            "descripcion": "Encuesta trimestral",
            "causa": "No se pregunta a las personas",
            "prioridad": "media",
        },
    )
    assert respuesta.status_code == 302 and ev.oportunidades.count() == 2
    client.post(url("evaluacion", ev.pk), {"que": "conclusiones", "conclusiones": "Mejorable."})
    assert Evaluacion.objects.get(pk=ev.pk).conclusiones == "Mejorable."

    # The evaluador has no button to send; a forged POST gets the Spanish refusal.
    assert "Enviar el informe" not in client.get(url("evaluacion", ev.pk)).content.decode()
    respuesta = client.post(url("transicion", ev.pk, "enviar"))
    assert mensajes(respuesta) == [
        "Solo la persona responsable del equipo evaluador envía el informe."
    ]
    client.force_login(evaluadora)
    assert "Enviar el informe" in client.get(url("evaluacion", ev.pk)).content.decode()
    respuesta = client.post(url("transicion", ev.pk, "enviar"))
    assert mensajes(respuesta) == ["El informe se envió para su aprobación."]

    client.force_login(maxima_autoridad)
    pagina = client.get(url("evaluacion", ev.pk)).content.decode()
    assert "Aprobar el informe" in pagina and "Devolver al equipo" in pagina
    respuesta = client.post(url("transicion", ev.pk, "devolver"), {"nota": ""})
    assert mensajes(respuesta) == ["Escriba qué debe corregir el equipo evaluador."]
    client.post(url("transicion", ev.pk, "devolver"), {"nota": "Falta la evidencia del 1.1"})
    assert Evaluacion.objects.get(pk=ev.pk).estado == Evaluacion.Estado.EN_EVALUACION
    client.force_login(evaluadora)
    assert "Falta la evidencia del 1.1" in client.get(url("evaluacion", ev.pk)).content.decode()
    client.post(url("transicion", ev.pk, "enviar"))
    client.force_login(maxima_autoridad)
    respuesta = client.post(url("transicion", ev.pk, "aprobar"))
    assert mensajes(respuesta)[-1] == "El informe quedó aprobado; su PDF se guardó y ya no cambia."
    ev.refresh_from_db()
    assert ev.estado == Evaluacion.Estado.APROBADA and ev.informe_sha256
    pagina = client.get(url("informe", ev.pk)).content.decode()
    assert ev.informe_sha256 in pagina and "BORRADOR" not in pagina


def test_la_maxima_autoridad_designa_al_equipo_desde_el_formulario(
    client, evaluacion, maxima_autoridad, personal_evaluador
):
    evaluadora, evaluador = personal_evaluador
    client.force_login(maxima_autoridad)
    vacio = client.post(url("equipo", evaluacion.pk), {"evaluadores": [evaluador.pk]})
    assert "Elija a la persona responsable del equipo evaluador." in vacio.content.decode()
    respuesta = client.post(
        url("equipo", evaluacion.pk), {"responsable": evaluador.pk, "evaluadores": [evaluadora.pk]}
    )
    assert respuesta.status_code == 302
    assert sorted(evaluacion.equipo.values_list("usuario__username", "rol")) == [
        ("evaluador", "responsable"),
        ("evaluadora", "evaluador"),
    ]


def test_modernizacion_carga_una_plantilla_y_edita_sus_criterios(client, modernizacion):
    client.force_login(modernizacion)
    respuesta = client.post(url("modelos"), {"plantilla": "oaxaca"})
    assert respuesta.status_code == 302
    modelo = ModeloCalidad.objects.get()
    assert "Manual de Gestión al Servicio Ciudadano" in mensajes(respuesta)[0]
    pagina = client.get(url("modelos")).content.decode()
    assert "Mejoramiento de Infraestructura Física y Tecnológica" in pagina
    for listado in ("calidad_modelos", "calidad_componentes", "calidad_criterios"):
        assert client.get(reverse(f"{listado}:index")).status_code == 200, listado
    filtrado = client.get(reverse("calidad_criterios:index"), {"q": "indicadores"})
    assert "Hay indicadores con seguimiento periódico." in filtrado.content.decode()
    criterio = modelo.componentes.get(numero=5).criterios.get(numero=1)
    editar = reverse("calidad_criterios:edit", args=[criterio.pk])
    assert client.get(editar).status_code == 200
    respuesta = client.post(
        editar,
        {
            "componente": criterio.componente_id,
            "numero": 1,
            "texto": "Indicadores revisados cada mes",
            "guia": "",
        },
    )
    assert respuesta.status_code == 302
    criterio.refresh_from_db()
    assert criterio.texto == "Indicadores revisados cada mes"
    assert client.post(url("modelos"), {"plantilla": "nada"}).status_code == 302
    area = UsuarioFactory(roles=[roles.AREA])
    client.force_login(area)
    assert client.get(editar).status_code in (302, 403)


def test_un_envio_que_pasa_el_maximo_no_guarda_nada(client, en_curso, personal_evaluador, settings):
    settings.FOLIO_MAX_ENVIO_MB = 1
    _responsable, evaluador = personal_evaluador
    client.force_login(evaluador)
    criterio = en_curso.modelo.componentes.get(numero=1).criterios.first()
    grande = imagen_bytes(formato="TIFF", tamano=(1200, 1000))
    respuesta = client.post(
        url("evaluacion", en_curso.pk),
        {
            "que": "calificar",
            "criterio": criterio.pk,
            f"c{criterio.pk}-puntaje": "2",
            f"c{criterio.pk}-evidencias": [subida("plano.tif", grande)],
        },
    )
    assert respuesta.status_code == 302
    assert "supera el máximo de 1 MB" in mensajes(respuesta)[0]
    assert not Calificacion.objects.exists() and not Evidencia.objects.exists()


def test_quien_solo_lee_no_califica_y_se_le_dice(client, en_curso, contralor):
    client.force_login(contralor)
    criterio = en_curso.modelo.componentes.get(numero=1).criterios.first()
    for datos in (
        {"que": "calificar", "criterio": criterio.pk, f"c{criterio.pk}-puntaje": "4"},
        {"que": "oportunidad", "descripcion": "x", "causa": "y", "prioridad": "alta"},
        {"que": "conclusiones", "conclusiones": "Todo bien."},
    ):
        respuesta = client.post(url("evaluacion", en_curso.pk), datos)
        assert respuesta.status_code == 302, datos["que"]
        assert mensajes(respuesta)[-1] == (
            "Solo el equipo evaluador califica, registra oportunidades y concluye."
        )
    assert not Calificacion.objects.exists() and not en_curso.oportunidades.exists()
    assert Evaluacion.objects.get(pk=en_curso.pk).conclusiones == ""
