import re

import pytest


def plano(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip()


@pytest.fixture
def texto_plano():
    return plano


@pytest.fixture
def recibir(db):
    """Receive an escrito at the window with these files: (name, bytes) pairs."""
    from cms import roles
    from documentos.services.recepcion import recibir_escrito
    from tests.factories import UsuarioFactory, datos_recepcion, subida

    ventanilla = UsuarioFactory(username="ventanilla.ocr", roles=[roles.OFICIALIA])

    def _recibir(*archivos):
        datos = datos_recepcion(
            asunto="Solicitud de licencia de construcción",
            archivos=[subida(nombre, contenido) for nombre, contenido in archivos],
        )
        return recibir_escrito(datos, usuario=ventanilla, ip="10.0.0.7", confirmar_duplicado=True)

    return _recibir


@pytest.fixture
def escaneo():
    from .imagenes import como_bytes, pagina

    return como_bytes(pagina(angulo=2.0), dpi=(300, 300))


def estropear(archivo, contenido: bytes = b"\x89PNG\r\n\x1a\n" + b"\0" * 64) -> None:
    """Replace a stored file's bytes, as disk corruption would."""
    storage, nombre = archivo.archivo.file.storage, archivo.archivo.file.name
    with open(storage.path(nombre), "wb") as fichero:
        fichero.write(contenido)
