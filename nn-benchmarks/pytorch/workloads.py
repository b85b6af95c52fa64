"""The PyTorch half of `AGAINST=pytorch nn-benchmarks/compare.sh`: the same workloads as numpy/workloads.py, written
as a PyTorch user writes them (float32 tensors, nn.Linear, nn.Sigmoid, nn.MSELoss, optim.SGD, autograd), on the CPU
with as many threads as OMP_NUM_THREADS says. Same serve protocol and harness as the numpy side.

Needs torch: pip install --no-index --no-deps "$PIP_FIND_LINKS"/torch-*.whl
"""
import importlib.util
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("numpy_workloads", os.path.join(HERE, "..", "numpy", "workloads.py"))
numpy_workloads = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(numpy_workloads)

BATCH = numpy_workloads.BATCH
EPOCH_SAMPLES = numpy_workloads.EPOCH_SAMPLES
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))


def network(sizes):
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.Sigmoid()]
    return torch.nn.Sequential(*layers)


def trainer(model, rate):
    loss_fn = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=rate)

    def step(x, y):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss
    return step


def create(name):
    """(call, operations), as numpy/workloads.py's create."""
    torch.manual_seed(1)
    if name == "xor-epoch":
        model = network([2, 4, 1])
        initial = {k: v.clone() for k, v in model.state_dict().items()}
        step = trainer(model, 0.2)
        x = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
        y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)

        def thousand_epochs():
            model.load_state_dict(initial)
            for _ in range(1000):
                step(x, y)
        return thousand_epochs, 1000
    if name in ("mlp-step", "mlp-epoch"):
        model = network([784, 128, 10])
        with torch.no_grad():
            for p in model.parameters():
                p.uniform_(-0.05, 0.05)
        initial = {k: v.clone() for k, v in model.state_dict().items()}
        step = trainer(model, 0.1)
        samples = BATCH if name == "mlp-step" else EPOCH_SAMPLES
        x = torch.rand(samples, 784)
        y = torch.zeros(samples, 10)
        y[torch.arange(samples), torch.randint(0, 10, (samples,))] = 1.0
        generator = torch.Generator().manual_seed(2)
        if name == "mlp-step":
            def twenty_steps():
                model.load_state_dict(initial)
                for _ in range(20):
                    step(x, y)
            return twenty_steps, 20 * BATCH

        def one_epoch():
            model.load_state_dict(initial)
            order = torch.randperm(samples, generator=generator)
            for start in range(0, samples, BATCH):
                rows = order[start:start + BATCH]
                step(x[rows], y[rows])
        return one_epoch, samples
    raise SystemExit(f"pytorch/workloads.py: no workload {name} (xor-epoch, mlp-step, mlp-epoch)")


numpy_workloads.create = create


def main():
    harness = numpy_workloads.Harness()
    if sys.argv[1:] == ["--serve"]:
        numpy_workloads.serve(harness)
        return
    for name in sys.argv[1:] or ["xor-epoch", "mlp-step", "mlp-epoch"]:
        harness.warmup(name, 1.0)
        wall, cpu = harness.sample(name, 1.0)
        print(f"{name}\t{wall:.6g}\t{cpu:.6g}", flush=True)


if __name__ == "__main__":
    main()
