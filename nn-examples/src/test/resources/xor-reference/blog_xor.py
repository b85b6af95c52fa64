"""The blog's XOR program (../shared/blog-neural-networks.txt), with its constants made arguments.

Usage: python3 blog_xor.py [seed] [epochs] [learning_rate] [log_every]
Defaults are the blog's: 42 1000 0.1 100. The plotting is left out (it prints nothing).
Everything else is the blog's code, and it prints exactly what the blog prints. nn4j's `xor` example must
print the same lines when given the equivalent learning rate: twice this one (see README, "From the blog to nn4j").
"""
import sys

import numpy as np

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
learning_rate = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
log_every = int(sys.argv[4]) if len(sys.argv) > 4 else 100

np.random.seed(seed)


class SimpleNeuralNetwork:
    def __init__(self):
        self.weights1 = np.random.uniform(-1, 1, (2, 4))
        self.weights2 = np.random.uniform(-1, 1, (4, 1))
        self.bias1 = np.random.uniform(-1, 1, (1, 4))
        self.bias2 = np.random.uniform(-1, 1, (1, 1))

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
        self.weights2 += self.a1.T.dot(output_delta) * learning_rate
        self.bias2 += np.sum(output_delta, axis=0, keepdims=True) * learning_rate
        self.weights1 += X.T.dot(hidden_delta) * learning_rate
        self.bias1 += np.sum(hidden_delta, axis=0, keepdims=True) * learning_rate

    def train(self, X, y, epochs):
        losses = []
        for i in range(epochs):
            output = self.forward(X)
            self.backward(X, y, output)
            if i % log_every == 0:
                loss = np.mean(np.square(y - output))
                losses.append(loss)
                print(f"Epoch {i}, Loss: {loss:.4f}")
        return losses


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])

print("Training Data:")
print("Input -> Expected Output")
for i in range(len(X)):
    print(f"{X[i]} -> {y[i][0]}")

nn = SimpleNeuralNetwork()
print("\nTraining the network...")
losses = nn.train(X, y, epochs)

print("\nTesting the trained network:")
print("Input -> Predicted Output (Expected)")
for i in range(len(X)):
    prediction = nn.forward(np.array([X[i]]))
    print(f"{X[i]} -> {prediction[0][0]:.4f} ({y[i][0]})")

test_cases = [[0.1, 0.9], [0.8, 0.2], [0.9, 0.9], [0.1, 0.1]]
print("\nTesting with slightly different inputs:")
for test in test_cases:
    prediction = nn.forward(np.array([test]))
    expected = 1 if (test[0] > 0.5) != (test[1] > 0.5) else 0
    print(f"{test} -> {prediction[0][0]:.4f} (expected ~{expected})")
