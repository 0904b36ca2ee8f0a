#!/usr/bin/env bash
# Installs the system packages PocketSwift builds against, if any is missing (Debian/Ubuntu).
set -euo pipefail
packages=(libsqlite3-dev libpq-dev libssl-dev libcurl4-openssl-dev libcrypt-dev sqlite3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "install-deps: Swift 6.1+ is required (swift not on PATH)" >&2; exit 1; }
