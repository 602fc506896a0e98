"""documentos.calidad: the registry ocr fills in, and the Spanish warnings it gives."""

import time

import pytest

from documentos import calidad
from documentos.calidad import RevisionPagina
from tests.factories import subida


@pytest.fixture
def revisor():
    """A stand-in checker: the pages it is told, whatever the file."""
    paginas: list[RevisionPagina] = []

    def _revisor(fichero, mime):
        fichero.read(10)  # it may read: the file is rewound for the intake afterwards
        yield from paginas

    calidad.registrar_revisor(_revisor)
    return paginas


def test_without_a_registered_checker_there_is_nothing_to_say():
    assert calidad.avisos([subida("foto.jpg", b"x")]) == []


def test_each_doubtful_page_gets_a_warning_naming_it_and_what_to_do(revisor):
    revisor.extend(
        [
            RevisionPagina(1),
            RevisionPagina(2, ("resolucion", "oscura"), "ilegible", dpi=96),
            RevisionPagina(3, ("borrosa",), "dudosa"),
        ]
    )
    archivo = subida("escaneo.pdf", b"%PDF-1.4 ...", "application/pdf")
    assert calidad.avisos([archivo]) == [
        "La página 2 de «escaneo.pdf» tiene baja resolución (unos 96 dpi): vuelva a "
        "escanearla a 300 dpi.",
        "La página 3 de «escaneo.pdf» está borrosa: vuelva a escanearla, o tome la foto de "
        "nuevo con buena luz y sin mover el teléfono.",
    ]
    assert archivo.tell() == 0


def test_a_single_photo_is_named_as_the_image(revisor):
    revisor.append(RevisionPagina(1, ("inclinada",), "dudosa", inclinacion=-21.4))
    (aviso,) = calidad.avisos([subida("foto.jpg", b"\xff\xd8", "image/jpeg")])
    assert aviso.startswith("La imagen «foto.jpg» está muy inclinada (unos 21°)")


def test_a_long_file_gets_a_summary_after_five_pages(revisor):
    revisor.extend(RevisionPagina(n, ("contraste",), "dudosa") for n in range(1, 9))
    avisos = calidad.avisos([subida("legajo.pdf", b"%PDF", "application/pdf")])
    assert len(avisos) == 6
    assert avisos[-1] == "Otras 3 páginas de «legajo.pdf» podrían no leerse bien (6, 7, 8)."


def test_a_file_the_checker_cannot_open_gives_no_warning():
    def _falla(fichero, mime):
        raise ValueError("no es una imagen")

    calidad.registrar_revisor(_falla)
    assert calidad.avisos([subida("roto.png", b"basura")]) == []


def test_the_check_stops_at_its_time_budget():
    vistas = []

    def _lento(fichero, mime):
        for n in range(1, 100):
            time.sleep(0.02)
            vistas.append(n)
            yield RevisionPagina(n, ("borrosa",), "dudosa")

    calidad.registrar_revisor(_lento)
    calidad.avisos([subida("a.pdf", b"%PDF"), subida("b.pdf", b"%PDF")], segundos=0.1)
    assert 3 <= len(vistas) < 15
