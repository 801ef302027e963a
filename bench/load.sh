#!/usr/bin/env bash
# load.sh: a bounded load check of a running market node on loopback (not a unit test).
# Starts `yalu serve` on a fresh database (SQLite by default, or PostgreSQL with --postgres CONNSTR),
# registers a trader who posts three lots (one with a want list), then runs wrk for a bounded time against
#   GET  /api/lots          (list open lots, public)
#   GET  /lots              (the trader's lots page, with the session and antiforgery cookies, as a browser)
#   POST /api/lots          (create a lot; a fresh Idempotency-Key per request)
# and prints requests per second and p99 latency for each. Only 127.0.0.1 is ever targeted.
#
# With --baseline DIR (a published yalu, e.g. from --baseline-rev) it starts a second node from DIR on
# its own fresh database and runs every endpoint against both in the order before, after, after,
# before (or the reverse, run by run), so both builds see the same machine load and neither always
# goes first; a build's figure in a run is the mean of its two. With --runs N it repeats that N
# times on fresh databases and reports the median of the N runs side by side. The load average of
# the machine is printed with every measurement.
#
# usage: bench/load.sh [--seconds N (default 10)] [--connections N (default 16)] [--threads N (default 2)]
#                      [--postgres CONNSTR] [--runs N (default 1)] [--endpoint "POST /api/lots" (repeatable; default all)] [--out FILE]
#                      [--baseline DIR | --baseline-rev REV (published into artifacts/baseline-REV)]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_RUN=10 CONNECTIONS=16 THREADS=2 PG="" OUT="" RUNS=1 BASELINE="" BASELINE_REV="" ONLY=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --postgres) PG=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --endpoint) ONLY+=("$2"); shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    --baseline-rev) BASELINE_REV=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$SECONDS_RUN" =~ ^[1-9][0-9]*$ && "$SECONDS_RUN" -le 120 ]] || { echo "load.sh: --seconds must be 1..120" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9]$ ]] || { echo "load.sh: --runs must be 1..9" >&2; exit 2; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

YALU="$ROOT/artifacts/yalu/yalu"
if [[ ! -x "$YALU" ]]; then
  (cd "$ROOT" && dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu >&2)
fi
if [[ -n "$BASELINE_REV" ]]; then
  BASELINE="$ROOT/artifacts/baseline-$BASELINE_REV"
  if [[ ! -x "$BASELINE/yalu" ]]; then
    SRC=$(mktemp -d)
    (cd "$ROOT" && git archive "$BASELINE_REV" | tar -x -C "$SRC")
    (cd "$SRC" && dotnet publish src/Yalu/Yalu.csproj -c Release -o "$BASELINE" >&2)
    rm -rf "$SRC"
  fi
fi
[[ -z "$BASELINE" || -x "$BASELINE/yalu" ]] || { echo "load.sh: no published yalu in $BASELINE" >&2; exit 2; }

WORK=$(mktemp -d)
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start NAME BINARY: a node on a fresh database with the load trader and its lots; sets PORT_<NAME>, TOKEN_<NAME>.
start() {
  local name=$1 bin=$2 port db dir
  port=$(( 20000 + RANDOM % 20000 ))
  dir="$WORK/$name-$RANDOM"; mkdir -p "$dir"
  db="$dir/yalu.db"
  if [[ -n "$PG" ]]; then
    # One schema per node, so before and after never share data.
    local schema="yalu_load_${name}_$RANDOM"
    psql "$(pg_uri)" -qc "CREATE SCHEMA $schema" >/dev/null
    db="$PG;Search Path=$schema"
  fi
  "$bin" serve --urls "http://127.0.0.1:$port" --db "$db" > "$dir/serve.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 150); do
    grep -q "serving" "$dir/serve.log" 2>/dev/null && break
    sleep 0.2
  done
  grep -q "serving" "$dir/serve.log" || { cat "$dir/serve.log" >&2; echo "load.sh: the $name node did not start" >&2; exit 1; }
  local base="http://127.0.0.1:$port" handle="load-$RANDOM" token lot af
  curl -sf -X POST "$base/api/traders/register" -H 'Content-Type: application/json' -H "Idempotency-Key: reg-$handle" \
    -d "{\"handle\":\"$handle\",\"passPhrase\":\"load check pass phrase 42\",\"side\":\"hyesan\",\"language\":\"en\"}" >/dev/null
  token=$(curl -sf -X POST "$base/api/traders/login" -H 'Content-Type: application/json' \
    -d "{\"handle\":\"$handle\",\"passPhrase\":\"load check pass phrase 42\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  for good in G01 S01 V03; do
    lot=$(curl -sf -X POST "$base/api/lots" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: seed-$good" -d "{\"good\":\"$good\",\"quantity\":2,\"value\":\"20.00\",\"note\":\"load check\"}" \
      | sed 's/^{"id":"\([^"]*\)".*/\1/')
  done
  curl -sf -X PUT "$base/api/lots/$lot/wants" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: wants-$lot" -d '{"entries":[{"good":"G01"},{"category":"seafood","minPercent":80}]}' >/dev/null
  # The page as a browser asks for it after its first visit: with the antiforgery cookie the node handed out.
  af=$(curl -sf -D - -o /dev/null -H "Cookie: yalu_session=$token" "$base/lots" | sed -n 's/^[Ss]et-[Cc]ookie: \(yalu_af=[^;]*\).*/\1/p' | tr -d '\r')
  printf -v "PORT_$name" '%s' "$port"
  printf -v "TOKEN_$name" '%s' "$token"
  printf -v "COOKIE_$name" '%s' "yalu_session=$token${af:+; $af}"
}

# pg_uri: the libpq form of the Npgsql connection string (for psql).
pg_uri() {
  local host port user dbname
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$PG"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$PG")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$PG"); dbname=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$PG")
  echo "host=${host:-127.0.0.1} port=${port:-5432} user=${user:-postgres} dbname=${dbname:-postgres}"
}

# measure BUILD ENDPOINT: one wrk run; appends "endpoint<TAB>build<TAB>rps<TAB>p99-ms<TAB>non2xx" to $WORK/results.
measure() {
  local build=$1 endpoint=$2 file
  local port_var="PORT_$build" token_var="TOKEN_$build" cookie_var="COOKIE_$build"
  local port=${!port_var} token=${!token_var} cookie=${!cookie_var}
  file="$WORK/wrk-$RANDOM.txt"
  case "$endpoint" in
    "GET /api/lots") wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" "http://127.0.0.1:$port/api/lots" > "$file" ;;
    "GET /lots") wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -H "Cookie: $cookie" "http://127.0.0.1:$port/lots" > "$file" ;;
    "POST /api/lots") TOKEN=$token wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s "$ROOT/bench/load/create-lot.lua" "http://127.0.0.1:$port" > "$file" ;;
  esac
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec:/{print $2}' "$file")
  p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000} print v}' "$file")
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $5}' "$file")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$endpoint" "$build" "$rps" "$p99" "${non2xx:-0}" "$RUN" >> "$WORK/results"
  printf '  run %s  %-15s %-6s %9s req/s  p99 %8s ms  non-2xx %s  (load %s)\n' "$RUN" "$endpoint" "$build" "$rps" "$p99" "${non2xx:-0}" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

STORE=$([[ -n "$PG" ]] && echo PostgreSQL || echo SQLite)
BUILDS=(after)
[[ -n "$BASELINE" ]] && BUILDS=(before after)
ENDPOINTS=("GET /api/lots" "GET /lots" "POST /api/lots")
if (( ${#ONLY[@]} > 0 )); then ENDPOINTS=("${ONLY[@]}"); fi
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
DATE_START=$(date -u '+%F %T')
for RUN in $(seq 1 "$RUNS"); do
  SERVERS_BEFORE=${#SERVERS[@]}
  [[ -n "$BASELINE" ]] && start before "$BASELINE/yalu"
  start after "$YALU"
  for endpoint in "${ENDPOINTS[@]}"; do
    # ABBA, A alternating run by run: an order effect (the second of two runs was often faster) cancels out.
    if [[ -z "$BASELINE" ]]; then order=(after)
    elif (( RUN % 2 == 0 )); then order=(before after after before)
    else order=(after before before after); fi
    for build in "${order[@]}"; do measure "$build" "$endpoint"; done
  done
  for pid in "${SERVERS[@]:$SERVERS_BEFORE}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
# pick ENDPOINT BUILD COLUMN: the median over runs of the per-run mean (non-2xx: summed).
pick() {
  awk -F'\t' -v e="$1" -v b="$2" -v c="$3" '$1==e && $2==b {s[$6]+=$c; n[$6]++} END{for (r in s) print (c==5 ? s[r] : s[r]/n[r])}' "$WORK/results" \
    | median | awk '{ if ($1 == int($1)) print int($1); else printf "%.2f\n", $1 }'
}
{
  echo "Load check: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $DATE_START to $(date -u '+%T') UTC;"
  echo "wrk $THREADS threads, $CONNECTIONS connections, ${SECONDS_RUN}s per measurement, node and wrk on the same machine (loopback);"
  echo "median of $RUNS run(s), each on fresh databases${BASELINE:+, each build measured twice per run (ABBA)}; load average (1/5/15 min) $LOAD_START at the start, $LOAD_END at the end."
  echo
  if [[ -n "$BASELINE" ]]; then
    echo "| endpoint | store | before req/s | after req/s | after/before | before p99 | after p99 | non-2xx before/after |"
    echo "|---|---|--:|--:|--:|--:|--:|--:|"
    for endpoint in "${ENDPOINTS[@]}"; do
      b=$(pick "$endpoint" before 3); a=$(pick "$endpoint" after 3)
      printf '| %s | %s | %s | %s | %s× | %s ms | %s ms | %s / %s |\n' "$endpoint" "$STORE" "$b" "$a" \
        "$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.1f", a/b}')" "$(pick "$endpoint" before 4)" "$(pick "$endpoint" after 4)" \
        "$(pick "$endpoint" before 5)" "$(pick "$endpoint" after 5)"
    done
  else
    echo "| endpoint | store | requests/s | p99 latency | non-2xx |"
    echo "|---|---|--:|--:|--:|"
    for endpoint in "${ENDPOINTS[@]}"; do
      printf '| %s | %s | %s | %s ms | %s |\n' "$endpoint" "$STORE" "$(pick "$endpoint" after 3)" "$(pick "$endpoint" after 4)" "$(pick "$endpoint" after 5)"
    done
  fi
} | tee ${OUT:+"$OUT"}
