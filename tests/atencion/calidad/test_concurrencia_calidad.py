"""Two máximas autoridades approve the same informe at the same instant (real PostgreSQL):
one approval wins, the other gets the Spanish message, one PDF is kept."""

import threading
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from atencion.calidad import services
from atencion.models import Evaluacion
from cms import roles
from tests.factories import UsuarioFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dos_aprobaciones_a_la_vez(en_revision, maxima_autoridad, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    otra = UsuarioFactory(username="otra.autoridad", roles=[roles.MAXIMA_AUTORIDAD])
    barrera = threading.Barrier(2)
    aprobadas, rechazos, errores = [], [], []

    def aprobar(usuario):
        copia = Evaluacion.objects.get(pk=en_revision.pk)  # both read EN_REVISION
        try:
            barrera.wait()
            services.aprobar(copia, usuario=usuario)
            aprobadas.append(usuario.username)
        except ValidationError as error:
            rechazos.extend(error.messages)
        except BaseException as error:  # reported below
            errores.append(error)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=aprobar, args=(u,)) for u in (maxima_autoridad, otra)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()

    assert connection.vendor == "postgresql"
    assert errores == []
    assert len(aprobadas) == 1
    assert rechazos == [
        "No se puede aprobar el informe: la evaluación está en estado «Informe aprobado»."
    ]
    fila = Evaluacion.objects.get(pk=en_revision.pk)
    assert fila.aprobada_por.username == aprobadas[0]
    pdfs = list((Path(settings.MEDIA_ROOT) / "calidad").glob("informe-*.pdf"))
    assert [p.name for p in pdfs] == [Path(fila.informe.name).name]
