#!/usr/bin/env bash
# Build a per-record gzipped WARC of at least SIZE bytes (default 1 GiB) from the fixture
# pages (clean and injected, several languages), scan it with all cores, and print peak RSS,
# wall time, MB/s and whether the summary counts equal the records written.
#
#   benches/big-warc.sh [SIZE_BYTES] [WORK_DIR]
#
# Needs python3 (standard library) and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-$((1 << 30))}
work=${2:-${TMPDIR:-/tmp}/spamscan-big-warc}
mkdir -p "$work"
warc="$work/big.warc.gz"
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
BIN=$(scripts/release-bin)

python3 - "$size" "$warc" fixtures/cases <<'PY'
import gzip, os, sys, zlib
size, out, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pages = []
for name in sorted(os.listdir(folder)):
    if name.endswith((".html", ".txt")):
        kind = "text/html" if name.endswith(".html") else "text/plain"
        pages.append((name, kind, open(os.path.join(folder, name), "rb").read()))
written = 0
with open(out, "wb") as f:
    i = 0
    while f.tell() < size:
        name, kind, body = pages[i % len(pages)]
        http = b"HTTP/1.1 200 OK\r\nContent-Type: " + kind.encode() + b"; charset=utf-8\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        uri = f"http://bench{i % 997}.example/{i}/{name}"
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Record-ID: <urn:uuid:{i:032x}>\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        c = zlib.compressobj(1, zlib.DEFLATED, 31)
        f.write(c.compress(head + http + b"\r\n\r\n") + c.flush())
        i += 1
    written = i
with open(out + ".records", "w") as r:
    r.write(str(written))
PY
records=$(cat "$warc.records")
bytes=$(stat -c %s "$warc")
echo "WARC: $bytes bytes gzipped, $records response records"

log="$work/time.log"
/usr/bin/time -v "$BIN" -c --format jsonl "$warc" > "$work/summary.json" 2> "$log" || true
python3 - "$work/summary.json" "$log" "$records" <<'PY'
import json, re, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
log = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", log).group(1)
records = int(sys.argv[3])
seen = summary["documents"] + summary["skipped"] + summary["errors"]
print(f"documents {summary['documents']} (spam {summary['spam']}, suspicious {summary['suspicious']}, "
      f"clean {summary['clean']}), skipped {summary['skipped']}, errors {summary['errors']}")
print(f"records written {records}, rows {seen}: {'equal' if seen == records else 'DIFFERENT'}")
print(f"uncompressed {summary['bytes'] / 1e6:.0f} MB in {wall} wall: {summary['mb_per_s']} MB/s; peak RSS {rss / 1024:.0f} MiB")
sys.exit(0 if seen == records else 1)
PY
