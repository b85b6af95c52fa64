"""One training step of the Keras "simple MNIST convnet" in PyTorch, float32 on the CPU: the same work as nn4j's
ConvnetBenchmark (nn-benchmarks/src/main/java/org/nn4j/benchmarks/ConvnetBenchmark.java). Conv2d(1→32, 3×3) → ReLU →
MaxPool(2) → Conv2d(32→64, 3×3) → ReLU → MaxPool(2) → Flatten → Dropout(0.5) → Linear(1600→10), cross-entropy on
logits, Adam(0.001), a batch of 128 random 28×28 images, written as a PyTorch user writes it.

    OMP_NUM_THREADS=1 python3 nn-benchmarks/pytorch/convnet_step.py [rounds]

Prints the median and best of `rounds` (default 7) timings of 20 steps each, in milliseconds per step, and the
CPU time per step (process time), which a loaded machine inflates less than wall time. Needs torch:
pip install --no-index --no-deps "$PIP_FIND_LINKS"/torch-*.whl
"""
import os
import statistics
import sys
import time

import torch

THREADS = int(os.environ.get("OMP_NUM_THREADS", "1"))
torch.set_num_threads(THREADS)
STEPS = 20


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    torch.manual_seed(1)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Dropout(0.5), torch.nn.Linear(1600, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(128, 1, 28, 28)
    y = torch.randint(0, 10, (128,))
    model.train()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss

    for _ in range(10):
        step()
    wall, cpu = [], []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(STEPS):
            step()
        wall.append((time.perf_counter() - w0) * 1000 / STEPS)
        cpu.append((time.process_time() - c0) * 1000 / STEPS)
    print(f"pytorch {torch.__version__} float32, {THREADS} thread(s), convnet step, batch 128: "
          f"median {statistics.median(wall):.1f} ms, best {min(wall):.1f} ms wall; "
          f"median {statistics.median(cpu):.1f} ms CPU per step")


if __name__ == "__main__":
    main()
