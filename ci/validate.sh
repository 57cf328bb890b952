#!/usr/bin/env bash
# The main job: set up, build every problem set's releases into dist/, and prove that
# each one grades correctly (report in dist/report.md and dist/report.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
exec .venv/bin/mlmath validate "$@"
