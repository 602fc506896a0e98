#!/usr/bin/env bash
# Make sure the system packages Folio needs are present (Debian/Ubuntu names).
# Installs them when it can (root or password-less sudo); otherwise says exactly what to run.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-spa fonts-dejavu-core)
missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx spa; then
  missing+=(tesseract-ocr-spa)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "AVISO: faltan paquetes del sistema: ${missing[*]}. Instálelos con el gestor de su sistema;" >&2
  echo "       sin ellos Folio funciona, pero el OCR de los escaneos fallará." >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "AVISO: faltan paquetes del sistema. Ejecute:" >&2
  echo "    sudo apt-get install -y ${packages[*]}" >&2
  echo "       Sin ellos Folio funciona, pero el OCR de los escaneos fallará." >&2
  exit 0
fi
echo "Instalando paquetes del sistema: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
