"""Variants for ps14-optimization: the mistakes students make, and other correct answers."""

import numpy as np

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: convexity


@variant(
    "q1",
    wrong="mixes the point as (1 - t) x + t y: the weights of the chord and the point disagree",
)
def chord_gap(f, x, y, t):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(t * f(x) + (1 - t) * f(y) - f((1 - t) * x + t * y))


@variant("q1", wrong="returns f(mix) - chord: the sign reversed")
def chord_gap(f, x, y, t):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(f(t * x + (1 - t) * y) - t * f(x) - (1 - t) * f(y))


@variant("q1", wrong="uses x and y as given: t * x fails on a list")
def chord_gap(f, x, y, t):
    return float(t * f(x) + (1 - t) * f(y) - f(t * x + (1 - t) * y))


@variant("q1", wrong="eigenvalues of A itself (real parts), not of its symmetric part")
def is_convex_quadratic(A, tol=1e-10):
    eigenvalues = np.sort(np.linalg.eigvals(np.asarray(A, dtype=float)).real)
    scale = max(1.0, float(np.max(np.abs(eigenvalues))))
    return bool(eigenvalues[0] >= -tol * scale)


@variant("q1", wrong="strictly positive eigenvalues: semidefinite counted as not convex")
def is_convex_quadratic(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    return bool(np.linalg.eigvalsh((A + A.T) / 2)[0] > 0)


@variant("q1", wrong="eigenvalues >= 0 exactly, no tolerance for round-off")
def is_convex_quadratic(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    return bool(np.linalg.eigvalsh((A + A.T) / 2)[0] >= 0)


@variant("q1", wrong="ignores tol: always 1e-10")
def is_convex_quadratic(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    eigenvalues = np.linalg.eigvalsh((A + A.T) / 2)
    return bool(eigenvalues[0] >= -1e-10 * max(1.0, float(np.max(np.abs(eigenvalues)))))


@variant("q1", wrong="absolute tolerance: -tol, not -tol * max(1, largest |eigenvalue|)")
def is_convex_quadratic(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    return bool(np.linalg.eigvalsh((A + A.T) / 2)[0] >= -tol)


@variant("q1", correct="Cholesky of the shifted symmetric part instead of eigenvalues")
def is_convex_quadratic(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    S = (A + A.T) / 2
    scale = max(1.0, float(np.linalg.norm(S, 2)))
    try:
        np.linalg.cholesky(S + tol * scale * np.eye(S.shape[0]) * (1 + 1e-9))
    except np.linalg.LinAlgError:
        return False
    return True


@variant("q1", correct="chord_gap for a vector t-mix written with np.add and a Python float")
def chord_gap(f, x, y, t):
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    point = np.add(t * x, (1.0 - t) * y)
    return float(t * f(x) + (1.0 - t) * f(y)) - float(f(point))


# ---------------------------------------------------------------- q2: step sizes


@variant("q2", wrong="takes L and mu from the diagonal of A")
def gd_step_sizes(A):
    d = np.diag(np.asarray(A, dtype=float))
    mu, L = float(d.min()), float(d.max())
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 2 / L,
        "lr_best": 2 / (L + mu),
        "rate": (kappa - 1) / (kappa + 1),
    }


@variant("q2", wrong="np.linalg.eig, then the first and last eigenvalue as if sorted")
def gd_step_sizes(A):
    eigenvalues = np.linalg.eig(np.asarray(A, dtype=float))[0].real
    L, mu = float(eigenvalues[0]), float(eigenvalues[-1])
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 2 / L,
        "lr_best": 2 / (L + mu),
        "rate": (kappa - 1) / (kappa + 1),
    }


@variant("q2", wrong="lr_max = 1 / L (the safe step, not the limit)")
def gd_step_sizes(A):
    eigenvalues = np.linalg.eigvalsh(np.asarray(A, dtype=float))
    mu, L = float(eigenvalues[0]), float(eigenvalues[-1])
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 1 / L,
        "lr_best": 2 / (L + mu),
        "rate": (kappa - 1) / (kappa + 1),
    }


@variant("q2", wrong="rate = 1 - 1 / kappa (the rate of lr = 1 / L)")
def gd_step_sizes(A):
    eigenvalues = np.linalg.eigvalsh(np.asarray(A, dtype=float))
    mu, L = float(eigenvalues[0]), float(eigenvalues[-1])
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 2 / L,
        "lr_best": 2 / (L + mu),
        "rate": 1 - 1 / kappa,
    }


@variant("q2", wrong="lr_best = 1 / L")
def gd_step_sizes(A):
    eigenvalues = np.linalg.eigvalsh(np.asarray(A, dtype=float))
    mu, L = float(eigenvalues[0]), float(eigenvalues[-1])
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 2 / L,
        "lr_best": 1 / L,
        "rate": (kappa - 1) / (kappa + 1),
    }


@variant("q2", wrong="floor(log(tol) / log(rate)): one step short")
def gd_steps_needed(rate, tol):
    if tol >= 1:
        return 0
    if rate == 0:
        return 1
    return int(np.floor(np.log(tol) / np.log(rate)))


@variant("q2", wrong="round(log(tol) / log(rate))")
def gd_steps_needed(rate, tol):
    if tol >= 1:
        return 0
    if rate == 0:
        return 1
    return int(round(np.log(tol) / np.log(rate)))


@variant(
    "q2", wrong="ceil(log(tol) / log(rate)) alone: one too many at exact powers, wrong at rate 0"
)
def gd_steps_needed(rate, tol):
    with np.errstate(divide="ignore"):
        return max(0, int(np.ceil(np.log(tol) / np.log(rate))))


@variant("q2", correct="counts the steps in a loop: k = 0, 1, ... until rate**k <= tol")
def gd_steps_needed(rate, tol):
    k = 0
    while rate**k > tol:
        k += 1
    return k


@variant("q2", correct="eigenvalues through the singular values (A is symmetric positive definite)")
def gd_step_sizes(A):
    s = np.linalg.svd(np.asarray(A, dtype=float), compute_uv=False)
    L, mu = float(s.max()), float(s.min())
    return {
        "L": L,
        "mu": mu,
        "kappa": L / mu,
        "lr_max": 2 / L,
        "lr_best": 2 / (L + mu),
        "rate": (L - mu) / (L + mu),
    }


@variant("q2", wrong="returns np.ceil(...) itself: a float, not an int")
def gd_steps_needed(rate, tol):
    if tol >= 1:
        return 0
    if rate == 0:
        return 1
    k = np.ceil(np.log(tol) / np.log(rate))
    while k > 0 and rate ** (k - 1) <= tol:
        k -= 1
    while rate**k > tol:
        k += 1
    return k


# ---------------------------------------------------------------- q3: Armijo


@variant("q3", wrong="shrinks t once more after the condition passed")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    t = t0
    for _ in range(max_backtracks):
        t = t * rho
        if f(x + t / rho * d) <= f(x) + c * t / rho * slope:
            return t
    return t


@variant("q3", wrong="plain decrease f(x + t d) < f(x): c ignored")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    if float(np.dot(np.asarray(grad_fx, dtype=float), d)) >= 0:
        raise ValueError("not a descent direction")
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) < f(x):
            return t
        t = t * rho
    return t


@variant("q3", wrong="always starts at t = 1")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    t = 1.0
    for _ in range(max_backtracks):
        if f(x + t * d) <= f(x) + c * t * slope:
            return t
        t = t * rho
    return t


@variant("q3", wrong="always halves: rho ignored")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) <= f(x) + c * t * slope:
            return t
        t = t / 2
    return t


@variant("q3", wrong="never checks that d is a descent direction")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) <= f(x) + c * t * slope:
            return t
        t = t * rho
    return t


@variant("q3", wrong="an unbounded while loop: never gives up")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    t = t0
    while f(x + t * d) > f(x) + c * t * slope:
        t = t * rho
    return t


@variant("q3", correct="computes t = t0 * rho**k for k = 0, 1, ... (powers, not repeated products)")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    x, d = np.array(x, dtype=float), np.array(d, dtype=float)
    slope = np.asarray(grad_fx, dtype=float) @ d
    if not slope < 0:
        raise ValueError("grad_fx . d must be negative")
    fx = f(x)
    for k in range(max_backtracks):
        if f(x + t0 * rho**k * d) <= fx + c * t0 * rho**k * slope:
            return t0 * rho**k
    return t0 * rho**max_backtracks


@variant("q3", wrong="uses x and d as given: t * d fails when they are lists")
def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    slope = float(np.dot(grad_fx, d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) <= fx + c * t * slope:
            return t
        t = t * rho
    return t


# ---------------------------------------------------------------- q4: Rosenbrock


@variant("q4", wrong="ignores a: always (1 - x0)^2")
def rosenbrock(x, a=1.0, b=100.0):
    x = np.asarray(x, dtype=float)
    return (1 - x[0]) ** 2 + b * (x[1] - x[0] ** 2) ** 2


@variant("q4", wrong="b multiplies the first square")
def rosenbrock(x, a=1.0, b=100.0):
    x = np.asarray(x, dtype=float)
    return b * (a - x[0]) ** 2 + (x[1] - x[0] ** 2) ** 2


@variant("q4", wrong="flattens x first: a grid gives one number")
def rosenbrock(x, a=1.0, b=100.0):
    x = np.asarray(x, dtype=float).ravel()
    return (a - x[0]) ** 2 + b * (x[1] - x[0] ** 2) ** 2


@variant("q4", wrong="d/dx1 forgets the chain-rule factor 2: b (x1 - x0^2)")
def rosenbrock_grad(x, a=1.0, b=100.0):
    x0, x1 = np.asarray(x, dtype=float)
    return np.array([-2 * (a - x0) - 4 * b * x0 * (x1 - x0**2), b * (x1 - x0**2)])


@variant("q4", wrong="wrong sign of the 4 b x0 (x1 - x0^2) term")
def rosenbrock_grad(x, a=1.0, b=100.0):
    x0, x1 = np.asarray(x, dtype=float)
    return np.array([-2 * (a - x0) + 4 * b * x0 * (x1 - x0**2), 2 * b * (x1 - x0**2)])


@variant("q4", wrong="off-diagonal +4 b x0")
def rosenbrock_hess(x, a=1.0, b=100.0):
    x0, x1 = np.asarray(x, dtype=float)
    return np.array([[2 - 4 * b * (x1 - x0**2) + 8 * b * x0**2, 4 * b * x0], [4 * b * x0, 2 * b]])


@variant("q4", wrong="forgets the 2 from (a - x0)^2 in d2f/dx0^2")
def rosenbrock_hess(x, a=1.0, b=100.0):
    x0, x1 = np.asarray(x, dtype=float)
    return np.array([[-4 * b * (x1 - x0**2) + 8 * b * x0**2, -4 * b * x0], [-4 * b * x0, 2 * b]])


@variant("q4", correct="expanded polynomial forms, x0 and x1 unpacked")
def rosenbrock(x, a=1.0, b=100.0):
    x0, x1 = np.asarray(x, dtype=float)
    return a * a - 2 * a * x0 + x0 * x0 + b * (x1 * x1 - 2 * x1 * x0 * x0 + x0**4)


@variant("q4", correct="gradient and Hessian from expanded polynomials")
def rosenbrock_grad(x, a=1.0, b=100.0):
    x0, x1 = (float(v) for v in np.asarray(x, dtype=float))
    return np.array([2 * x0 - 2 * a + 4 * b * x0**3 - 4 * b * x0 * x1, 2 * b * x1 - 2 * b * x0**2])


@variant("q4", correct="Hessian from the expanded polynomial")
def rosenbrock_hess(x, a=1.0, b=100.0):
    x0, x1 = (float(v) for v in np.asarray(x, dtype=float))
    off = -4.0 * b * x0
    return np.array([[2 + 12 * b * x0**2 - 4 * b * x1, off], [off, 2.0 * b]])


# ---------------------------------------------------------------- q5: momentum


@variant("q5", wrong="EMA form v = beta v + (1 - beta) g")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = beta * v + (1 - beta) * np.asarray(grad_f(x), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


@variant("q5", wrong="Nesterov: the gradient at the look-ahead point x - lr beta v")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x - lr * beta * v), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


@variant("q5", wrong="always uses beta = 0.9")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = 0.9 * v + np.asarray(grad_f(x), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


@variant("q5", wrong="appends x and then updates it in place: every row is the last point")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x), dtype=float)
        x -= lr * v
        path.append(x)
    return np.array(path)


@variant("q5", wrong="updates the caller's x0 in place")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.asarray(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x), dtype=float)
        x -= lr * v
        path.append(x.copy())
    return np.array(path)


@variant("q5", wrong="the path misses x0: n_steps rows")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = []
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


@variant(
    "q5", correct="the two-point form x_{k+1} = x_k - lr g_k + beta (x_k - x_{k-1}), rows in a list"
)
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    rows = [np.array(x0, dtype=float).reshape(-1)]
    previous = rows[0]
    for _ in range(n_steps):
        current = rows[-1]
        rows.append(
            current - lr * np.asarray(grad_f(current), dtype=float) + beta * (current - previous)
        )
        previous = current
    return [list(row) for row in rows]


@variant("q5", wrong="for a float x0, iterates on a 0-d array: the path has shape (n_steps + 1,)")
def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------- q6: RMSProp


@variant("q6", wrong="divides by the old average s_k: the first step divides by eps")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        x = x - lr * g / (np.sqrt(s) + eps)
        s = beta * s + (1 - beta) * g**2
        path.append(x.copy())
    return np.array(path)


@variant("q6", wrong="forgets the (1 - beta) factor: s = beta s + g^2")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = beta * s + g**2
        x = x - lr * g / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q6", wrong="always uses beta = 0.9")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = 0.9 * s + 0.1 * g**2
        x = x - lr * g / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q6", wrong="eps inside the square root: sqrt(s + eps)")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = beta * s + (1 - beta) * g**2
        x = x - lr * g / np.sqrt(s + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q6", wrong="ignores eps: always 1e-8")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = beta * s + (1 - beta) * g**2
        x = x - lr * g / (np.sqrt(s) + 1e-8)
        path.append(x.copy())
    return np.array(path)


@variant("q6", correct="a loop over the coordinates, path preallocated")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    start = np.array(x0, dtype=float).reshape(-1)
    path = np.zeros((n_steps + 1, start.size))
    path[0] = start
    s = [0.0] * start.size
    for k in range(n_steps):
        g = np.asarray(grad_f(path[k].copy()), dtype=float)
        for i in range(start.size):
            s[i] = beta * s[i] + (1 - beta) * g[i] * g[i]
            path[k + 1, i] = path[k, i] - lr * g[i] / (s[i] ** 0.5 + eps)
    return path


@variant("q6", wrong="np.asarray(x0) and x -= ...: updates the caller's x0 in place")
def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    x = np.asarray(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = beta * s + (1 - beta) * g**2
        x -= lr * g / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------- q7: Adam


@variant("q7", wrong="no bias correction")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - lr * m / (np.sqrt(v) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="bias correction with t counted from 2 (off by one)")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1 ** (t + 1))
        v_hat = v / (1 - beta2 ** (t + 1))
        x = x - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="always beta1 = 0.9")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = 0.9 * m + 0.1 * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="always beta2 = 0.999")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = 0.999 * v + 0.001 * g**2
        x = x - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - 0.999**t)) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="eps inside the square root: sqrt(v_hat + eps)")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1**t)) / np.sqrt(v / (1 - beta2**t) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="ignores eps: always 1e-8")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + 1e-8)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="swaps beta1 and beta2")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta2 * m + (1 - beta2) * g
        v = beta1 * v + (1 - beta1) * g**2
        x = x - lr * (m / (1 - beta2**t)) / (np.sqrt(v / (1 - beta1**t)) + eps)
        path.append(x.copy())
    return np.array(path)


@variant(
    "q7", correct="Kingma and Ba's efficient form: lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)"
)
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        correction = np.sqrt(1 - beta2**t)
        lr_t = lr * correction / (1 - beta1**t)
        x = x - lr_t * m / (np.sqrt(v) + eps * correction)
        path.append(x.copy())
    return np.array(path)


@variant("q7", correct="the moments kept as running sums, rows stacked with np.vstack")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    rows = [np.array(x0, dtype=float).reshape(-1)]
    m = 0.0
    v = 0.0
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(rows[-1]), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * np.square(g)
        rows.append(rows[-1] - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps))
    return np.vstack(rows)


@variant("q7", wrong="np.asarray(x0) and x -= ...: updates the caller's x0 in place")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.asarray(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
        path.append(x.copy())
    return np.array(path)


@variant("q7", wrong="for a float x0, iterates on a 0-d array: the path has shape (n_steps + 1,)")
def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    x = np.array(x0, dtype=float)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------- q8: schedules


@variant("q8", wrong="warm-up lr_max * step / warmup_steps: starts at 0")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    step = np.asarray(step, dtype=float)
    warm = lr_max * step / max(warmup_steps, 1)
    progress = np.clip((step - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * progress))
    return np.where(step < warmup_steps, warm, cosine)


@variant("q8", wrong="ignores lr_min: the cosine falls to 0")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    step = np.asarray(step, dtype=float)
    warm = lr_max * (step + 1) / max(warmup_steps, 1)
    progress = np.clip((step - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    return np.where(step < warmup_steps, warm, 0.5 * lr_max * (1 + np.cos(np.pi * progress)))


@variant("q8", wrong="progress step / total_steps, forgetting the warm-up offset")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    step = np.asarray(step, dtype=float)
    warm = lr_max * (step + 1) / max(warmup_steps, 1)
    progress = np.clip(step / total_steps, 0.0, 1.0)
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * progress))
    return np.where(step < warmup_steps, warm, cosine)


@variant("q8", wrong="no clip: after total_steps the cosine rises again")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    step = np.asarray(step, dtype=float)
    warm = lr_max * (step + 1) / max(warmup_steps, 1)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * progress))
    return np.where(step < warmup_steps, warm, cosine)


@variant("q8", wrong="divides lr_max by warmup_steps: ZeroDivisionError without warm-up")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    step = np.asarray(step, dtype=float)
    slope = lr_max / warmup_steps
    progress = np.clip((step - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * progress))
    return np.where(step < warmup_steps, slope * (step + 1), cosine)


@variant("q8", correct="a Python loop over np.ndindex with if/elif branches")
def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    steps = np.asarray(step)
    out = np.zeros(steps.shape)
    for index in np.ndindex(steps.shape):
        s = float(steps[index])
        if s < warmup_steps:
            out[index] = lr_max * (s + 1) / warmup_steps
        elif s > total_steps:
            out[index] = lr_min
        else:
            angle = np.pi * (s - warmup_steps) / (total_steps - warmup_steps)
            out[index] = lr_min + (lr_max - lr_min) * (1 + np.cos(angle)) / 2
    return out if steps.ndim else float(out)


# ---------------------------------------------------------------- q9: Newton


@variant("q9", wrong="x + H^{-1} g: the sign of the step")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x = x + np.linalg.solve(np.asarray(hess_f(x), dtype=float), g)
        path.append(x.copy())
        if not np.all(np.isfinite(x)):
            break
    return np.array(path)


@variant("q9", wrong="x - H g: multiplies by the Hessian instead of solving")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x = x - np.asarray(hess_f(x), dtype=float) @ g
        path.append(x.copy())
        if not np.all(np.isfinite(x)):
            break
    return np.array(path)


@variant("q9", wrong="ignores tol: always max_iter steps")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        x = x - np.linalg.solve(np.asarray(hess_f(x), dtype=float), g)
        path.append(x.copy())
    return np.array(path)


@variant("q9", wrong="a fixed 50 iterations: max_iter ignored")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(50):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x = x - np.linalg.solve(np.asarray(hess_f(x), dtype=float), g)
        path.append(x.copy())
    return np.array(path)


@variant("q9", wrong="forms the inverse with np.linalg.inv")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x = x - np.linalg.inv(np.asarray(hess_f(x), dtype=float)) @ g
        path.append(x.copy())
    return np.array(path)


@variant("q9", correct="a while loop, the step from a Cholesky factorization")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x]
    k = 0
    g = np.asarray(grad_f(x), dtype=float)
    while k < max_iter and np.sqrt(np.sum(g * g)) > tol:
        H = np.asarray(hess_f(x), dtype=float)
        try:
            lower = np.linalg.cholesky(H)
            step = np.linalg.solve(lower.T, np.linalg.solve(lower, g))
        except np.linalg.LinAlgError:
            step = np.linalg.solve(H, g)
        x = x - step
        path.append(x)
        k += 1
        if k < max_iter:
            g = np.asarray(grad_f(x), dtype=float)
    return np.array(path)


@variant("q9", wrong="np.asarray(x0) and x -= step: an int x0 cannot hold the iterates")
def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    x = np.asarray(x0).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x -= np.linalg.solve(np.asarray(hess_f(x), dtype=float), g)
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------- q10: Gauss-Newton


@variant("q10", wrong="residuals y - model: the sign reversed")
def exp_residuals(theta, t, y):
    theta0, theta1 = np.asarray(theta, dtype=float)
    return np.asarray(y, dtype=float) - theta0 * np.exp(theta1 * np.asarray(t, dtype=float))


@variant("q10", wrong="second column of the Jacobian without theta0")
def exp_jacobian(theta, t):
    theta0, theta1 = np.asarray(theta, dtype=float)
    t = np.asarray(t, dtype=float)
    e = np.exp(theta1 * t)
    return np.column_stack([e, t * e])


@variant("q10", wrong="the Jacobian transposed: shape (2, n)")
def exp_jacobian(theta, t):
    theta0, theta1 = np.asarray(theta, dtype=float)
    t = np.asarray(t, dtype=float)
    e = np.exp(theta1 * t)
    return np.vstack([e, theta0 * t * e])


@variant("q10", wrong="theta + (J^T J)^{-1} J^T r: the sign of the step")
def gauss_newton(residual, jacobian, theta0, n_steps):
    theta = np.array(theta0, dtype=float).reshape(-1)
    path = [theta.copy()]
    for _ in range(n_steps):
        r = np.asarray(residual(theta), dtype=float)
        J = np.asarray(jacobian(theta), dtype=float)
        theta = theta + np.linalg.solve(J.T @ J, J.T @ r)
        path.append(theta.copy())
    return np.array(path)


@variant("q10", wrong="theta - J^T r: a gradient step, no J^T J")
def gauss_newton(residual, jacobian, theta0, n_steps):
    theta = np.array(theta0, dtype=float).reshape(-1)
    path = [theta.copy()]
    for _ in range(n_steps):
        r = np.asarray(residual(theta), dtype=float)
        J = np.asarray(jacobian(theta), dtype=float)
        theta = theta - J.T @ r
        path.append(theta.copy())
    return np.array(path)


@variant("q10", wrong="computes J once at theta0")
def gauss_newton(residual, jacobian, theta0, n_steps):
    theta = np.array(theta0, dtype=float).reshape(-1)
    path = [theta.copy()]
    J = np.asarray(jacobian(theta), dtype=float)
    for _ in range(n_steps):
        r = np.asarray(residual(theta), dtype=float)
        theta = theta - np.linalg.solve(J.T @ J, J.T @ r)
        path.append(theta.copy())
    return np.array(path)


@variant("q10", wrong="np.asarray(theta0) with an int theta0: the in-place update truncates")
def gauss_newton(residual, jacobian, theta0, n_steps):
    theta = np.array(theta0).reshape(-1)
    path = [theta.copy()]
    for _ in range(n_steps):
        r = np.asarray(residual(theta), dtype=float)
        J = np.asarray(jacobian(theta), dtype=float)
        theta -= np.linalg.solve(J.T @ J, J.T @ r).astype(theta.dtype)
        path.append(theta.copy())
    return np.array(path)


@variant("q10", correct="the step from np.linalg.lstsq(J, r), the linear least-squares subproblem")
def gauss_newton(residual, jacobian, theta0, n_steps):
    thetas = [np.array(theta0, dtype=float).reshape(-1)]
    for _ in range(n_steps):
        J = np.asarray(jacobian(thetas[-1]), dtype=float)
        r = np.asarray(residual(thetas[-1]), dtype=float)
        thetas.append(thetas[-1] - np.linalg.lstsq(J, r, rcond=None)[0])
    return np.array(thetas)


@variant("q10", correct="residuals and Jacobian through an explicit model function")
def exp_jacobian(theta, t):
    a, k = (float(v) for v in theta)
    t = np.asarray(t, dtype=float)
    J = np.empty((t.size, 2))
    J[:, 0] = np.exp(k * t)
    J[:, 1] = a * t * J[:, 0]
    return J


# ---------------------------------------------------------------- q11: projections


@variant("q11", wrong="clips at 0, then normalizes: not the closest point")
def project_simplex(v):
    p = np.clip(np.asarray(v, dtype=float).reshape(-1), 0, None)
    total = p.sum()
    return p / total if total > 0 else np.full(p.size, 1 / p.size)


@variant("q11", wrong="softmax: in the simplex but not the projection")
def project_simplex(v):
    v = np.asarray(v, dtype=float).reshape(-1)
    e = np.exp(v - v.max())
    return e / e.sum()


@variant("q11", wrong="v / sum(v)")
def project_simplex(v):
    v = np.asarray(v, dtype=float).reshape(-1)
    return v / v.sum()


@variant("q11", wrong="threshold index off by one: the first index where the test fails")
def project_simplex(v):
    v = np.asarray(v, dtype=float).reshape(-1)
    u = np.sort(v)[::-1]
    cumulative = np.cumsum(u) - 1
    k = np.arange(1, v.size + 1)
    passing = u - cumulative / k > 0
    rho = min(int(np.sum(passing)), v.size - 1)
    tau = cumulative[rho] / (rho + 1)
    return np.maximum(v - tau, 0.0)


@variant("q11", wrong="projects x_k, then steps: x_{k+1} = project(x_k) - lr grad f(project(x_k))")
def projected_gradient(grad_f, project, x0, lr, n_steps):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(n_steps):
        y = np.asarray(project(x), dtype=float)
        x = y - lr * np.asarray(grad_f(y), dtype=float)
        path.append(x.copy())
    return np.array(path)


@variant("q11", wrong="never projects: plain gradient descent")
def projected_gradient(grad_f, project, x0, lr, n_steps):
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad_f(x), dtype=float)
        path.append(x.copy())
    return np.array(path)


@variant("q11", correct="the threshold tau by bisection on sum(max(v - tau, 0)) = 1")
def project_simplex(v):
    v = np.array(v, dtype=float).reshape(-1)
    lo, hi = v.min() - 1.0, v.max()
    for _ in range(200):
        tau = (lo + hi) / 2
        if np.sum(np.maximum(v - tau, 0)) > 1:
            lo = tau
        else:
            hi = tau
    return np.maximum(v - (lo + hi) / 2, 0)


@variant("q11", wrong="projects x0 first: row 0 is project(x0), not x0")
def projected_gradient(grad_f, project, x0, lr, n_steps):
    x = np.asarray(project(np.array(x0, dtype=float).reshape(-1)), dtype=float)
    path = [x.copy()]
    for _ in range(n_steps):
        x = np.asarray(project(x - lr * np.asarray(grad_f(x), dtype=float)), dtype=float)
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------- q12: KKT


@variant("q12", wrong="the sign of lam flipped: L = f - lam^T (A x - b)")
def equality_qp(Q, c, A, b):
    Q = np.asarray(Q, dtype=float)
    A = np.atleast_2d(np.asarray(A, dtype=float))
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, -A.T], [A, np.zeros((m, m))]])
    rhs = np.concatenate(
        [-np.asarray(c, dtype=float).reshape(-1), np.asarray(b, dtype=float).reshape(-1)]
    )
    solution = np.linalg.solve(K, rhs)
    return solution[:n], solution[n:]


@variant("q12", wrong="ignores the constraints: x = -Q^{-1} c and lam = 0")
def equality_qp(Q, c, A, b):
    A = np.atleast_2d(np.asarray(A, dtype=float))
    x = np.linalg.solve(np.asarray(Q, dtype=float), -np.asarray(c, dtype=float))
    return x, np.zeros(A.shape[0])


@variant("q12", wrong="assumes a 2-D A: fails for a single constraint given as a vector")
def equality_qp(Q, c, A, b):
    Q = np.asarray(Q, dtype=float)
    A = np.asarray(A, dtype=float)
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    solution = np.linalg.solve(
        K, np.concatenate([-np.asarray(c, dtype=float), np.asarray(b, dtype=float)])
    )
    return solution[:n], solution[n:]


@variant("q12", wrong="always projects onto the hyperplane a . x = b (mu < 0 when y is inside)")
def project_halfspace(y, a, b):
    y = np.asarray(y, dtype=float).reshape(-1)
    a = np.asarray(a, dtype=float).reshape(-1)
    mu = (float(a @ y) - b) / float(a @ a)
    return y - mu * a, mu


@variant("q12", wrong="forgets to divide by ||a||^2")
def project_halfspace(y, a, b):
    y = np.asarray(y, dtype=float).reshape(-1)
    a = np.asarray(a, dtype=float).reshape(-1)
    mu = max(0.0, float(a @ y) - b)
    return y - mu * a, mu


@variant("q12", wrong="the right x, but mu = 0 always")
def project_halfspace(y, a, b):
    y = np.asarray(y, dtype=float).reshape(-1)
    a = np.asarray(a, dtype=float).reshape(-1)
    step = max(0.0, (float(a @ y) - b) / float(a @ a))
    return y - step * a, 0.0


@variant(
    "q12", correct="eliminates x through the null space of A, then recovers lam by least squares"
)
def equality_qp(Q, c, A, b):
    Q = np.asarray(Q, dtype=float)
    c = np.asarray(c, dtype=float).reshape(-1)
    A = np.atleast_2d(np.asarray(A, dtype=float))
    b = np.asarray(b, dtype=float).reshape(-1)
    m = A.shape[0]
    x_p = np.linalg.lstsq(A, b, rcond=None)[0]
    N = np.linalg.svd(A)[2][m:].T
    z = np.linalg.solve(N.T @ Q @ N, -N.T @ (Q @ x_p + c))
    x = x_p + N @ z
    lam = np.linalg.lstsq(A.T, -(Q @ x + c), rcond=None)[0]
    return x, lam


@variant("q12", correct="a branch on feasibility, returned as a list [x, mu]")
def project_halfspace(y, a, b):
    y = np.array(y, dtype=float)
    a = np.array(a, dtype=float)
    gap = float(np.dot(a, y)) - b
    if gap <= 0:
        return [y, 0.0]
    mu = gap / float(np.dot(a, a))
    return [y - mu * a, mu]
