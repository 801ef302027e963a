#!/usr/bin/env bash
# load.sh: a bounded load check of a running market node on loopback (not a unit test).
# Starts `yalu serve` on a fresh database (SQLite by default, or PostgreSQL with --postgres CONNSTR),
# registers a trader, then runs wrk for a bounded time against
#   GET  /api/lots          (list open lots)
#   POST /api/lots          (create a lot; a fresh Idempotency-Key per request)
# and prints requests per second and p99 latency for each. Only 127.0.0.1 is ever targeted.
#
# usage: bench/load.sh [--seconds N (default 10)] [--connections N (default 16)] [--threads N (default 2)]
#                      [--postgres CONNSTR] [--out FILE]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_RUN=10 CONNECTIONS=16 THREADS=2 PG="" OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --postgres) PG=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$SECONDS_RUN" =~ ^[1-9][0-9]*$ && "$SECONDS_RUN" -le 120 ]] || { echo "load.sh: --seconds must be 1..120" >&2; exit 2; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

YALU="$ROOT/artifacts/yalu/yalu"
if [[ ! -x "$YALU" ]]; then
  (cd "$ROOT" && dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu >&2)
fi
WORK=$(mktemp -d)
PORT=$(( 20000 + RANDOM % 20000 ))
DB="$WORK/yalu.db"
[[ -n "$PG" ]] && DB="$PG"
"$YALU" serve --urls "http://127.0.0.1:$PORT" --db "$DB" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  grep -q "serving" "$WORK/serve.log" 2>/dev/null && break
  sleep 0.2
done
grep -q "serving" "$WORK/serve.log" || { cat "$WORK/serve.log" >&2; echo "load.sh: the node did not start" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
HANDLE="load-$RANDOM"
curl -sf -X POST "$BASE/api/traders/register" -H 'Content-Type: application/json' -H "Idempotency-Key: reg-$HANDLE" \
  -d "{\"handle\":\"$HANDLE\",\"passPhrase\":\"load check pass phrase 42\",\"side\":\"hyesan\",\"language\":\"en\"}" >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/traders/login" -H 'Content-Type: application/json' \
  -d "{\"handle\":\"$HANDLE\",\"passPhrase\":\"load check pass phrase 42\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export TOKEN

run() { # name, then wrk args
  local name=$1; shift
  local file="$WORK/wrk-$RANDOM.txt"
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" "$@" > "$file"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec:/{print $2}' "$file")
  p99=$(awk '$1=="99%"{print $2}' "$file")
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $5}' "$file")
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${STORE}" "$rps" "$p99" "${non2xx:-0}"
}
STORE=$([[ -n "$PG" ]] && echo PostgreSQL || echo SQLite)
{
  echo "Load check: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%F %T') UTC;"
  echo "wrk $THREADS threads, $CONNECTIONS connections, ${SECONDS_RUN}s per endpoint, node and wrk on the same machine (loopback)."
  echo
  echo "| endpoint | store | requests/s | p99 latency | non-2xx |"
  echo "|---|---|--:|--:|--:|"
  run "GET /api/lots" "$BASE/api/lots"
  run "POST /api/lots" -s "$ROOT/bench/load/create-lot.lua" "$BASE"
} | tee ${OUT:+"$OUT"}
