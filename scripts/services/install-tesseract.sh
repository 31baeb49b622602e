#!/usr/bin/env bash
# Installs Debian's Tesseract OCR with the Indonesian and English language data when missing.
# Used by .ci/run and named in @sipansos/media's "tesseract missing" error.
set -euo pipefail

tessdata_has() {
  tesseract --list-langs 2>/dev/null | grep -qx "$1"
}

if command -v tesseract >/dev/null 2>&1 && tessdata_has ind && tessdata_has eng; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tesseract: apt-get not found; install tesseract-ocr with the 'ind' and 'eng' language data by hand" >&2
  exit 1
fi

echo "install-tesseract: installing tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng (Debian packages)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng >/dev/null

if ! tessdata_has ind || ! tessdata_has eng; then
  echo "install-tesseract: tesseract installed but the 'ind' or 'eng' language data is missing" >&2
  exit 1
fi
echo "install-tesseract: $(tesseract --version 2>&1 | head -1)"
