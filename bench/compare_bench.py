#!/usr/bin/env python3
"""Benchmark of `lemsbridge compare` on two large traces with identical time grids (issue 18, part 3).

    ./lemsbridge --version && python3 bench/compare_bench.py [--mb 150] [--repeat 5] [--baseline-jar OLD.jar]
        [--gzip] [--work DIR] [--out bench/compare-results.md]

Writes a reference trace of about --mb MB (jLEMS's .dat format: a TAB after every field, 40 001 rows at 5 us, as
many columns as the size needs: sawtooth membrane potentials in V, rising to a 30 mV peak and reset (spikes), and
a second variable) with its NAME.dat.json sidecar, and a candidate on the same grid whose values differ in the last
digits in one cell in three, then runs `compare REF CAND --format json` as a whole
process: the jar as the launcher runs it (serial collector, the launcher's class-data-sharing archive when it belongs
to that jar), alternating with --baseline-jar when given, and reports medians of wall and CPU seconds, the largest peak
RSS (/usr/bin/time) and MB/s (both files' bytes / wall). With a baseline it also checks that both printed the same
JSON byte for byte. Exit 1 when a run fails or the outputs differ.
"""
import argparse
import gzip
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = 40001
STEP = 5e-6


def text(x):
    """A value as jLEMS-sized text (7 significant digits)."""
    return "%.7g" % x


def write_pair(folder, megabytes, use_gzip, seed=18):
    random.seed(seed)
    row_bytes_per_column = 10.4
    columns = max(2, int(megabytes * 1e6 / ROWS / row_bytes_per_column))
    cells = columns // 2
    names = [{"name": "t", "quantity": "t", "unit": "s"}]
    for c in range(cells):
        names.append({"name": "v%d" % c, "quantity": "pop[%d]/v" % c, "unit": "V"})
        names.append({"name": "u%d" % c, "quantity": "pop[%d]/u" % c, "unit": "V_per_s"})
    ref_path = os.path.join(folder, "reference.dat")
    cand_path = os.path.join(folder, "candidate.dat")
    drive = [1.0 + 2.0 * random.random() for _ in range(cells)]
    phase = [random.random() for _ in range(cells)]
    with open(ref_path, "w") as ref, open(cand_path, "w") as cand:
        for i in range(ROWS):
            t = text(i * STEP)
            ref_fields = [t]
            cand_fields = [t]
            for c in range(cells):
                # a membrane potential rising from -65 mV to a 30 mV peak and reset, and a smooth second variable
                rise = (phase[c] + i * STEP * drive[c] * 10.0) % 1.0
                v = -0.065 + 0.095 * rise
                u = 2.0 * rise - 0.5 + 0.1 * c
                vt = text(v)
                ut = text(u)
                ref_fields += [vt, ut]
                if c % 3 == 0:
                    cand_fields += [text(v * (1 + 1e-6)), text(u + 1e-6)]
                else:
                    cand_fields += [vt, ut]
            ref.write("\t".join(ref_fields) + "\t\n")
            cand.write("\t".join(cand_fields) + "\t\n")
    sidecar = '{"columns": [' + ", ".join(
        '{"name": "%s", "quantity": "%s", "unit": "%s"}' % (n["name"], n["quantity"], n["unit"]) for n in names) \
        + '], "source": "bench/compare_bench.py", "rows": %d}\n' % ROWS
    paths = []
    for path in (ref_path, cand_path):
        if use_gzip:
            with open(path, "rb") as src, gzip.open(path + ".gz", "wb", compresslevel=6) as dst:
                shutil.copyfileobj(src, dst)
            os.remove(path)
            path = path + ".gz"
        name = os.path.basename(path)
        base = name[:-3] if name.endswith(".gz") else name
        with open(os.path.join(folder, base + ".json"), "w") as out:
            out.write(sidecar)
        paths.append(path)
    return paths, columns


def run(jar, ref, cand, work):
    command = ["/usr/bin/time", "-f", "%e %U %S %M", "java", "-XX:+UseSerialGC"]
    archive = os.path.join(os.path.dirname(jar), "lemsbridge.jsa")
    if os.path.exists(archive) and os.path.getmtime(archive) >= os.path.getmtime(jar):
        command += ["-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    command += ["-Djava.awt.headless=true", "-jar", jar, "compare", ref, cand, "--format", "json"]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True)
    last = done.stderr.strip().splitlines()[-1].split()
    wall, user, system, rss_kb = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    if done.returncode not in (0, 1):
        sys.exit("compare failed (%d): %s" % (done.returncode, done.stderr[-2000:]))
    return {"wall": wall, "cpu": user + system, "rss": rss_kb / 1024.0, "out": done.stdout, "exit": done.returncode}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-jar")
    parser.add_argument("--jar", default=os.path.join(HERE, "target", "lemsbridge.jar"))
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--work")
    parser.add_argument("--out")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="lemsbridge-compare-bench-")
    os.makedirs(work, exist_ok=True)
    (ref, cand), columns = write_pair(work, args.mb, args.gzip)
    size = os.path.getsize(ref) + os.path.getsize(cand)
    jars = [("lemsbridge", args.jar)] + ([("baseline", args.baseline_jar)] if args.baseline_jar else [])
    results = {label: [] for label, _ in jars}
    for _ in range(args.repeat):
        for label, jar in jars:
            results[label].append(run(jar, ref, cand, work))
    outputs = {label: {r["out"] for r in runs} for label, runs in results.items()}
    same = all(len(o) == 1 for o in outputs.values()) and len({next(iter(o)) for o in outputs.values()}) == 1
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    lines = ["Machine: nproc %d, load average at the end %s; 2 files of %.0f MB each (%s, %d columns after time, "
             "%d rows, identical grids), %d runs each, alternating" % (os.cpu_count(), load, size / 2e6,
                                                                       "gzip" if args.gzip else "plain",
                                                                       columns, ROWS, args.repeat),
             "",
             "| jar | wall s (median) | CPU s (median) | peak RSS MiB (max) | MB/s (both files / wall) | exit |",
             "|---|---|---|---|---|---|"]
    for label, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        rss = max(r["rss"] for r in runs)
        lines.append("| %s | %.2f | %.2f | %.0f | %.0f | %d |" % (label, wall, cpu, rss, size / 1e6 / wall,
                                                                 runs[0]["exit"]))
    lines.append("")
    lines.append("JSON output: " + ("identical in every run" + (" of both jars" if args.baseline_jar else "")
                                    if same else "**differs**"))
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "w") as out:
            out.write(text)
    if not args.work:
        shutil.rmtree(work)
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
