"""Random smooth functions with exact derivatives, shared by this set's tests.

Shipped beside the notebook (like mlmath_checks.py): it holds no answers, only a way to
make test functions whose gradient and Hessian are known exactly.
"""

import numpy as np


def random_smooth_function(rng, n, k=3, scale=1.0):
    """A random smooth f: R^n -> R with its exact gradient and Hessian.

    f(x) = scale * (0.5 x^T S x + b.x + sum_k alpha_k phi_k(w_k . x)), phi in sin, cos, exp, cube.
    """
    G = rng.normal(size=(n, n))
    S = (G + G.T) / 2
    b = rng.normal(size=n)
    W = rng.normal(size=(k, n)) / np.sqrt(n)
    alpha = rng.uniform(0.5, 2.0, size=k) * rng.choice([-1, 1], size=k)
    kinds = rng.integers(0, 4, size=k)

    def phi(t, order):
        out = np.empty_like(t)
        for i, kind in enumerate(kinds):
            if kind == 0:
                out[i] = [np.sin, np.cos, lambda s: -np.sin(s)][order](t[i])
            elif kind == 1:
                out[i] = [np.cos, lambda s: -np.sin(s), lambda s: -np.cos(s)][order](t[i])
            elif kind == 2:
                out[i] = np.exp(t[i])
            else:
                out[i] = [t[i] ** 3 / 6, t[i] ** 2 / 2, t[i]][order]
        return out

    def f(x):
        x = np.asarray(x, dtype=float)
        return float(scale * (0.5 * x @ S @ x + b @ x + alpha @ phi(W @ x, 0)))

    def grad(x):
        x = np.asarray(x, dtype=float)
        return scale * (S @ x + b + W.T @ (alpha * phi(W @ x, 1)))

    def hess(x):
        x = np.asarray(x, dtype=float)
        return scale * (S + W.T @ np.diag(alpha * phi(W @ x, 2)) @ W)

    return f, grad, hess
