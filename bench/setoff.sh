#!/usr/bin/env bash
# Times `yalu setoff` as a whole process (published Release build, ReadyToRun; .NET start included)
# on every network of ../shared/data/credit, exact and --max-flow: the median wall time of RUNS runs
# and the largest peak memory (max RSS, GNU time), with the median CPU time (user + system) beside the
# wall time, since a shared machine's load stretches wall time far more than CPU time. Then, once per network, the solver mtcsPy runs
# (networkx.min_cost_flow, bench/setoff_networkx.py) when python3 has networkx. Prints a Markdown table.
#
#   bench/setoff.sh [RUNS]        RUNS: runs per network and method (default 5)
#
# Environment: SETOFF_DATA (default ../shared/data/credit), YALU_PUB (default artifacts/setoff/yalu,
# published here first), NETWORKX=0 skips the networkx column (it takes minutes per network).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${SETOFF_DATA:-../shared/data/credit}
pub=${YALU_PUB:-artifacts/setoff/yalu}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -d "$data" ] || { echo "no data at $data" >&2; exit 1; }
dotnet publish src/Yalu/Yalu.csproj -c Release -o "$pub" -v quiet -nologo >&2
yalu=$pub/yalu

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One row per network and method: runs, median and min/max wall seconds, max RSS, the figure cleared.
echo "| network | method | runs | median wall s | min s | max s | median CPU s (user+sys) | max RSS MB | cleared | in-process read / solve ms (last run) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for file in "$data"/*.csv; do
  for method in exact --max-flow; do
    flag=(); [ "$method" = --max-flow ] && flag=(--max-flow)
    times=() cpus=() rss=0 cleared="" phases=""
    for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e %M %U %S' -o /tmp/setoff-time.$$ "$yalu" setoff "$file" --json --timings "${flag[@]}" >/tmp/setoff-out.$$ 2>/tmp/setoff-err.$$
      read -r secs kb user sys </tmp/setoff-time.$$
      times+=("$secs")
      cpus+=("$(echo "$user + $sys" | bc)")
      [ "$kb" -gt "$rss" ] && rss=$kb
      cleared=$(sed -n 's/.*"cleared": \([0-9]*\).*/\1/p' /tmp/setoff-out.$$)
      phases=$(sed -n 's/^yalu: read \([0-9]*\) ms, solve \([0-9]*\) ms.*/\1 \/ \2/p' /tmp/setoff-err.$$)
    done
    med=$(printf '%s\n' "${times[@]}" | median)
    min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
    max=$(printf '%s\n' "${times[@]}" | sort -n | tail -1)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    echo "| $(basename "$file") | $method | $runs | $med | $min | $max | $cpu | $((rss / 1024)) | $cleared | $phases |"
  done
done
rm -f /tmp/setoff-time.$$ /tmp/setoff-out.$$ /tmp/setoff-err.$$

if [ "${NETWORKX:-1}" != 0 ] && python3 -c 'import networkx' 2>/dev/null; then
  echo
  echo "| network | networkx.min_cost_flow (mtcsPy's solver) cleared | its read + solve s | whole process s | max RSS MB |"
  echo "|---|---|---|---|---|"
  for file in "$data"/*.csv; do
    /usr/bin/time -f '%e %M' -o /tmp/setoff-time.$$ python3 bench/setoff_networkx.py "$file" >/tmp/setoff-out.$$
    read -r secs kb </tmp/setoff-time.$$
    IFS=$'\t' read -r _ cleared inner </tmp/setoff-out.$$
    echo "| $(basename "$file") | $cleared | $inner | $secs | $((kb / 1024)) |"
  done
  rm -f /tmp/setoff-time.$$ /tmp/setoff-out.$$
fi
