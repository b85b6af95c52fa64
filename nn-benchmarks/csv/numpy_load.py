#!/usr/bin/env python3
"""Times numpy's loadtxt on a CSV with a header: python3 numpy_load.py FILE [RUNS].

Prints the wall and CPU seconds of each run and the array's bytes."""
import sys
import time

import numpy as np

for run in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
    start, cpu = time.perf_counter(), time.process_time()
    data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
    print(f"numpy.loadtxt {data.shape[0]}x{data.shape[1]}: {time.perf_counter() - start:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU, array {data.nbytes / 1e6:.0f} MB")
    del data
