"""The search contract: every test runs against the database backend and against the real
Elasticsearch node (marker `elasticsearch`), typo tolerance and verb forms included."""

from datetime import date

import pytest

from busqueda.consulta import Consulta
from busqueda.selectors import buscar, similares
from documentos import visibilidad
from documentos.models import Escrito, Respuesta

C = Escrito.Clasificacion
E = Escrito.Estado
T = Escrito.Tipo


@pytest.fixture
def corpus(crear, obras, finanzas, tema_obras, tema_agua, indexar):
    e = {}
    e["licencia"] = crear(
        "Solicitud de licencia de construcción",
        [
            "El ciudadano solicita una licencia de CONSTRUCCIÓN para su casa en la calle Juárez.",
            "Anexo: planos del trámite & croquis <firmados>.",
        ],
        area=obras,
        tema=tema_obras,
    )
    e["fuga"] = crear(
        "Queja por fuga de agua",
        ["Reporto una fuga de agua potable en la colonia Centro.", "Las tuberías están rotas."],
        tipo=T.QUEJA,
        area=finanzas,
        tema=tema_agua,
    )
    e["presupuesto"] = crear(
        "Solicitudes de información sobre el presupuesto",
        ["Pido copia del presupuesto municipal de pavimentación."],
        tipo=T.SOLICITUD_INFORMACION,
        area=finanzas,
        estado=E.RESPONDIDO,
        sentido=Respuesta.Sentido.POSITIVA,
    )
    e["reservada"] = crear(
        "Denuncia de construcción irregular",
        ["Construcción irregular denunciada por vecinos."],
        tipo=T.DENUNCIA,
        clasificacion=C.RESERVADA,
        area=obras,
    )
    e["confidencial"] = crear(
        "Datos de salud y construcción",
        ["Expediente médico confidencial."],
        clasificacion=C.CONFIDENCIAL,
        area=finanzas,
    )
    e["no_publicado"] = crear(
        "Poda de árboles junto a la construcción", ["Árboles secos."], publicado=False, area=obras
    )
    e["cancelado"] = crear(
        "Construcción cancelada", ["Sin materia."], estado=E.CANCELADO, area=obras
    )
    e["puente"] = crear(
        "Reparación de banqueta",
        [
            "Primera página sin relación.",
            "Segunda página tampoco.",
            "La construcclon del puente peatonal.",
        ],
        archivos=2,
        area=obras,
        turno_a=finanzas,
    )
    e["bacheo"] = crear("Bacheo de calles", ["Baches en la avenida."], remitente="Rigoberta Menchú")
    e["local"] = crear(
        "Licencia de construcción para local comercial",
        ["Trámite de licencia de construcción del local comercial."],
        area=obras,
        recibido_en=None,
    )
    indexar()
    return e


def ids(resultados):
    return [r.escrito_id for r in resultados.resultados]


def encontrar(q, usuario, **filtros):
    return set(ids(buscar(Consulta(q=q, por_pagina=100, **filtros), usuario)))


def test_sin_acentos_ni_mayusculas(corpus, archivista):
    assert corpus["licencia"].pk in encontrar("tramite", archivista)
    assert corpus["licencia"].pk in encontrar("CONSTRUCCION", archivista)
    assert corpus["fuga"].pk in encontrar("TUBERIAS", archivista)


def test_singular_y_plural(corpus, archivista):
    assert corpus["licencia"].pk in encontrar("solicitudes", archivista)
    assert corpus["presupuesto"].pk in encontrar("solicitud", archivista)
    assert corpus["licencia"].pk in encontrar("licencias", archivista)


def test_frases_entre_comillas(corpus, archivista):
    assert encontrar('"licencia de construcción"', archivista) == {
        corpus["licencia"].pk,
        corpus["local"].pk,
    }
    assert encontrar('"construccion de licencia"', archivista) == set()


def test_y_o_no(corpus, archivista):
    assert encontrar("agua OR presupuesto", archivista) == {
        corpus["fuga"].pk,
        corpus["presupuesto"].pk,
    }
    assert encontrar("fuga AND colonia", archivista) == {corpus["fuga"].pk}
    assert encontrar("fuga colonia", archivista) == {corpus["fuga"].pk}
    sin_licencia = encontrar("construccion NOT licencia", archivista)
    assert sin_licencia == encontrar("construccion -licencia", archivista)
    assert corpus["reservada"].pk in sin_licencia
    assert corpus["licencia"].pk not in sin_licencia
    assert corpus["local"].pk not in sin_licencia
    assert encontrar("(agua OR presupuesto) -fuga", archivista) == {corpus["presupuesto"].pk}


def test_prefijo_para_busqueda_mientras_se_escribe(corpus, archivista):
    assert corpus["presupuesto"].pk in encontrar("presup*", archivista)
    assert corpus["licencia"].pk in encontrar("licencia constr*", archivista)
    assert corpus["fuga"].pk not in encontrar("presup*", archivista)


def test_filtros(corpus, archivista, obras, tema_agua):
    assert encontrar("", archivista, tipo=(T.QUEJA,)) == {corpus["fuga"].pk}
    assert encontrar("", archivista, tema=(tema_agua.pk,)) == {corpus["fuga"].pk}
    en_obras = encontrar("construccion", archivista, area=(obras.pk,))
    assert corpus["reservada"].pk in en_obras and corpus["confidencial"].pk not in en_obras
    assert encontrar("", archivista, clasificacion=(C.RESERVADA,)) == {corpus["reservada"].pk}
    assert encontrar("", archivista, estado=(E.RESPONDIDO,)) == {corpus["presupuesto"].pk}
    assert encontrar("", archivista, sentido=(Respuesta.Sentido.POSITIVA,)) == {
        corpus["presupuesto"].pk
    }
    dia = corpus["fuga"].recibido_en.date()
    assert corpus["fuga"].pk in encontrar("", archivista, recibido_desde=dia, recibido_hasta=dia)
    assert encontrar("", archivista, recibido_desde=date(2030, 1, 1)) == set()


def test_facetas_con_cuentas(corpus, archivista, obras):
    resultados = buscar(Consulta(q="construccion"), archivista)
    total = resultados.total
    tipos = {v.valor: v.cuenta for v in resultados.facetas["tipo"]}
    assert sum(tipos.values()) == total
    assert tipos[T.DENUNCIA] == 1
    areas = {v.valor: (v.etiqueta, v.cuenta) for v in resultados.facetas["area"]}
    assert areas[str(obras.pk)][0] == "Obras Públicas"
    clasificaciones = {v.valor: v.cuenta for v in resultados.facetas["clasificacion"]}
    assert clasificaciones[C.RESERVADA] == 1 and clasificaciones[C.CONFIDENCIAL] == 1
    assert {v.valor for v in resultados.facetas["anio"]} == {"2026"}
    filtrado = buscar(Consulta(q="construccion", tipo=(T.DENUNCIA,)), archivista)
    assert next(v for v in filtrado.facetas["tipo"] if v.activo).valor == T.DENUNCIA


def test_orden_por_fecha(corpus, archivista):
    recientes = buscar(Consulta(q="", orden="recientes", por_pagina=100), archivista).resultados
    fechas = [r.recibido_en for r in recientes]
    assert fechas == sorted(fechas, reverse=True)
    antiguos = buscar(Consulta(q="", orden="antiguos", por_pagina=100), archivista).resultados
    assert [r.escrito_id for r in antiguos] == [r.escrito_id for r in reversed(recientes)]


def test_relevancia_pone_primero_lo_que_mas_coincide(corpus, archivista):
    resultados = buscar(Consulta(q="licencia construccion local comercial"), archivista)
    assert ids(resultados)[0] == corpus["local"].pk


def test_paginacion_completa_sin_repetir(corpus, archivista):
    vistos, total = [], None
    for pagina in range(1, 8):
        resultados = buscar(Consulta(q="", pagina=pagina, por_pagina=3), archivista)
        total = resultados.total
        vistos += ids(resultados)
    assert len(vistos) == len(set(vistos)) == total == Escrito.objects.count()
    lejos = buscar(Consulta(q="", pagina=500, por_pagina=20), archivista)
    assert lejos.resultados == [] and lejos.total == total


def test_fragmentos_dicen_la_pagina(corpus, archivista):
    resultados = buscar(Consulta(q="peatonal"), archivista)
    (resultado,) = resultados.resultados
    (fragmento,) = [f for f in resultado.fragmentos if f.pagina is not None]
    assert "<mark>peatonal</mark>" in fragmento.html
    archivo = corpus["puente"].archivos.order_by("orden").last()
    assert (fragmento.archivo_id, fragmento.pagina, fragmento.pagina_global) == (archivo.pk, 1, 3)


def test_fragmentos_muestran_el_texto_original_escapado(corpus, archivista):
    resultado = next(
        r
        for r in buscar(Consulta(q="construccion"), archivista).resultados
        if r.escrito_id == corpus["licencia"].pk
    )
    textos = " ".join(f.html for f in resultado.fragmentos)
    assert "<mark>CONSTRUCCIÓN</mark>" in textos
    plano = next(r for r in buscar(Consulta(q="planos"), archivista).resultados).fragmentos[-1].html
    assert "&amp;" in plano and "&lt;firmados&gt;" in plano and "<firmados>" not in plano


def test_mas_como_este(corpus, archivista):
    parecidos = [r.escrito_id for r in similares(corpus["licencia"].pk, archivista)]
    assert parecidos[0] == corpus["local"].pk
    assert corpus["licencia"].pk not in parecidos


def test_mas_como_este_respeta_la_visibilidad(corpus):
    parecidos = {r.escrito_id for r in similares(corpus["licencia"].pk, None, cuantos=20)}
    assert parecidos
    assert not parecidos & {corpus[k].pk for k in ("reservada", "confidencial", "no_publicado")}


def test_tolera_errores_de_ocr(corpus, archivista):
    """Fuzzy matching on longer words (the database backend expands from its vocabulary)."""
    assert corpus["puente"].pk in encontrar("construccion", archivista)
    assert corpus["licencia"].pk in encontrar("contruccion", archivista)


def test_dos_errores_solo_en_palabras_de_ocho_letras_o_mas(corpus, archivista):
    """Fuzziness AUTO:5,8 (the rule the database backend follows too): one edit from 5
    letters, two from 8; the first letter must match."""
    assert corpus["puente"].pk in encontrar("paatonel", archivista)  # peatonal, 8 letters
    assert corpus["presupuesto"].pk in encontrar("presapuesta", archivista)  # presupuesto
    assert corpus["puente"].pk in encontrar("pucnte", archivista)  # puente: one edit is enough
    assert corpus["puente"].pk not in encontrar("pucnle", archivista)  # two edits on 6 letters
    assert corpus["fuga"].pk not in encontrar("potobla", archivista)  # potable: 7 letters


def test_hunspell_conoce_las_formas_del_verbo(corpus, archivista):
    """Verb forms match: hunspell lemmas in Elasticsearch, Snowball stems in the database."""
    assert corpus["licencia"].pk in encontrar("solicitar", archivista)


# --- visibility -----------------------------------------------------------------------


def test_el_publico_solo_ve_lo_publicado(corpus):
    vistos = encontrar("construccion", None)
    assert corpus["licencia"].pk in vistos
    for oculto in ("reservada", "confidencial", "no_publicado", "cancelado"):
        assert corpus[oculto].pk not in vistos
    assert encontrar("", None, clasificacion=(C.RESERVADA, C.CONFIDENCIAL)) == set()
    for resultado in buscar(Consulta(q=""), None).resultados:
        assert resultado.remitente is None


def test_el_publico_no_busca_por_remitente(corpus, archivista):
    assert encontrar("Menchú", None) == set()
    assert encontrar("menchu", archivista) == {corpus["bacheo"].pk}
    assert encontrar("remitente:Menchú", None) == set()


@pytest.mark.parametrize("usuario", ["archivista", "staff_obras", "staff_finanzas", None])
def test_la_busqueda_ve_lo_mismo_que_visibilidad(corpus, usuario, request):
    """For every kind of user, search returns exactly what documentos.visibilidad allows."""
    if usuario is None:
        esperados = set(visibilidad.escritos_publicos().values_list("pk", flat=True))
        quien = None
    else:
        quien = request.getfixturevalue(usuario)
        esperados = set(visibilidad.escritos_visibles(quien).values_list("pk", flat=True))
    assert encontrar("", quien) == esperados
    assert esperados  # the corpus gives everyone something to see


def test_staff_de_area_ve_sus_turnos(corpus, staff_finanzas, staff_obras):
    finanzas = encontrar("", staff_finanzas)
    assert corpus["puente"].pk in finanzas  # turned to Finanzas
    assert corpus["confidencial"].pk in finanzas
    assert corpus["reservada"].pk not in finanzas
    assert corpus["reservada"].pk in encontrar("", staff_obras)


def test_mas_como_este_de_un_escrito_oculto_no_revela_nada(corpus, staff_finanzas):
    assert similares(corpus["reservada"].pk, None) is None
    assert similares(corpus["reservada"].pk, staff_finanzas) is None
    assert similares(999_999, None) is None
