"""The Spark job against direct spamscan runs over the same files (pytest, Spark local mode).

Run with the Python of a virtual environment that has pyspark and pytest (see .ci/run):

    target/spark-venv/bin/python -m pytest examples/spark

Inputs: the JSON Lines fixtures beside this file (texts of fixtures/cases as records of
three sites; `forum.jsonl.gz` is gzipped, `broken.jsonl` has a cut-off line and a line
without a text field), two HTML pages of fixtures/cases and, when the team's shared folder
sits beside the checkout, every file of ../shared/corpus/warc. The JSON Lines fixtures are
given to the scan job through a `viewfs://` mount of their folder, so that they take the
path of remote files (read by Spark and copied to the task's disk); the other inputs are
local paths. The binary is target/release/spamscan, or $SPAMSCAN.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parents[2]
JOB = ROOT / "examples/spark/spamscan_job.py"
BINARY = Path(os.environ.get("SPAMSCAN", ROOT / "target/release/spamscan"))
FIXTURES = ROOT / "examples/spark/fixtures"
HTML = [ROOT / "fixtures/cases/html-pharma-hidden-footer.html",
        ROOT / "fixtures/cases/html-security-post-quoted-escort-pre.html"]
# Not resolved: the shared folder may be a symbolic link, and the job names files as given.
WARC = Path(os.path.abspath(ROOT / "../shared/corpus/warc"))
VIEWFS = "viewfs://fixtures/jsonl"
# Short-lived JVMs start about twice as fast without the optimising JIT compiler.
FAST_JVM = ("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")


def local_uri(path):
    """How Hadoop names a local file."""
    return f"file:{os.path.abspath(path)}"


def files_under(folder):
    return sorted(str(p) for p in Path(folder).rglob("*") if p.is_file())


def spark_submit(args, out, master="local[2]", conf=(), ship=True):
    """Run the job with spark-submit from this Python's environment; returns its output."""
    env = dict(os.environ,
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               PYSPARK_PYTHON=sys.executable,
               SPARK_LOCAL_IP="127.0.0.1")
    cmd = ["spark-submit", "--master", master, "--conf", "=".join(FAST_JVM),
           "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN"]
    for setting in conf:
        cmd += ["--conf", setting]
    if ship:
        cmd += ["--files", str(BINARY)]
    cmd += [str(JOB), *args[:1], str(out), *args[1:]]
    run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{' '.join(cmd)}\n{run.stdout}\n{run.stderr}"
    return run.stdout


def direct(args, paths):
    """Run spamscan on the files in one process; returns (exit status, stdout bytes)."""
    run = subprocess.run([str(BINARY), "--no-config", "--quiet", *args, *map(str, paths)],
                         capture_output=True, timeout=300)
    assert run.returncode in (0, 1, 2), run.stderr.decode()
    return run.returncode, run.stdout


def direct_rows(args, paths, uris):
    """spamscan's JSON Lines rows, with paths and messages named by `uris` (local -> URI)."""
    _, stdout = direct(["--format", "jsonl", *args], paths)
    rows = [json.loads(line) for line in stdout.splitlines()]
    for row in rows:
        for local, uri in uris.items():
            if "path" in row and (row["path"] == local or row["path"].startswith(local + "!")):
                row["path"] = uri + row["path"][len(local):]
            if "message" in row:
                row["message"] = row["message"].replace(local, uri)
    return rows


@pytest.fixture(scope="module")
def spark():
    session = (SparkSession.builder.master("local[1]").appName("spamscan-test")
               .config(*FAST_JVM).config("spark.ui.enabled", "false").getOrCreate())
    session.sparkContext.setLogLevel("WARN")
    yield session
    session.stop()


def read(spark, out, name, fmt="parquet"):
    return [row.asDict(recursive=True) for row in spark.read.format(fmt).load(f"{out}/{name}")
            .collect()]


def read_records(out):
    lines = []
    for part in sorted(Path(out, "records").glob("part-*")):
        lines += part.read_text(encoding="utf-8").splitlines()
    return lines


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    """The scan job's output folder and the direct run's rows over the same inputs."""
    assert BINARY.is_file(), f"build {BINARY} first (cargo build --release)"
    out = tmp_path_factory.mktemp("scan") / "out"
    inputs = [VIEWFS] + [str(p) for p in HTML]
    uris = {str(p): VIEWFS + str(p)[len(str(FIXTURES)):] for p in files_under(FIXTURES)}
    uris.update({str(p): local_uri(p) for p in HTML})
    if WARC.is_dir():
        inputs.append(str(WARC))
        uris.update({p: local_uri(p) for p in files_under(WARC)})
    stdout = spark_submit(["scan", *inputs], out,
                          conf=[f"spark.hadoop.fs.viewfs.mounttable.fixtures.link./jsonl="
                                f"file://{FIXTURES}"])
    assert "spamscan_job:" in stdout
    return out, uris, direct_rows([], list(uris), uris)


def test_scan_rows_equal_a_direct_run(spark, scan):
    out, uris, expected = scan
    by_type = {kind: [r for r in expected if r["type"] == kind]
               for kind in ("document", "skipped", "error", "summary")}

    documents = read(spark, out, "documents")
    assert len(documents) == len(by_type["document"])
    assert {(d["path"], d["record"], d["offset"]): (d["url"], d["verdict"], d["score"],
                                                    [(f["rule"], f["start"], f["end"])
                                                     for f in d["findings"]])
            for d in documents} == \
        {(d["path"], d["record"], d["offset"]): (d["url"], d["verdict"], d["score"],
                                                 [(f["rule"], f["start"], f["end"])
                                                  for f in d["findings"]])
         for d in by_type["document"]}
    assert {d["verdict"] for d in documents} == {"clean", "suspicious", "spam"}
    for d in documents:
        assert d["path"] == d["input"] or d["path"].startswith(d["input"] + "!")

    def keyed(rows, *fields):
        return sorted(tuple(r[f] for f in fields) for r in rows)

    skipped_fields = ("path", "record", "offset", "url", "reason")
    assert keyed(read(spark, out, "skipped"), *skipped_fields) == \
        keyed(by_type["skipped"], *skipped_fields)
    error_fields = ("path", "record", "offset", "message")
    errors = read(spark, out, "errors")
    assert keyed(errors, *error_fields) == keyed(by_type["error"], *error_fields)
    assert any(e["input"] == VIEWFS + "/broken.jsonl" for e in errors)

    files = {f["input"]: f for f in read(spark, out, "files")}
    assert sorted(files) == sorted(uris.values())
    with_errors = {e["input"] for e in errors}
    with_spam = {d["input"] for d in documents if d["verdict"] == "spam"}
    for uri, f in files.items():
        assert f["attempt"] == 0
        if uri in with_errors:
            assert (f["status"], f["exit_code"]) == ("errors", 2), f
        else:
            assert (f["status"], f["exit_code"]) == ("ok", int(uri in with_spam)), f
    summary = by_type["summary"][0]
    for count in ("documents", "clean", "suspicious", "spam", "skipped", "errors", "bytes"):
        assert sum(f[count] for f in files.values()) == summary[count], count


def test_errors_keep_the_input_uri(spark, scan):
    out, _, _ = scan
    broken = [f for f in read(spark, out, "files") if f["input"].endswith("/broken.jsonl")]
    assert len(broken) == 1
    assert broken[0]["stderr"].count(VIEWFS + "/broken.jsonl: record") == 2
    assert "spamscan-" not in broken[0]["stderr"]  # no temporary copy's name


# The records of the fixtures that are not spam, by URL (`suspicious` passes not-spam).
NOT_SPAM = {"https://comments.example/0", "https://comments.example/2",
            "https://comments.example/4", "https://comments.example/6",
            "https://forum.example/0", "https://forum.example/2", "https://forum.example/4",
            "https://forum.example/5", "https://broken.example/0"}
# Every record that can be read (broken.jsonl's lines 1 and 2 are errors).
READABLE = NOT_SPAM | {"https://comments.example/1", "https://comments.example/3",
                       "https://comments.example/5", "https://comments.example/7",
                       "https://forum.example/1", "https://forum.example/3",
                       "https://broken.example/3"}


def test_clean_writes_the_records_that_are_not_spam(spark, tmp_path):
    out = tmp_path / "out"
    spark_submit(["clean", str(FIXTURES), "--output-format", "json"], out)
    records = read_records(out)
    assert {json.loads(r)["url"] for r in records} == NOT_SPAM
    assert len(records) == len(NOT_SPAM)
    _, stdout = direct(["--filter", "not-spam", "--input-format", "jsonl"],
                       files_under(FIXTURES))
    assert Counter(records) == Counter(stdout.decode("utf-8").splitlines())

    documents = read(spark, out, "documents", "json")
    assert {d["url"] for d in documents} == READABLE
    errors = read(spark, out, "errors", "json")
    assert sorted(e["record"] for e in errors) == [1, 2]
    assert {e["input"] for e in errors} == {local_uri(FIXTURES / "broken.jsonl")}
    status = {f["input"]: f["status"] for f in read(spark, out, "files", "json")}
    assert status == {local_uri(p): "errors" if p.endswith("broken.jsonl") else "ok"
                      for p in files_under(FIXTURES)}


def test_clean_redact_cuts_the_spam_out_of_every_record(tmp_path):
    out = tmp_path / "out"
    spark_submit(["clean", str(FIXTURES), "--redact"], out)
    records = read_records(out)
    assert {json.loads(r)["url"] for r in records} == READABLE
    _, stdout = direct(["--redact", "--input-format", "jsonl"], files_under(FIXTURES))
    assert Counter(records) == Counter(stdout.decode("utf-8").splitlines())
    originals = {json.loads(line)["url"]: json.loads(line)["text"]
                 for line in (FIXTURES / "comments.jsonl").read_text("utf-8").splitlines()}
    redacted = {json.loads(r)["url"]: json.loads(r)["text"] for r in records}
    for url, text in originals.items():
        changed = redacted[url] != text
        assert changed == (url not in NOT_SPAM), url


def test_a_crashing_file_is_retried_then_recorded(spark, tmp_path):
    """spamscan killed by a signal: Spark retries the task, the last attempt records it."""
    wrapper = tmp_path / "spamscan-wrapper"
    wrapper.write_text('#!/bin/sh\ncase "$*" in *crash.txt) kill -SEGV $$ ;; esac\n'
                       f'exec "{BINARY}" "$@"\n')
    wrapper.chmod(0o755)
    crash = tmp_path / "crash.txt"
    shutil.copy(ROOT / "fixtures/cases/spam-zh-bare.txt", crash)
    good = ROOT / "fixtures/cases/spam-zh-bare.txt"
    out = tmp_path / "out"
    # Two attempts per task, and the binary as a path on every node instead of --files.
    spark_submit(["scan", str(crash), str(good), "--binary", str(wrapper)], out,
                 master="local[2,2]", ship=False)
    files = {f["input"]: f for f in read(spark, out, "files")}
    assert (files[local_uri(crash)]["status"], files[local_uri(crash)]["exit_code"],
            files[local_uri(crash)]["attempt"]) == ("failed", -11, 1)
    assert (files[local_uri(good)]["status"], files[local_uri(good)]["exit_code"]) == ("ok", 1)
    assert [d["input"] for d in read(spark, out, "documents")] == [local_uri(good)]
