"""Bad files get a clear Spanish message and leave nothing behind."""

import pytest
from django.core.exceptions import ValidationError

from documentos.models import Archivo, EntradaBitacora, Escrito
from documentos.validacion import nombre_seguro, validar_archivo
from tests.factories import (
    datos_recepcion,
    imagen_bytes,
    pdf_bytes,
    pdf_pikepdf,
    subida,
    tiff_bytes,
    tiff_con_pagina_danada,
)

pytestmark = pytest.mark.django_db


def _nada_cambio():
    assert not Escrito.objects.exists()
    assert not Archivo.objects.exists()
    assert not EntradaBitacora.objects.exists()


@pytest.mark.parametrize(
    ("archivo", "mensaje"),
    [
        (subida("vacio.pdf", b""), "está vacío"),
        (
            subida("leeme.pdf", b"Hola, esto es texto plano y no un PDF." * 10),
            "no es un PDF ni una imagen",
        ),
        (subida("roto.pdf", b"%PDF-1.7\n1 0 obj <<>> basura sin xref"), "está dañado"),
        (subida("cortada.png", imagen_bytes()[:120]), "dañada o incompleta"),
        (subida("programa.pdf", b"MZ\x90\x00" + b"\x00" * 500), "no es un PDF ni una imagen"),
    ],
    ids=["0-bytes", "texto-renombrado", "pdf-corrupto", "png-truncado", "exe-renombrado"],
)
def test_bad_files_are_refused_and_nothing_is_created(recibir, archivo, mensaje):
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[archivo])
    assert mensaje in " ".join(error.value.messages)
    _nada_cambio()


def test_oversized_image_is_refused(recibir, settings):
    settings.FOLIO_MAX_PIXELES = 100_000
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = settings.FOLIO_MAX_PIXELES
    try:
        with pytest.raises(ValidationError, match="demasiado grande"):
            recibir(archivos=[subida("plano.png", imagen_bytes(tamano=(1000, 1000)))])
    finally:
        Image.MAX_IMAGE_PIXELS = 80_000_000
    _nada_cambio()


def test_file_over_the_size_limit_is_refused(recibir, settings):
    settings.FOLIO_MAX_ARCHIVO_MB = 0
    with pytest.raises(ValidationError, match="excede el tamaño máximo de 0 MB"):
        recibir(archivos=[subida("escaneo.png", imagen_bytes())])
    _nada_cambio()


def test_too_many_pages_is_refused(recibir, settings):
    settings.FOLIO_MAX_PAGINAS = 2
    with pytest.raises(ValidationError, match="tiene 3 páginas; el máximo es 2"):
        recibir(archivos=[subida("expediente.pdf", pdf_bytes(paginas=3))])
    _nada_cambio()


def test_every_bad_file_is_reported_at_once(recibir):
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[subida("a.pdf", b""), subida("b.png", b"no")])
    assert len(error.value.messages) == 2


def test_huge_and_hostile_file_names_are_made_safe():
    nombre = "../../etc/" + "ñ" * 300 + "<script>.PDF"
    seguro = nombre_seguro(nombre, "pdf")
    assert seguro.endswith(".pdf") and len(seguro) <= 125
    assert "/" not in seguro and "<" not in seguro and ".." not in seguro


def test_type_comes_from_content_not_from_name():
    validado = validar_archivo(subida("foto.pdf", imagen_bytes(formato="JPEG")))
    assert validado.mime == "image/jpeg"
    assert validado.nombre == "foto.jpg"
    validado = validar_archivo(subida("escaneo", pdf_bytes(paginas=2)))
    assert (validado.mime, validado.paginas) == ("application/pdf", 2)


def test_multipage_tiff_counts_its_pages():
    import io

    from PIL import Image

    hojas = [Image.new("L", (100, 100), color) for color in (255, 200, 150)]
    salida = io.BytesIO()
    hojas[0].save(salida, "TIFF", save_all=True, append_images=hojas[1:])
    validado = validar_archivo(subida("multi.tif", salida.getvalue()))
    assert (validado.mime, validado.paginas) == ("image/tiff", 3)


@pytest.mark.parametrize("lado", [1100, 1500], ids=["sobre-el-limite", "bomba"])
def test_a_huge_later_tiff_page_is_refused_naming_the_page(recibir, limite_pixeles, lado):
    limite_pixeles(1_000_000)
    tiff = tiff_bytes([(100, 100)] * 6 + [(lado, lado)])
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[subida("expediente.tif", tiff)])
    assert error.value.messages == [
        "La página 7 de «expediente.tif» es demasiado grande (más de 1 megapíxeles)."
    ]
    _nada_cambio()


def test_a_corrupt_later_tiff_page_is_refused_naming_the_page(recibir):
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[subida("expediente.tif", tiff_con_pagina_danada(8, danada=7))])
    assert error.value.messages == ["La página 7 de «expediente.tif» está dañada o incompleta."]
    _nada_cambio()


@pytest.mark.parametrize(
    "caja",
    [(20_000, 792), (612, 14_401), (2, 2)],
    ids=["mas-ancha-que-200-pulgadas", "mas-alta-que-200-pulgadas", "diminuta"],
)
def test_an_impossible_pdf_page_size_is_refused(recibir, caja):
    pdf = pdf_pikepdf(cajas=[(612, 792), caja])
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[subida("plano.pdf", pdf)])
    [mensaje] = error.value.messages
    assert mensaje.startswith("La página 2 de «plano.pdf» tiene un tamaño imposible")
    assert "200 x 200 pulgadas (508 x 508 cm)" in mensaje
    _nada_cambio()


def test_a_pdf_page_that_cannot_be_loaded_is_refused(recibir):
    # Page 2 of the tree is the tree itself: pdfium counts it but cannot load it.
    bucle = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Count 2 /Kids [3 0 R 2 0 R] >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    with pytest.raises(ValidationError) as error:
        recibir(archivos=[subida("bucle.pdf", bucle)])
    assert error.value.messages == ["La página 2 de «bucle.pdf» está dañada o incompleta."]
    _nada_cambio()


def test_a_poster_size_pdf_page_is_accepted(recibir):
    """The OCR renders big pages at a lower resolution: only impossible sizes are refused."""
    escrito = recibir(archivos=[subida("plano.pdf", pdf_pikepdf(cajas=[(14_400, 7_200)]))])
    assert escrito.archivos.get().paginas == 1


def test_online_writing_without_attachments_is_allowed_but_window_needs_a_scan(recibir):
    escrito = recibir(canal=Escrito.Canal.EN_LINEA, archivos=[])
    assert escrito.folio
    with pytest.raises(ValidationError, match="Adjunte el escaneo"):
        recibir(archivos=[])
    assert Escrito.objects.count() == 1


def test_missing_required_data_is_refused_in_spanish(recibir):
    with pytest.raises(ValidationError) as error:
        recibir(remitente_nombre="", asunto="")
    assert "remitente_nombre" in error.value.message_dict
    _nada_cambio()
    assert datos_recepcion().tipo == Escrito.Tipo.PETICION
