#!/usr/bin/env bash
# Builds the web UI (web/ -> web/dist/), which crates/webui embeds at
# compile time: run it before any cargo command that builds the workspace.
# Installs the npm packages from web/package-lock.json (npm ci) when the
# lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "web-build: node and npm are needed (Node.js >= 20.19)" >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "web-build: Node.js >= 20.19 is needed (Vite 8), found $(node --version)" >&2
  exit 1
fi

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.silkway-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "== web: npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > "$stamp"
fi

echo "== web: npm run build"
npm run build
