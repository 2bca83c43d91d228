#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing, and nothing else.
# Safe to run again: packages already present are left alone. Needs root (or sudo) and Debian's apt.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The browser end-to-end tests drive Debian's Chromium through playwright-core (test/support/browser.ts).
[ -x /usr/bin/chromium ] || need+=(chromium)
# Without a Chinese font the zh-CN screenshots those tests save show empty boxes; WenQuanYi Micro Hei is 5 MB.
# The import tests convert a CSV with LibreOffice Calc (headless) to get an .xlsx as a real spreadsheet tool writes it.
{ command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; } || need+=(libreoffice-calc-nogui)
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh)" ]; } || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -eq 0 ]; then
  echo "test-deps: everything the tests need is installed."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: missing ${need[*]}, and this machine has no apt-get: install them with your package manager." >&2
  exit 1
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "test-deps: installing ${need[*]} from Debian's packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
