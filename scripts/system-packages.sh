#!/bin/sh
# Installs the Debian packages named that are not installed yet (`make install` and
# `make install-dev` call it): the libraries WeasyPrint loads to make PDFs, a font, and for the
# tests poppler's pdftotext. As root (CI, containers) or through sudo; elsewhere it says what
# to install and fails, so that a PDF never fails later for want of Pango.
set -eu
missing=""
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
        || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Install these system packages (or their equivalents):$missing" >&2
    exit 1
fi
run=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
        echo "As root, run: apt-get install$missing" >&2
        exit 1
    }
    run="sudo"
fi
echo "Installing from Debian:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # one word a package
$run apt-get install -y -q --no-install-recommends $missing >/dev/null \
    || { $run apt-get update -q >/dev/null && $run apt-get install -y -q --no-install-recommends $missing >/dev/null; }
