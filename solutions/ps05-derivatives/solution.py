"""Reference solution for ps05-derivatives."""

import numpy as np


def forward_diff(f, x, h):
    """Forward difference (f(x + h) - f(x)) / h, elementwise if x is an array."""
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x)) / h


def central_diff(f, x, h):
    """Central difference (f(x + h) - f(x - h)) / (2h), elementwise if x is an array."""
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x - h)) / (2 * h)


def diff_errors(f, df, x, hs, forward, central):
    """Absolute errors of the given forward and central differences, one row per step."""
    hs = np.asarray(hs, dtype=float).ravel()
    exact = df(x)
    errors = np.empty((hs.size, 2))
    for k, h in enumerate(hs):
        errors[k, 0] = abs(forward(f, x, h) - exact)
        errors[k, 1] = abs(central(f, x, h) - exact)
    return errors


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f at x, shape (n,)."""
    x = np.asarray(x, dtype=float).ravel()
    grad = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    """Compare grad_f(x) with num_grad(f, x): (max relative error, passed)."""
    analytic = np.asarray(grad_f(x), dtype=float).ravel()
    numeric = np.asarray(num_grad(f, x), dtype=float).ravel()
    denominator = np.maximum(1e-8, np.abs(analytic) + np.abs(numeric))
    error = float(np.max(np.abs(analytic - numeric) / denominator))
    return error, bool(error < tol)


def directional_derivative(f, x, v, h=1e-5):
    """Rate of change of f at x along the unit vector v / ||v||."""
    x = np.asarray(x, dtype=float).ravel()
    u = np.asarray(v, dtype=float).ravel()
    u = u / np.linalg.norm(u)
    return float((f(x + h * u) - f(x - h * u)) / (2 * h))


def jacobian(F, x, h=1e-5):
    """Central-difference Jacobian of F: R^n -> R^m at x, shape (m, n)."""
    x = np.asarray(x, dtype=float).ravel()
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        plus = np.asarray(F(x + step), dtype=float).ravel()
        minus = np.asarray(F(x - step), dtype=float).ravel()
        columns.append((plus - minus) / (2 * h))
    return np.stack(columns, axis=1)


def hessian(f, x, h=1e-4):
    """Central-difference Hessian of a scalar function f at x, symmetric, shape (n, n)."""
    x = np.asarray(x, dtype=float).ravel()
    n = x.size
    eye = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            value = (
                f(x + eye[i] + eye[j])
                - f(x + eye[i] - eye[j])
                - f(x - eye[i] + eye[j])
                + f(x - eye[i] - eye[j])
            ) / (4 * h * h)
            H[i, j] = H[j, i] = value
    return H


def taylor_approx(f, grad_f, hess_f, x0, x, order):
    """First- or second-order Taylor approximation of f around x0, evaluated at x."""
    x0 = np.asarray(x0, dtype=float).ravel()
    dx = np.asarray(x, dtype=float).ravel() - x0
    value = float(f(x0)) + np.asarray(grad_f(x0), dtype=float) @ dx
    if order == 2:
        value += 0.5 * dx @ np.asarray(hess_f(x0), dtype=float) @ dx
    return float(value)


def gradient_descent(grad_f, x0, lr, n_steps):
    """Plain gradient descent; returns the path of shape (n_steps + 1, d), x0 first."""
    x = np.atleast_1d(np.asarray(x0, dtype=float)).ravel().copy()
    path = [x.copy()]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad_f(x), dtype=float).reshape(x.shape)
        path.append(x.copy())
    return np.array(path)


def max_stable_lr(A):
    """2 / lambda_max(A): the supremum of the learning rates for which gradient descent on
    0.5 x^T A x - b^T x converges (every smaller one converges, this one does not)."""
    eigenvalues = np.linalg.eigvalsh(np.asarray(A, dtype=float))
    return float(2.0 / eigenvalues[-1])
