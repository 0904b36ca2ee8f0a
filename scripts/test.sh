#!/usr/bin/env bash
# The whole test suite: unit, adapter, HTTP and CLI tests (swift test), then the conformance areas
# the project claims (.ci/conformance-areas) against the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== swift test" >&2
swift build --build-tests -j "$jobs" --explicit-target-dependency-import-check error
swift test --skip-build --parallel

echo "== release build" >&2
swift build -c release -j "$jobs" --product pocketswift --explicit-target-dependency-import-check error

areas=()
while read -r area; do
  area="${area%%#*}"; area="$(echo "$area" | tr -d '[:space:]')"
  [ -n "$area" ] && areas+=(--area "$area")
done < .ci/conformance-areas
if [ ${#areas[@]} -gt 0 ]; then
  echo "== conformance ${areas[*]}" >&2
  ../shared/conformance/run --server .build/release/pocketswift "${areas[@]}"
fi

# The project's own hostile-input test: seeded bad requests over every route against the release
# binary (the process stays up, no 5xx, PocketBase's error shape, the data set unchanged).
echo "== hostile input" >&2
scripts/hostile-test.sh .build/release/pocketswift
