#!/usr/bin/env bash
# The hostile-input test against a server binary: a fixed seed, count and time limit, sized to run
# in 60-120 s on a 2-core machine. Extra arguments go to Tests/Hostile/hostile.py (e.g. --keep-going).
#   scripts/hostile-test.sh .build/release/pocketswift
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: scripts/hostile-test.sh BINARY [hostile.py options]" >&2
  exit 2
fi
binary="$1"; shift
cd "$(dirname "$0")/.."
exec python3 Tests/Hostile/hostile.py --server "$binary" --seed "${HOSTILE_SEED:-20250}" \
  --count "${HOSTILE_COUNT:-5000}" --time-limit "${HOSTILE_TIME_LIMIT:-100}" "$@"
