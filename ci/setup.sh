#!/usr/bin/env bash
# Set up everything the course needs in ./.venv (idempotent: reinstalls only when
# pyproject.toml changes), and bubblewrap for isolated grading where we may install it.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
if [ -z "$python" ]; then
  echo "ci/setup.sh: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

stamp=".venv/.mlmath-installed"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
  echo "$wanted" > "$stamp"
fi

# A Debian package a command needs, installed where we may (root with apt-get).
system_package() {  # package, command it provides, what goes without it
  command -v "$2" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq "$1" >/dev/null) ||
      echo "ci/setup.sh: could not install $1; $3" >&2
  else
    echo "ci/setup.sh: install $1 (e.g. sudo apt-get install $1); $3" >&2
  fi
}

# mlmath grade runs each submission inside bubblewrap; without it, it warns loudly.
system_package bubblewrap bwrap "grading will not be isolated"
# The grading report's test opens the page in Debian's Chromium, driven by playwright
# (never `playwright install`: no browser is downloaded); without it that test skips.
system_package chromium chromium "the report's browser test will skip"
