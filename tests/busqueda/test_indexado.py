"""Index updates: the outbox, tasks after commit, nothing lost while Elasticsearch is down,
rebuild behind an alias, update and reconcile."""

import pytest
from django.core.management import call_command
from django.db import transaction

from busqueda import client, services
from busqueda.backends import actual
from busqueda.consulta import Consulta
from busqueda.models import PendienteIndice
from busqueda.selectors import buscar
from documentos.models import Escrito
from documentos.services import flujo
from documentos.services.archivos import registrar_ocr
from ocr.models import PaginaOCR
from tests.factories import version_aprobada

SOLO_ELASTICSEARCH = pytest.mark.parametrize(
    "backend", [pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)], indirect=True
)


def encontrados(q, usuario=None):
    actual().refrescar()
    return {r.escrito_id for r in buscar(Consulta(q=q, por_pagina=100), usuario).resultados}


def test_ocr_terminado_se_puede_buscar_tras_el_commit(
    backend, crear, archivista, django_capture_on_commit_callbacks
):
    # Unpublished: no versión pública to check against the new reading.
    escrito = crear("Oficio sin texto todavía", [], publicado=False)
    services.reconstruir()
    assert encontrados("hidrante", archivista) == set()
    archivo = escrito.archivos.get()
    PaginaOCR.objects.create(resultado=archivo.ocr, numero=1, texto="Revisión del hidrante roto.")
    with django_capture_on_commit_callbacks(execute=True):
        registrar_ocr(archivo.pk, "terminado")
    assert encontrados("hidrante", archivista) == {escrito.pk}
    assert services.pendientes() == 0


def test_publicar_y_retirar_cambian_la_busqueda_publica(
    backend, crear, archivista, django_capture_on_commit_callbacks
):
    escrito = crear("Alumbrado en el parque Hidalgo", ["Luminarias apagadas."], publicado=False)
    version_aprobada(escrito, anunciar=False)
    services.reconstruir()
    assert encontrados("luminarias") == set()
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, True, usuario=archivista)
    assert encontrados("luminarias") == {escrito.pk}
    with django_capture_on_commit_callbacks(execute=True):
        flujo.publicar(escrito, False, usuario=archivista)
    assert encontrados("luminarias") == set()


def test_nada_se_indexa_si_la_transaccion_falla(backend, crear, django_capture_on_commit_callbacks):
    escrito = crear("Escrito", [])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.encolar_escrito(escrito.pk)
                raise RuntimeError("falla")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not PendienteIndice.objects.exists()


def test_aplicar_dos_veces_no_hace_dano(backend, crear, archivista):
    escrito = crear("Reparación de drenaje", ["Coladera tapada."])
    services.encolar_escrito(escrito.pk)
    services.encolar_escrito(escrito.pk)
    assert services.aplicar_pendientes() == 2
    assert services.aplicar_pendientes() == 0
    assert encontrados("coladera", archivista) == {escrito.pk}


def test_borrado_sale_del_indice(backend, crear, archivista):
    escrito = crear("Escrito duplicado por error", ["Texto duplicado."])
    services.reconstruir()
    assert encontrados("duplicado", archivista) == {escrito.pk}
    escrito.archivos.all().delete()
    escrito.versiones_publicas.all().delete()
    pk = escrito.pk
    Escrito.objects.filter(pk=pk).delete()
    services.encolar_escrito(pk)
    services.aplicar_pendientes()
    assert encontrados("duplicado", archivista) == set()


@SOLO_ELASTICSEARCH
def test_si_elasticsearch_no_responde_nada_se_pierde(
    backend, crear, archivista, settings, django_capture_on_commit_callbacks
):
    """A real unreachable node (closed port): the request succeeds, the update waits."""
    services.reconstruir()
    escrito = crear("Semáforo descompuesto", ["El semáforo de la esquina parpadea."])
    bueno = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    client.configure()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.encolar_escrito(escrito.pk)  # the task fails after commit, quietly
        pendiente = PendienteIndice.objects.get(objeto_id=escrito.pk)
        assert pendiente.hecho_en is None and pendiente.intentos == 1 and pendiente.error
    finally:
        settings.ELASTICSEARCH_URL = bueno
        client.configure()
    call_command("search_index", "update")
    assert services.pendientes() == 0
    assert encontrados("semaforo", archivista) == {escrito.pk}


@SOLO_ELASTICSEARCH
def test_rebuild_crea_un_indice_nuevo_y_cambia_el_alias(backend, crear, archivista, capsys):
    from busqueda.backends import elasticsearch as es

    crear("Licencia de funcionamiento", ["Giro comercial de abarrotes."])
    call_command("search_index", "rebuild", "--sin-progreso")
    (primero,) = es.versiones("escritos")
    call_command("search_index", "rebuild")
    (segundo,) = es.versiones("escritos")
    assert segundo != primero
    alias = es.alias("escritos")
    assert list(client.get_client().indices.get_alias(name=alias)) == [segundo]
    assert "1 escritos" in capsys.readouterr().out
    ajustes = client.get_client().indices.get_settings(index=segundo)[segundo]["settings"]["index"]
    assert ajustes["refresh_interval"] == "1s"
    assert len(encontrados("abarrotes", archivista)) == 1


def test_reconcile_repara_diferencias(backend, crear, archivista, capsys):
    cambia = crear("Poda de árboles", ["Ramas sobre los cables."])
    falta = crear("Fuga en la toma domiciliaria", ["Medidor con fuga."])
    sobra = crear("Escrito que desaparece", ["Hoja suelta."])
    services.reconstruir()
    actual().guardar("escritos", [], [falta.pk], 0)
    sobra.archivos.all().delete()
    sobra.versiones_publicas.all().delete()
    Escrito.objects.filter(pk=sobra.pk).delete()
    Escrito.objects.filter(pk=cambia.pk).update(asunto="Tala de un fresno")
    actual().refrescar()
    call_command("search_index", "reconcile")
    salida = capsys.readouterr().out
    assert "escritos: 1 faltaban, 1 distintos, 1 sobraban" in salida
    assert encontrados("fresno", archivista) == {cambia.pk}
    assert encontrados("medidor", archivista) == {falta.pk}
    assert encontrados("hoja", archivista) == set()
    call_command("search_index", "reconcile")
    assert "escritos: 0 faltaban, 0 distintos, 0 sobraban" in capsys.readouterr().out


def test_escrito_recibido_en_ventanilla_se_puede_buscar(
    backend, archivista, django_capture_on_commit_callbacks
):
    """The real intake service: the outbox row commits with the escrito, the task indexes it."""
    from cms import roles
    from documentos.services.recepcion import recibir_escrito
    from tests.factories import UsuarioFactory, datos_recepcion, imagen_bytes, subida

    ventanilla = UsuarioFactory(username="ventanilla.busqueda", roles=[roles.OFICIALIA])
    datos = datos_recepcion(
        remitente_nombre="Sofía Ramírez",
        asunto="Reparación de luminarias en el andador Zaragoza",
        archivos=[subida("escaneo.png", imagen_bytes(texto="luminarias"))],
    )
    with django_capture_on_commit_callbacks(execute=True):
        escrito = recibir_escrito(datos, usuario=ventanilla, ip="10.0.0.1")
    assert services.pendientes() == 0
    assert encontrados("luminaria andador", archivista) == {escrito.pk}
    assert encontrados("sofia", archivista) == {escrito.pk}


@SOLO_ELASTICSEARCH
def test_cambios_durante_un_rebuild_llegan_al_indice_nuevo(backend, crear, archivista):
    """An update applied while a rebuild is writing its new index reaches both indexes, and
    an older version never overwrites a newer one."""
    from busqueda import documento
    from busqueda.backends import elasticsearch as es

    escrito = crear("Reparación de fachada", ["Muro dañado."])
    services.reconstruir()
    nuevo = es.crear_indice("escritos", reconstruccion=True)  # a rebuild in progress
    (doc,) = documento.documentos([escrito.pk])
    es.guardar("escritos", [dict(doc, asunto="Versión nueva")], [], version=7)
    es.guardar("escritos", [dict(doc, asunto="Versión vieja")], [], version=3)
    cliente = client.get_client()
    for indice in (es.alias("escritos"), nuevo):
        fuente = cliente.get(index=indice, id=str(escrito.pk))["_source"]
        assert fuente["asunto"] == "Versión nueva"
    cliente.indices.delete(index=nuevo)
