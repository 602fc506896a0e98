"""The informe de evaluación: its PDF text read back with pdftotext, page 1 rendered with
pdftoppm, the BORRADOR mark before approval and the frozen PDF after it."""

import hashlib
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from atencion.calidad import selectors, services
from atencion.calidad.informe_pdf import pdf_informe
from atencion.models import Criterio
from tests.pdfs import sin_espacios

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_propia(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdftotext(pdf: bytes, tmp_path) -> str:
    ruta = tmp_path / "informe.pdf"
    ruta.write_bytes(pdf)
    salida = subprocess.run(
        ["pdftotext", "-raw", str(ruta), "-"],  # noqa: S607
        capture_output=True,
        check=True,
    )
    return salida.stdout.decode()


def test_el_borrador_lleva_todo_y_la_marca(en_revision, tmp_path):
    texto = pdftotext(pdf_informe(selectors.informe(en_revision)), tmp_path)
    plano = sin_espacios(texto)
    for esperado in (
        "Informe de evaluación de la calidad del servicio",
        "Constancia de no adeudo predial",
        "Dirección de Catastro",
        "1 de Enero de 2026 al 30 de Junio de 2026",
        "Modelo de prueba",
        "Norma de prueba",
        "Muchas quejas por demora.",
        "Responsable del equipo",
        "Cifras del periodo frente al periodo anterior",
        "Periodo anterior (04/07/2025 a 31/12/2025)",
        "Escritos recibidos",
        "Puntaje medio por componente (0 a 4)",
        "1.1 Criterio 1.1 de Necesidades de las personas",
        "3 · Implementado",
        "2 · En desarrollo",
        "1 · Inicial",
        "0 · No existe",
        "Notas de 2.2 Criterio 2.2 de Gestión de procesos",
        "Publicar los requisitos del trámite en la ventanilla",
        "Las personas llegan sin la documentación completa",
        "Alta",
        "Borrador: este informe aún no ha sido aprobado",
    ):
        assert sin_espacios(esperado) in plano, esperado
    paginas = texto.count("\f")
    assert paginas >= 2
    assert texto.count("BORRADOR: informe no aprobado") == paginas
    # Means per componente (3 and 2 → 2.50; 1 and 0 → 0.50) in the table and the chart.
    assert texto.count("2.50") >= 2 and texto.count("0.50") >= 2
    assert "62.5 %" in texto and "12.5 %" in texto
    assert "Aprobado por" not in texto


def test_al_aprobar_se_congela_el_pdf_y_es_el_que_se_descarga(
    en_revision, maxima_autoridad, client, tmp_path
):
    maxima_autoridad.first_name, maxima_autoridad.last_name = "Gerencia", "Municipal"
    maxima_autoridad.save()
    services.aprobar(en_revision, usuario=maxima_autoridad)
    with en_revision.informe.open("rb") as guardado:
        congelado = guardado.read()
    assert hashlib.sha256(congelado).hexdigest() == en_revision.informe_sha256
    texto = pdftotext(congelado, tmp_path)
    assert "Aprobado por Gerencia Municipal, máxima autoridad administrativa" in " ".join(
        texto.split()
    )
    assert "BORRADOR" not in texto and "Borrador" not in texto

    # Staff edit the model afterwards: the approved informe does not change.
    Criterio.objects.filter(componente__modelo=en_revision.modelo).update(texto="Texto nuevo")
    client.force_login(maxima_autoridad)
    url = reverse("calidad_evaluacion:informe_pdf", args=[en_revision.pk])
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert "no-store" in respuesta["Cache-Control"]
    assert f"informe-evaluacion-{en_revision.pk}.pdf" in respuesta["Content-Disposition"]
    assert b"".join(respuesta.streaming_content) == congelado

    # A stored file that no longer matches its checksum is not handed out.
    with open(en_revision.informe.path, "ab") as fichero:
        fichero.write(b"%alterado")
    alterado = client.get(url)
    assert alterado.status_code == 500
    assert "no coincide con su huella SHA-256" in alterado.content.decode()


def test_antes_de_aprobar_se_descarga_el_borrador(
    en_revision, evaluador, personal_evaluador, client, tmp_path
):
    client.force_login(evaluador)
    respuesta = client.get(reverse("calidad_evaluacion:informe_pdf", args=[en_revision.pk]))
    assert respuesta.status_code == 200
    assert "borrador-informe-evaluacion" in respuesta["Content-Disposition"]
    assert "BORRADOR: informe no aprobado" in pdftotext(respuesta.content, tmp_path)


def test_la_primera_pagina_se_ve(en_revision, maxima_autoridad, tmp_path):
    """Page 1 rendered with pdftoppm (a person looked at it; here: it renders, not blank)."""
    from PIL import Image

    services.aprobar(en_revision, usuario=maxima_autoridad)
    ruta = tmp_path / "informe.pdf"
    ruta.write_bytes(en_revision.informe.read())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(ruta), str(tmp_path / "p")],  # noqa: S607
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    with Image.open(png) as imagen:
        assert imagen.size == (510, 660)  # letter at 60 ppp
        oscuros = sum(imagen.convert("L").histogram()[:128])
    assert oscuros > 2000


def test_el_pdf_sale_en_el_idioma_de_la_instalacion(en_revision, tmp_path, settings):
    """Approved from an admin in another language, the PDF keeps the installation's."""
    assert settings.LANGUAGE_CODE == "es-mx"
    with translation.override("es"):
        texto = pdftotext(pdf_informe(selectors.informe(en_revision)), tmp_path)
    assert "1 de Enero de 2026 al 30 de Junio de 2026" in texto


def test_un_componente_sin_calificar_no_aparece_como_cero(en_curso, evaluador, tmp_path):
    for criterio in en_curso.modelo.componentes.get(numero=1).criterios.all():
        services.calificar(en_curso, criterio, 1, "", evaluador)
    texto = pdftotext(pdf_informe(selectors.informe(en_curso)), tmp_path)
    grafica = texto.split("Resultado por componente")[1].split("Puntaje medio por componente")[0]
    assert "1.00" in grafica and "sin calificar" in grafica
    assert "0.00" not in grafica
