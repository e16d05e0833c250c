#!/usr/bin/env bash
# Benchmark CliffBench's whole static tier against ripgrep running the rules' bare
# pattern set over the same synthetic corpus, same cores, same script run.
# The bar (docs: /work/shared/spec/performance.md, Benchmarks/README.md):
#   CliffBench MB/s >= 1.5 x ripgrep MB/s.
#
# Environment:
#   BENCH_CORPUS   corpus directory (default <repo>/bench-corpus; generated if absent)
#   BENCH_MB       corpus size in MB when generating (default 100)
#   BENCH_FILES    corpus file count when generating (default 12000)
#   BENCH_SEED     generator seed (default 1)
#   BENCH_ROUNDS   timed rounds (default 3)
#   BENCH_JOBS     threads for both tools (default: nproc)
#   BENCH_OUT      JSON summary (default <repo>/results/bench.json)
#   BENCH_STRICT   1 = exit 3 when the ratio is below the bar (default 0)
#   BENCH_RG_UNICODE  1 = run ripgrep without --no-unicode (see Benchmarks/README.md)
#   CLIFFBENCH_BENCH_BIN  use this cliffbench-bench binary and skip `swift build`
set -euo pipefail

die() { echo "bench: error: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"

CORPUS="${BENCH_CORPUS:-$REPO/bench-corpus}"
MB="${BENCH_MB:-100}"
FILES="${BENCH_FILES:-12000}"
SEED="${BENCH_SEED:-1}"
ROUNDS="${BENCH_ROUNDS:-3}"
JOBS="${BENCH_JOBS:-$(nproc)}"
OUT="${BENCH_OUT:-$REPO/results/bench.json}"
STRICT="${BENCH_STRICT:-0}"
BAR="1.5"
MEM_LIMIT_MB="512"

is_uint() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -gt 0 ]; }
is_uint "$ROUNDS" || die "BENCH_ROUNDS must be a positive integer (got '$ROUNDS')"
is_uint "$JOBS" || die "BENCH_JOBS must be a positive integer (got '$JOBS')"
is_uint "$FILES" || die "BENCH_FILES must be a positive integer (got '$FILES')"
[[ "$MB" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "BENCH_MB must be a positive number (got '$MB')"
is_uint "$SEED" || [ "$SEED" = "0" ] || die "BENCH_SEED must be a non-negative integer (got '$SEED')"
command -v python3 >/dev/null || die "python3 is required"

# --- (a) ripgrep ------------------------------------------------------------------
if ! command -v rg >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
        say "ripgrep not found; installing it with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null
    else
        die "ripgrep (rg) is not installed. Install it first: sudo apt-get install -y ripgrep"
    fi
fi
command -v rg >/dev/null 2>&1 || die "ripgrep installation failed"
RG_VERSION="$(rg --version)"
RG_VERSION="${RG_VERSION%%$'\n'*}"

# --- (b) build ----------------------------------------------------------------------
if [ -n "${CLIFFBENCH_BENCH_BIN:-}" ]; then
    BIN="$CLIFFBENCH_BENCH_BIN"
    [ -x "$BIN" ] || die "CLIFFBENCH_BENCH_BIN=$BIN is not an executable file"
    say "using $BIN (CLIFFBENCH_BENCH_BIN set; skipping swift build)"
else
    command -v swift >/dev/null || die "swift is not on PATH (or set CLIFFBENCH_BENCH_BIN)"
    say "building: swift build -c release --product cliffbench-bench"
    (cd "$REPO" && swift build -c release --product cliffbench-bench) >&2
    BIN="$REPO/.build/release/cliffbench-bench"
    [ -x "$BIN" ] || die "build finished but $BIN is missing"
fi

# --- (c) corpus ---------------------------------------------------------------------
if [ ! -d "$CORPUS" ]; then
    say "generating corpus: $CORPUS (${MB} MB, ${FILES} files, seed ${SEED})"
    partial="${CORPUS%/}.partial.$$"
    rm -rf "$partial"
    trap 'rm -rf "$partial"' EXIT
    python3 "$SCRIPT_DIR/gen-corpus.py" --out "$partial" --mb "$MB" --files "$FILES" --seed "$SEED" >&2
    mv "$partial" "$CORPUS"
    trap - EXIT
else
    say "using existing corpus $CORPUS (delete it to regenerate)"
fi
CORPUS="$(cd "$CORPUS" && pwd)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/cliffbench-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# --- (d) pattern set ----------------------------------------------------------------
"$BIN" patterns > "$tmp/patterns.txt" || die "'$BIN patterns' failed"
# Drop blank lines, then wrap each pattern in a group: ripgrep 13 joins -f patterns
# with a bare '|', so an inline flag such as (?i) would otherwise leak into every
# pattern after it.
python3 - "$tmp/patterns.txt" "$tmp/patterns.rg" <<'PY'
import sys
lines = [l.rstrip("\r\n") for l in open(sys.argv[1], encoding="utf-8")]
pats = [l for l in lines if l.strip()]
if not pats:
    sys.exit("bench: error: the pattern set is empty")
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    fh.write("".join(f"(?:{p})\n" for p in pats))
PY
NPAT="$(wc -l < "$tmp/patterns.rg" | tr -d ' ')"

# --no-require-git: honour each app's .gitignore (node_modules, dist) even outside a git
# repository, as the scanner does. --no-unicode: byte/ASCII semantics like the scanner's
# literals; see Benchmarks/README.md.
RG_BASE=(rg --no-config --hidden -g '!.git' --no-require-git)
RG_CMD=("${RG_BASE[@]}")
if [ "${BENCH_RG_UNICODE:-0}" != "1" ]; then
    RG_CMD+=(--no-unicode)
fi
RG_CMD+=(-j "$JOBS" -n -f "$tmp/patterns.rg" "$CORPUS")
CB_CMD=("$BIN" scan "$CORPUS" --jobs "$JOBS")
RG_SHOW="$(printf '%q ' "${RG_CMD[@]}")> /dev/null"
CB_SHOW="$(printf '%q ' "${CB_CMD[@]}")"
CB_SHOW="${CB_SHOW% }"

# Timing helper: runs a command with stdout to a file, prints
# "<seconds> <exit code> <peak RSS in MB>" (wall clock via perf_counter, RSS via wait4).
cat > "$tmp/timed.py" <<'PY'
import os, sys, time
out = sys.argv[1]
cmd = sys.argv[2:]
fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(fd, 1)
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
dt = time.perf_counter() - t0
os.close(fd)
rc = os.waitstatus_to_exitcode(status)
print(f"{dt:.6f} {rc} {ru.ru_maxrss / 1024:.1f}")
PY

# run_rg <stdout-file> -> "<sec> <rss>"; exit code 1 (no match) is fine.
run_rg() {
    local res sec rc rss
    res="$(python3 "$tmp/timed.py" "$1" "${RG_CMD[@]}" 2> "$tmp/rg.err")" || die "could not run ripgrep"
    read -r sec rc rss <<< "$res"
    if [ "$rc" != "0" ] && [ "$rc" != "1" ]; then
        cat "$tmp/rg.err" >&2
        die "ripgrep exited with $rc"
    fi
    echo "$sec $rss"
}

# run_cb <stdout-file> -> "<sec> <rss>"; the JSON line is left in the file.
run_cb() {
    local res sec rc rss
    res="$(python3 "$tmp/timed.py" "$1" "${CB_CMD[@]}")" || die "could not run $BIN"
    read -r sec rc rss <<< "$res"
    [ "$rc" = "0" ] || die "'$BIN scan' exited with $rc"
    echo "$sec $rss"
}

# --- corpus facts -----------------------------------------------------------------
DU_BYTES="$(du -sb "$CORPUS" | cut -f1)"
"${RG_BASE[@]}" --files "$CORPUS" > "$tmp/rg-files.txt" || true
rg_facts="$(python3 - "$tmp/rg-files.txt" <<'PY'
import os, sys
paths = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8", errors="surrogateescape") if l.strip()]
print(len(paths), sum(os.path.getsize(p) for p in paths))
PY
)"
read -r RG_FILES RG_BYTES <<< "$rg_facts"

say "corpus      $CORPUS"
say "du -sb      $DU_BYTES bytes (everything, including node_modules/ and dist/)"
say "ripgrep     $RG_VERSION; would search $RG_FILES files, $RG_BYTES bytes"
say "patterns    $NPAT (from '$BIN patterns')"
say "jobs        $JOBS; rounds $ROUNDS"
say "ripgrep cmd $RG_SHOW"
say "cliffbench  $CB_SHOW"

# --- (e) warm-up (untimed) ---------------------------------------------------------
say "warming the page cache (one untimed pass of each)"
warm="$(run_rg /dev/null)"
warm="$(run_cb "$tmp/cb-warm.json")"

# --- (f) timed rounds ---------------------------------------------------------------
: > "$tmp/rounds.tsv"
for ((i = 1; i <= ROUNDS; i++)); do
    # Alternate who goes first so that drift on a noisy machine hits both alike.
    if (( i % 2 == 1 )); then
        rg_res="$(run_rg /dev/null)"
        cb_res="$(run_cb "$tmp/cb-$i.json")"
    else
        cb_res="$(run_cb "$tmp/cb-$i.json")"
        rg_res="$(run_rg /dev/null)"
    fi
    read -r rg_sec rg_rss <<< "$rg_res"
    read -r cb_sec cb_rss <<< "$cb_res"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$rg_sec" "$rg_rss" "$cb_sec" "$cb_rss" "$tmp/cb-$i.json" >> "$tmp/rounds.tsv"
    say "round $i/$ROUNDS: ripgrep ${rg_sec}s, cliffbench ${cb_sec}s"
done

# --- (g) report ---------------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
set +e
BM_BAR="$BAR" BM_MEM="$MEM_LIMIT_MB" BM_CORPUS="$CORPUS" BM_DU="$DU_BYTES" BM_RG_FILES="$RG_FILES" \
BM_RG_BYTES="$RG_BYTES" BM_NPAT="$NPAT" BM_JOBS="$JOBS" BM_ROUNDS="$ROUNDS" BM_RG_VERSION="$RG_VERSION" \
BM_RG_CMD="$RG_SHOW" BM_CB_CMD="$CB_SHOW" BM_PATTERNS="$tmp/patterns.txt" \
python3 - "$tmp/rounds.tsv" "$OUT" <<'PY'
import json, os, platform, statistics, sys, time

rounds_tsv, out_path = sys.argv[1], sys.argv[2]
E = os.environ
BAR = float(E["BM_BAR"])
MEM_LIMIT = float(E["BM_MEM"])
meta = {
    "corpus": E["BM_CORPUS"],
    "corpus_du_bytes": int(E["BM_DU"]),
    "ripgrep_files": int(E["BM_RG_FILES"]),
    "ripgrep_bytes": int(E["BM_RG_BYTES"]),
    "patterns": int(E["BM_NPAT"]),
    "jobs": int(E["BM_JOBS"]),
    "rounds": int(E["BM_ROUNDS"]),
    "ripgrep_version": E["BM_RG_VERSION"],
    "ripgrep_command": E["BM_RG_CMD"],
    "cliffbench_command": E["BM_CB_CMD"],
    "pattern_list": [l.rstrip("\r\n") for l in open(E["BM_PATTERNS"], encoding="utf-8") if l.strip()],
}

def last_json(path):
    with open(path, encoding="utf-8") as fh:
        lines = [l for l in fh.read().splitlines() if l.strip()]
    if not lines:
        sys.exit(f"bench: error: cliffbench-bench scan printed nothing ({path})")
    try:
        return json.loads(lines[-1])
    except json.JSONDecodeError as e:
        sys.exit(f"bench: error: cliffbench-bench scan did not print a JSON line: {lines[-1][:200]!r} ({e})")

rows = []
for line in open(rounds_tsv, encoding="utf-8"):
    i, rg_sec, rg_rss, cb_sec, cb_rss, cb_json = line.rstrip("\n").split("\t")
    j = last_json(cb_json)
    for k in ("bytes", "files", "seconds"):
        if k not in j:
            sys.exit(f"bench: error: cliffbench JSON lacks '{k}': {j}")
    nbytes, nfiles = int(j["bytes"]), int(j["files"])
    rg_sec, cb_sec = float(rg_sec), float(cb_sec)
    row = {
        "round": int(i),
        "bytes": nbytes,
        "files": nfiles,
        "apps": j.get("apps"),
        "findings": j.get("findings"),
        "ripgrep_seconds": rg_sec,
        "ripgrep_mb_per_s": nbytes / rg_sec / 1e6,
        "ripgrep_peak_rss_mb": float(rg_rss),
        "cliffbench_seconds": cb_sec,
        "cliffbench_mb_per_s": nbytes / cb_sec / 1e6,
        "cliffbench_files_per_s": nfiles / cb_sec,
        "cliffbench_peak_rss_mb": float(cb_rss),
        "cliffbench_reported": j,
    }
    row["ratio"] = row["cliffbench_mb_per_s"] / row["ripgrep_mb_per_s"]
    rows.append(row)

if len({r["bytes"] for r in rows}) > 1:
    print("bench: warning: cliffbench reported different byte counts across rounds", file=sys.stderr)

med = lambda k: statistics.median(r[k] for r in rows)
summary = {
    "cliffbench_mb_per_s": med("cliffbench_mb_per_s"),
    "cliffbench_files_per_s": med("cliffbench_files_per_s"),
    "ripgrep_mb_per_s": med("ripgrep_mb_per_s"),
    "ratio": med("ratio"),
    "cliffbench_peak_rss_mb": max(r["cliffbench_peak_rss_mb"] for r in rows),
    "ripgrep_peak_rss_mb": max(r["ripgrep_peak_rss_mb"] for r in rows),
}
summary["ratio_of_medians"] = summary["cliffbench_mb_per_s"] / summary["ripgrep_mb_per_s"]
verdict = "PASS" if summary["ratio"] >= BAR else "BELOW"
mem_ok = summary["cliffbench_peak_rss_mb"] < MEM_LIMIT

b0, f0 = rows[0]["bytes"], rows[0]["files"]
print()
print(f"CliffBench vs ripgrep  ({meta['patterns']} patterns, {meta['jobs']} jobs, {len(rows)} rounds)")
print(f"corpus: {meta['corpus']}")
print(f"  cliffbench scanned {f0} files, {b0} bytes ({b0/1e6:.1f} MB); apps {rows[0]['apps']}; findings {rows[0]['findings']}")
print(f"  ripgrep searches   {meta['ripgrep_files']} files, {meta['ripgrep_bytes']} bytes; du -sb {meta['corpus_du_bytes']} bytes")
if meta["ripgrep_bytes"] and abs(b0 - meta["ripgrep_bytes"]) > 0.05 * meta["ripgrep_bytes"]:
    print(f"  warning: the tools read different amounts of data ({b0} vs {meta['ripgrep_bytes']} bytes); MB/s for both uses cliffbench's count")
print()
hdr = f"{'round':>5} | {'rg s':>7} {'rg MB/s':>8} | {'cb s':>7} {'cb MB/s':>8} {'cb files/s':>10} {'cb self MB/s':>12} {'cb RSS MB':>9} | {'ratio':>6}"
print(hdr)
print("-" * len(hdr))
for r in rows:
    selfr = r["cliffbench_reported"].get("mb_per_s")
    selfs = f"{float(selfr):12.1f}" if isinstance(selfr, (int, float)) else f"{'-':>12}"
    print(f"{r['round']:>5} | {r['ripgrep_seconds']:7.3f} {r['ripgrep_mb_per_s']:8.1f} | "
          f"{r['cliffbench_seconds']:7.3f} {r['cliffbench_mb_per_s']:8.1f} {r['cliffbench_files_per_s']:10.0f} "
          f"{selfs} {r['cliffbench_peak_rss_mb']:9.1f} | {r['ratio']:6.2f}")
print("-" * len(hdr))
print(f"{'med':>5} | {'':7} {summary['ripgrep_mb_per_s']:8.1f} | {'':7} {summary['cliffbench_mb_per_s']:8.1f} "
      f"{summary['cliffbench_files_per_s']:10.0f} {'':12} {summary['cliffbench_peak_rss_mb']:9.1f} | {summary['ratio']:6.2f}")
print()
print(f"CliffBench {summary['cliffbench_mb_per_s']:.1f} MB/s, {summary['cliffbench_files_per_s']:.0f} files/s; "
      f"ripgrep {summary['ripgrep_mb_per_s']:.1f} MB/s")
print(f"ratio CliffBench/ripgrep: {summary['ratio']:.2f} (median of per-round ratios; ratio of medians {summary['ratio_of_medians']:.2f})"
      f"  bar {BAR}  {verdict}")
print(f"peak RSS: CliffBench {summary['cliffbench_peak_rss_mb']:.1f} MB (limit {MEM_LIMIT:.0f} MB) {'OK' if mem_ok else 'OVER'}; "
      f"ripgrep {summary['ripgrep_peak_rss_mb']:.1f} MB")
print("(MB = 10^6 bytes; times are wall clock around each process, start-up included, measured the same way for both)")

doc = {
    "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "machine": platform.machine()},
    **meta,
    "bar": BAR,
    "verdict": verdict,
    "memory_limit_mb": MEM_LIMIT,
    "memory_ok": mem_ok,
    "median": summary,
    "rounds_detail": rows,
}
tmp_out = out_path + ".tmp"
with open(tmp_out, "w", encoding="utf-8") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
os.replace(tmp_out, out_path)
print(f"wrote {out_path}")
sys.exit(3 if verdict == "BELOW" else 0)
PY
status=$?
set -e
if [ "$status" = "3" ]; then
    [ "$STRICT" = "1" ] && exit 3
    exit 0
fi
exit "$status"
