"""Runs the same workloads in nn4j and in numpy, interleaved, and prints `workload | nn4j | numpy | ratio`.

Started by compare.sh (read it for usage). Every comparison group starts one nn4j JVM (Compare --serve) and one
numpy process (numpy/workloads.py --serve) with the same thread count, warms both up, then takes ROUNDS samples of
each workload, alternating which side goes first, so that each nn4j sample is compared with a numpy sample taken
seconds apart. A row shows the median of each side's samples and the median of the per-round ratios, with the
smallest and largest per-round ratio (their spread is how noisy the machine was), and the median ratio of thread
CPU times, which contention from other processes does not inflate. The nn4j JVM runs with a fixed, pre-touched 1 GB
heap (HEAP below), so that no row times the heap growing.

In the one-thread groups both processes are pinned to the same CPU (the last one this script may use; PIN_CPU=n
picks another, PIN_CPU=none turns pinning off). The cores of a virtual machine need not be equally fast at a given
moment: on the 2-core machine of docs/performance.md one core ran the XOR epoch 1.5 times slower than the other
for minutes at a time, and unpinned, each side stays on whichever core it started on, so a round's ratio measured
the two cores as much as the two programs (the same code read 85x in one run and 159x in another). Pinned, each
round's two samples come from the same core. The JVM keeps G1 (HEAP names it: with one CPU it would choose the
serial collector), and its compiler threads share the core during the warm-up.

The `xor-process` workload times whole processes instead: `./nn4j xor` (the launcher, as users run it: the vector
kernel and class-data sharing) against the blog's program (nn-examples/src/test/resources/xor-reference/blog_xor.py) started two ways, so it gives
two rows, each with its own ratio against the same java runs:
- "the blog under `python3` on PATH": what the issue names, `python3 blog_xor.py` as typed. Where PATH finds a pyenv
  shim (a shell script that works out which interpreter to start, then starts it), that start-up is included, as a
  user typing the command pays it;
- "the blog under the interpreter itself": sys.executable, the interpreter running this script, started directly:
  the stricter comparison.
The header names both. The three commands run in turn, their order rotating every round.
"""
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH_JAR = os.path.join(ROOT, "nn-benchmarks", "target", "nn-benchmarks.jar")
EXAMPLES_JAR = os.path.join(ROOT, "nn-examples", "target", "nn-examples.jar")
BLOG = os.path.join(ROOT, "nn-examples", "src", "test", "resources", "xor-reference", "blog_xor.py")
JAVA = os.environ.get("JAVA", "java")
ROUNDS = int(os.environ.get("ROUNDS", "7"))
# What nn4j is compared with: "numpy" (numpy/workloads.py, every workload) or "pytorch" (pytorch/workloads.py,
# float32 autograd: xor-epoch, mlp-step and mlp-epoch only).
AGAINST = os.environ.get("AGAINST", "numpy")

PRODUCTS = {  # name: multiply-adds · 2 (as Workloads.PRODUCTS)
    "mlp-forward1": 2 * 64 * 784 * 128, "mlp-forward2": 2 * 64 * 128 * 10, "mlp-grad-w2": 2 * 128 * 64 * 10,
    "mlp-grad-a1": 2 * 64 * 10 * 128, "mlp-grad-a1-into": 2 * 64 * 10 * 128, "mlp-grad-w1": 2 * 784 * 64 * 128,
    "mlp-grad-x": 2 * 64 * 128 * 784,
    "square-64": 2 * 64 ** 3, "square-256": 2 * 256 ** 3, "square-1024": 2 * 1024 ** 3,
}
VECTOR = ["--add-modules", "jdk.incubator.vector", "-Dnn4j.kernel=vector"]
# The benchmark JVM's heap is fixed at 1 GB and touched when it starts, as a long-running trainer's heap is after its
# first minute: otherwise the rows that allocate their results (a product returning a new matrix) time G1 growing the
# heap, with hundreds of thousands of page faults, instead of the code (mlp-grad-a1 then ranged from 0.02 to 0.9).
HEAP = ["-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"]
GROUPS = [  # (label, JVM options, threads, workloads)
    ("vector, 1 thread", VECTOR + ["-Dnn4j.threads=1"], 1,
     ["xor-epoch", "mlp-step", "mlp-epoch"] + list(PRODUCTS)),
    ("vector, 2 threads", VECTOR + ["-Dnn4j.threads=2"], 2, ["mlp-step", "mlp-epoch", "square-256", "square-1024"]),
    ("scalar, 1 thread", ["-Dnn4j.kernel=scalar", "-Dnn4j.threads=1"], 1, ["mlp-step", "mlp-epoch"]),
]


class Server:
    """A --serve process: one command per line, one answer per line."""

    def __init__(self, command, env=None, cpu=None):
        pin = None if cpu is None else (lambda: os.sched_setaffinity(0, {cpu}))
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, env=env, preexec_fn=pin)
        self.expect("ready")

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer or answer.startswith("error"):
            raise RuntimeError(f"{line!r} -> {answer!r}")
        return answer

    def expect(self, word):
        answer = self.process.stdout.readline().strip()
        if answer != word:
            raise RuntimeError(f"expected {word!r}, got {answer!r}")

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(timeout=60)


def value(workload, seconds_per_op):
    """(value, unit, higher_is_better) in the unit the table shows."""
    if workload == "xor-epoch":
        return seconds_per_op * 1e6, "µs/epoch", False
    if workload in ("mlp-step", "mlp-epoch"):
        return 1 / seconds_per_op, "samples/s", True
    return PRODUCTS[workload] / seconds_per_op * 1e-9, "GFLOP/s", True


def sample_seconds(workload):
    return 0.1 if workload == "mlp-epoch" else 0.5


def fmt(x):
    return f"{x:,.0f}" if x >= 1000 else f"{x:.3g}"


def pinned_cpu():
    """The CPU the one-thread groups run on (see the module docstring), or None."""
    chosen = os.environ.get("PIN_CPU", "")
    if chosen == "none":
        return None
    return int(chosen) if chosen else max(os.sched_getaffinity(0))


def compare_group(label, jvm_options, threads, workloads, rows):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    cpu = pinned_cpu() if threads == 1 else None
    java = Server([JAVA, *HEAP, *jvm_options, "-cp", BENCH_JAR, "org.nn4j.benchmarks.Compare", "--serve"], cpu=cpu)
    numpy = Server([sys.executable, os.path.join(HERE, AGAINST, "workloads.py"), "--serve"], env, cpu=cpu)
    try:
        for workload in workloads:
            java.ask(f"warmup {workload} 3")
            numpy.ask(f"warmup {workload} 1")
            ours, theirs, ratios, cpu_ratios = [], [], [], []
            for r in range(ROUNDS):
                pair = [(java, ours), (numpy, theirs)]
                for server, into in (pair if r % 2 == 0 else pair[::-1]):
                    wall, cpu = map(float, server.ask(f"sample {workload} {sample_seconds(workload)}").split())
                    into.append((wall, cpu))
                ratios.append(theirs[-1][0] / ours[-1][0])
                cpu_ratios.append(theirs[-1][1] / ours[-1][1])
            _, unit, _ = value(workload, 1.0)
            rows.append((f"{workload} ({label})", unit, value(workload, statistics.median(w for w, _ in ours))[0],
                         value(workload, statistics.median(w for w, _ in theirs))[0], ratios,
                         cpu_ratios if threads == 1 else None))
            print(f"  {rows[-1][0]}: ratio {statistics.median(ratios):.2f}", file=sys.stderr, flush=True)
    finally:
        java.close()
        numpy.close()


def python_on_path():
    """The `python3` a user gets by typing it (as compare.sh's PATH finds it), and a note on what it is."""
    typed = os.environ.get("NN4J_PYTHON3_ON_PATH") or shutil.which("python3")
    if typed is None:
        return None, "no python3 on PATH"
    if os.path.realpath(typed) == os.path.realpath(sys.executable):
        return typed, f"{typed}, the interpreter itself"
    with open(typed, "rb") as f:
        script = f.read(2) == b"#!"
    what = "a script that starts the interpreter (pyenv shim or wrapper)" if script else "another executable"
    return typed, f"{typed}, {what}"


def compare_processes(rows, notes):
    """The whole XOR example as a process, JVM start included, against the blog's program started two ways.

    `python3 blog_xor.py` as the issue names it: `python3` as PATH resolves it, which on a pyenv machine is a
    shell script that finds and then starts the interpreter; and the interpreter itself (sys.executable, the one
    running this script), the stricter comparison. The three commands run in turn, the order rotating every round,
    and each python row's ratio is the median of the per-round ratios against that round's java run.
    """
    typed, what = python_on_path()
    notes.append(f"python3 on PATH: {what}; interpreter: {sys.executable}")
    java, by_path, interpreter = [], [], []
    # ./nn4j as users run it (vector kernel, class-data sharing): one untimed run first records the archive.
    launcher = [os.path.join(ROOT, "nn4j"), "xor"]
    subprocess.run(launcher, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    commands = [(launcher, java), ([sys.executable, BLOG], interpreter)]
    if typed is not None:
        commands.append(([typed, BLOG], by_path))
    for r in range(ROUNDS):
        for command, into in commands[r % len(commands):] + commands[:r % len(commands)]:
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            into.append(time.perf_counter() - start)
    for label, theirs in (("`python3` on PATH", by_path), ("the interpreter itself", interpreter)):
        if theirs:
            rows.append((f"xor example, whole process (./nn4j xor vs the blog under {label})", "s",
                         statistics.median(java), statistics.median(theirs),
                         [b / a for a, b in zip(java, theirs)], None))


def describe_machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java_version = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    numpy_version = subprocess.run([sys.executable, "-c", "import numpy; print(numpy.__version__)"],
                                   capture_output=True, text=True).stdout.strip()
    return [f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
            f"machine: {model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
            f"java: {java_version}; python {platform.python_version()}, numpy {numpy_version}",
            f"load average at start: {os.getloadavg()[0]:.1f}, rounds: {ROUNDS}",
            "one-thread groups pinned to " + ("no CPU" if pinned_cpu() is None else f"CPU {pinned_cpu()}")]


def torch_version():
    return subprocess.run([sys.executable, "-c", "import torch; print(torch.__version__)"],
                          capture_output=True, text=True).stdout.strip()


def main():
    only = set(sys.argv[1:])
    rows = []
    header = describe_machine()
    for label, options, threads, workloads in GROUPS:
        chosen = [w for w in workloads if (not only or w in only)
                  and (AGAINST == "numpy" or w in ("xor-epoch", "mlp-step", "mlp-epoch"))]
        if chosen:
            compare_group(label, options, threads, chosen, rows)
    if AGAINST == "numpy" and (not only or "xor-process" in only):
        compare_processes(rows, header)
    header.append(f"load average at end: {os.getloadavg()[0]:.1f}")
    header.append(f"compared with: {AGAINST}" + (f" {torch_version()}" if AGAINST == "pytorch" else ""))
    for line in header:
        print(line)
    print()
    print(f"nn4j, {AGAINST}: medians of the wall-clock samples. ratio: nn4j speed / {AGAINST} speed (above 1: nn4j is")
    print("faster), the median of the per-round wall-clock ratios; range: the smallest and largest of them.")
    print("CPU ratio: the same from each side's thread CPU time, which other processes on a busy machine do not")
    print("inflate (one-thread rows only; with two threads it would miss the helper thread's work).")
    print()
    print(f"| workload | unit | nn4j | {AGAINST} | ratio | range | CPU ratio |")
    print("|---|---|---:|---:|---:|---|---:|")
    for name, unit, ours, theirs, ratios, cpu_ratios in rows:
        cpu = f"{statistics.median(cpu_ratios):.2f}" if cpu_ratios else "–"
        print(f"| {name} | {unit} | {fmt(ours)} | {fmt(theirs)} | {statistics.median(ratios):.2f} "
              f"| {min(ratios):.2f}–{max(ratios):.2f} | {cpu} |")


if __name__ == "__main__":
    main()
