#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, Node and npm: Debian's Chromium for the
# browser tests. Safe to run again: it only installs what is missing.
set -euo pipefail

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: '$*' needs root; install it by hand" >&2; return 1; fi
}

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is required (see README.md)" >&2; exit 1; }
done

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium (browser tests)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# PostgreSQL's server binaries for the Persistent<T> tests, which start a throwaway cluster of their own (initdb, pg_ctl).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  echo "setup: installing postgresql (Persistent<T> tests)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
