"""Scanned files to text: rasterise, clean up, Tesseract; background OCR tasks."""
