#!/usr/bin/env python3
"""Writes a Fashion-MNIST-shaped CSV for the CSV loading measurements (docs/performance.md, CSV loading).

    python3 nn-benchmarks/csv/make_csv.py OUT.csv [ROWS]      default 60000 rows: 255 MB

A header `label,p0,...,p783`, then ROWS lines of a class 0-9 and 784 pixel intensities in [0, 1) with three decimals
(seeded, so every run writes the same bytes; a fifth of the pixels are a bare 0). ROWS=240000 makes about 1 GB.
"""
import sys

import numpy as np


TEXT = ["0"] + [f"0.{k:03d}" for k in range(1, 1000)]


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 60000
    rng = np.random.default_rng(15)
    with open(out, "w", encoding="ascii") as f:
        f.write("label," + ",".join(f"p{i}" for i in range(784)) + "\n")
        for start in range(0, rows, 5000):
            n = min(5000, rows - start)
            pixels = rng.integers(1, 1000, size=(n, 784))
            pixels[rng.random((n, 784)) < 0.2] = 0
            labels = rng.integers(0, 10, size=n)
            for label, row in zip(labels.tolist(), pixels.tolist()):
                f.write(str(label) + "," + ",".join([TEXT[p] for p in row]) + "\n")


if __name__ == "__main__":
    main()
