"""The table of nn-benchmarks/fashion-mnist.sh: runs `nn4j fashion-mnist` and pytorch/fashion_mnist.py under GNU
time for every model and thread count, one after the other, and prints a Markdown table.

    python3 fashion_mnist_compare.py ROOT "mlp cnn" "1 2" EPOCHS DATA
"""
import os
import re
import subprocess
import sys
import time


def run(command, env):
    """(the program's output, wall seconds, CPU seconds, peak RSS in MB) of one run under /usr/bin/time -v."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1))
              for kind in ("User", "System"))
    return result.stdout, wall, cpu, rss


def accuracy(output):
    return float(re.search(r"^test accuracy: (\d\.\d+)", output, re.M).group(1))


def main():
    root, models, threads, epochs, data = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), sys.argv[4], sys.argv[5]
    rows = []
    for model in models:
        for n in threads:
            env = dict(os.environ, NN4J_JAVA_OPTS=f"-Dnn4j.threads={n}")
            out, wall, cpu, rss = run([os.path.join(root, "nn4j"), "fashion-mnist", "--model", model, "--epochs", epochs,
                                  "--data", data, "--quiet"], env)
            per_epoch = float(re.search(r"^time: [\d.]+ s in all, ([\d.]+) s per epoch", out, re.M).group(1))
            nn4j = (per_epoch, wall, cpu, accuracy(out), rss)
            print(f"nn4j    {model} {n} thread(s): {nn4j}", file=sys.stderr, flush=True)
            env = dict(os.environ, OMP_NUM_THREADS=n)
            out, wall, cpu, rss = run([sys.executable, os.path.join(root, "nn-benchmarks", "pytorch", "fashion_mnist.py"),
                                  "--model", model, "--epochs", epochs, "--threads", n, "--data", data], env)
            epoch_times = [float(t) for t in re.findall(r"^epoch \d+: loss [\d.]+, ([\d.]+) s", out, re.M)]
            torch = (sum(epoch_times) / len(epoch_times), wall, cpu, accuracy(out), rss)
            print(f"pytorch {model} {n} thread(s): {torch}", file=sys.stderr, flush=True)
            rows.append((model, n, nn4j, torch))
    print("| network, threads | s/epoch nn4j | s/epoch PyTorch | whole run nn4j | whole run PyTorch | speed-up"
          " (wall) | CPU s nn4j | CPU s PyTorch | speed-up (CPU) | test accuracy nn4j | test accuracy PyTorch"
          " | peak RSS nn4j | peak RSS PyTorch |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for model, n, a, b in rows:
        print(f"| {model}, {n} | {a[0]:.2f} | {b[0]:.2f} | {a[1]:.1f} s | {b[1]:.1f} s | {b[1] / a[1]:.2f}× |"
              f" {a[2]:.1f} | {b[2]:.1f} | {b[2] / a[2]:.2f}× | {a[3]:.4f} | {b[3]:.4f} | {a[4]:.0f} MB |"
              f" {b[4]:.0f} MB |")


if __name__ == "__main__":
    main()
