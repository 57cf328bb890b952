"""Reference solution for ps13-neural-networks."""

import numpy as np


def relu(z):
    """ReLU(z) = max(z, 0), elementwise, as a float array of the shape of z."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_grad(z):
    """The derivative of ReLU: 1.0 where z > 0, 0.0 where z <= 0 (0 at z = 0)."""
    return (np.asarray(z, dtype=float) > 0).astype(float)


def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(z):
    """The derivative of the sigmoid, sigmoid(z) * (1 - sigmoid(z)), elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh_grad(z):
    """The derivative of tanh, 1 - tanh(z)**2, elementwise."""
    t = np.tanh(np.asarray(z, dtype=float))
    return 1.0 - t**2


def dense_forward(X, W, b):
    """Z = X @ W + b for a batch X (n, p), weights W (p, q), bias b (q,)."""
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float) + np.asarray(b, dtype=float)


def dense_backward(dZ, X, W):
    """Given dZ = dL/dZ (n, q), return (dX, dW, db) of shapes (n, p), (p, q), (q,)."""
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def log_softmax(Z):
    """Row-wise log-softmax of Z (n, k), stable for any size of logits."""
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax(Z):
    """Row-wise softmax of Z (n, k): each row is positive and sums to 1."""
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(Z, y):
    """Mean cross-entropy of softmax(Z) against integer labels y, and its gradient dL/dZ.

    Z: logits (n, k); y: integer labels (n,) in 0..k-1. Returns (loss, dZ), loss a float
    and dZ of shape (n, k).
    """
    Z = np.asarray(Z, dtype=float)
    y = np.asarray(y, dtype=int)
    n = Z.shape[0]
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), y].mean()
    dZ = np.exp(log_p)
    dZ[np.arange(n), y] -= 1.0
    return float(loss), dZ / n


def init_params(layer_sizes, rng, gain=2.0):
    """Weights W ~ Normal(0, gain / fan_in) of shape (fan_in, fan_out), biases zero.

    Returns a list of dicts {"W": ..., "b": ...}, one per layer.
    """
    params = []
    for fan_in, fan_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        W = rng.normal(0.0, np.sqrt(gain / fan_in), size=(fan_in, fan_out))
        params.append({"W": W, "b": np.zeros(fan_out)})
    return params


def mlp_forward(params, X, activation):
    """Forward pass of an MLP; returns (Zs, As).

    As[l] is the input of layer l (As[0] = X), Zs[l] = As[l] @ W_l + b_l; the hidden layers
    apply `activation`, the last layer does not: the logits are Zs[-1].
    """
    A = np.asarray(X, dtype=float)
    Zs, As = [], []
    for l, layer in enumerate(params):
        As.append(A)
        Z = A @ np.asarray(layer["W"], dtype=float) + np.asarray(layer["b"], dtype=float)
        Zs.append(Z)
        if l < len(params) - 1:
            A = np.asarray(activation(Z), dtype=float)
    return Zs, As


def mlp_backward(params, Zs, As, dlogits, activation_grad):
    """Gradients of the loss for every layer, given dlogits = dL/dZs[-1].

    Returns a list of dicts {"W": dW_l, "b": db_l}, in layer order, each of the
    parameter's shape.
    """
    grads = [None] * len(params)
    dZ = np.asarray(dlogits, dtype=float)
    for l in range(len(params) - 1, -1, -1):
        W = np.asarray(params[l]["W"], dtype=float)
        A = np.asarray(As[l], dtype=float)
        grads[l] = {"W": A.T @ dZ, "b": dZ.sum(axis=0)}
        if l > 0:
            dA = dZ @ W.T
            dZ = dA * np.asarray(activation_grad(Zs[l - 1]), dtype=float)
    return grads


def numerical_gradient(f, x, h=1e-5):
    """Central differences (f(x + h e_i) - f(x - h e_i)) / 2h for every entry of x.

    x is a float array of any shape; it is left as it was. Returns an array of x's shape.
    """
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        up = f(x)
        x[index] = old - h
        down = f(x)
        x[index] = old
        grad[index] = (up - down) / (2 * h)
    return grad


def relative_error(a, b):
    """The largest |a - b| / max(1e-8, |a| + |b|) over the entries, as a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def minibatch_indices(n, batch_size, rng):
    """Shuffle 0..n-1 with rng and cut it into batches of batch_size (the last may be
    smaller). Returns a list of integer arrays."""
    order = rng.permutation(n)
    return [order[start : start + batch_size] for start in range(0, n, batch_size)]


def train_epoch(params, X, y, batches, learning_rate, loss_and_grad):
    """One epoch of mini-batch gradient descent.

    For each index array in `batches`, in order: loss, grads = loss_and_grad(params,
    X[idx], y[idx]); then every parameter moves by -learning_rate * its gradient.
    Returns (new_params, losses): the updated parameters (a new list of dicts; the input
    is left unchanged) and the list of the batch losses, each computed before its update.
    """
    params = [
        {key: np.array(value, dtype=float) for key, value in layer.items()} for layer in params
    ]
    losses = []
    for idx in batches:
        loss, grads = loss_and_grad(params, X[idx], y[idx])
        losses.append(float(loss))
        params = [
            {key: layer[key] - learning_rate * np.asarray(grad[key], dtype=float) for key in layer}
            for layer, grad in zip(params, grads, strict=True)
        ]
    return params, losses
