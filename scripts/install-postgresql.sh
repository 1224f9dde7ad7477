#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the tests and the bench, which start a private instance of their own
# (test/helpers/postgres-server.ts); the package's own cluster is not used. Needs root (or sudo).
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
