import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
CONTRASTE_MINIMO = 4.5  # WCAG 2.1 AA for normal text


def _luminancia(hex_color: str) -> float:
    canales = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineal = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canales]
    return 0.2126 * lineal[0] + 0.7152 * lineal[1] + 0.0722 * lineal[2]


def contraste(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    claro, oscuro = sorted((_luminancia(a), _luminancia(b)), reverse=True)
    return (claro + 0.05) / (oscuro + 0.05)


def validar_color_legible(valor: str) -> None:
    """A colour used for text on white and as a background for white text."""
    if not HEX.match(valor or ""):
        raise ValidationError(_("Escriba el color como #rrggbb, por ejemplo #0b4f6c."))
    ratio = contraste(valor, "#ffffff")
    if ratio < CONTRASTE_MINIMO:
        raise ValidationError(
            _(
                "El color tiene un contraste de %(ratio).1f:1 con el blanco; se necesita al "
                "menos 4.5:1 para que el texto se lea (WCAG 2.1 AA). Elija un tono más oscuro."
            ),
            params={"ratio": ratio},
        )


def validar_hex(valor: str) -> None:
    if not HEX.match(valor or ""):
        raise ValidationError(_("Escriba el color como #rrggbb, por ejemplo #f2a900."))


@register_setting(icon="site")
class AjustesPortal(BaseSiteSetting):
    """Identity, colours, contact and legal notices of the portal (one per site)."""

    nombre_entidad = models.CharField(
        _("nombre de la entidad"), max_length=200, default="Ayuntamiento de Ejemplo"
    )
    lema = models.CharField(_("lema o subtítulo"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotipo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    color_primario = models.CharField(
        _("color principal"),
        max_length=7,
        default="#0b4f6c",
        validators=[validar_color_legible],
        help_text=_("Encabezado y enlaces. Debe contrastar con el blanco (4.5:1 o más)."),
    )
    color_acento = models.CharField(
        _("color de acento"),
        max_length=7,
        default="#f2a900",
        validators=[validar_hex],
        help_text=_("Contorno del foco del teclado y detalles."),
    )
    telefono = models.CharField(_("teléfono"), max_length=60, blank=True)
    correo = models.EmailField(_("correo electrónico"), blank=True)
    direccion = models.TextField(_("dirección"), blank=True)
    horario = models.CharField(_("horario de atención"), max_length=200, blank=True)
    aviso_privacidad = RichTextField(_("aviso de privacidad"), blank=True)
    aviso_legal = RichTextField(_("aviso legal y términos de uso"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("nombre_entidad"), FieldPanel("lema"), FieldPanel("logo")],
            heading=_("Identidad"),
        ),
        MultiFieldPanel(
            [FieldPanel("color_primario"), FieldPanel("color_acento")], heading=_("Colores")
        ),
        MultiFieldPanel(
            [
                FieldPanel("telefono"),
                FieldPanel("correo"),
                FieldPanel("direccion"),
                FieldPanel("horario"),
            ],
            heading=_("Contacto"),
        ),
        MultiFieldPanel(
            [FieldPanel("aviso_privacidad"), FieldPanel("aviso_legal")],
            heading=_("Avisos legales"),
        ),
    ]

    class Meta:
        verbose_name = _("ajustes del portal")
        verbose_name_plural = _("ajustes del portal")

    def __str__(self):
        return self.nombre_entidad

    @property
    def color_primario_oscuro(self) -> str:
        """The primary colour darkened by 25 % (hover states)."""
        r, g, b = (int(self.color_primario[i : i + 2], 16) for i in (1, 3, 5))
        return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.75) for c in (r, g, b)))
