#!/usr/bin/env bash
# kidney.sh: capped clearing (k = 3) of every instance in ../shared/data/kidney for each chain cap L, timed
# as whole processes (.NET start included) with GNU time; prints one Markdown table (instance, pairs, donors,
# arcs, L, objective, bound, status, median wall time, peak memory) and the total time per L.
#
# With --baseline, each instance is also cleared by the textbook model side by side (`--formulation picef`:
# one MIP over every enumerated loop and every position-indexed chain arc, Dickerson et al. EC 2016) and the
# table adds its time and the ratio Yalu / baseline.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bench/kidney.sh [options]

  --yalu PATH      Yalu executable (default: artifacts/yalu/yalu under the repo root, built with
                   `dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu` if missing)
  --data DIR       instance folder (default ../shared/data/kidney from the repo root)
  --chains LIST    comma-separated chain caps L (default 0,3,4,6); k is always 3
  --runs N         runs per instance and L (default 3); the table shows the median wall time, max peak RSS
  --timeout S      seconds allowed per run (default 300); a run past it is "timeout"
  --baseline       also run `--formulation picef` (same runs and timeout) and print the ratio
  --only SUBSTR    only instances whose file name contains SUBSTR
  --out FILE       also write the table there (default bench/results/kidney-YYYY-MM-DD.md)
  -h, --help       this text
EOF
}
die() { echo "kidney: $*" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
YALU="" DATA="" CHAINS="0,3,4,6" RUNS=3 TIMEOUT=300 BASELINE=0 ONLY="" OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --yalu) YALU=${2:?}; shift 2 ;;
    --data) DATA=${2:?}; shift 2 ;;
    --chains) CHAINS=${2:?}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --timeout) TIMEOUT=${2:?}; shift 2 ;;
    --only) ONLY=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    --baseline) BASELINE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage; die "unknown argument: $1" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a positive integer (seconds)"
[[ "$CHAINS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--chains must be a comma-separated list of integers"
DATA=${DATA:-$ROOT/../shared/data/kidney}
[[ -d "$DATA" ]] || die "no instance folder at $DATA"
command -v /usr/bin/time >/dev/null || die "GNU time (/usr/bin/time) is needed: apt-get install -y time"
command -v python3 >/dev/null || die "python3 is needed to read Yalu's JSON"
if [[ -z "$YALU" ]]; then
  YALU=$ROOT/artifacts/yalu/yalu
  if [[ ! -x "$YALU" ]]; then
    echo "kidney: publishing Yalu to artifacts/yalu" >&2
    dotnet publish "$ROOT/src/Yalu/Yalu.csproj" -c Release -o "$ROOT/artifacts/yalu" >&2
  fi
fi
[[ -x "$YALU" ]] || die "not executable: $YALU"
OUT=${OUT:-$ROOT/bench/results/kidney-$(date +%F).md}
mkdir -p "$(dirname "$OUT")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run FILE L FORMULATION → prints "wall_s peak_mb status objective bound" (median wall of $RUNS runs).
run() {
  local file=$1 l=$2 formulation=$3 walls=() peak=0 status="" objective="" bound=""
  for ((r = 0; r < RUNS; r++)); do
    local start end rc=0
    start=$(date +%s.%N)
    timeout "$TIMEOUT" /usr/bin/time -f "%M" -o "$TMP/mem" "$YALU" clear "$file" --max-cycle 3 --max-chain "$l" \
      --formulation "$formulation" --json --quiet >"$TMP/out.json" 2>"$TMP/err" || rc=$?
    end=$(date +%s.%N)
    if [[ $rc -eq 124 ]]; then echo "timeout - timeout - -"; return; fi
    if [[ $rc -ne 0 ]]; then echo "error - error - -"; return; fi
    walls+=("$(echo "$end - $start" | bc)")
    local mem; mem=$(tail -1 "$TMP/mem"); (( mem > peak )) && peak=$mem
    read -r status objective bound < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["objective"], d["bound"])' "$TMP/out.json" 2>/dev/null || echo "unreadable-json - -")
  done
  local median; median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  printf '%.2f %d %s %s %s\n' "$median" $((peak / 1024)) "$status" "$objective" "$bound"
}

# Instance facts: pairs, donors, arcs as Yalu reads them (from the text report's header line).
facts() {
  "$YALU" clear "$1" --max-cycle 2 --max-chain 0 --quiet --formulation auto 2>/dev/null \
    | sed -n 's/^\([0-9]*\) pairs, \([0-9]*\) donors, \([0-9]*\) arcs.*/\1 \2 \3/p' | head -1
}

{
  echo "# Capped clearing of ../shared/data/kidney (k = 3)"
  echo
  echo "$(date -u +%F), $(nproc) cores, $(uname -m); \`bench/kidney.sh --runs $RUNS --chains $CHAINS$([[ $BASELINE -eq 1 ]] && echo ' --baseline')\`;"
  echo "whole process, median wall time of $RUNS runs, peak RSS the largest of them."
  echo
  if [[ $BASELINE -eq 1 ]]; then
    echo "| instance | pairs | donors | arcs | L | objective | bound | status | wall s | peak MB | baseline s | baseline status | ratio |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|"
  else
    echo "| instance | pairs | donors | arcs | L | objective | bound | status | wall s | peak MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|"
  fi
} | tee "$OUT"

declare -A total
IFS=',' read -r -a chain_caps <<<"$CHAINS"
for file in $(ls "$DATA" | grep -E '\.(wmd|input)$' | sort); do
  [[ -n "$ONLY" && "$file" != *"$ONLY"* ]] && continue
  read -r pairs donors arcs < <(facts "$DATA/$file")
  for l in "${chain_caps[@]}"; do
    read -r wall peak status objective bound < <(run "$DATA/$file" "$l" auto)
    total[$l]=$(echo "${total[$l]:-0} + ${wall/timeout/$TIMEOUT}" | bc 2>/dev/null || echo "${total[$l]:-0}")
    row="| $file | $pairs | $donors | $arcs | $l | $objective | $bound | $status | $wall | $peak |"
    if [[ $BASELINE -eq 1 ]]; then
      read -r bwall _ bstatus _ _ < <(run "$DATA/$file" "$l" picef)
      ratio="-"
      [[ "$bwall" =~ ^[0-9.]+$ && "$wall" =~ ^[0-9.]+$ ]] && ratio=$(echo "scale=3; $wall / $bwall" | bc | sed 's/^\./0./')
      row="$row $bwall | $bstatus | $ratio |"
    fi
    echo "$row" | tee -a "$OUT"
  done
done
{
  echo
  for l in "${chain_caps[@]}"; do printf 'Total wall time for L = %s: %.2f s\n' "$l" "${total[$l]:-0}"; done
} | tee -a "$OUT"
