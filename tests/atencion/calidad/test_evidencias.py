"""Evidence of a score: checked by content, stored and checksummed before the rows commit;
bad files are refused with a Spanish message and nothing is stored or changed."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from atencion.calidad import services
from atencion.models import Calificacion, Evidencia
from tests.factories import imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_propia(settings, tmp_path):
    """Each test its own MEDIA_ROOT, so the files other tests left do not count."""
    settings.MEDIA_ROOT = tmp_path / "media"


def guardadas() -> set[Path]:
    raiz = Path(settings.MEDIA_ROOT) / "calidad" / "evidencias"
    return {p for p in raiz.rglob("*") if p.is_file()} if raiz.exists() else set()


def _criterio(evaluacion):
    return evaluacion.modelo.componentes.get(numero=1).criterios.get(numero=1)


def test_las_evidencias_se_guardan_con_su_sha256(en_curso, evaluador):
    foto, acta = imagen_bytes(texto="Rampa de acceso"), pdf_bytes(texto="Acta del grupo focal")
    antes = guardadas()
    calificacion = services.calificar(
        en_curso,
        _criterio(en_curso),
        2,
        "Hay rampa, falta señalización.",
        evaluador,
        evidencias=[subida("rampa sede.png", foto), subida("acta.pdf", acta)],
    )
    evidencias = {e.nombre_original: e for e in calificacion.evidencias.all()}
    assert set(evidencias) == {"rampa sede.png", "acta.pdf"}
    assert evidencias["rampa sede.png"].sha256 == hashlib.sha256(foto).hexdigest()
    for evidencia in evidencias.values():
        assert evidencia.subida_por == evaluador
        with evidencia.archivo.open("rb") as guardado:
            assert hashlib.sha256(guardado.read()).hexdigest() == evidencia.sha256
        # Internal files: under the evaluation's folder with a name nobody can guess.
        nombre = Path(evidencia.archivo.name)
        assert nombre.parent == Path("calidad/evidencias") / str(en_curso.pk)
        assert len(nombre.name.split("-", 1)[0]) >= 16
    assert len(guardadas() - antes) == 2

    # Scoring again keeps the evidence and adds the new file.
    services.calificar(
        en_curso,
        _criterio(en_curso),
        3,
        "Ya hay señalización.",
        evaluador,
        evidencias=[subida("senal.png", imagen_bytes(texto="Señal"))],
    )
    assert calificacion.evidencias.count() == 3


@pytest.mark.parametrize(
    ("nombre", "contenido", "mensaje"),
    [
        ("acta.pdf", b"%PDF-1.4 esto no es un PDF", "está dañado y no se puede leer"),
        (
            "notas.docx",
            b"PK\x03\x04 un documento de Word",
            "no es un PDF ni una imagen PNG, JPEG o TIFF",
        ),
        ("vacio.png", b"", "está vacío"),
    ],
)
def test_una_evidencia_mala_se_rechaza_y_no_se_guarda_nada(
    en_curso, evaluador, nombre, contenido, mensaje
):
    criterio = _criterio(en_curso)
    previa = services.calificar(en_curso, criterio, 1, "Primera visita.", evaluador)
    antes = guardadas()
    with pytest.raises(ValidationError) as error:
        services.calificar(
            en_curso,
            criterio,
            4,
            "Segunda visita.",
            evaluador,
            evidencias=[subida("buena.png", imagen_bytes()), subida(nombre, contenido)],
        )
    assert mensaje in " ".join(error.value.messages)
    assert guardadas() == antes
    assert not Evidencia.objects.exists()
    previa.refresh_from_db()
    assert (previa.puntaje, previa.notas) == (1, "Primera visita.")


def test_una_evidencia_demasiado_grande(en_curso, evaluador, settings):
    settings.FOLIO_MAX_ARCHIVO_MB = 1
    grande = imagen_bytes(formato="TIFF", tamano=(1200, 1000))
    assert len(grande) > 1024 * 1024
    with pytest.raises(ValidationError, match="excede el tamaño máximo de 1 MB"):
        services.calificar(
            en_curso,
            _criterio(en_curso),
            2,
            "",
            evaluador,
            evidencias=[subida("plano.tif", grande)],
        )
    assert not Calificacion.objects.exists() and guardadas() == set()


def test_si_la_transaccion_falla_los_archivos_escritos_se_borran(en_curso, evaluador, monkeypatch):
    def falla(*args, **kwargs):
        raise RuntimeError("la base de datos se cayó")

    monkeypatch.setattr(services, "anotar", falla)
    with pytest.raises(RuntimeError):
        services.calificar(
            en_curso,
            _criterio(en_curso),
            2,
            "",
            evaluador,
            evidencias=[subida("foto.png", imagen_bytes())],
        )
    assert guardadas() == set()
    assert not Calificacion.objects.exists() and not Evidencia.objects.exists()
