#!/usr/bin/env bash
# Proves every regular expression of @supportops/escalation's redaction linear-time with recheck.
# Called by .ci/run (not by `pnpm test`). Offline: uses the locally installed recheck binary.
set -euo pipefail
cd "$(dirname "$0")/.."
exec pnpm exec tsx scripts/check-redos.mjs "$@"
