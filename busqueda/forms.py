"""The query string of a search, validated into a Consulta (Spanish messages)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documentos.models import Escrito, Respuesta

from .consulta import MAX_POR_PAGINA, MAX_RESULTADOS, ORDENES, Consulta


class IdsField(forms.MultipleChoiceField):
    """Integer ids (temas, áreas); unknown ids simply match nothing."""

    def valid_value(self, value):
        return str(value).isdigit() and len(str(value)) < 10

    def clean(self, value):
        return tuple(int(v) for v in super().clean(value))


class ConsultaForm(forms.Form):
    q = forms.CharField(label=_("Buscar"), required=False, max_length=500, strip=True)
    tipo = forms.MultipleChoiceField(label=_("Tipo"), required=False, choices=Escrito.Tipo.choices)
    tema = IdsField(label=_("Tema"), required=False)
    area = IdsField(label=_("Área"), required=False)
    estado = forms.MultipleChoiceField(
        label=_("Estado"), required=False, choices=Escrito.Estado.choices
    )
    clasificacion = forms.MultipleChoiceField(
        label=_("Clasificación"), required=False, choices=Escrito.Clasificacion.choices
    )
    canal = forms.MultipleChoiceField(
        label=_("Canal"), required=False, choices=Escrito.Canal.choices
    )
    sentido = forms.MultipleChoiceField(
        label=_("Sentido de la respuesta"), required=False, choices=Respuesta.Sentido.choices
    )
    recibido_desde = forms.DateField(label=_("Recibido desde"), required=False)
    recibido_hasta = forms.DateField(label=_("Recibido hasta"), required=False)
    vence_desde = forms.DateField(label=_("Vence desde"), required=False)
    vence_hasta = forms.DateField(label=_("Vence hasta"), required=False)
    orden = forms.ChoiceField(
        label=_("Ordenar por"),
        required=False,
        choices=[
            ("relevancia", _("Relevancia")),
            ("recientes", _("Más recientes")),
            ("antiguos", _("Más antiguos")),
            ("vencimiento", _("Fecha límite")),
        ],
    )
    pagina = forms.IntegerField(label=_("Página"), required=False, min_value=1)
    por_pagina = forms.IntegerField(
        label=_("Resultados por página"), required=False, min_value=1, max_value=MAX_POR_PAGINA
    )

    def clean(self):
        datos = super().clean()
        for desde, hasta in (
            ("recibido_desde", "recibido_hasta"),
            ("vence_desde", "vence_hasta"),
        ):
            if datos.get(desde) and datos.get(hasta) and datos[desde] > datos[hasta]:
                self.add_error(hasta, _("La fecha final es anterior a la inicial."))
        pagina = datos.get("pagina") or 1
        por_pagina = datos.get("por_pagina") or 20
        if pagina * por_pagina > MAX_RESULTADOS:
            self.add_error(
                "pagina",
                _("Solo se pueden recorrer los primeros %(n)s resultados; afine la búsqueda.")
                % {"n": f"{MAX_RESULTADOS:,}"},
            )
        return datos

    def consulta(self, *, facetas: bool = True) -> Consulta:
        d = self.cleaned_data
        orden = d.get("orden") or "relevancia"
        return Consulta(
            q=d.get("q") or "",
            tipo=tuple(d.get("tipo") or ()),
            tema=d.get("tema") or (),
            area=d.get("area") or (),
            estado=tuple(d.get("estado") or ()),
            clasificacion=tuple(d.get("clasificacion") or ()),
            canal=tuple(d.get("canal") or ()),
            sentido=tuple(d.get("sentido") or ()),
            recibido_desde=d.get("recibido_desde"),
            recibido_hasta=d.get("recibido_hasta"),
            vence_desde=d.get("vence_desde"),
            vence_hasta=d.get("vence_hasta"),
            orden=orden if orden in ORDENES else "relevancia",
            pagina=d.get("pagina") or 1,
            por_pagina=d.get("por_pagina") or 20,
            facetas=facetas,
        )


def errores(form: forms.Form) -> dict[str, list[str]]:
    return {campo: [str(m) for m in mensajes] for campo, mensajes in form.errors.items()}
