"""PDFs with active content are stored without it, and the person is told; the visible
pages do not change, and a PDF without any is stored byte for byte."""

import hashlib
import io

import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from pikepdf import Array, Dictionary, Name, String

from documentos import pdf_activo
from documentos.models import EntradaBitacora
from documentos.validacion import validar_archivo
from tests.factories import con_contenido_activo, pdf_pikepdf, subida
from tests.pdfs import nombres

pytestmark = pytest.mark.django_db

ACTIVOS = {
    "/JavaScript",
    "/JS",
    "/Launch",
    "/SubmitForm",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/EF",
    "/FileAttachment",
    "/XFA",
    "/AA",
    "/OpenAction",
}
AVISO = (
    "Del PDF «solicitud.pdf» se quitó contenido activo: JavaScript, órdenes de abrir "
    "programas, envío o importación de datos de formularios, formulario XFA, 2 archivos "
    "incrustados (a.exe, b.doc). El documento visible no cambia."
)


def _pagina(contenido: bytes) -> bytes:
    documento = pypdfium2.PdfDocument(contenido)
    try:
        return documento[0].render(scale=1).to_pil().tobytes()
    finally:
        documento.close()


def _guardado(archivo) -> bytes:
    with archivo.abrir() as fichero:
        return fichero.read()


def test_active_content_is_removed_and_the_visible_page_stays(recibir):
    original = pdf_pikepdf(con_contenido_activo)
    assert nombres(original) >= ACTIVOS  # the test PDF carries all of it
    escrito = recibir(archivos=[subida("solicitud.pdf", original)])
    archivo = escrito.archivos.get()
    guardado = _guardado(archivo)

    assert not ACTIVOS & nombres(guardado)
    assert "/URI" in nombres(guardado)  # an ordinary web link stays
    assert _pagina(guardado) == _pagina(original)
    assert archivo.sha256 == hashlib.sha256(guardado).hexdigest()
    assert archivo.sha256 != hashlib.sha256(original).hexdigest()
    assert (archivo.tamano, archivo.paginas) == (len(guardado), 1)

    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.RECEPCION)
    assert entrada.descripcion.endswith(AVISO)
    assert entrada.despues["archivos"] == [archivo.sha256]
    assert entrada.despues["contenido_activo"] == [
        {
            "archivo": "solicitud.pdf",
            "sha256_recibido": hashlib.sha256(original).hexdigest(),
            "sha256": archivo.sha256,
            "quitado": [
                "JavaScript",
                "órdenes de abrir programas",
                "envío o importación de datos de formularios",
                "formulario XFA",
                "2 archivos incrustados (a.exe, b.doc)",
            ],
        }
    ]


def test_cleaning_is_repeatable_so_duplicates_are_still_noticed():
    original = pdf_pikepdf(con_contenido_activo)
    primera = validar_archivo(subida("a.pdf", original))
    segunda = validar_archivo(subida("a.pdf", original))
    assert primera.sha256 == segunda.sha256
    assert primera.aviso.startswith("Del PDF «a.pdf» se quitó contenido activo: JavaScript")


def _abrir_en_la_pagina(pdf):
    pdf.Root.OpenAction = Array([pdf.pages[0].obj, Name.Fit])  # what Word writes


def _enlaces_normales(pdf):
    hoja = pdf.pages[0].obj
    hoja.Annots = Array(
        [
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=Array([72, 72, 200, 100]),
                A=Dictionary(S=Name.URI, URI=String("https://www.example.gob.mx")),
            ),
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=Array([72, 120, 200, 140]),
                A=Dictionary(S=Name.GoTo, D=Array([hoja, Name.Fit])),
            ),
        ]
    )


@pytest.mark.parametrize("construir", [None, _abrir_en_la_pagina, _enlaces_normales])
def test_a_pdf_without_active_content_is_stored_byte_for_byte(recibir, construir):
    original = pdf_pikepdf(construir)
    escrito = recibir(archivos=[subida("oficio.pdf", original)])
    assert _guardado(escrito.archivos.get()) == original
    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.RECEPCION)
    assert "contenido_activo" not in entrada.despues
    assert "contenido activo" not in entrada.descripcion


def _js(codigo="app.alert(1)"):
    return Dictionary(S=Name.JavaScript, JS=String(codigo))


def _anotacion(pdf, subtipo, **campos):
    pdf.pages[0].obj.Annots = Array(
        [Dictionary(Type=Name.Annot, Subtype=subtipo, Rect=Array([0, 0, 9, 9]), **campos)]
    )


def _javascript_del_documento(pdf):
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("a"), _js()])))


def _gotor(pdf):
    _anotacion(pdf, Name.Link, A=Dictionary(S=Name.GoToR, F=String("otro.pdf")))


def _importdata(pdf):
    _anotacion(pdf, Name.Link, A=Dictionary(S=Name.ImportData, F=String("datos.fdf")))


def _rendition(pdf):
    _anotacion(pdf, Name.Screen, A=Dictionary(S=Name.Rendition, OP=1))


def _javascript_encadenado(pdf):
    ir = Dictionary(S=Name.GoTo, D=Array([0, Name.Fit]), Next=Array([_js()]))
    _anotacion(pdf, Name.Link, A=ir)


def _al_abrir(pdf):
    pdf.Root.OpenAction = Dictionary(S=Name.URI, URI=String("https://x.example"))


def _acciones_de_pagina(pdf):
    pdf.pages[0].obj.AA = Dictionary(O=Dictionary(S=Name.Named, N=Name.NextPage))


def _marcadores(pdf):
    marcador = pdf.make_indirect(Dictionary(Title=String("Inicio"), A=_js()))
    pdf.Root.Outlines = pdf.make_indirect(Dictionary(First=marcador, Last=marcador, Count=1))


def _richmedia(pdf):
    _anotacion(pdf, Name.RichMedia)


@pytest.mark.parametrize(
    ("construir", "quitado"),
    [
        (_javascript_del_documento, "JavaScript"),
        (_gotor, "enlaces que abren otros archivos"),
        (_importdata, "envío o importación de datos de formularios"),
        (_rendition, "contenido multimedia"),
        (_javascript_encadenado, "JavaScript"),
        (_al_abrir, "acciones automáticas"),
        (_acciones_de_pagina, "acciones automáticas"),
        (_marcadores, "JavaScript"),
        (_richmedia, "contenido multimedia"),
    ],
    ids=lambda v: getattr(v, "__name__", "").strip("_") or None,
)
def test_each_kind_of_active_content_is_named_and_removed(construir, quitado):
    validado = validar_archivo(subida("x.pdf", pdf_pikepdf(construir)))
    assert validado.quitado == (quitado,)
    guardados = nombres(b"".join(validado.fichero.chunks()))
    peligrosos = {"/JavaScript", "/GoToR", "/ImportData", "/Rendition", "/Screen", "/RichMedia"}
    assert not (peligrosos | {"/AA", "/OpenAction"}) & guardados


def test_a_pdf_pikepdf_cannot_read_is_refused_in_spanish():
    with pytest.raises(ValidationError) as error:
        pdf_activo.neutralizar(io.BytesIO(b"%PDF-1.7\n1 0 obj <<>> basura"), "roto.pdf")
    assert error.value.messages == [
        "No se pudo revisar el PDF «roto.pdf» en busca de contenido activo: está dañado. "
        "Guárdelo de nuevo como PDF (por ejemplo, con «Imprimir» > «Guardar como PDF») e "
        "intente otra vez."
    ]
