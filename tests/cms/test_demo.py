import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True
    return tmp_path


def test_folio_demo_creates_admin_and_is_idempotent(var_dir, capsys):
    call_command("folio_demo", escritos=5)
    first = capsys.readouterr().out
    call_command("folio_demo", escritos=5)
    second = capsys.readouterr().out

    password = (var_dir / "demo-admin.txt").read_text().strip()
    assert f"contraseña «{password}»" in first
    assert f"contraseña «{password}»" in second
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "Escritos de demostración creados: 5." in first
    assert "Escritos de demostración creados" not in second
    assert "Oficialía de Partes" in HomePage.objects.get().intro
    assert "Diagnóstico de demostración (clima laboral e infraestructura) de 2 áreas" in first
    assert "Diagnóstico de demostración" not in second
    assert "Evaluaciones de servicios de demostración: 2" in first
    assert "Evaluaciones de servicios de demostración" not in second
    # The approved evaluation is on the portal and its acciones are activities of the plan.
    assert "Página «Calidad del servicio» con 1 evaluaciones aprobadas" in first
    from atencion.models import Actividad
    from cms.models import CalidadServicioPage, PlanAnticorrupcionPage

    pagina = CalidadServicioPage.objects.live().get()
    assert [f.evaluacion.estado for f in pagina.fichas()] == ["aprobada"]
    acciones = set(Actividad.objects.filter(oportunidad__isnull=False).values_list("pk", flat=True))
    bloque = next(
        b.value
        for b in PlanAnticorrupcionPage.objects.get().componentes
        if b.value["nombre"] == "Mecanismos para mejorar la atención al ciudadano"
    )
    listadas = [a.pk for a in bloque["actividades"]]
    assert acciones and acciones <= set(listadas)
    assert len(listadas) == len(set(listadas))  # the second run added none again


def test_folio_demo_refuses_outside_development(settings, var_dir):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="solo para desarrollo"):
        call_command("folio_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.tesseract
def test_demo_versiones_publicas_approved_and_waiting(var_dir, client):
    from cms import demo
    from documentos import demo as documentos_demo
    from documentos.models import Escrito, VersionPublica

    documentos_demo.cargar(clave="clave-de-prueba-1", total=40)
    assert demo.versiones_publicas(aprobadas=2, por_revisar=1) == (2, 1)
    assert demo.versiones_publicas() == (0, 0)  # once only
    aprobadas = VersionPublica.objects.filter(estado=VersionPublica.Estado.APROBADA)
    assert aprobadas.count() == 2
    assert VersionPublica.objects.filter(estado=VersionPublica.Estado.POR_REVISAR).count() == 1
    assert set(Escrito.objects.filter(publicado=True)) == {v.escrito for v in aprobadas}
    pdf = client.get(f"/oficialia/archivo/{aprobadas[0].escrito.folio}/version-publica.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
