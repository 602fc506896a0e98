"""Versión pública: what of an escrito may be shown to the public, and how it is testado.

- `tipos`: the data every step shares (words with their boxes, boxes, suggestions, categories
  and their legal grounds).
- `deteccion`: suggestions of personal data on the OCR words (pure: no database).
- `fuente`: what documentos needs from the package that reads and draws pages (ocr), behind
  a Protocol that ocr registers when it starts (documentos never imports ocr).
"""
