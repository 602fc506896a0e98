"""The plan page's componentes in its editor: a short list linking to each componente's own
editor and to each activity's (with its seguimiento), instead of the nested StreamField.
The field stays out of the page's form (read only), so saving the page keeps it; revisions
still compare it."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.panels import FieldPanel


class ComponentesPanel(FieldPanel):
    read_only_output_template_name = "cms/admin/panel_componentes.html"

    def __init__(self, field_name="componentes", **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def get_read_only_context_data(self):
            pagina = self.instance
            componentes = []
            for i, bloque in enumerate(self.value_from_instance or [], start=1):
                actividades = []
                for j, act in enumerate((a for a in bloque.value["actividades"] if a), start=1):
                    cortes = list(act.seguimientos.all())
                    actividades.append(
                        {
                            "numero": f"{i}.{j}",
                            "nombre": act.nombre,
                            "avance": cortes[-1].avance if cortes else 0,
                            "cortes": len(cortes),
                            "url": reverse(
                                "wagtailsnippets_atencion_actividad:edit", args=[act.pk]
                            ),
                        }
                    )
                componentes.append(
                    {
                        "numero": i,
                        "nombre": bloque.value["nombre"],
                        "actividades": actividades,
                        "url": reverse("plan_componente", args=[pagina.pk, bloque.id])
                        if pagina.pk
                        else "",
                    }
                )
            contexto = {
                "id_for_label": self.id_for_label(),
                "help_text_id": f"{self.prefix}-helptext",
                "help_text": self.help_text,
                "show_add_comment_button": False,
                "componentes": componentes,
                "url_nuevo": reverse("plan_componente_nuevo", args=[pagina.pk])
                if pagina.pk
                else "",
            }
            contexto["rendered_field"] = render_to_string(
                self.panel.read_only_output_template_name, contexto
            )
            return contexto
