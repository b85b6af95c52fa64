"""The first training step of the blog's XOR program (../shared/blog-neural-networks.txt), every quantity printed.

Usage: python3 blog_step.py > blog_step.txt
Same seed (42), same draws (weights1, weights2, bias1, bias2) and same arithmetic as the blog's code; it prints each
matrix of the step under the blog's name, one row per line, as Python's repr of each double (17 significant
digits), so that `xor --explain` can be checked against numpy. The updates are the parameters' changes.
"""
import numpy as np

np.random.seed(42)
learning_rate = 0.1
weights1 = np.random.uniform(-1, 1, (2, 4))
weights2 = np.random.uniform(-1, 1, (4, 1))
bias1 = np.random.uniform(-1, 1, (1, 4))
bias2 = np.random.uniform(-1, 1, (1, 1))

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])


def sigmoid(x):
    return 1 / (1 + np.exp(-np.clip(x, -250, 250)))


def show(name, m):
    print(name)
    for row in np.atleast_2d(m):
        print(" ".join(repr(float(v)) for v in row))


z1 = np.dot(X, weights1) + bias1
a1 = sigmoid(z1)
z2 = np.dot(a1, weights2) + bias2
output = sigmoid(z2)
output_error = y - output
output_delta = output_error * (output * (1 - output))
hidden_error = output_delta.dot(weights2.T)
hidden_delta = hidden_error * (a1 * (1 - a1))
old = [weights2.copy(), bias2.copy(), weights1.copy(), bias1.copy()]
weights2 += a1.T.dot(output_delta) * learning_rate
bias2 += np.sum(output_delta, axis=0, keepdims=True) * learning_rate
weights1 += X.T.dot(hidden_delta) * learning_rate
bias1 += np.sum(hidden_delta, axis=0, keepdims=True) * learning_rate

show("z1", z1)
show("a1", a1)
show("z2", z2)
show("output", output)
show("output_delta", output_delta)
show("hidden_delta", hidden_delta)
show("weights2 +=", weights2 - old[0])
show("bias2 +=", bias2 - old[1])
show("weights1 +=", weights1 - old[2])
show("bias1 +=", bias1 - old[3])
