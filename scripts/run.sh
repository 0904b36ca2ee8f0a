#!/usr/bin/env bash
# Installs what is missing, builds the release binary and serves ./pb_data on 127.0.0.1:8090.
# Extra arguments go to `serve` (e.g. --http 0.0.0.0:8090 --dev).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product pocketswift
exec .build/release/pocketswift serve --dir ./pb_data "$@"
