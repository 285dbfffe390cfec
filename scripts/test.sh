#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit, integration (embedded Postgres), build, end-to-end (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing Debian's chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Chromium: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and try again." >&2
    exit 1
  fi
}

[ -d node_modules ] || { step "installing npm packages"; npm ci; }

step "typecheck"; npx --no-install tsc --noEmit
step "lint"; npx --no-install eslint .
step "unit tests"; npx --no-install vitest run --project unit
step "integration tests (embedded PostgreSQL)"; npx --no-install vitest run --project int
step "build"; npx --no-install next build
ensure_chromium
step "end-to-end tests (Chromium)"; npx --no-install playwright test
