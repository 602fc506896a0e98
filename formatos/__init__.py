"""File formats every Folio package writes: spreadsheet cells (CSV, XLSX) and PDF text.

Pure: no models and no Folio imports, so any package may use it."""
