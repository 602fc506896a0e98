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


def tapada(imagen, caja, borde: int = 2) -> bool:
    """Whether every pixel of the box (less a `borde` of resampling) is black or belongs to
    one white label tag lying inside it: nothing of what was there shows."""
    import numpy as np

    gris = np.asarray(imagen.convert("L"))
    recorte = gris[
        caja.y + borde : caja.y + caja.alto - borde, caja.x + borde : caja.x + caja.ancho - borde
    ]
    if not recorte.size:
        return False
    filas, columnas = np.nonzero(recorte > 128)
    if not len(filas):
        return bool((recorte < 60).all())
    y0, y1, x0, x1 = filas.min(), filas.max() + 1, columnas.min(), columnas.max() + 1
    fuera = np.ones(recorte.shape, bool)
    fuera[y0:y1, x0:x1] = False
    etiqueta = recorte[y0:y1, x0:x1]
    return bool(
        (recorte[fuera] < 60).all()
        and y0 > 0
        and y1 < recorte.shape[0]
        and x0 > 0
        and x1 < recorte.shape[1]
        and 0.03 < (etiqueta < 100).mean() < 0.6  # black letters on the white tag
    )
