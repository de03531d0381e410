#!/usr/bin/env python3
"""Run `lede` over a corpus on Apache Spark.

Three steps, map -> reduce -> map, giving exactly the single-machine run:

1. Map: each partition of records is summarized by `lede report -
   --json-out` (a mergeable partial report; entity names are kept as each
   document states them, in input order).
2. Reduce: the driver merges the partials in partition order with
   `lede report --merge ... --names-out names.json` into OUT/report.json;
   names.json is the corpus alias map of person names (spelling variants
   under the spelling seen first), with the partition each was first seen in.
3. Map: each partition is piped through `lede analyze - --names names.json
   --part K` and the documents written, in input order, to
   OUT/documents/part-NNNNN. With the map, every field, names included,
   equals one `lede analyze` over all records.

With --no-report, step 3 runs alone and names are resolved within each
partition only.

The binary (and names.json) are shipped to the executors with
`SparkContext.addFile` and found there with `SparkFiles.get`, so nothing
need be installed on the workers.

Determinism: partitions are contiguous slices of the records in sorted
order, and `lede` keeps input order within a partition, so concatenating
part-00000, part-00001, ... gives one line per record in record order
(`--records-only` prints the records).

Usage:
  python3 lede_spark.py --lede target/release/lede --out out/ fixtures/
  python3 lede_spark.py --master spark://host:7077 --partitions 64 ... /shared/articles
  python3 lede_spark.py --records-only fixtures/ > records.jsonl
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

# What `lede analyze DIR` reads by default inside a folder.
EXTENSIONS = (".txt", ".text", ".html", ".htm")


def list_articles(roots):
    """(id, absolute path) for every article under the roots, sorted.

    With one root the id is the path relative to it; with several it is
    prefixed by the root's folder name so ids stay unique.
    """
    out = []
    for root in roots:
        root = os.path.abspath(root)
        prefix = os.path.basename(root.rstrip("/")) + "/" if len(roots) > 1 else ""
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                found.append((prefix + rel, full))
        out.extend(sorted(found))
    return out


def file_record(item):
    """One article file as a JSON Lines record (invalid UTF-8 replaced)."""
    rid, path = item
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    return json.dumps({"id": rid, "text": text}, ensure_ascii=False)


def jsonl_record(name, line, index):
    """A line of an input JSONL file; records without an id get `name#N`."""
    stripped = line.strip()
    try:
        value = json.loads(stripped)
    except ValueError:
        return stripped  # lede reports it as an error record, in place
    if isinstance(value, dict) and value.get("id") is None:
        value["id"] = "%s#%d" % (name, index + 1)
        return json.dumps(value, ensure_ascii=False)
    return stripped


def local_records(inputs):
    """The records in order, without Spark (the single-machine reference)."""
    for inp in inputs:
        if os.path.isfile(inp):
            name = os.path.basename(inp)
            with open(inp, encoding="utf-8", errors="replace") as f:
                index = 0
                for line in f:
                    if line.strip():
                        yield jsonl_record(name, line, index)
                    index += 1
    dirs = [i for i in inputs if not os.path.isfile(i)]
    if dirs:
        for item in list_articles(dirs):
            yield file_record(item)


def pipe_through(binary_name, args, records, names_name=None, part=0):
    """Streams `records` through the shipped binary, yielding output lines.

    This is what `RDD.pipe` does, except that the command is resolved on the
    executor: `SparkFiles.get` gives the executor's local copy of a file
    shipped with `addFile`, a path `RDD.pipe` cannot know on the driver.
    Exit code 1 (some records failed: they are error lines in the output)
    is expected; anything else fails the task.
    """
    from pyspark import SparkFiles

    exe = SparkFiles.get(binary_name)
    if not os.access(exe, os.X_OK):
        os.chmod(exe, 0o755)
    if names_name is not None:
        args = args + ["--names", SparkFiles.get(names_name), "--part", str(part)]
    proc = subprocess.Popen(
        [exe] + args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def feed():
        try:
            for rec in records:
                proc.stdin.write(rec.encode("utf-8"))
                proc.stdin.write(b"\n")
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for line in proc.stdout:
        yield line.decode("utf-8").rstrip("\n")
    writer.join()
    code = proc.wait()
    if code not in (0, 1):
        raise RuntimeError("lede %s exited with code %d" % (" ".join(args), code))


def partial_report(binary_name, extra, records):
    """`lede report - --json-out` over one partition: the partial as a string.

    `extra` are the same analysis options the documents pass gets, so the
    report counts exactly what the documents hold."""
    from pyspark import SparkFiles

    exe = SparkFiles.get(binary_name)
    if not os.access(exe, os.X_OK):
        os.chmod(exe, 0o755)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "partial.json")
        data = "".join(r + "\n" for r in records).encode("utf-8")
        proc = subprocess.run(
            [exe, "report", "-", "--quiet", "--format", "json", "--json-out", out] + extra,
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if proc.returncode not in (0, 1) or not os.path.exists(out):
            raise RuntimeError("lede report failed: %s" % proc.stderr.decode("utf-8", "replace"))
        with open(out, encoding="utf-8") as f:
            yield f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="folders of articles and/or JSONL files")
    ap.add_argument("--lede", default="target/release/lede", help="the lede binary to ship (default: %(default)s)")
    ap.add_argument("--out", help="output folder (documents/, partials/, report.json)")
    ap.add_argument("--master", default="local[2]", help="Spark master URL (default: %(default)s)")
    ap.add_argument("--partitions", type=int, default=0, help="number of partitions (default: Spark's parallelism)")
    ap.add_argument("--no-report", action="store_true", help="skip the merged corpus report")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    ap.add_argument("--records-only", action="store_true", help="print the records as JSONL and exit (no Spark)")
    ap.epilog = "After --: analysis options (--no-clean, --date, --only, --max-bytes) for both analyze and report."
    # Split at `--` by hand: argparse would hand what follows to `inputs`.
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    a = ap.parse_args(argv[:cut])
    extra = argv[cut + 1 :]

    if a.records_only:
        out = sys.stdout
        for rec in local_records(a.inputs):
            out.write(rec + "\n")
        return 0
    if not a.out:
        ap.error("--out is required")

    # Executors run the same Python as the driver (a venv's, say).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext

    lede = os.path.abspath(a.lede)
    binary_name = os.path.basename(lede)
    if os.path.exists(a.out):
        if not a.overwrite:
            ap.error("%s exists (use --overwrite)" % a.out)
        shutil.rmtree(a.out)
    os.makedirs(a.out)

    conf = SparkConf().setAppName("lede").setMaster(a.master).set("spark.ui.enabled", "false")
    conf = conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    sc.addFile(lede)
    parts = a.partitions or sc.defaultParallelism
    start = time.time()

    files = [i for i in a.inputs if os.path.isfile(i)]
    dirs = [i for i in a.inputs if not os.path.isfile(i)]
    rdds = []
    for path in files:
        name = os.path.basename(path)
        lines = sc.textFile(os.path.abspath(path), parts).zipWithIndex()
        rdds.append(lines.filter(lambda li: li[0].strip()).map(lambda li, n=name: jsonl_record(n, li[0], li[1])))
    if dirs:
        # The driver lists the files; executors read them (a shared file
        # system on a cluster). `parallelize` slices the list contiguously.
        articles = list_articles(dirs)
        rdds.append(sc.parallelize(articles, parts).map(file_record))
    records = rdds[0] if len(rdds) == 1 else sc.union(rdds)
    records = records.cache()

    report = None
    names_name = None
    if not a.no_report:
        # Map: one partial report per partition (empty ones too: the part
        # numbers are the partition indexes).
        partials = records.mapPartitions(lambda it: partial_report(binary_name, extra, it)).collect()
        pdir = os.path.join(a.out, "partials")
        os.makedirs(pdir)
        paths = []
        for i, p in enumerate(partials):
            paths.append(os.path.join(pdir, "part-%05d.json" % i))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(p)
        # Reduce: the corpus report and the alias map of person names.
        report = os.path.join(a.out, "report.json")
        names = os.path.join(a.out, "names.json")
        with open(report, "wb") as f:
            subprocess.run(
                [lede, "report", "--merge"] + paths + ["--format", "json", "--names-out", names],
                stdout=f,
                check=True,
            )
        sc.addFile(names)
        names_name = os.path.basename(names)

    # Map: the documents, names resolved with the corpus map.
    analyze_args = ["analyze", "-", "--format", "jsonl", "--quiet"] + extra
    docs = records.mapPartitionsWithIndex(
        lambda k, it: pipe_through(binary_name, analyze_args, it, names_name, k)
    )
    docs.saveAsTextFile(os.path.join(a.out, "documents"))
    n_docs = records.count()
    n_parts = records.getNumPartitions()
    took = time.time() - start

    cores = sc.defaultParallelism
    sc.stop()
    rate = n_docs / took if took > 0 else 0.0
    print(
        json.dumps(
            {
                "documents": n_docs,
                "partitions": n_parts,
                "cores": cores,
                "seconds": round(took, 3),
                "docs_per_second": round(rate, 1),
                "docs_per_second_per_core": round(rate / max(cores, 1), 1),
                "report": report,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
