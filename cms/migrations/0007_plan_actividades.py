"""The plan's activities become atencion.Actividad rows (issues 14 and 15).

Forward, for every PlanAnticorrupcionPage: its live content (the page row), its live
revision and its latest revision (the unpublished changes, if any). Each activity written in
the StreamField becomes an Actividad (nombre, meta, área, dates) with an Indicador (cálculo
manual, nombre = the old indicador text) and one Seguimiento per corte (fecha, avance,
descripción, evidencia), and the StreamField keeps only the activity's id, in the same
place. An activity with the same block id and the same data in the live content and a
revision of the page becomes one row; one that a draft changed gets a row of its own, so an unpublished
change stays unpublished. A corte without a date or avance (the page never showed it) is
not carried over. Older revisions keep their JSON untouched: opened in the admin they show
their componentes without activities.

Backward: the rows those contents reference are written back into the StreamField (a
seguimiento's valor and registrado_por, which the blocks never had, are dropped); the rows
that are not acciones de mejora are then deleted, with their manual indicators when nothing
else uses them.
"""

import datetime as dt
import json
import uuid

import wagtail.fields
from django.db import migrations


def _item(item):
    """(data, block id) of a ListBlock item, in the current or the pre-Wagtail-2.16 format."""
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"], item.get("id")
    return item, None


def _fecha(valor):
    return valor if isinstance(valor, dt.date) else dt.date.fromisoformat(str(valor))


def _escritor_de_revision(Revision, revision):
    guardado = revision.content["componentes"]

    def escribir(nuevo):
        contenido = dict(revision.content)
        contenido["componentes"] = json.dumps(nuevo) if isinstance(guardado, str) else nuevo
        Revision.objects.filter(pk=revision.pk).update(content=contenido)

    return escribir


def _contenidos(apps, pagina):
    """(raw componentes, writer) of every stored copy of the plan to convert."""
    Plan = apps.get_model("cms", "PlanAnticorrupcionPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    copias = [
        (
            list(pagina.componentes.raw_data),
            lambda nuevo: Plan.objects.filter(pk=pagina.pk).update(componentes=nuevo),
        )
    ]
    for pk in sorted({pagina.live_revision_id, pagina.latest_revision_id} - {None}):
        revision = Revision.objects.get(pk=pk)
        guardado = revision.content.get("componentes")
        if guardado:
            crudo = json.loads(guardado) if isinstance(guardado, str) else guardado
            copias.append((crudo, _escritor_de_revision(Revision, revision)))
    return copias


def _cada_actividad(crudo, convertir):
    """The componentes with every activity item replaced by convertir(data, key)."""
    nuevo = []
    for i, bloque in enumerate(crudo):
        bloque = dict(bloque)
        if bloque.get("type") == "componente" and isinstance(bloque.get("value"), dict):
            valor = dict(bloque["value"])
            items = []
            for j, item in enumerate(valor.get("actividades") or []):
                datos, uid = _item(item)
                nuevo_valor = convertir(datos, uid or f"{bloque.get('id') or i}/{j}")
                if nuevo_valor is not None:
                    items.append(
                        {"type": "item", "value": nuevo_valor, "id": uid or str(uuid.uuid4())}
                    )
            valor["actividades"] = items
            bloque["value"] = valor
        nuevo.append(bloque)
    return nuevo


def a_filas(apps, schema_editor):
    Plan = apps.get_model("cms", "PlanAnticorrupcionPage")
    Actividad = apps.get_model("atencion", "Actividad")
    Indicador = apps.get_model("atencion", "Indicador")
    Seguimiento = apps.get_model("atencion", "Seguimiento")
    areas = set(apps.get_model("documentos", "Area").objects.values_list("pk", flat=True))
    documentos = set(apps.get_model("wagtaildocs", "Document").objects.values_list("pk", flat=True))
    hechas = {}  # (page, block id, data) -> Actividad pk: one row per distinct activity
    pagina = None

    def fila(datos, clave):
        if not isinstance(datos, dict):
            return datos  # already an id
        sin_ids = {**datos, "seguimiento": [_item(c)[0] for c in datos.get("seguimiento") or []]}
        firma = (pagina.pk, clave, json.dumps(sin_ids, sort_keys=True, default=str))
        if firma in hechas:
            return hechas[firma]
        texto = (datos.get("indicador") or "").strip()
        actividad = Actividad.objects.create(
            nombre=datos.get("actividad") or "",
            meta=datos.get("meta") or "",
            indicador=Indicador.objects.create(nombre=texto, calculo="manual") if texto else None,
            area_responsable_id=datos.get("responsable")
            if datos.get("responsable") in areas
            else None,
            inicio=_fecha(datos["inicio"]),
            fin=_fecha(datos["fin"]),
        )
        for corte in datos.get("seguimiento") or []:
            corte, _ = _item(corte)
            if corte.get("fecha") in (None, "") or corte.get("avance") in (None, ""):
                continue
            Seguimiento.objects.create(
                actividad=actividad,
                fecha=_fecha(corte["fecha"]),
                avance=int(corte["avance"]),
                descripcion=corte.get("descripcion") or "",
                evidencia_id=corte.get("evidencia")
                if corte.get("evidencia") in documentos
                else None,
            )
        hechas[firma] = actividad.pk
        return actividad.pk

    for pagina in Plan.objects.order_by("pk"):
        for crudo, escribir in _contenidos(apps, pagina):
            escribir(_cada_actividad(crudo, fila))


def a_bloques(apps, schema_editor):
    Plan = apps.get_model("cms", "PlanAnticorrupcionPage")
    Actividad = apps.get_model("atencion", "Actividad")
    Indicador = apps.get_model("atencion", "Indicador")
    usadas = set()

    def bloque(valor, clave):
        if isinstance(valor, dict):
            return valor  # never converted
        actividad = (
            Actividad.objects.select_related("indicador").filter(pk=valor).first()
            if str(valor).isdigit()
            else None
        )
        if actividad is None:
            return None
        usadas.add(actividad.pk)
        cortes = actividad.seguimientos.order_by("fecha", "pk")
        return {
            "actividad": actividad.nombre,
            "meta": actividad.meta,
            "indicador": actividad.indicador.nombre if actividad.indicador_id else "",
            "responsable": actividad.area_responsable_id,
            "inicio": actividad.inicio.isoformat(),
            "fin": actividad.fin.isoformat(),
            "seguimiento": [
                {
                    "type": "item",
                    "value": {
                        "fecha": s.fecha.isoformat(),
                        "avance": s.avance,
                        "descripcion": s.descripcion,
                        "evidencia": s.evidencia_id,
                    },
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"folio:seguimiento:{s.pk}")),
                }
                for s in cortes
            ],
        }

    for pagina in Plan.objects.order_by("pk"):
        for crudo, escribir in _contenidos(apps, pagina):
            escribir(_cada_actividad(crudo, bloque))
    del_plan = Actividad.objects.filter(pk__in=usadas, oportunidad__isnull=True)
    indicadores = set(del_plan.exclude(indicador=None).values_list("indicador_id", flat=True))
    del_plan.delete()
    Indicador.objects.filter(pk__in=indicadores, calculo="manual", actividades=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_etiquetas"),
        ("atencion", "0003_calidad"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AlterField(
            model_name="plananticorrupcionpage",
            name="componentes",
            field=wagtail.fields.StreamField(
                [("componente", 4)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Por ejemplo: Gestión del riesgo de corrupción, Rendición de cuentas…",
                            "label": "Componente",
                            "max_length": 200,
                        },
                    ),
                    1: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "Objetivo del componente", "required": False},
                    ),
                    2: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("atencion.Actividad",),
                        {"label": "Actividad"},
                    ),
                    3: (
                        "wagtail.blocks.ListBlock",
                        (2,),
                        {
                            "help_text": "Elija las actividades del componente. Cada actividad, con su indicador y su seguimiento, se edita aparte en «Actividades».",
                            "label": "Actividades",
                            "min_num": 1,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("nombre", 0), ("descripcion", 1), ("actividades", 3)]],
                        {},
                    ),
                },
                help_text="Cada componente lista sus actividades. El avance se registra en cada actividad (menú Actividades, sección Seguimiento) y la página lo muestra sin volver a publicarla.",
                verbose_name="componentes",
            ),
        ),
        migrations.RunPython(a_filas, a_bloques),
    ]
