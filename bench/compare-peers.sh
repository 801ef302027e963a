#!/usr/bin/env bash
# compare-peers.sh: run Yalu (improved and plain), TradeMaximizer 1.3c and FastTradeMaximizer side by side on
# every want list of a data directory and print one table of results, wall times and peak memory.
#
# Every tool gets the same normalized copy of each file: the `#!` options that TradeMaximizer 1.3c does not
# know, and those that ask for more than one solve, are removed (see normalize() below); all other bytes are
# passed unchanged. Each tool is timed as a whole process (JVM / .NET start included) with GNU time.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bench/compare-peers.sh --tm TM_CLASSES_DIR_OR_JAR --ftm FTM_BINARY [options]

  --tm PATH        TradeMaximizer 1.3c: a classes dir (containing tm/TradeMaximizer.class) or a jar;
                   run as `java -cp PATH tm.TradeMaximizer < wants.txt`
  --ftm PATH       FastTradeMaximizer binary; run as `PATH < wants.txt`
  --yalu PATH      Yalu executable (default: artifacts/yalu/yalu under the repo root, built with
                   `dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu` if missing);
                   tool yalu runs `PATH clear FILE --json` (exact solve, then the improvement: most
                   users trading, then smaller loops); tool yalu-plain runs the same executable as
                   `PATH clear FILE --json --no-improve` (the exact solve only, as TradeMaximizer)
  --runs N         runs per tool and file (default 5); the table shows the median wall time, max peak RSS
  --timeout S      seconds allowed per run (default 300); a run past it is "timeout"
  --data DIR       directory of *.txt want lists (default ../shared/data/mathtrade from the repo root)
  --only SUBSTR    only files whose name contains SUBSTR
  --tools LIST     comma-separated subset of tm,ftm,yalu,yalu-plain (default all four; --tm/--ftm
                   are then required only for the tools listed)
  --out FILE       also write the table there (default bench/results/compare-peers-YYYY-MM-DD.md)
  -h, --help       this text
EOF
}

die_usage() { echo "compare-peers: $*" >&2; usage; exit 2; }
die() { echo "compare-peers: $*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

TM="" FTM="" YALU="" RUNS=5 TIMEOUT=300 DATA="" ONLY="" OUT="" TOOLS="tm,ftm,yalu,yalu-plain"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tm|--ftm|--yalu|--runs|--timeout|--data|--only|--out|--tools)
      [[ $# -ge 2 ]] || die_usage "$1 needs a value"
      case "$1" in
        --tm) TM=$2 ;; --ftm) FTM=$2 ;; --yalu) YALU=$2 ;; --runs) RUNS=$2 ;; --timeout) TIMEOUT=$2 ;;
        --data) DATA=$2 ;; --only) ONLY=$2 ;; --out) OUT=$2 ;; --tools) TOOLS=$2 ;;
      esac
      shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die_usage "--runs must be a positive integer"
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die_usage "--timeout must be a positive integer (seconds)"
USE_TM=0 USE_FTM=0 USE_YALU=0 USE_YALU_PLAIN=0
IFS=',' read -r -a tool_list <<<"$TOOLS"
for t in "${tool_list[@]}"; do
  case "$t" in
    tm) USE_TM=1 ;; ftm) USE_FTM=1 ;; yalu) USE_YALU=1 ;; yalu-plain) USE_YALU_PLAIN=1 ;;
    *) die_usage "--tools: unknown tool '$t' (use tm, ftm, yalu, yalu-plain)" ;;
  esac
done
(( USE_TM + USE_FTM + USE_YALU + USE_YALU_PLAIN > 0 )) || die_usage "--tools lists no tool"

abspath() { # absolute path of an existing or not-yet-existing file, relative to the caller's cwd
  case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac
}

if (( USE_TM )); then
  [[ -n "$TM" ]] || die_usage "--tm is required"
  TM=$(abspath "$TM")
  if [[ -d "$TM" ]]; then
    [[ -f "$TM/tm/TradeMaximizer.class" ]] || die_usage "--tm: $TM has no tm/TradeMaximizer.class"
  else
    [[ -f "$TM" && "$TM" == *.jar ]] || die_usage "--tm: $TM is neither a classes dir nor a jar"
  fi
  command -v java >/dev/null || die "java not found"
fi
if (( USE_FTM )); then
  [[ -n "$FTM" ]] || die_usage "--ftm is required"
  FTM=$(abspath "$FTM")
  [[ -x "$FTM" && -f "$FTM" ]] || die_usage "--ftm: $FTM is not an executable file"
fi
if [[ -n "$DATA" ]]; then DATA=$(abspath "$DATA"); else DATA="$ROOT/../shared/data/mathtrade"; fi
[[ -d "$DATA" ]] || die_usage "--data: $DATA is not a directory"
DATA=$(cd "$DATA" && pwd)
if [[ -n "$OUT" ]]; then OUT=$(abspath "$OUT"); else OUT="$ROOT/bench/results/compare-peers-$(date +%F).md"; fi

# ---- prerequisites -------------------------------------------------------------------------------------
command -v python3 >/dev/null || die "python3 is required"
command -v timeout >/dev/null || die "timeout (coreutils) is required"
if [[ ! -x /usr/bin/time ]]; then
  echo "compare-peers: /usr/bin/time missing, installing GNU time" >&2
  if [[ $(id -u) -eq 0 ]]; then
    apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; } ||
      die "could not install GNU time"
  else
    die "GNU time (/usr/bin/time) is missing: apt-get install time"
  fi
fi

if (( USE_YALU || USE_YALU_PLAIN )); then
  if [[ -z "$YALU" ]]; then
    YALU="$ROOT/artifacts/yalu/yalu"
    if [[ ! -x "$YALU" ]]; then
      echo "compare-peers: $YALU missing, building it" >&2
      command -v dotnet >/dev/null || die "dotnet not found; cannot build Yalu"
      (cd "$ROOT" && dotnet publish src/Yalu/Yalu.csproj -c Release -o artifacts/yalu >&2) ||
        die "dotnet publish of src/Yalu/Yalu.csproj failed"
    fi
  else
    YALU=$(abspath "$YALU")
  fi
  [[ -x "$YALU" && -f "$YALU" ]] || die "Yalu executable $YALU is missing or not executable"
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/compare-peers.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- python helper: normalization, output parsing, report ---------------------------------------------
cat >"$TMP/helper.py" <<'PY'
import json, os, re, statistics, sys

DROP_EXACT = {b"VERBOSE", b"DEBUG", b"SCALED-PRIORITIES", b"SHRINK-VERBOSE"}
DROP_PREFIX = (b"METRIC=", b"GEEKLIST=", b"CODE-DIGITS=", b"CODE-LETTERS=", b"YEAR=", b"MONTH=",
               b"ITERATIONS=", b"SEED=", b"SHRINK=")

def dropped(tok):
    t = tok.upper()
    return t in DROP_EXACT or t.startswith(DROP_PREFIX)

def normalize(src, dst):
    """Byte-safe: only `#!` lines that carry a dropped option are rewritten; all else is copied."""
    data = open(src, "rb").read()
    out = []
    for line in re.split(rb"(?<=\n)", data):
        if not line:
            continue
        body = line.rstrip(b"\r\n")
        eol = line[len(body):]
        stripped = body.strip()
        if stripped.startswith(b"#!"):
            toks = stripped[2:].split()
            kept = [t for t in toks if not dropped(t)]
            if len(kept) != len(toks):
                if kept:
                    out.append(b"#! " + b" ".join(kept) + eol)
                continue  # a `#!` line left empty is dropped
        out.append(line)
    open(dst, "wb").write(b"".join(out))

def parse_tm_like(path):
    """TradeMaximizer 1.3c / FastTradeMaximizer text report -> dict, or None when it has no result."""
    text = open(path, "rb").read().decode("latin-1")
    m = re.search(r"^Num trades\s*=\s*(\d+) of (\d+) items", text, re.M)
    if not m:
        return None
    r = {"trades": int(m.group(1)), "items": int(m.group(2))}
    m = re.search(r"^Total cost\s*=\s*(\d+)", text, re.M)
    r["cost"] = int(m.group(1)) if m else None
    m = re.search(r"^Sum squares\s*=\s*(\d+)", text, re.M)
    r["sumsq"] = int(m.group(1)) if m else None
    # users trading: distinct "(user)" heading the lines of the TRADE LOOPS section
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("TRADE LOOPS (")), None)
    if start is None:
        r["users"] = "?"  # HIDE-LOOPS
        return r
    users, anonymous = set(), 0
    for l in lines[start + 1:]:
        if l.startswith(("ITEM SUMMARY (", "Num trades", "Results Checksum")):
            break
        l = l.strip()
        if not l:
            continue
        if l.startswith("(") and ")" in l:
            users.add(l[1:l.index(")")])
        else:
            anonymous += 1
    r["users"] = len(users) if users or not anonymous else "-"
    return r

def parse_yalu(path):
    try:
        j = json.load(open(path, "rb"))
        s = j["stats"]
        u = s.get("usersTrading")
        return {"trades": int(s["trading"]), "items": s.get("items"), "cost": s.get("totalCost"),
                "users": "-" if u is None else u, "sumsq": s.get("sumSquares"), "solver": j.get("status"),
                "users_proved": s.get("usersTradingProved")}
    except Exception:
        return None

YALU_TOOLS = ("yalu", "yalu-plain")
PEERS = ("tm", "ftm")

def parse(tool, path):
    return parse_yalu(path) if tool in YALU_TOOLS else parse_tm_like(path)

def users_check(agg):
    """Yalu (improved) users trading vs the best peer: ok / NO / - (no peer has users, or no Yalu result)."""
    peers = [agg[t] for t in PEERS if t in agg and agg[t]["status"] == "ok" and isinstance(agg[t]["users"], int)]
    if not peers:
        return "-"
    y = agg["yalu"]
    if y["status"] != "ok":
        return "-"
    if not isinstance(y["users"], int):
        return "NO"
    best = max(p["users"] for p in peers)
    if y["users"] != best:
        return "ok" if y["users"] > best else "NO"
    sqs = [p["sumsq"] for p in peers if p["users"] == best and p["sumsq"] is not None]
    if not sqs:
        return "ok"
    return "ok" if y["sumsq"] is not None and y["sumsq"] <= min(sqs) else "NO"

def fmt_num(x, nd):
    return "-" if x is None else f"{x:.{nd}f}"

def report(results_tsv, files_txt, header_txt, tools_csv, out_path):
    tools = tools_csv.split(",")
    files = [l.rstrip("\n") for l in open(files_txt, encoding="utf-8") if l.strip()]
    runs = {}  # (file, tool) -> list of (status, wall, rss_kb, outfile)
    for l in open(results_tsv, encoding="utf-8"):
        f, tool, _run, status, wall, rss, outfile = l.rstrip("\n").split("\t")
        runs.setdefault((f, tool), []).append((status, float(wall) if wall else None,
                                               int(rss) if rss else None, outfile))
    label = {"tm": "TM", "ftm": "FTM", "yalu": "Yalu", "yalu-plain": "Yalu plain"}
    cols = ["file", "items"]
    for t in tools:
        cols += [f"{label[t]} trades", f"{label[t]} cost", f"{label[t]} users", f"{label[t]} sumsq",
                 f"{label[t]} s", f"{label[t]} MB"]
        if t == "yalu":
            cols.append("Yalu users proved")
    ratios = []  # (column, numerator tool, denominator tool, figure)
    if "yalu" in tools and "tm" in tools: ratios.append(("Yalu/TM time", "yalu", "tm", "time"))
    if "yalu" in tools and "ftm" in tools: ratios.append(("Yalu/FTM time", "yalu", "ftm", "time"))
    if "yalu" in tools and "tm" in tools: ratios.append(("Yalu/TM mem", "yalu", "tm", "mem"))
    if "yalu-plain" in tools and "tm" in tools: ratios.append(("Yalu plain/TM time", "yalu-plain", "tm", "time"))
    cols += [r[0] for r in ratios]
    check_users = "yalu" in tools and any(p in tools for p in PEERS)
    if check_users:
        cols.append("users ≥ peers")
    rows, warnings = [], []
    for f in files:
        agg = {}
        for t in tools:
            rs = runs.get((f, t), [])
            bad = [s for s, *_ in rs if s != "ok"]
            if not rs or bad:
                agg[t] = {"status": bad[0] if bad else "not run"}
                continue
            parsed = [parse(t, o) for *_, o in rs]
            if any(p is None for p in parsed):
                agg[t] = {"status": "fail"}
                continue
            key = lambda p: (p["trades"], p["cost"], p["users"], p["sumsq"])
            if len({key(p) for p in parsed}) > 1:
                warnings.append(f"{f}: {label[t]} results differ between runs: {sorted({key(p) for p in parsed})}")
            a = dict(parsed[0])
            a["status"] = "ok"
            walls = [w for _, w, _, _ in rs if w is not None]
            mems = [m for _, _, m, _ in rs if m is not None]
            a["time"] = statistics.median(walls) if walls else None
            a["mem"] = max(mems) / 1024.0 if mems else None
            if t in YALU_TOOLS and a.get("solver") not in (None, "optimal"):
                warnings.append(f"{f}: {label[t]} status {a['solver']}")
            agg[t] = a
        if "yalu-plain" in agg and "tm" in agg and agg["yalu-plain"]["status"] == "ok" and agg["tm"]["status"] == "ok":
            p, m = agg["yalu-plain"], agg["tm"]
            if (p["trades"], p["cost"]) != (m["trades"], m["cost"]):
                warnings.append(f"{f}: Yalu plain trades/cost {p['trades']}/{p['cost']} differ from TM's {m['trades']}/{m['cost']}")
        items = None
        for t in ("yalu", "yalu-plain", "tm"):
            if t in agg and agg[t]["status"] == "ok" and agg[t].get("items") is not None:
                items = agg[t]["items"]
                break
        for yt in YALU_TOOLS:
            if items is not None and yt in agg and "tm" in agg and agg[yt]["status"] == "ok" \
                    and agg["tm"]["status"] == "ok" and agg[yt].get("items") != agg["tm"].get("items"):
                warnings.append(f"{f}: items differ: {label[yt]} {agg[yt].get('items')} vs TM {agg['tm'].get('items')}")
        row = [f, "-" if items is None else str(items)]
        for t in tools:
            a = agg[t]
            if a["status"] != "ok":
                row += [a["status"]] + ["-"] * 5
            else:
                row += [str(a["trades"]), "-" if a["cost"] is None else str(a["cost"]), str(a["users"]),
                        "-" if a["sumsq"] is None else str(a["sumsq"]), fmt_num(a["time"], 2), fmt_num(a["mem"], 1)]
            if t == "yalu":
                pr = a.get("users_proved") if a["status"] == "ok" else None
                row.append("-" if pr is None else ("yes" if pr else "no"))
        for _, num, den, what in ratios:
            y, o = agg[num], agg[den]
            if y["status"] == "ok" and o["status"] == "ok" and y[what] is not None and o[what]:
                row.append(f"{y[what] / o[what]:.2f}")
            else:
                row.append("-")
        if check_users:
            row.append(users_check(agg))
        rows.append(row)
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(cols)]
    def line(cells):
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    sep = "|" + "|".join(":" + "-" * (w + 1) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|"
    out = [l.rstrip("\n") for l in open(header_txt, encoding="utf-8", errors="replace")]
    out += ["", line(cols), sep] + [line(r) for r in rows]
    if warnings:
        out += [""] + ["- warning: " + w for w in warnings]
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    open(out_path, "w", encoding="utf-8").write(text)

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "normalize":
        normalize(sys.argv[2], sys.argv[3])
    elif cmd == "check":  # exit 0 when the output parses
        sys.exit(0 if parse(sys.argv[2], sys.argv[3]) is not None else 1)
    elif cmd == "version":  # first line of a TM / FTM report
        with open(sys.argv[2], "rb") as fh:
            print(fh.readline().decode("latin-1").strip())
    elif cmd == "report":
        report(*sys.argv[2:7])
    else:
        sys.exit(f"unknown helper command {cmd}")
PY

# ---- the files -----------------------------------------------------------------------------------------
mkdir -p "$TMP/in" "$TMP/out"
: >"$TMP/files.txt"
shopt -s nullglob
all=("$DATA"/*.txt)
shopt -u nullglob
mapfile -t sorted < <(printf '%s\n' "${all[@]}" | LC_ALL=C sort)
for f in "${sorted[@]}"; do
  [[ -n "$f" ]] || continue
  name=$(basename "$f" .txt)
  [[ -z "$ONLY" || "$name" == *"$ONLY"* ]] || continue
  python3 "$TMP/helper.py" normalize "$f" "$TMP/in/$name.txt"
  printf '%s\n' "$name" >>"$TMP/files.txt"
done
[[ -s "$TMP/files.txt" ]] || die "no *.txt file in $DATA${ONLY:+ matches '$ONLY'}"
mapfile -t names <"$TMP/files.txt"

tools=()
(( USE_TM )) && tools+=(tm)
(( USE_FTM )) && tools+=(ftm)
(( USE_YALU )) && tools+=(yalu)
(( USE_YALU_PLAIN )) && tools+=(yalu-plain)

# run_one TOOL NAME RUN: one timed whole-process run; appends a line to results.tsv
run_one() {
  local tool=$1 name=$2 run=$3 in="$TMP/in/$2.txt"
  local out="$TMP/out/$name.$tool.$run.out" err="$TMP/out/$name.$tool.$run.err" tf="$TMP/out/$name.$tool.$run.time"
  local -a cmd
  case "$tool" in
    tm) cmd=(java -cp "$TM" tm.TradeMaximizer) ;;
    ftm) cmd=("$FTM") ;;
    yalu) cmd=("$YALU" clear "$in" --json) ;;
    yalu-plain) cmd=("$YALU" clear "$in" --json --no-improve) ;;
  esac
  local rc=0
  if [[ "$tool" == yalu || "$tool" == yalu-plain ]]; then
    /usr/bin/time -f '%e %M' -o "$tf" timeout -k 10 "$TIMEOUT" "${cmd[@]}" </dev/null >"$out" 2>"$err" || rc=$?
  else
    /usr/bin/time -f '%e %M' -o "$tf" timeout -k 10 "$TIMEOUT" "${cmd[@]}" <"$in" >"$out" 2>"$err" || rc=$?
  fi
  local wall="" rss="" status=ok
  read -r wall rss < <(tail -n 1 "$tf") || true
  [[ "$wall" =~ ^[0-9.]+$ ]] || wall=""
  [[ "$rss" =~ ^[0-9]+$ ]] || rss=""
  # 124: timeout's own code; 137: killed by -k after the grace time (not an OOM kill if the time was up)
  if [[ $rc -eq 124 || ($rc -eq 137 && -n "$wall" && ${wall%.*} -ge $TIMEOUT) ]]; then
    status=timeout
  elif [[ $rc -ne 0 ]] || ! python3 "$TMP/helper.py" check "$tool" "$out"; then
    status=fail
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$run" "$status" "$wall" "$rss" "$out" >>"$TMP/results.tsv"
  printf '  %-10s run %d/%d: %s %ss %sKB\n' "$tool" "$run" "$RUNS" "$status" "${wall:-?}" "${rss:-?}" >&2
  [[ $status == ok ]]
}

: >"$TMP/results.tsv"
i=0
for name in "${names[@]}"; do
  i=$((i + 1))
  echo "[$i/${#names[@]}] $name" >&2
  declare -A broken=()
  for ((run = 1; run <= RUNS; run++)); do
    for tool in "${tools[@]}"; do
      [[ -z "${broken[$tool]:-}" ]] || continue # a failed or timed-out tool is not run again on this file
      run_one "$tool" "$name" "$run" || broken[$tool]=1
    done
  done
  unset broken
done

# ---- header: machine, date, runs, tool versions --------------------------------------------------------
first_ok() { # first output of TOOL that parsed
  awk -F'\t' -v t="$1" '$2 == t && $4 == "ok" { print $7; exit }' "$TMP/results.tsv"
}
commit_note() { # a COMMIT file beside a peer build, if its builder left one
  local f
  for f in "$@"; do [[ -f "$f" ]] && { printf ' @ %s' "$(head -c 40 "$f" | tr -d '\n')"; return; }; done
  return 0
}
cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
{
  echo "# Yalu vs TradeMaximizer vs FastTradeMaximizer"
  echo
  echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, $(uname -sr); date $(date '+%F %T %Z'); runs $RUNS per tool" \
    "and file (median wall s incl. process start, max peak RSS MB, GNU time); timeout ${TIMEOUT}s; data $DATA."
  if (( USE_TM )); then
    o=$(first_ok tm)
    v=$([[ -n "$o" ]] && python3 "$TMP/helper.py" version "$o" || echo "TradeMaximizer ?")
    if [[ -d "$TM" ]]; then c=$(commit_note "$TM/COMMIT"); else c=$(commit_note "$(dirname "$TM")/COMMIT"); fi
    echo "- TM: $v$c, $TM, $(java -version 2>&1 | head -n 1), default JVM flags"
  fi
  if (( USE_FTM )); then
    o=$(first_ok ftm)
    v=$([[ -n "$o" ]] && python3 "$TMP/helper.py" version "$o" || echo "FastTradeMaximizer ?")
    echo "- FTM: $v$(commit_note "$(dirname "$FTM")/COMMIT"), $FTM"
  fi
  if (( USE_YALU || USE_YALU_PLAIN )); then
    if yc=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null); then
      git -C "$ROOT" diff --quiet HEAD 2>/dev/null || yc="$yc+dirty"
    else
      yc="(no commit)"
    fi
    dn=$(command -v dotnet >/dev/null && dotnet --version 2>/dev/null || echo "?")
    echo "- Yalu: repo $yc, $YALU, dotnet $dn; Yalu = \`clear FILE --json\` (exact solve + improvement: most" \
      "users trading, then smaller loops), Yalu plain = \`clear FILE --json --no-improve\` (exact solve only)."
  fi
  echo "- Options dropped from every file before all runs: METRIC= VERBOSE DEBUG SCALED-PRIORITIES GEEKLIST=" \
    "CODE-DIGITS= CODE-LETTERS= YEAR= MONTH= ITERATIONS= SEED= SHRINK= SHRINK-VERBOSE (one solve each)."
  echo "- items: non-dummy items (Yalu stats.items, else TM's \"of M items\"); users: distinct users trading" \
    "(- when the file has no usernames); fail: crashed or gave no result."
  if (( USE_YALU )); then
    echo "- Yalu users proved: stats.usersTradingProved of the improved run (yes/no; - when absent)."
    if (( USE_TM || USE_FTM )); then
      echo "- users ≥ peers: Yalu's users trading vs the most among TM/FTM (ok when more; when equal, ok if Yalu's" \
        "sum of squares ≤ the smallest peer sum of squares at that many users; NO otherwise; - when no peer" \
        "reports users or Yalu has no result)."
    fi
  fi
} >"$TMP/header.txt"

python3 "$TMP/helper.py" report "$TMP/results.tsv" "$TMP/files.txt" "$TMP/header.txt" \
  "$(IFS=,; echo "${tools[*]}")" "$OUT"
echo "compare-peers: table written to $OUT" >&2
