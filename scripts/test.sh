#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit, integration (embedded Postgres), build, end-to-end (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# The local generators need ffmpeg and espeak-ng; the end-to-end tests need Chromium.
ensure_debian_packages() {
  local missing=()
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing Debian packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and try again." >&2
    exit 1
  fi
}

[ -d node_modules ] || { step "installing npm packages"; npm ci; }
ensure_debian_packages

step "typecheck"; npx --no-install tsc --noEmit
step "lint"; npx --no-install eslint . && npx --no-install prettier --check .
step "unit tests"; npx --no-install vitest run --project unit
step "integration tests (embedded PostgreSQL)"; npx --no-install vitest run --project int
step "build"; npx --no-install next build
step "end-to-end tests (Chromium)"; npx --no-install playwright test
