#!/usr/bin/env bash
# The whole test suite: set up, lint and format checks, then pytest (which also
# validates every problem set and compares mlmath grade with stock otter).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
