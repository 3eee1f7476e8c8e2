#!/usr/bin/env python3
"""Run spamscan over many files on Apache Spark: one spamscan process per input file.

    spark-submit --files target/release/spamscan examples/spark/spamscan_job.py \\
        scan OUT INPUT... [-- SPAMSCAN-OPTION...]
    spark-submit --files target/release/spamscan examples/spark/spamscan_job.py \\
        clean OUT INPUT.jsonl... [--redact] [-- SPAMSCAN-OPTION...]

INPUT is a file, a directory (read recursively) or a glob, as a local path or any URI
of a Hadoop-compatible filesystem (hdfs://, s3a://, gs://, ...); a path without a scheme
is on Spark's default filesystem. The driver lists the files; each becomes a task. A
`file:` input is read in place (on a cluster it must exist on every node); any other is
read through Spark and copied to the task's temporary directory ($TMPDIR) first.

`scan` runs `spamscan --format jsonl` on each file and writes OUT/documents (partitioned
by verdict), OUT/skipped, OUT/errors and OUT/files, one row per input file with its
exit status, stderr and summary counts. `clean` runs `spamscan --filter not-spam` (or
`--redact`) on JSON Lines files and also writes the records that pass, as text, to
OUT/records. Row paths are the input URIs, not the local copies. The README's "Spark"
section describes the columns.

Exit status 0 and 1 (spam found) are successes; on 2 (errors) the rows and the error rows
are kept and the file's status is `errors`. Any other outcome (a crash, a kill, no summary
row) fails the task so that Spark retries it; on its last attempt the file is recorded with
status `failed` instead, so that one bad file does not stop the whole job.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# Bytes of each spamscan stderr kept in the `files` rows (its end, where the failure is).
STDERR_TAIL = 64 * 1024


def _fields(*spec):
    return StructType([StructField(name, kind, True) for name, kind in spec])


FINDING = _fields(
    ("rule", StringType()),
    ("category", StringType()),
    ("weight", DoubleType()),
    ("contribution", DoubleType()),
    ("start", LongType()),
    ("end", LongType()),
    ("line", LongType()),
    ("column", LongType()),
    ("text", StringType()),
    ("context", StringType()),
    ("note", StringType()),
)

# One schema per output dataset; `input` is the input file's URI in every one of them.
SCHEMAS = {
    "documents": _fields(
        ("input", StringType()),
        ("path", StringType()),
        ("record", LongType()),
        ("offset", LongType()),
        ("url", StringType()),
        ("score", DoubleType()),
        ("verdict", StringType()),
        ("language", StringType()),
        ("encoding", StringType()),
        ("bytes", LongType()),
        ("findings", ArrayType(FINDING)),
        # Findings left out by spamscan's --max-findings caps (0 when none were).
        ("findings_dropped", LongType()),
    ),
    "skipped": _fields(
        ("input", StringType()),
        ("path", StringType()),
        ("record", LongType()),
        ("offset", LongType()),
        ("url", StringType()),
        ("reason", StringType()),
    ),
    "errors": _fields(
        ("input", StringType()),
        ("path", StringType()),
        ("record", LongType()),
        ("offset", LongType()),
        ("message", StringType()),
    ),
    "files": _fields(
        ("input", StringType()),
        ("status", StringType()),
        ("exit_code", IntegerType()),
        ("attempt", IntegerType()),
        ("stderr", StringType()),
        ("documents", LongType()),
        ("clean", LongType()),
        ("suspicious", LongType()),
        ("spam", LongType()),
        ("skipped", LongType()),
        ("errors", LongType()),
        ("bytes", LongType()),
        ("elapsed_ms", LongType()),
        ("version", StringType()),
        ("packs", StringType()),
    ),
    "records": _fields(("value", StringType())),
}

# Summary fields copied into a `files` row.
SUMMARY_FIELDS = ("documents", "clean", "suspicious", "spam", "skipped", "errors", "bytes",
                  "elapsed_ms", "version", "packs")


def parse_args(argv):
    """Job options; everything after a `--` is passed to spamscan unchanged."""
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(
        prog="spamscan_job.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["scan", "clean"],
                        help="scan: report rows; clean: also the JSON Lines records that pass")
    parser.add_argument("output", help="output directory (any Hadoop-compatible URI)")
    parser.add_argument("inputs", nargs="*", help="files, directories or globs")
    parser.add_argument("--input-list", metavar="FILE",
                        help="a text file (any URI) naming further inputs, one per line")
    parser.add_argument("--binary", default="spamscan",
                        help="the spamscan shipped with --files under this name, else this "
                             "path (or name on PATH) on every node (default: spamscan)")
    parser.add_argument("--output-format", choices=["parquet", "json"], default="parquet",
                        help="format of the row datasets (default: parquet)")
    parser.add_argument("--filter", choices=["not-spam", "clean"], default="not-spam",
                        help="clean: the records kept (default: not-spam)")
    parser.add_argument("--redact", action="store_true",
                        help="clean: write every record with its spam spans cut, "
                             "instead of the records that pass --filter")
    parser.add_argument("--output-files", type=int, metavar="N",
                        help="files written per dataset and verdict "
                             "(default: Spark's default parallelism)")
    parser.add_argument("--overwrite", action="store_true",
                        help="write into an existing OUT, replacing its datasets")
    args = parser.parse_args(argv)
    if args.redact and args.mode != "clean":
        parser.error("--redact goes with the clean mode")
    if not args.inputs and not args.input_list:
        parser.error("no inputs")
    args.spamscan_args = extra
    return args


def list_inputs(spark, patterns):
    """Expand paths, directories and globs with Hadoop's FileSystem API on the driver.

    Returns (uri, local_path) pairs in the order given: local_path is the file's path when
    its URI is a `file:` one, else None (the task then reads it through Spark).
    """
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files = []
    for pattern in patterns:
        path = jvm.org.apache.hadoop.fs.Path(pattern)
        fs = path.getFileSystem(conf)
        matches = fs.globStatus(path)
        if not matches:
            raise SystemExit(f"spamscan_job: no such input: {pattern}")
        for status in matches:
            if status.isDirectory():
                found = []
                listing = fs.listFiles(status.getPath(), True)
                while listing.hasNext():
                    found.append(listing.next().getPath())
                # Hadoop lists in no set order.
                found.sort(key=lambda p: p.toString())
            else:
                found = [status.getPath()]
            for file_path in found:
                uri = file_path.toUri()
                local = uri.getPath() if uri.getScheme() == "file" else None
                files.append((file_path.toString(), local))
    return files


def check_output(spark, output, overwrite):
    """Stop before any scanning when OUT exists and may not be written into."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    if not overwrite and path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()) \
            .exists(path):
        raise SystemExit(f"spamscan_job: {output} exists (--overwrite writes into it)")


def max_attempts(sc):
    """How many times Spark runs a failing task: local[N,F] gives F, local[N] one."""
    local = re.fullmatch(r"local\[[^,\]]+(?:,(\d+))?\]|local", sc.master)
    if local:
        return int(local.group(1) or 1)
    return int(sc.getConf().get("spark.task.maxFailures", "4"))


def resolve_binary(name):
    """The spamscan shipped with --files (SparkFiles) under `name`, else `name` itself."""
    shipped = SparkFiles.get(os.path.basename(name))
    found = shipped if os.path.isfile(shipped) else shutil.which(name)
    if not found:
        raise FileNotFoundError(
            f"spamscan binary {name!r} not found: ship it with --files or install it on "
            "every node")
    if not os.access(found, os.X_OK):
        raise PermissionError(f"spamscan binary {found} is not executable")
    return found


def make_task(action, binary, threads, spamscan_args, attempts):
    """The function a task runs on one input: yields (dataset, row) pairs."""

    def run(item):
        uri, local, content = item
        del item  # the copy below is then the only one left of a remote file's bytes
        exe = resolve_binary(binary)
        with tempfile.TemporaryDirectory(prefix="spamscan-") as tmp:
            if local is None:
                local = os.path.join(tmp, os.path.basename(uri.rstrip("/")) or "input")
                with open(local, "wb") as f:
                    f.write(content)
                del content
            yield from scan_file(action, exe, threads, spamscan_args, attempts, uri, local, tmp)

    return run


def scan_file(action, exe, threads, spamscan_args, attempts, uri, local, tmp):
    """Run spamscan on the local file `local` and yield its rows, named after `uri`.

    `action` is ["scan"], or the write option of the clean mode (["--filter", "not-spam"],
    ["--redact"]), whose output lines become `records` rows and whose report goes to a file.
    """

    def origin(path):
        # `path` or `path!member`: the local name is replaced by the input's URI.
        if path == local or path.startswith(local + "!"):
            return uri + path[len(local):]
        return path

    scan = action == ["scan"]
    report_path = os.path.join(tmp, "report.jsonl")
    cmd = [exe, "--format", "jsonl", "--quiet", "--no-config", "-j", str(threads)]
    if not scan:
        cmd += action + ["--input-format", "jsonl", "--report", report_path]
    cmd += spamscan_args + [local]

    stderr_path = os.path.join(tmp, "stderr")
    summary = None
    with open(stderr_path, "wb") as stderr:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr)
        try:
            for line in proc.stdout:
                if not scan:
                    try:
                        yield "records", (line.rstrip(b"\n").decode("utf-8"),)
                    except UnicodeDecodeError:
                        raise ValueError(f"{uri}: spamscan wrote a record that is not UTF-8 "
                                         "text: the clean mode takes JSON Lines inputs")
                    continue
                row = json.loads(line)
                if row["type"] == "summary":
                    summary = row
                else:
                    yield report_row(row, uri, local, origin)
            code = proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    if not scan and os.path.exists(report_path):
        with open(report_path, "rb") as report:
            for line in report:
                row = json.loads(line)
                if row["type"] == "summary":
                    summary = row
                else:
                    yield report_row(row, uri, local, origin)

    with open(stderr_path, "rb") as f:
        f.seek(max(0, os.path.getsize(stderr_path) - STDERR_TAIL))
        stderr_text = f.read().decode("utf-8", "replace").replace(local, uri)

    attempt = TaskContext.get().attemptNumber()
    if code in (0, 1, 2) and summary is not None:
        status = "errors" if code == 2 else "ok"
    elif attempt + 1 < attempts:
        raise RuntimeError(f"spamscan failed on {uri} with exit status {code}: {stderr_text}")
    else:
        status = "failed"
    counts = tuple((summary or {}).get(k) for k in SUMMARY_FIELDS)
    yield "files", (uri, status, code, attempt, stderr_text) + counts


def report_row(row, uri, local, origin):
    """A (dataset, row) pair for a `document`, `skipped` or `error` row of spamscan."""
    kind = row["type"]
    path = origin(row["path"])
    if kind == "document":
        findings = [
            (f["rule"], f["category"], float(f["weight"]), float(f["contribution"]),
             f["start"], f["end"],
             f["line"], f["column"], f["text"], f["context"], f["note"])
            for f in row["findings"]
        ]
        return "documents", (uri, path, row["record"], row["offset"], row["url"],
                             float(row["score"]), row["verdict"], row["language"],
                             row["encoding"], row["bytes"], findings,
                             row.get("findings_dropped", 0))
    if kind == "skipped":
        return "skipped", (uri, path, row["record"], row["offset"], row["url"], row["reason"])
    if kind == "error":
        return "errors", (uri, path, row["record"], row["offset"],
                          row["message"].replace(local, uri))
    raise ValueError(f"unknown spamscan row type {kind!r}")


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("spamscan").getOrCreate()
    sc = spark.sparkContext
    check_output(spark, args.output, args.overwrite)

    patterns = list(args.inputs)
    if args.input_list:
        patterns += [p.strip() for p in sc.textFile(args.input_list).collect() if p.strip()]
    files = list_inputs(spark, patterns)
    local = [(uri, path, None) for uri, path in files if path is not None]
    remote = [uri for uri, path in files if path is None]

    # One task per local file; remote files are read whole by binaryFiles, which packs
    # small files together into one task.
    tasks = sc.parallelize(local, max(1, len(local)))
    if remote:
        fetched = sc.binaryFiles(",".join(remote), minPartitions=len(remote))
        tasks = tasks.union(fetched.map(lambda kv: (kv[0], None, kv[1])))

    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    if args.mode == "scan":
        action = ["scan"]
    else:
        action = ["--redact"] if args.redact else ["--filter", args.filter]
    task = make_task(action, args.binary, threads, args.spamscan_args, max_attempts(sc))
    rows = tasks.flatMap(task).persist(StorageLevel.MEMORY_AND_DISK)

    # This first job scans every file and caches the rows; the writes below read the cache,
    # merged into fewer partitions, so that each dataset is written as a few larger files.
    columns = [SCHEMAS["files"].names.index(c) for c in ("status", "clean", "suspicious", "spam")]
    counts = (rows.filter(lambda r: r[0] == "files")
              .map(lambda r: [r[1][c] for c in columns])
              .collect())
    merged = rows.coalesce(args.output_files or sc.defaultParallelism)
    datasets = ["files", "documents", "skipped", "errors"]
    if args.mode == "clean":
        datasets.append("records")
    write_mode = "overwrite" if args.overwrite else "errorifexists"
    for name in datasets:
        part = merged.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1])
        df = spark.createDataFrame(part, SCHEMAS[name])
        writer = df.write.mode(write_mode)
        target = f"{args.output.rstrip('/')}/{name}"
        if name == "records":
            writer.text(target)
        else:
            if name == "documents":
                writer = writer.partitionBy("verdict")
            writer.format(args.output_format).save(target)

    def total(column):
        return sum(row[column] or 0 for row in counts)

    status = [row[0] for row in counts]
    print(f"spamscan_job: {len(files)} input files ({status.count('ok')} ok, "
          f"{status.count('errors')} with errors, {status.count('failed')} failed); "
          f"documents: {total(1)} clean, {total(2)} suspicious, {total(3)} spam; "
          f"written to {args.output}")
    rows.unpersist()
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
