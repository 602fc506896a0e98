import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from archivo import catalogo, services_catalogo
from archivo.models import CatalogoVersion, ReglaDisposicion, Serie, Subserie
from documentos.models import EntradaBitacora

from .fabricas import CatalogoVersionFactory, ReglaFactory, SerieFactory, SubserieFactory

pytestmark = pytest.mark.django_db

ENCABEZADO = ",".join(catalogo.COLUMNAS)
BUENA = "3S.1,Correspondencia,,,1,2,sí,no,no,baja,LGA art. 13"


def borrador():
    return CatalogoVersionFactory(estado=CatalogoVersion.Estado.BORRADOR, aprobada_en=None)


def csv_de(*lineas, encabezado=ENCABEZADO) -> bytes:
    return "\n".join([encabezado, *lineas]).encode()


def test_importar_csv_crea_cuadro_y_reglas(archivista):
    version = borrador()
    filas = catalogo.leer_csv(
        csv_de(BUENA, "3S.1,Correspondencia,3S.1.1,Control de gestión,1,3,x,,,E,")
    )
    assert services_catalogo.importar(version, filas, archivista) == 2
    serie = Serie.objects.get(codigo="3S.1")
    assert serie.seccion.codigo == "3S"
    regla = ReglaDisposicion.objects.get(version=version, subserie__isnull=True)
    assert (regla.anios_tramite, regla.anios_concentracion, regla.destino) == (1, 2, "baja")
    assert (regla.valor_administrativo, regla.valor_legal, regla.base_legal) == (
        True,
        False,
        "LGA art. 13",
    )
    sub = ReglaDisposicion.objects.get(version=version, subserie__codigo="3S.1.1")
    assert sub.subserie.serie == serie
    assert EntradaBitacora.objects.order_by("-pk").first().despues["reglas"] == 2


def test_una_fila_mala_no_importa_nada_y_se_nombra(archivista):
    version = borrador()
    ReglaFactory(version=version, serie=SerieFactory(codigo="9S.1"))
    filas = catalogo.leer_csv(
        csv_de(
            BUENA,
            "3S.2,Oficios,,,dos,2,sí,no,no,baja,",
            "3S.3,Minutarios,,,1,2,quizá,no,no,quemar,",
            BUENA,
        )
    )
    with pytest.raises(ValidationError) as error:
        services_catalogo.importar(version, filas, archivista)
    mensajes = error.value.messages
    assert len(mensajes) == 3
    assert mensajes[0].startswith("Fila 3: AT debe ser un número entero")
    assert mensajes[1].startswith("Fila 4:")
    assert "«quizá» en administrativo" in mensajes[1]
    assert "destino «quemar» desconocido" in mensajes[1]
    assert mensajes[2] == "Fila 5: repite la serie de la fila 2."
    # The draft keeps what it had; no serie was created.
    assert list(version.reglas.values_list("serie__codigo", flat=True)) == ["9S.1"]
    assert not Serie.objects.filter(codigo__startswith="3S").exists()


def test_faltan_columnas():
    with pytest.raises(ValidationError, match="Faltan las columnas: AT, AC"):
        catalogo.leer_csv(b"codigo_serie,serie,destino\n3S.1,Correspondencia,baja\n")


def test_no_importa_en_una_version_aprobada(archivista):
    aprobada = CatalogoVersionFactory()
    with pytest.raises(ValidationError, match="ya está aprobada"):
        services_catalogo.importar(aprobada, catalogo.leer_csv(csv_de(BUENA)), archivista)
    assert not aprobada.reglas.exists()


def test_subserie_de_otra_serie(archivista):
    SubserieFactory(serie=SerieFactory(codigo="4S.1"), codigo="4S.1.1")
    filas = catalogo.leer_csv(csv_de("3S.1,Correspondencia,4S.1.1,Otra,1,2,sí,no,no,baja,"))
    with pytest.raises(ValidationError, match=r"Fila 2: la subserie 4S\.1\.1 ya pertenece"):
        services_catalogo.importar(borrador(), filas, archivista)


def test_csv_con_punto_y_coma():
    filas = catalogo.leer_csv(
        csv_de(BUENA.replace(",", ";"), encabezado=ENCABEZADO.replace(",", ";"))
    )
    assert filas[0]["codigo_serie"] == "3S.1"
    assert filas[0]["destino"] == "baja"


def test_ida_y_vuelta_csv_y_xlsx(archivista):
    origen = borrador()
    services_catalogo.importar(
        origen,
        catalogo.leer_csv(
            csv_de(BUENA, "12C.6,Solicitudes de acceso,,,2,3,sí,sí,no,conservacion,=LGT art. 24")
        ),
        archivista,
    )
    for nombre, datos in (
        ("c.csv", catalogo.exportar_csv(origen)),
        ("c.xlsx", catalogo.exportar_xlsx(origen)),
    ):
        copia = borrador()
        services_catalogo.importar(copia, catalogo.leer(nombre, datos), archivista)
        assert catalogo.filas_de(copia) == catalogo.filas_de(origen)
    # A formula-like legal basis travels as text and comes back as written.
    assert catalogo.filas_de(origen)[0][10] == "=LGT art. 24"


def test_xlsx_con_numeros():
    libro = Workbook()
    hoja = libro.active
    hoja.append(catalogo.COLUMNAS)
    hoja.append(["3S.1", "Correspondencia", None, None, 1, 2.0, "sí", "no", "no", "E", None])
    salida = io.BytesIO()
    libro.save(salida)
    fila = catalogo.leer_xlsx(salida.getvalue())[0]
    assert (fila["AT"], fila["AC"], fila["codigo_subserie"]) == ("1", "2", "")


def test_xlsx_invalido():
    with pytest.raises(ValidationError, match="no es un libro XLSX"):
        catalogo.leer_xlsx(b"no soy un libro")


def test_aprobar(archivista):
    version = borrador()
    with pytest.raises(ValidationError, match="no tiene reglas"):
        services_catalogo.aprobar(version, archivista)
    ReglaFactory(version=version)
    services_catalogo.aprobar(version, archivista)
    version.refresh_from_db()
    assert version.estado == CatalogoVersion.Estado.APROBADA
    assert version.aprobada_por == archivista
    with pytest.raises(ValidationError, match="ya está aprobada"):
        services_catalogo.aprobar(version, archivista)


@pytest.mark.parametrize(("pais", "series"), [("mexico", 5), ("colombia", 5)])
def test_cargar_plantilla_dos_veces(pais, series):
    call_command("archivo_cargar_plantilla", pais, stdout=io.StringIO())
    call_command("archivo_cargar_plantilla", pais, stdout=io.StringIO())
    version = CatalogoVersion.objects.get()
    assert version.estado == CatalogoVersion.Estado.BORRADOR
    assert version.reglas.values("serie").distinct().count() == series
    assert version.reglas.count() == len(catalogo.leer_csv(_plantilla(pais)))
    assert Subserie.objects.count() == 1


def test_plantilla_aprobada_no_se_toca(archivista):
    salida = io.StringIO()
    call_command("archivo_cargar_plantilla", "mexico", stdout=salida)
    version = CatalogoVersion.objects.get()
    services_catalogo.aprobar(version, archivista)
    reglas = set(version.reglas.values_list("pk", flat=True))
    call_command("archivo_cargar_plantilla", "mexico", stdout=salida)
    assert "ya está aprobada" in salida.getvalue()
    assert set(version.reglas.values_list("pk", flat=True)) == reglas


def test_plantilla_de_pais_desconocido():
    with pytest.raises(CommandError):
        call_command("archivo_cargar_plantilla", "atlantida")


def _plantilla(pais):
    from archivo.plantillas import contenido

    return contenido(pais)
