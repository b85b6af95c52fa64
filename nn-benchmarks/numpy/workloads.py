"""The numpy half of nn-benchmarks/compare.sh: the same work as org.nn4j.benchmarks.Workloads, timed the same way.

Usage: OPENBLAS_NUM_THREADS=1 python3 workloads.py [workload ...]

Prints one line per workload, "name<TAB>value<TAB>unit", each the median of 7 timed samples after a warm-up:
  xor-epoch   the blog's 2-4-1 network, one forward and backward pass (its train() loop body), microseconds
  mlp-step    784-128-10 sigmoid MLP, mean squared error, SGD 0.1, one batch of 64: training samples per second
  mlp-epoch   the same MLP, one shuffled epoch of 60,000 synthetic samples in batches of 64: samples per second
  <product>   A.B, A.T.B or A.B.T on the shapes of Workloads.PRODUCTS: GFLOP/s (2nkm / seconds)
Thread count: set OPENBLAS_NUM_THREADS before starting (numpy reads it once, at import).
"""
import sys
import time

import numpy as np

SAMPLES = 7
SAMPLE_SECONDS = 0.25
WARMUP_SECONDS = 1.0
BATCH = 64
EPOCH_SAMPLES = 60000

PRODUCTS = {
    "mlp-forward1": ("ab", 64, 784, 128),
    "mlp-forward2": ("ab", 64, 128, 10),
    "mlp-grad-w2": ("atb", 128, 64, 10),
    "mlp-grad-a1": ("abt", 64, 10, 128),
    "mlp-grad-w1": ("atb", 784, 64, 128),
    "square-64": ("ab", 64, 64, 64),
    "square-256": ("ab", 256, 256, 256),
    "square-1024": ("ab", 1024, 1024, 1024),
}


def median_seconds(work, operations):
    """Median seconds per operation; one call of work() does `operations` operations."""
    end = time.perf_counter() + WARMUP_SECONDS
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() < end:
        work()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    calls_per_sample = max(1, int(SAMPLE_SECONDS / per_call))
    samples = []
    for _ in range(SAMPLES):
        t0 = time.perf_counter()
        for _ in range(calls_per_sample):
            work()
        samples.append((time.perf_counter() - t0) / calls_per_sample / operations)
    return sorted(samples)[SAMPLES // 2]


def sigmoid(x):
    # As the blog (and nn4j's Sigmoid): clip, then the logistic function.
    return 1 / (1 + np.exp(-np.clip(x, -250, 250)))


class XorNetwork:
    """The blog's network: its forward and backward, operation for operation (learning rate 0.1)."""

    def __init__(self):
        np.random.seed(42)
        self.w1 = np.random.uniform(-1, 1, (2, 4))
        self.w2 = np.random.uniform(-1, 1, (4, 1))
        self.b1 = np.random.uniform(-1, 1, (1, 4))
        self.b2 = np.random.uniform(-1, 1, (1, 1))
        self.x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
        self.y = np.array([[0], [1], [1], [0]])

    def epoch(self):
        a1 = sigmoid(np.dot(self.x, self.w1) + self.b1)
        out = sigmoid(np.dot(a1, self.w2) + self.b2)
        output_delta = (self.y - out) * (out * (1 - out))
        hidden_delta = output_delta.dot(self.w2.T) * (a1 * (1 - a1))
        self.w2 += a1.T.dot(output_delta) * 0.1
        self.b2 += np.sum(output_delta, axis=0, keepdims=True) * 0.1
        self.w1 += self.x.T.dot(hidden_delta) * 0.1
        self.b1 += np.sum(hidden_delta, axis=0, keepdims=True) * 0.1


class Mlp:
    """784-128-10 sigmoid MLP trained with mean squared error and SGD, as nn4j's Sequential trains it."""

    def __init__(self, rng):
        self.w1 = rng.uniform(-0.05, 0.05, (784, 128))
        self.b1 = rng.uniform(-0.05, 0.05, (1, 128))
        self.w2 = rng.uniform(-0.05, 0.05, (128, 10))
        self.b2 = rng.uniform(-0.05, 0.05, (1, 10))
        self.rate = 0.1

    def step(self, x, y):
        a1 = sigmoid(x.dot(self.w1) + self.b1)
        out = sigmoid(a1.dot(self.w2) + self.b2)
        loss = np.mean(np.square(out - y))
        d_out = 2.0 * (out - y) / out.size
        d2 = d_out * (out * (1 - out))
        d1 = d2.dot(self.w2.T) * (a1 * (1 - a1))
        self.w2 -= self.rate * a1.T.dot(d2)
        self.b2 -= self.rate * np.sum(d2, axis=0, keepdims=True)
        self.w1 -= self.rate * x.T.dot(d1)
        self.b1 -= self.rate * np.sum(d1, axis=0, keepdims=True)
        return loss

    def epoch(self, x, y, rng):
        order = rng.permutation(len(x))
        for start in range(0, len(x), BATCH):
            rows = order[start:start + BATCH]
            self.step(x[rows], y[rows])


def synthetic(rng, samples):
    x = rng.random((samples, 784))
    y = np.zeros((samples, 10))
    y[np.arange(samples), rng.integers(0, 10, samples)] = 1.0
    return x, y


def run(name):
    if name == "xor-epoch":
        net = XorNetwork()
        return median_seconds(net.epoch, 1) * 1e6, "us/epoch"
    if name == "mlp-step":
        rng = np.random.default_rng(1)
        mlp = Mlp(rng)
        x, y = synthetic(rng, BATCH)
        return BATCH / median_seconds(lambda: mlp.step(x, y), 1), "samples/s"
    if name == "mlp-epoch":
        rng = np.random.default_rng(1)
        mlp = Mlp(rng)
        x, y = synthetic(rng, EPOCH_SAMPLES)
        mlp.epoch(x, y, rng)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            mlp.epoch(x, y, rng)
            times.append(time.perf_counter() - t0)
        return EPOCH_SAMPLES / sorted(times)[1], "samples/s"
    form, n, k, m = PRODUCTS[name]
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (k, n) if form == "atb" else (n, k))
    b = rng.uniform(-1, 1, (m, k) if form == "abt" else (k, m))
    if form == "ab":
        work = lambda: a.dot(b)
    elif form == "atb":
        work = lambda: a.T.dot(b)
    else:
        work = lambda: a.dot(b.T)
    return 2.0 * n * k * m / median_seconds(work, 1) * 1e-9, "GFLOP/s"


def main():
    names = sys.argv[1:] or ["xor-epoch", "mlp-step", "mlp-epoch"] + list(PRODUCTS)
    for name in names:
        value, unit = run(name)
        print(f"{name}\t{value:.6g}\t{unit}", flush=True)


if __name__ == "__main__":
    main()
