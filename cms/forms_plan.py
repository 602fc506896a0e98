"""The admin form of one componente of the plan anticorrupción: its nombre, objetivo and
activities (the page's ComponenteBlock, so labels and rules are the same) and its place."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import BlockField

from cms.blocks import ComponenteBlock


class ComponenteForm(forms.Form):
    componente = BlockField(block=ComponenteBlock(), label=_("Componente"))
    posicion = forms.TypedChoiceField(label=_("Posición en el plan"), coerce=int)

    def __init__(self, *args, total: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posicion"].choices = [(n, str(n)) for n in range(1, total + 1)]
        self.fields["componente"].block.set_name("componente")
