#!/usr/bin/env bash
# A 10,000-event market day between two nodes, whole processes: `yalu export` on node A (hyesan) and
# `yalu import` on node B (changbai), each run RUNS times (default 5) and the median taken; the
# bundle's size. Import runs on a fresh copy of B each time, so every run applies the whole day.
# Usage: bench/sync.sh [EVENTS] [RUNS]     (issue 11's acceptance: each <= 2 s, bundle <= 2 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-10000}
RUNS=${2:-5}
dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu >/dev/null
dotnet build bench/Yalu.SyncDay -c Release >/dev/null
YALU=artifacts/yalu/yalu
DAY=bench/Yalu.SyncDay/bin/Release/net10.0/linux-x64/Yalu.SyncDay.dll
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

$YALU node init --db "$W/a.db" --side hyesan --name hyesan >/dev/null
$YALU node init --db "$W/b.db" --side changbai --name changbai >/dev/null
$YALU node key --db "$W/a.db" --out "$W/a.card" >/dev/null
$YALU node key --db "$W/b.db" --out "$W/b.card" >/dev/null
$YALU node trust --db "$W/a.db" "$W/b.card" --yes >/dev/null
$YALU node trust --db "$W/b.db" "$W/a.card" --yes >/dev/null
dotnet "$DAY" "$W/a.db" "$EVENTS"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Wall-clock seconds and CPU seconds (user + system) of one command, from bash's own timer.
timed() { local TIMEFORMAT='%R %U %S'; { time "$@" >"$W/last.out"; } 2>&1 | awk '{printf "%s %.3f\n", $1, $2 + $3}'; }
ew=(); ec=(); iw=(); ic=()
for i in $(seq 1 "$RUNS"); do
  read -r wall cpu < <(timed $YALU export --db "$W/a.db" --to changbai --out "$W/day.yalu"); ew+=("$wall"); ec+=("$cpu")
  cp "$W/last.out" "$W/export.out"
  cp "$W/b.db" "$W/b-run.db"; cp "$W/b.db.node-key" "$W/b-run.db.node-key"; rm -f "$W/b-run.db-wal" "$W/b-run.db-shm"
  read -r wall cpu < <(timed $YALU import --db "$W/b-run.db" "$W/day.yalu"); iw+=("$wall"); ic+=("$cpu")
  cp "$W/last.out" "$W/import.out"
  rm -f "$W"/b-run.db*
done
cat "$W/export.out" "$W/import.out"
size=$(stat -c %s "$W/day.yalu")
echo "export wall (s): ${ew[*]}   cpu (s): ${ec[*]}"
echo "import wall (s): ${iw[*]}   cpu (s): ${ic[*]}"
printf 'export median: %.3f s wall, %.3f s cpu\nimport median: %.3f s wall, %.3f s cpu\nbundle: %d bytes (%.2f MB)\n' \
  "$(printf '%s\n' "${ew[@]}" | median)" "$(printf '%s\n' "${ec[@]}" | median)" \
  "$(printf '%s\n' "${iw[@]}" | median)" "$(printf '%s\n' "${ic[@]}" | median)" "$size" "$(echo "$size / 1000000" | bc -l)"
uptime
