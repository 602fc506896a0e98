"""The staff roles of an installation, as Django groups (created by a data migration)."""

OFICIALIA = "Oficialía de Partes"
AREA = "Área"
ARCHIVO = "Archivo"
COMUNICACION = "Comunicación"
CONTRALORIA = "Contraloría/Transparencia"
# Drafts portal pages and submits them for review; Comunicación approves and publishes
# (group created by cms migration 0005).
REDACCION = "Redacción"

ROLES = (OFICIALIA, AREA, ARCHIVO, COMUNICACION, CONTRALORIA, REDACCION)

# Service quality (Peru's norma técnica, RSGP 006-2019-PCM/SGP): the máxima autoridad
# administrativa prioritises, designates the equipo evaluador and approves the informe; the
# unidad de modernización supervises and consolidates the lecciones aprendidas (groups
# created by atencion migration 0003). The equipo evaluador is designated per evaluation and
# the responsable de mejoras per actividad.
MAXIMA_AUTORIDAD = "Máxima autoridad administrativa"
MODERNIZACION = "Unidad de modernización"
