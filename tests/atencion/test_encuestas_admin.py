"""Communications staff edit the questions in the admin; saving freezes a new version."""

import pytest
from django.core.exceptions import ValidationError

from atencion import services_encuestas as se
from atencion.models import Cuestionario
from cms import roles
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def _formulario(cuestionario, **cambio) -> dict:
    datos = {"nombre": cuestionario.nombre, "vigente": "on"}
    bloques = list(cuestionario.preguntas.raw_data)
    datos["preguntas-count"] = str(len(bloques))
    for i, bloque in enumerate(bloques):
        valor = {**bloque["value"], **(cambio if i == 0 else {})}
        datos |= {
            f"preguntas-{i}-type": "pregunta",
            f"preguntas-{i}-id": bloque["id"],
            f"preguntas-{i}-order": str(i),
            f"preguntas-{i}-deleted": "",
            f"preguntas-{i}-value-tipo": valor["tipo"],
            f"preguntas-{i}-value-clave": valor["clave"],
            f"preguntas-{i}-value-texto": valor["texto"],
        }
        if valor.get("obligatoria"):
            datos[f"preguntas-{i}-value-obligatoria"] = "on"
    return datos


def test_comunicacion_edits_the_questions_and_a_version_is_frozen(client):
    v1 = se.version_vigente()
    cuestionario = Cuestionario.objects.get()
    client.force_login(UsuarioFactory(username="comunica", roles=[roles.COMUNICACION]))
    url = f"/admin/snippets/atencion/cuestionario/edit/{cuestionario.pk}/"
    assert client.get(url).status_code == 200
    nueva = "En general, ¿cómo le atendimos hoy?"
    respuesta = client.post(url, _formulario(cuestionario, texto=nueva))
    assert respuesta.status_code == 302, respuesta.content.decode()[:2000]
    ultima = cuestionario.versiones.order_by("-numero").first()
    assert ultima.numero == 2 and ultima.preguntas[0]["texto"] == nueva
    v1.refresh_from_db()
    assert v1.preguntas[0]["texto"] != nueva

    repetida = client.post(url, _formulario(cuestionario, clave="trato"))
    assert repetida.status_code == 200
    assert "Dos preguntas tienen la misma clave" in repetida.content.decode()
    assert cuestionario.versiones.count() == 2


def test_area_staff_cannot_edit_the_questions(client):
    se.version_vigente()
    client.force_login(UsuarioFactory(username="area", roles=[roles.AREA]))
    respuesta = client.get("/admin/snippets/atencion/cuestionario/")
    assert respuesta.status_code in (302, 403)


def test_duplicate_keys_are_refused():
    cuestionario = se.cuestionario_vigente()
    cuestionario.preguntas = [
        ("pregunta", {"tipo": "escala5", "clave": "trato", "texto": "a", "obligatoria": False}),
        ("pregunta", {"tipo": "escala5", "clave": "trato", "texto": "b", "obligatoria": False}),
    ]
    with pytest.raises(ValidationError, match="misma clave"):
        cuestionario.full_clean()
