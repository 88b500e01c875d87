#!/usr/bin/env python3
"""Shard balance benchmark (issue 16): a suite whose cases take about 1 to 30 s each, run as 4 shards.

    python3 bench/shard_balance.py [--cases 16] [--shards 4] [--longest 30] [--out bench/shard-results.md]
                                   [--jar JAR]  (java -jar JAR instead of ./lemsbridge)

Run it on a quiet machine: other processes stretch some cases and not others. It first runs `./lemsbridge --version`
(which builds the jar when the sources are newer) so no build is timed.

Each case is an OMV dry-run test (the target must simulate, nothing is compared) of a population of N Izhikevich
cells with its own length, generated in a scratch folder. A calibration run of `simulate` measures this machine's
cell-steps per second; case i gets N x steps = seconds_i x that rate, seconds_i drawn from 1..LONGEST with a fixed
seed.
The shards are split by lemsbridge's own estimate (instances x steps, no --timings) and run one after another, each
as `./lemsbridge check SUITE --shard K/N --jobs 1` in a fresh JVM, so each shard's wall time is what a runner of its
own would spend. Reports: every shard's wall time, the total, and the longest shard over total / N; the last line
printed is `ratio R` (exit 1 when R > 1.3).
"""
import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(HERE, "lemsbridge")

# the synthetic case the shard tests use too (org.lemsbridge.testing.PopulationModel)
TEMPLATE = os.path.join(HERE, "src", "test", "resources", "org", "lemsbridge", "testing", "izhikevich-population.xml")


def write_model(folder, name, cells, steps):
    path = os.path.join(folder, name + ".xml")
    with open(TEMPLATE) as f:
        model = f.read()
    with open(path, "w") as f:
        population = '        <population id="pop" component="tonic" size="%d"/>\n' % cells
        f.write(model.format(a="0.02", pulses="", population=population, inputs="",
                             length="%sms" % round(steps * 0.005, 3), step="0.005ms", outputs=""))
    with open(os.path.join(folder, name + ".omt"), "w") as f:
        f.write("target: %s.xml\nengine: jNeuroML\n" % name)
    return path


COMMAND = [LAUNCHER]


def wall(args):
    args = COMMAND + args[1:] if args[0] == LAUNCHER else args
    start = time.monotonic()
    completed = subprocess.run(args, cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    if completed.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (completed.returncode, " ".join(args), completed.stdout))
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=16)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--longest", type=float, default=30.0,
                        help="the longest a case may take, in seconds (cases are drawn from 1 to this)")
    parser.add_argument("--out", default=os.path.join(HERE, "bench", "shard-results.md"))
    parser.add_argument("--jar", help="run java -jar JAR (with the launcher's JVM options) instead of ./lemsbridge")
    args = parser.parse_args()
    if args.jar:
        COMMAND[:] = ["java", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", os.path.abspath(args.jar)]
    else:
        wall([LAUNCHER, "--version"])   # builds the jar (and its class-data archive) when it is out of date
    work = tempfile.mkdtemp(prefix="lemsbridge-shard-bench-")

    # calibration: 2 000 cells x 100 000 steps, minus a start-up run of 2 000 cells x 1 step
    calibration = write_model(work, "calibration", 2000, 100_000)
    startup = write_model(work, "startup", 2000, 1)
    out = os.path.join(work, "out")
    base = wall([LAUNCHER, "simulate", startup, "-o", out])
    rate = 2000 * 100_000 / max(0.1, wall([LAUNCHER, "simulate", calibration, "-o", out]) - base)

    rng = random.Random(args.seed)
    wanted = [rng.uniform(1, args.longest) for _ in range(args.cases)]
    lines = ["suite: shard balance benchmark", "cases:"]
    for i, seconds in enumerate(wanted):
        cells = rng.choice([500, 1000, 2000, 5000])
        steps = max(1, int(seconds * rate / cells))   # inside check a case pays no JVM start-up
        name = "case-%02d" % (i + 1)
        write_model(work, name, cells, steps)
        lines.append("  - {name: %s, omt: %s.omt}" % (name, name))
    suite = os.path.join(work, "suite.yaml")
    with open(suite, "w") as f:
        f.write("\n".join(lines) + "\n")

    shards = []
    for k in range(1, args.shards + 1):
        report = os.path.join(work, "shard-%d" % k)
        seconds = wall([LAUNCHER, "check", suite, "--shard", "%d/%d" % (k, args.shards), "--jobs", "1",
                        "--report", report])
        with open(os.path.join(report, "summary.json")) as f:
            summary = json.load(f)
        shards.append((k, seconds, summary["shards"][0]["cases"], sum(c["seconds"] for c in summary["cases"])))
    total = sum(s[1] for s in shards)
    longest = max(s[1] for s in shards)
    ratio = longest / (total / args.shards)
    case_seconds = []
    for k in range(1, args.shards + 1):
        with open(os.path.join(work, "shard-%d" % k, "summary.json")) as f:
            case_seconds += [c["seconds"] for c in json.load(f)["cases"]]

    load = os.getloadavg()
    text = [
        "# Shard balance (issue 16)",
        "",
        "    python3 bench/shard_balance.py --cases %d --shards %d --seed %d --longest %g"
        % (args.cases, args.shards, args.seed, args.longest),
        "",
        "Machine: nproc %d, %s, load average at the end %.2f %.2f %.2f. Calibration: %.3g cell-steps/s, start-up "
        "%.2f s." % (os.cpu_count(), platform.platform(), load[0], load[1], load[2], rate, base),
        "",
        "%d cases planned at 1 to %g s (they took %.1f to %.1f s inside check), split by instances x steps:"
        % (args.cases, args.longest, min(case_seconds), max(case_seconds)),
        "",
        "| shard | cases | case seconds (sum) | shard wall s (whole process) |",
        "|---|---|---:|---:|",
    ]
    for k, seconds, cases, inside in shards:
        text.append("| %d/%d | %s | %.1f | %.1f |" % (k, args.shards, ", ".join(map(str, cases)), inside, seconds))
    text += ["", "Total %.1f s; total / %d = %.1f s; longest shard %.1f s = **%.3f x** total / %d (required: at most "
             "1.3)." % (total, args.shards, total / args.shards, longest, ratio, args.shards), ""]
    shutil.rmtree(work)
    with open(args.out, "w") as f:
        f.write("\n".join(text))
    print("\n".join(text))
    print("ratio %.3f" % ratio)
    return 0 if ratio <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
