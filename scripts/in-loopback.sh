#!/bin/sh
# Runs a command inside a private network namespace that has only the loopback interface, so
# servers, browsers and WebRTC media can never reach a real network (DEVELOPERS.md, network rule).
# Usage: scripts/in-loopback.sh <command> [args...]
set -e
if [ "${DIALTONE_LOOPBACK_NS:-}" = "1" ]; then exec "$@"; fi
exec unshare --net --map-root-user env DIALTONE_LOOPBACK_NS=1 sh -c 'ip link set lo up && exec "$@"' sh "$@"
