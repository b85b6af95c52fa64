"""The numpy half of nn-benchmarks/compare.sh: the same work as org.nn4j.benchmarks.Workloads, timed the same way.

Usage: OPENBLAS_NUM_THREADS=1 python3 workloads.py --serve        (driven by compare.py, like Compare.java)
       OPENBLAS_NUM_THREADS=1 python3 workloads.py [workload ...]  (prints "name<TAB>wall s/op<TAB>CPU s/op")

Workloads (an operation is what the seconds are divided by):
  xor-epoch   the blog's 2-4-1 network, its own train() loop (forward, backward, the loss every 100
              epochs, no print); op = one epoch
  mlp-step    784-128-10 sigmoid MLP, mean squared error, SGD 0.1, one batch of 64; op = one training sample
  mlp-epoch   the same MLP, one shuffled epoch of 60,000 synthetic samples in batches of 64; op = one sample
  <product>   A.B, A.T.B or A.B.T on the shapes of Workloads.PRODUCTS (a new result each time; the -into
              workload writes A.B.T into one reused result with out=); op = one product
Thread count: set OPENBLAS_NUM_THREADS before starting (numpy reads it once, at import).
"""
import sys
import time

import numpy as np

BATCH = 64
EPOCH_SAMPLES = 60000

PRODUCTS = {
    "mlp-forward1": ("ab", 64, 784, 128),
    "mlp-forward2": ("ab", 64, 128, 10),
    "mlp-grad-w2": ("atb", 128, 64, 10),
    "mlp-grad-a1": ("abt", 64, 10, 128),
    "mlp-grad-a1-into": ("abt-into", 64, 10, 128),  # into a reused result, as nn4j's Engine.multiplyTranspose
    "mlp-grad-w1": ("atb", 784, 64, 128),
    "mlp-grad-x": ("abt", 64, 128, 784),
    "square-64": ("ab", 64, 64, 64),
    "square-256": ("ab", 256, 256, 256),
    "square-1024": ("ab", 1024, 1024, 1024),
}


def sigmoid(x):
    # As the blog (and nn4j's Sigmoid): clip, then the logistic function.
    return 1 / (1 + np.exp(-np.clip(x, -250, 250)))


class XorNetwork:
    """The blog's network as the blog writes it: the same methods (sigmoid, sigmoid_derivative, forward,
    backward), the same attributes kept between them, and train()'s loop with its loss every 100 epochs, so that
    the comparison times the blog's program and not a tidier one. Only the print is left out (nn4j's side prints
    nothing either); it would add a write to the terminal every 100 epochs."""

    def __init__(self):
        np.random.seed(42)
        self.weights1 = np.random.uniform(-1, 1, (2, 4))
        self.weights2 = np.random.uniform(-1, 1, (4, 1))
        self.bias1 = np.random.uniform(-1, 1, (1, 4))
        self.bias2 = np.random.uniform(-1, 1, (1, 1))

    def snapshot(self):
        return [p.copy() for p in (self.weights1, self.weights2, self.bias1, self.bias2)]

    def restore(self, values):
        for p, v in zip((self.weights1, self.weights2, self.bias1, self.bias2), values):
            p[...] = v

    def sigmoid(self, x):
        return 1 / (1 + np.exp(-np.clip(x, -250, 250)))

    def sigmoid_derivative(self, x):
        return x * (1 - x)

    def forward(self, X):
        self.z1 = np.dot(X, self.weights1) + self.bias1
        self.a1 = self.sigmoid(self.z1)
        self.z2 = np.dot(self.a1, self.weights2) + self.bias2
        self.a2 = self.sigmoid(self.z2)
        return self.a2

    def backward(self, X, y, output):
        output_error = y - output
        output_delta = output_error * self.sigmoid_derivative(output)
        hidden_error = output_delta.dot(self.weights2.T)
        hidden_delta = hidden_error * self.sigmoid_derivative(self.a1)
        learning_rate = 0.1
        self.weights2 += self.a1.T.dot(output_delta) * learning_rate
        self.bias2 += np.sum(output_delta, axis=0, keepdims=True) * learning_rate
        self.weights1 += X.T.dot(hidden_delta) * learning_rate
        self.bias1 += np.sum(hidden_delta, axis=0, keepdims=True) * learning_rate

    def train(self, X, y, epochs):
        losses = []
        for i in range(epochs):
            output = self.forward(X)
            self.backward(X, y, output)
            if i % 100 == 0:
                losses.append(np.mean(np.square(y - output)))
        return losses


XOR_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
XOR_TARGETS = np.array([[0], [1], [1], [0]])


class Mlp:
    """784-128-10 sigmoid MLP trained with mean squared error and SGD, as nn4j's Sequential trains it."""

    def __init__(self, rng):
        self.w1 = rng.uniform(-0.05, 0.05, (784, 128))
        self.b1 = rng.uniform(-0.05, 0.05, (1, 128))
        self.w2 = rng.uniform(-0.05, 0.05, (128, 10))
        self.b2 = rng.uniform(-0.05, 0.05, (1, 10))
        self.rate = 0.1

    def snapshot(self):
        return [p.copy() for p in (self.w1, self.b1, self.w2, self.b2)]

    def restore(self, values):
        for p, v in zip((self.w1, self.b1, self.w2, self.b2), values):
            p[...] = v

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


def create(name):
    """(call, operations): one call does `operations` operations, as in Compare.java."""
    # Every call starts from the same weights, as in Compare.java: trained on for millions of epochs the XOR
    # network saturates and its gradients turn subnormal, which would time the CPU's denormal arithmetic.
    if name == "xor-epoch":
        net = XorNetwork()
        initial = net.snapshot()

        def thousand_epochs():
            net.restore(initial)
            net.train(XOR_INPUTS, XOR_TARGETS, 1000)
        return thousand_epochs, 1000
    if name == "mlp-step":
        rng = np.random.default_rng(1)
        mlp = Mlp(rng)
        initial = mlp.snapshot()
        x, y = synthetic(rng, BATCH)

        def twenty_steps():
            mlp.restore(initial)
            for _ in range(20):
                mlp.step(x, y)
        return twenty_steps, 20 * BATCH
    if name == "mlp-epoch":
        rng = np.random.default_rng(1)
        mlp = Mlp(rng)
        initial = mlp.snapshot()
        x, y = synthetic(rng, EPOCH_SAMPLES)

        def epoch():
            mlp.restore(initial)
            mlp.epoch(x, y, rng)
        return epoch, EPOCH_SAMPLES
    form, n, k, m = PRODUCTS[name]
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (k, n) if form == "atb" else (n, k))
    b = rng.uniform(-1, 1, (m, k) if form.startswith("abt") else (k, m))
    if form == "abt-into":
        c = np.empty((n, m))
        return (lambda: np.matmul(a, b.T, out=c)), 1
    if form == "ab":
        return (lambda: a.dot(b)), 1
    if form == "atb":
        return (lambda: a.T.dot(b)), 1
    return (lambda: a.dot(b.T)), 1


class Harness:
    def __init__(self):
        self.workloads = {}

    def workload(self, name):
        if name not in self.workloads:
            self.workloads[name] = create(name)
        return self.workloads[name]

    def warmup(self, name, seconds):
        call, _ = self.workload(name)
        end = time.perf_counter() + seconds
        while True:
            call()
            if time.perf_counter() >= end:
                break

    def sample(self, name, seconds):
        """(wall-clock, this thread's CPU) seconds per operation over about `seconds`."""
        call, operations = self.workload(name)
        cpu_start = time.thread_time()
        start = time.perf_counter()
        end = start + seconds
        calls = 0
        while True:
            call()
            calls += 1
            if time.perf_counter() >= end:
                break
        wall = (time.perf_counter() - start) / calls / operations
        return wall, (time.thread_time() - cpu_start) / calls / operations


def serve(harness):
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "warmup":
            harness.warmup(words[1], float(words[2]))
            print("ok", flush=True)
        elif words[0] == "sample":
            wall, cpu = harness.sample(words[1], float(words[2]))
            print(f"{wall:.6g} {cpu:.6g}", flush=True)
        elif words[0] == "quit":
            return
        else:
            print(f"error: unknown command {line.strip()}", flush=True)


def main():
    harness = Harness()
    if sys.argv[1:] == ["--serve"]:
        serve(harness)
        return
    for name in sys.argv[1:] or ["xor-epoch", "mlp-step", "mlp-epoch"] + list(PRODUCTS):
        harness.warmup(name, 1.0)
        wall, cpu = harness.sample(name, 1.0)
        print(f"{name}\t{wall:.6g}\t{cpu:.6g}", flush=True)


if __name__ == "__main__":
    main()
