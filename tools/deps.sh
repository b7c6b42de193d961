#!/bin/sh
# deps.sh: install every Debian package dyad's build, tests, fuzzing and
# benchmarks need, if any is missing.  Run by `make deps`; the other make
# targets run it through a stamp file.  Needs root (or sudo) only when
# something is missing.  sqlite3 (the CLI) builds the report tests' store
# from tests/report/fixture.sql; chromium, node and npm run the report's
# browser test (playwright-core itself comes from npm: make browser-deps).
# time (GNU time) gives make bench the peak memory of each run.
set -eu
PKGS="gcc libc6-dev make pkg-config libutf8proc-dev libhunspell-dev
hunspell-fr-comprehensive libsqlite3-dev nettle-dev sqlite3 clang libclang-rt-14-dev
python3 iso-codes diffutils chromium time"
# Node.js may come from elsewhere than Debian (with its own npm, which
# Debian's npm package would conflict with): ask only for what is absent.
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "deps: all packages present"
  exit 0
fi
echo "deps: installing:$missing"
if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"
else
  echo "deps: error: not root and no sudo; install as root:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
