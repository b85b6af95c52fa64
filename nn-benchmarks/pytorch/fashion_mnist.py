"""Fashion-MNIST in PyTorch, as its tutorials write it: the reference `nn4j fashion-mnist` is compared with
(nn-benchmarks/fashion-mnist.sh runs both side by side).

    python3 fashion_mnist.py --model mlp|cnn [--epochs 10] [--threads 1] [--data /usr/share/datasets/fashion-mnist]

The same two networks, optimizer, batch sizes and epochs as nn4j's example (CPU, float32):
  mlp  Flatten -> Linear(784, 128) -> ReLU -> Linear(128, 10); Adam(0.001); batch 32
  cnn  Conv2d(1, 32, 3) -> ReLU -> MaxPool2d(2) -> Conv2d(32, 64, 3) -> ReLU -> MaxPool2d(2) -> Flatten
       -> Dropout(0.5) -> Linear(1600, 10); Adam(0.001); batch 128
  both CrossEntropyLoss on the logits; a DataLoader over a TensorDataset, shuffled every epoch; pixels / 255.
Prints one line per epoch with its seconds, then `test accuracy: 0.xxxx` and the whole run's seconds (load, train,
test). Peak memory is measured from outside (/usr/bin/time). Needs torch:
pip install --no-index --no-deps "$PIP_FIND_LINKS"/torch-*.whl
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    """The IDX file's unsigned bytes as a numpy array of its declared shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, dtype, rank = struct.unpack(">HBB", data[:4])
    assert zero == 0 and dtype == 0x08, path
    shape = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def load(directory, prefix):
    images = read_idx(os.path.join(directory, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(directory, prefix + "-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)  # n x 1 x 28 x 28
    return torch.utils.data.TensorDataset(x, torch.from_numpy(labels.astype(np.int64)))


def network(kind):
    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)), 32
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10)), 128


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn"], default="mlp")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    start = time.perf_counter()
    train, test = load(args.data, "train"), load(args.data, "t10k")
    model, batch = network(args.model)
    loader = torch.utils.data.DataLoader(train, batch_size=batch, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()
    print(f"load: {time.perf_counter() - start:.2f} s", flush=True)
    for epoch in range(args.epochs):
        model.train()
        epoch_start = time.perf_counter()
        total, seen = 0.0, 0
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            seen += len(y)
        print(f"epoch {epoch}: loss {total / seen:.4f}, {time.perf_counter() - epoch_start:.2f} s", flush=True)
    model.eval()
    right = 0
    with torch.no_grad():
        for x, y in torch.utils.data.DataLoader(test, batch_size=1000):
            right += (model(x).argmax(1) == y).sum().item()
    print(f"test accuracy: {right / len(test):.4f}")
    print(f"whole run: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
