#!/usr/bin/env bash
# Fuzzes one reader of outside input with afl-fuzz (Debian's afl++) through SharpFuzz, for MINUTES.
#
#   bench/fuzz.sh READER MINUTES     READER: trademaximizer | preflib | kidney | bulletin | setoff | card | bundle | bundle-body | replica
#                                    (bench/Yalu.Fuzz/FuzzTargets.cs)
#   bench/fuzz.sh --list
#
# Publishes bench/Yalu.Fuzz in Release, instruments the published Yalu.Formats.dll and Yalu.Sync.dll (and
# the want-graph builder in Yalu.Market.dll, the replica payload readers in Yalu.Storage.dll) with the sharpfuzz tool, gathers a seed corpus from examples/, the
# fuzzer's own seeds and ../shared/data (read in place, never copied into the repository), runs
# afl-fuzz (with bench/Yalu.Fuzz/dictionaries/READER.dict when there is one), replays every crash
# and hang it saved through the reader once more, and appends a row to artifacts/fuzz/summary.tsv.
# Everything it writes is under artifacts/fuzz/READER (gitignored).
# One afl-fuzz at a time: it takes a whole core.
#
# Environment: FUZZ_DATA (default ../shared/data), FUZZ_TIMEOUT_MS (per input, default 2000),
# FUZZ_RESUME=1 resumes the previous run's queue instead of starting from the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${1:-}" = "--list" ]; then
  dotnet run --project bench/Yalu.Fuzz -c Release -- --list
  exit 0
fi
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -lt 1 ]; then
  echo "usage: bench/fuzz.sh READER MINUTES   (bench/fuzz.sh --list for the readers)" >&2
  exit 2
fi
reader=$1
minutes=$2
data=${FUZZ_DATA:-$root/../shared/data}
timeout_ms=${FUZZ_TIMEOUT_MS:-2000}
work=$root/artifacts/fuzz/$reader
bin=$work/bin

echo "== afl++"
if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi
afl-fuzz -h 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g' || true

echo "== sharpfuzz (dotnet local tool, .config/dotnet-tools.json)"
dotnet tool restore >/dev/null

echo "== publish and instrument"
rm -rf "$bin"
dotnet publish bench/Yalu.Fuzz/Yalu.Fuzz.csproj -c Release -o "$bin" -v quiet -nologo
# The harness's heap is capped (512 MiB): an input that makes a reader allocate more fails fast with
# OutOfMemoryException, a crash, instead of eating the shared machine's memory (afl's -m cannot cap
# .NET, which reserves far more address space than it uses).
harness=(env DOTNET_GCHeapHardLimit=0x20000000 dotnet "$bin/Yalu.Fuzz.dll" "$reader")
"${harness[@]}" --replay /dev/null </dev/null >/dev/null || { echo "unknown reader '$reader'" >&2; "${harness[@]}"; exit 2; }
dotnet tool run sharpfuzz "$bin/Yalu.Formats.dll"
dotnet tool run sharpfuzz "$bin/Yalu.Sync.dll"
dotnet tool run sharpfuzz "$bin/Yalu.Market.dll" Yalu.Market.Graphs.WantGraph
dotnet tool run sharpfuzz "$bin/Yalu.Storage.dll" Yalu.Storage.ReplicaFacts Yalu.Storage.EventPayloads

echo "== seeds"
seeds=$work/seeds
rm -rf "$seeds"
[ -d "$data" ] || echo "note: $data is missing: seeds come from the repository only"
"${harness[@]}" --seeds "$seeds" examples "bench/Yalu.Fuzz/seeds/$reader" tests/Yalu.Formats.Tests "$data" </dev/null

echo "== afl-fuzz $reader for $minutes min"
out=$work/out
input=$seeds
if [ "${FUZZ_RESUME:-0}" = "1" ] && [ -d "$out/default/queue" ]; then
  input=-   # afl's "resume" input
else
  rm -rf "$out"
fi
mkdir -p "$out"
dict=()
[ -f "bench/Yalu.Fuzz/dictionaries/$reader.dict" ] && dict=(-x "bench/Yalu.Fuzz/dictionaries/$reader.dict")
set +e
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 \
  afl-fuzz -i "$input" -o "$out" -t "$timeout_ms" -m none -V $((minutes * 60)) "${dict[@]}" -- "${harness[@]}" \
  >"$work/afl.log" 2>&1
rc=$?
set -e
stats=$out/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  echo "afl-fuzz exited $rc without fuzzer_stats; the end of its log:" >&2
  tail -30 "$work/afl.log" >&2
  exit 1
fi
stat() { sed -n "s/^$1 *: *//p" "$stats" | head -1; }

echo "== replay of what afl saved"
shopt -s nullglob
saved=("$out"/default/crashes/id:* "$out"/default/hangs/id:*)
replay_crashes=0
if [ ${#saved[@]} -gt 0 ]; then
  timeout 600 "${harness[@]}" --replay "${saved[@]}" </dev/null | tee "$work/replay.log" | tail -20 || replay_crashes=$(grep -c '^CRASH' "$work/replay.log" || true)
else
  echo "nothing saved"
fi

secs=$(stat run_time)
row=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' \
  "$(date -u +%FT%TZ)" "$reader" "$minutes" "$secs" "$(stat execs_done)" "$(stat execs_per_sec)" \
  "$(stat corpus_count)" "$(stat edges_found)" "$(stat saved_crashes)" "$(stat saved_hangs)" "$replay_crashes")
summary=$root/artifacts/fuzz/summary.tsv   # one row per run; the header is written once
[ -f "$summary" ] || printf 'finished\treader\tminutes\tseconds\texecs\texecs_per_sec\tcorpus_count\tedges_found\tsaved_crashes\tsaved_hangs\tcrashes_on_replay\n' >"$summary"
echo "$row" >>"$summary"
echo "== summary (artifacts/fuzz/summary.tsv)"
head -1 "$summary"
echo "$row"
