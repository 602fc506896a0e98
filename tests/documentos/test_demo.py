import pytest

from documentos import demo
from documentos.models import Area, Escrito
from documentos.services.bitacora import verificar_cadena

pytestmark = pytest.mark.django_db


def test_demo_data_is_realistic_and_loaded_once():
    assert demo.cargar(clave="demo-clave", total=40) == 40
    assert demo.cargar(clave="demo-clave", total=40) == 0
    assert Escrito.objects.count() == 40
    assert Area.objects.filter(personal__username="titular.dop").exists()
    assert len(set(Escrito.objects.values_list("estado", flat=True))) >= 4
    assert all(e.archivos.count() == 1 for e in Escrito.objects.all())
    assert verificar_cadena().integra
