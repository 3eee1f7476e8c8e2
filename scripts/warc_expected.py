#!/usr/bin/env python3
"""What spamscan should make of each record of WARC / ARC / WET / WAT files, by warcio.

warcio (https://github.com/webrecorder/warcio) frames the records: it reads the record
headers, lengths, gzip members and the blank lines between records. This script then applies
spamscan's rules to each record's raw block, independently of the Rust code:

- WARC `response`, `resource` and `conversion` records are documents; `metadata` records are
  skipped ("metadata record"); `warcinfo`, `request`, `revisit`, `continuation` give nothing;
  a record without WARC-Type is an error.
- A length that is not decimal digits, or a block shorter than its length (the file ends), is
  an error. A record not followed by a blank line (warcio's "Record not followed by newline"
  warning) is one error row for the bytes skipped.
- A `response` block starting with `HTTP/` is an HTTP response: its header block is stripped,
  `Transfer-Encoding: chunked` then `Content-Encoding` (gzip, x-gzip, deflate) are undone; a
  chunk size that is not hex, chunk data not followed by a line end, corrupt compressed data
  or an unknown coding is an error; a body cut short keeps what it decoded. A `response` typed
  `application/http` that does not start with `HTTP/` is an error; other blocks are the payload,
  typed by the WARC (or ARC) Content-Type.
- text/html and application/xhtml+xml are HTML; other text/* are text, except text/css,
  text/dns and script types; every other type is skipped ("non-text payload (TYPE)"). Without a
  type: HTML by its tags, skipped when a NUL byte is in the first KiB, else text.

Gzipped files that warcio refuses (one gzip member for the whole file, or a record spread over
members) are listed from the gunzipped stream, with a note.

Usage:
  warc_expected.py FILE...          list every record and its outcome
  warc_expected.py --tsv FILE...    the table scripts/check-warc-corpus compares against:
                                    file, documents, skipped, urls-of-documents, note
                                    (the note starts with errors=N; spaces in URLs are %20)
"""

import argparse
import contextlib
import io
import os
import re
import sys
import zlib

try:
    from warcio.archiveiterator import ArchiveIterator
except ImportError:
    sys.exit("warcio is needed: python3 -m venv /tmp/wvenv && /tmp/wvenv/bin/pip install warcio, then run with /tmp/wvenv/bin/python")

HTML_TAGS = [b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title>", b"<div", b"<p>"]
WARNING = "Record not followed by newline"


def looks_like_html(data):
    head = data[:1024].lower()
    return any(t in head for t in HTML_TAGS)


def parse_content_type(value):
    """(mime or None, charset or None) of a Content-Type value."""
    if value is None:
        return None, None
    parts = value.split(";")
    mime = parts[0].split(",")[0].strip().lower()
    if "/" not in mime or re.search(r"\s", mime):
        mime = None
    charset = None
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            if k.strip().lower() == "charset":
                charset = v.strip().strip("\"'")
                break
    return mime, charset


def classify(mime):
    """'html', 'text', 'sniff' or ('skip', reason)."""
    if mime is None:
        return "sniff"
    script = "javascript" in mime or "ecmascript" in mime or "jscript" in mime
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if script or mime in ("text/css", "text/dns"):
        return ("skip", "non-text payload (%s)" % mime)
    if mime.startswith("text/"):
        return "text"
    return ("skip", "non-text payload (%s)" % mime)


def sniff(data):
    if looks_like_html(data):
        return "html"
    if b"\0" in data[:1024]:
        return ("skip", "non-text payload (no content type)")
    return "text"


class Fail(Exception):
    """The record is an error row."""


def split_http(block):
    """(headers as [(lowercase name, value)], body start)."""
    headers = []
    nl = block.find(b"\n")
    if nl < 0:
        return headers, len(block)
    pos = nl + 1
    while pos < len(block):
        nl = block.find(b"\n", pos)
        if nl < 0:
            line, nxt = block[pos:], len(block)
        else:
            line, nxt = block[pos:nl], nl + 1
        pos = nxt
        if line.endswith(b"\r"):
            line = line[:-1]
        if not line:
            return headers, pos
        if line[:1] in (b" ", b"\t"):
            if headers:
                k, v = headers[-1]
                headers[-1] = (k, v + " " + line.decode("utf-8", "replace").strip())
        elif b":" in line:
            k, v = line.split(b":", 1)
            headers.append((k.decode("utf-8", "replace").strip().lower(), v.decode("utf-8", "replace").strip()))
    return headers, len(block)


def header(headers, name):
    for k, v in reversed(headers):
        if k == name and v:
            return v
    return None


def header_tokens(headers, name):
    return [t.strip().lower() for k, v in headers if k == name for t in v.split(",") if t.strip()]


def dechunk(body):
    out = bytearray()
    p = 0
    while p < len(body):
        nl = body.find(b"\n", p)
        if nl < 0:
            line, nxt = body[p:], len(body)
        else:
            line, nxt = body[p:nl], nl + 1
        size = line.split(b";")[0].strip()
        if not size or len(size) > 15 or not re.fullmatch(rb"[0-9a-fA-F]+", size):
            raise Fail("bad chunked encoding: chunk size %r" % line[:40])
        if nxt == len(body) and not body.endswith(b"\n"):
            break
        size = int(size, 16)
        p = nxt
        if size == 0:
            break
        if size >= len(body) - p:
            out += body[p:]
            break
        out += body[p : p + size]
        p += size
        rest = body[p:]
        if rest.startswith(b"\r\n"):
            p += 2
        elif rest.startswith(b"\n"):
            p += 1
        elif rest and rest != b"\r":
            raise Fail("bad chunked encoding: chunk data not followed by CRLF")
    return bytes(out)


def decode_content(coding, body):
    if not body:
        return body
    if coding in ("identity", "none"):
        return body
    if coding in ("gzip", "x-gzip"):
        wbits = 31
    elif coding == "deflate":
        zlib_header = len(body) >= 2 and body[0] & 0x0F == 8 and ((body[0] << 8) | body[1]) % 31 == 0
        wbits = 15 if zlib_header else -15
    else:
        raise Fail("unsupported Content-Encoding: %s" % coding)
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(body)
    except zlib.error as e:
        raise Fail("cannot undo Content-Encoding %s: %s" % (coding, e))
    if wbits == 31 and not d.eof and not out:
        raise Fail("cannot undo Content-Encoding %s: truncated" % coding)
    return out


def payload(block, ctype):
    """The outcome of a block that is its own payload."""
    mime, _ = parse_content_type(ctype)
    c = classify(mime)
    if c == "sniff":
        c = sniff(block)
    return c


def http_payload(block):
    headers, start = split_http(block)
    mime, _ = parse_content_type(header(headers, "content-type"))
    c = classify(mime)
    if isinstance(c, tuple):
        return c
    body = block[start:]
    if "chunked" in header_tokens(headers, "transfer-encoding"):
        body = dechunk(body)
    for coding in reversed(header_tokens(headers, "content-encoding")):
        body = decode_content(coding, body)
    if c == "sniff":
        c = sniff(body)
    return c


def parse_length(value):
    t = (value or "").strip()
    if not t:
        raise Fail("the record length is empty")
    if not t.isdigit() or not t.isascii():
        raise Fail("bad record length %r" % t)
    return int(t)


def judge(rtype, ctype, length, block, is_arc):
    """'none', 'document', ('skipped', reason) or ('error', message) for one record."""
    try:
        n = parse_length(length)
        if rtype == "arc_header":
            return "none"
        if len(block) < n:
            raise Fail("truncated: length %d, %d bytes before the end of the file" % (n, len(block)))
        if is_arc:
            c = http_payload(block) if block.startswith(b"HTTP/") else payload(block, ctype)
        elif rtype == "response":
            if block.startswith(b"HTTP/"):
                c = http_payload(block)
            elif ctype and "application/http" in ctype.lower():
                raise Fail("response block does not start with an HTTP status line")
            else:
                c = payload(block, ctype)
        elif rtype in ("resource", "conversion"):
            c = payload(block, ctype)
        elif rtype == "metadata":
            return ("skipped", "metadata record")
        elif rtype is None:
            raise Fail("no WARC-Type")
        else:
            return "none"
    except Fail as e:
        return ("error", str(e))
    if isinstance(c, tuple):
        return ("skipped", c[1])
    return "document"


def gunzip_members(data):
    """All gzip members decompressed, and a note when the data ends or breaks early."""
    out = []
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        try:
            out.append(d.decompress(data[pos:]))
        except zlib.error as e:
            return b"".join(out), "gzip error at offset %d: %s" % (pos, e)
        if not d.eof:
            return b"".join(out), "gzip member at offset %d is truncated" % pos
        pos = len(data) - len(d.unused_data)
    return b"".join(out), None


def iterate(data):
    """The records warcio reads from `data`: (records, exception or None)."""
    records = []
    err = io.StringIO()
    exc = None
    with contextlib.redirect_stderr(err):
        it = ArchiveIterator(io.BytesIO(data), no_record_parse=True, arc2warc=False)
        try:
            for rec in it:
                warnings_before = err.getvalue().count(WARNING)
                h = rec.rec_headers
                is_arc = rec.format.startswith("arc")
                if is_arc:
                    uri = h.get_header("uri")
                    length = h.get_header("length")
                else:
                    uri = h.get_header("WARC-Target-URI")
                    length = h.get_header("Content-Length")
                if uri and uri.startswith("<") and uri.endswith(">"):
                    uri = uri[1:-1]
                block = rec.raw_stream.read()
                records.append(
                    {
                        "offset": it.get_record_offset(),
                        "type": rec.rec_type,
                        "uri": uri,
                        "ctype": h.get_header("Content-Type") if not is_arc else h.get_header("content-type"),
                        "length": length,
                        "block": block,
                        "arc": is_arc,
                        "warnings": warnings_before,
                    }
                )
        except Exception as e:  # warcio gives up on the rest of the file
            exc = e
    total_warnings = err.getvalue().count(WARNING)
    return records, exc, total_warnings


def read_file(path):
    """(records with outcomes, notes, number of error rows expected)."""
    data = open(path, "rb").read()
    notes = []
    records, exc, warnings = iterate(data)
    if exc is not None and data[:2] == b"\x1f\x8b":
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        plain, gz_note = gunzip_members(data)
        notes.append("warcio stops after %d records (%s); listed from the gunzipped stream" % (len(records), first))
        records, exc, warnings = iterate(plain)
        if gz_note:
            notes.append(gz_note)
    errors = 0
    if exc is not None:
        notes.append("warcio stops after %d records: %s" % (len(records), str(exc).strip().splitlines()[0]))
        errors += 1
    if warnings:
        notes.append("%d record(s) not followed by a blank line (Content-Length wrong): one error row each" % warnings)
        errors += warnings
    for i, r in enumerate(records):
        r["index"] = i
        r["outcome"] = judge(r["type"], r["ctype"], r["length"], r["block"], r["arc"])
        if isinstance(r["outcome"], tuple) and r["outcome"][0] == "error":
            errors += 1
            notes.append("record %d (%s): %s" % (i, r["uri"] or r["type"], r["outcome"][1]))
    return records, notes, errors


def url_field(u):
    return (u or "-").replace("%", "%25").replace(" ", "%20") if u else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsv", action="store_true", help="print the expectation table")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    paths = []
    for p in args.paths:
        if os.path.isdir(p):
            paths += sorted(os.path.join(p, f) for f in os.listdir(p))
        else:
            paths.append(p)
    if args.tsv:
        print("file\tdocuments\tskipped\turls\tnote")
    for path in paths:
        records, notes, errors = read_file(path)
        docs = [r for r in records if r["outcome"] == "document"]
        skipped = [r for r in records if isinstance(r["outcome"], tuple) and r["outcome"][0] == "skipped"]
        if args.tsv:
            note = "; ".join(["errors=%d" % errors] + notes).replace("\t", " ").replace("\n", " ")
            urls = " ".join(url_field(r["uri"]) for r in docs) or "-"
            print("%s\t%d\t%d\t%s\t%s" % (os.path.basename(path), len(docs), len(skipped), urls, note))
            continue
        print("== %s" % path)
        for r in records:
            o = r["outcome"]
            o = o if isinstance(o, str) else "%s: %s" % o
            print("  %3d @%-6s %-10s %-45s %-40s %s" % (r["index"], r["offset"], r["type"], r["uri"], r["ctype"], o))
        for n in notes:
            print("  note: %s" % n)
        print("  => %d documents, %d skipped, %d errors" % (len(docs), len(skipped), errors))


if __name__ == "__main__":
    main()
