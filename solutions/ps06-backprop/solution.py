"""Reference solution for ps06-backprop."""

import math

import numpy as np


def chain_derivative(fs, dfs, x):
    """Value and derivative of fs[-1](...fs[1](fs[0](x))) at x, by the chain rule."""
    value, derivative = float(x), 1.0
    for f, df in zip(fs, dfs, strict=True):
        derivative = derivative * df(value)  # f'(u) at the *current* intermediate u
        value = f(value)
    return value, derivative


def tanh_layer_jacobian(x, W, b):
    """Jacobian (h, d) of a = tanh(x @ W + b) with respect to x (d,)."""
    x, W, b = np.asarray(x, float), np.asarray(W, float), np.asarray(b, float)
    a = np.tanh(x @ W + b)
    return (1 - a**2)[:, None] * W.T


def forward_mode(x1, x2, dx1, dx2):
    """f(x1, x2) = ln(x1) + x1*x2 - sin(x2) and its derivative in direction (dx1, dx2)."""
    v1, dv1 = math.log(x1), dx1 / x1
    v2, dv2 = x1 * x2, dx1 * x2 + x1 * dx2
    v3, dv3 = math.sin(x2), math.cos(x2) * dx2
    return v1 + v2 - v3, dv1 + dv2 - dv3


def reverse_mode(x1, x2):
    """f(x1, x2) = ln(x1) + x1*x2 - sin(x2) and its gradient (df/dx1, df/dx2)."""
    v1, v2, v3 = math.log(x1), x1 * x2, math.sin(x2)
    f = v1 + v2 - v3
    f_bar = 1.0
    v1_bar, v2_bar, v3_bar = f_bar, f_bar, -f_bar
    x1_bar = v1_bar / x1 + v2_bar * x2
    x2_bar = v2_bar * x1 + v3_bar * math.cos(x2)
    return f, np.array([x1_bar, x2_bar])


def add_rule(a, b):
    """a + b and its local derivatives (d/da, d/db)."""
    return a + b, (1.0, 1.0)


def mul_rule(a, b):
    """a * b and its local derivatives (d/da, d/db)."""
    return a * b, (b, a)


def div_rule(a, b):
    """a / b and its local derivatives (d/da, d/db)."""
    return a / b, (1 / b, -a / b**2)


def pow_rule(a, k):
    """a ** k for a constant k and its local derivative (d/da,)."""
    return a**k, (k * a ** (k - 1),)


def exp_rule(a):
    """exp(a) and its local derivative (d/da,)."""
    e = math.exp(a)
    return e, (e,)


def log_rule(a):
    """ln(a) and its local derivative (d/da,)."""
    return math.log(a), (1 / a,)


def tanh_rule(a):
    """tanh(a) and its local derivative (d/da,)."""
    t = math.tanh(a)
    return t, (1 - t * t,)


def topological_order(root):
    """Every node reachable from root, once, each after all of its parents; root last."""
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order


def backward(root, order):
    """Reverse-mode pass: add d root / d node to node.grad for every node of the graph.

    order: every node of the graph, parents before children, root last
    (what topological_order(root) returns).
    """
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads, strict=True):
            parent.grad += local * node.grad


def mlp_loss(params, X, Y):
    """Mean squared error 1/(2n) sum ||tanh(X W1 + b1) W2 + b2 - Y||^2 of a 2-layer net."""
    H = np.tanh(X @ params["W1"] + params["b1"])
    Y_hat = H @ params["W2"] + params["b2"]
    return float(0.5 * np.sum((Y_hat - Y) ** 2) / X.shape[0])


def mlp_gradients(params, X, Y):
    """Gradients of mlp_loss with respect to W1, b1, W2, b2 (a dict, same shapes)."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = X.shape[0]
    H = np.tanh(X @ W1 + b1)  # (n, h)
    Y_hat = H @ W2 + b2  # (n, k)
    dY_hat = (Y_hat - Y) / n  # (n, k)
    dW2 = H.T @ dY_hat  # (h, k)
    db2 = dY_hat.sum(axis=0)  # (k,)
    dH = dY_hat @ W2.T  # (n, h)
    dZ1 = dH * (1 - H**2)  # (n, h)
    dW1 = X.T @ dZ1  # (d, h)
    db1 = dZ1.sum(axis=0)  # (h,)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
