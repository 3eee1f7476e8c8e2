#!/usr/bin/env bash
# Whole-process throughput of spamscan against the tools its users would otherwise run, timed
# in the same run on the same files, alternating, with medians:
#   spamscan -j1 and -jN     --format jsonl to /dev/null, built-in packs
#   rg -c -F -f -j1          the packs' literal terms (`spamscan rules --export-literals`)
#   resiliparse             HTMLTree.parse_from_bytes + extract_plain_text (defaults), 1 process
# plus peak RSS, a single 1 GiB HTML document from stdin, and start-up on a 1 KB document.
#
# Usage: benches/compare.sh [CORPUS_MB=512] [RUNS=5]
# The corpus is built once under target/compare/ from the project's fixture pages and, when
# the shared corpus folder sits beside the checkout, its real pages (several languages and
# charsets), copied until it holds CORPUS_MB. ripgrep comes from Debian's `ripgrep` package
# and resiliparse from PyPI (in a venv under target/compare/); both are installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS_MB=${1:-512}
RUNS=${2:-5}
WORK=target/compare
CORPUS=$WORK/corpus
CORES=$(nproc)
mkdir -p "$WORK"

BIN=$(scripts/release-bin)

if ! command -v rg >/dev/null; then
    echo "installing ripgrep (Debian package)" >&2
    SUDO=$([[ $(id -u) == 0 ]] && echo "" || echo sudo)
    $SUDO apt-get install -y -qq ripgrep >/dev/null || {
        $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq ripgrep >/dev/null
    }
fi
if [[ ! -x $WORK/venv/bin/python ]]; then
    echo "installing resiliparse in $WORK/venv" >&2
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install -q resiliparse==0.15.2
fi

# The corpus: every source page, copied round after round into numbered folders.
shopt -s nullglob # a folder without HTML pages adds none (multilingual/ holds only text)
sources=(fixtures/eval/*.html fixtures/cases/*.html)
for d in ../shared/corpus/clean-html ../shared/corpus/multilingual ../shared/corpus/suspect-html; do
    [[ -d $d ]] && sources+=("$d"/*.html)
done
stamp="$CORPUS_MB MB from ${#sources[@]} pages"
if [[ ! -f $WORK/corpus.stamp || $(cat "$WORK/corpus.stamp") != "$stamp" ]]; then
    echo "building a $CORPUS_MB MB corpus from ${#sources[@]} pages" >&2
    rm -rf "$CORPUS"
    total=0 round=0
    while ((total < CORPUS_MB * 1000000)); do
        dir=$CORPUS/$(printf %04d $round)
        mkdir -p "$dir"
        cp "${sources[@]}" "$dir/" 2>/dev/null || true
        total=$(du -sb "$CORPUS" | cut -f1)
        round=$((round + 1))
    done
    echo "$stamp" >"$WORK/corpus.stamp"
fi
BYTES=$(du -sb "$CORPUS" | cut -f1)
FILES=$(find "$CORPUS" -type f | wc -l)
"$BIN" rules --export-literals >"$WORK/literals.txt"
TERMS=$(wc -l <"$WORK/literals.txt")

cat >"$WORK/resiliparse_extract.py" <<'EOF'
import os, sys
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree
from resiliparse.extract.html2text import extract_plain_text

chars = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(root, name), "rb") as f:
            data = f.read()
        tree = HTMLTree.parse_from_bytes(data, detect_encoding(data))
        chars += len(extract_plain_text(tree))
print(chars, file=sys.stderr)
EOF

# One timed run: prints "seconds peak_rss_kib". Exit status 1 (spam found / no match) is fine.
timed() {
    /usr/bin/time -o "$WORK/time.txt" -f "%e %M" "$@" >/dev/null 2>/dev/null || true
    tail -1 "$WORK/time.txt"
}

declare -A TIMES RSS
tools=("spamscan-j1" "spamscan-j$CORES" "rg-j1" "resiliparse")
run_tool() {
    case $1 in
        spamscan-j1) timed "$BIN" -j1 --format jsonl "$CORPUS" ;;
        spamscan-j*) timed "$BIN" -j"$CORES" --format jsonl "$CORPUS" ;;
        rg-j1) timed rg -c -F -f "$WORK/literals.txt" -j1 "$CORPUS" ;;
        resiliparse) timed "$WORK/venv/bin/python" "$WORK/resiliparse_extract.py" "$CORPUS" ;;
    esac
}

# Warm the page cache, then alternate the tools run after run.
cat "$CORPUS"/*/* >/dev/null
echo "corpus: $((BYTES / 1000000)) MB in $FILES files; $TERMS literal terms; $RUNS runs; $CORES cores" >&2
for ((r = 1; r <= RUNS; r++)); do
    for t in "${tools[@]}"; do
        read -r s kib <<<"$(run_tool "$t")"
        TIMES[$t]+="$s "
        RSS[$t]+="$kib "
        echo "  run $r $t: $s s, $((kib / 1024)) MiB" >&2
    done
done

# A single 1 GiB HTML document on stdin (1 thread): one page's body written over and over.
page=$(ls fixtures/eval/clean-*-en-*.html | head -1)
cat >"$WORK/gen_big.py" <<'EOF'
import re, sys
page = open(sys.argv[1], "rb").read()
body = re.search(rb"<body[^>]*>(.*)</body>", page, re.S)
chunk = (body.group(1) if body else page) * 64
out, left = sys.stdout.buffer, 1 << 30
out.write(b"<!doctype html><html><head><title>Long page</title></head><body>")
while left > 0:
    out.write(chunk[:left])
    left -= len(chunk)
out.write(b"</body></html>")
EOF
big=$(timed "$BIN" -j1 --format jsonl - < <(python3 "$WORK/gen_big.py" "$page"))
small=$(head -c 1000 "$page")
startup=()
for _ in $(seq 11); do
    t0=$(date +%s%N)
    printf '%s' "$small" | "$BIN" -j1 --format jsonl - >/dev/null || true
    startup+=($(( ($(date +%s%N) - t0) / 1000 )))
done

python3 - "$BYTES" "$CORES" "$big" "${startup[*]}" <<EOF
import statistics, sys
bytes_, cores = int(sys.argv[1]), int(sys.argv[2])
big, startup = sys.argv[3].split(), [int(x) for x in sys.argv[4].split()]
times = {$(for t in "${tools[@]}"; do printf '"%s": [%s], ' "$t" "$(echo ${TIMES[$t]} | tr ' ' ',')"; done)}
rss = {$(for t in "${tools[@]}"; do printf '"%s": [%s], ' "$t" "$(echo ${RSS[$t]} | tr ' ' ',')"; done)}
threads = {"spamscan-j1": 1, "spamscan-j$CORES": cores, "rg-j1": 1, "resiliparse": 1}
med = {t: statistics.median(v) for t, v in times.items()}
base = med["spamscan-j1"]
print(f"{'tool':<16}{'median s':>10}{'MB/s':>9}{'MB/s/core':>11}{'x spamscan-j1':>15}{'peak RSS MiB':>14}")
for t in times:
    mbs = bytes_ / 1e6 / med[t]
    print(f"{t:<16}{med[t]:>10.2f}{mbs:>9.0f}{mbs / threads[t]:>11.0f}{med[t] / base:>15.2f}{max(rss[t]) / 1024:>14.0f}")
one, many = med["spamscan-j1"], med["spamscan-j$CORES"]
print()
print(f"spamscan -j{cores} speed-up over -j1: {one / many:.2f}x")
print(f"spamscan -j1 time / rg -c -F -f -j1 time: {one / med['rg-j1']:.2f}")
print(f"spamscan -j1 throughput / resiliparse throughput: {med['resiliparse'] / one:.2f}")
if len(big) == 2:
    print(f"1 GiB single HTML document from stdin, 1 thread: {float(big[0]):.1f} s, "
          f"{(1 << 30) / 1e6 / float(big[0]):.0f} MB/s, peak RSS {int(big[1]) / 1024:.0f} MiB")
print(f"start-up, 1 KB document from stdin: median {statistics.median(startup) / 1000:.1f} ms over {len(startup)} runs")
EOF
