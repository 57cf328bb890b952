"""Reference solution for ps14-optimization."""

import numpy as np


def chord_gap(f, x, y, t):
    """t f(x) + (1 - t) f(y) - f(t x + (1 - t) y): non-negative for every t when f is convex."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(t * f(x) + (1 - t) * f(y) - f(t * x + (1 - t) * y))


def is_convex_quadratic(A, tol=1e-10):
    """True when x -> x^T A x is convex: the symmetric part of A is positive semidefinite."""
    A = np.asarray(A, dtype=float)
    S = (A + A.T) / 2
    eigenvalues = np.linalg.eigvalsh(S)
    scale = max(1.0, float(np.max(np.abs(eigenvalues))))
    return bool(eigenvalues[0] >= -tol * scale)


def gd_step_sizes(A):
    """Step-size facts for gradient descent on f(x) = x^T A x / 2 - b^T x, A symmetric PD."""
    eigenvalues = np.linalg.eigvalsh(np.asarray(A, dtype=float))
    mu, L = float(eigenvalues[0]), float(eigenvalues[-1])
    kappa = L / mu
    return {
        "L": L,
        "mu": mu,
        "kappa": kappa,
        "lr_max": 2 / L,
        "lr_best": 2 / (L + mu),
        "rate": (kappa - 1) / (kappa + 1),
    }


def gd_steps_needed(rate, tol):
    """The smallest integer k >= 0 with rate**k <= tol (0 <= rate < 1, tol > 0)."""
    if tol >= 1:
        return 0
    if rate == 0:
        return 1
    k = max(0, int(np.ceil(np.log(tol) / np.log(rate))))
    while k > 0 and rate ** (k - 1) <= tol:
        k -= 1
    while rate**k > tol:
        k += 1
    return k


def armijo_step(f, grad_fx, x, d, t0=1.0, c=1e-4, rho=0.5, max_backtracks=60):
    """The first t in t0, t0 rho, t0 rho^2, ... with f(x + t d) <= f(x) + c t grad_fx . d."""
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_fx, dtype=float), d))
    if slope >= 0:
        raise ValueError("d is not a descent direction: grad_fx . d >= 0")
    fx = f(x)
    t = t0
    for _ in range(max_backtracks):
        if f(x + t * d) <= fx + c * t * slope:
            return t
        t = t * rho
    return t


def rosenbrock(x, a=1.0, b=100.0):
    """(a - x0)^2 + b (x1 - x0^2)^2; x has shape (2, ...) and the result shape (...)."""
    x = np.asarray(x, dtype=float)
    return (a - x[0]) ** 2 + b * (x[1] - x[0] ** 2) ** 2


def rosenbrock_grad(x, a=1.0, b=100.0):
    """Gradient of the Rosenbrock function at a point x of shape (2,)."""
    x0, x1 = np.asarray(x, dtype=float)
    inner = x1 - x0**2
    return np.array([-2 * (a - x0) - 4 * b * x0 * inner, 2 * b * inner])


def rosenbrock_hess(x, a=1.0, b=100.0):
    """Hessian of the Rosenbrock function at a point x of shape (2,)."""
    x0, x1 = np.asarray(x, dtype=float)
    return np.array(
        [
            [2 - 4 * b * (x1 - x0**2) + 8 * b * x0**2, -4 * b * x0],
            [-4 * b * x0, 2 * b],
        ]
    )


def momentum(grad_f, x0, lr, n_steps, beta=0.9):
    """Heavy-ball momentum: v <- beta v + grad f(x), x <- x - lr v. Returns the path."""
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad_f(x), dtype=float)
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


def rmsprop(grad_f, x0, lr, n_steps, beta=0.9, eps=1e-8):
    """RMSProp: s <- beta s + (1 - beta) g^2, x <- x - lr g / (sqrt(s) + eps). Returns the path."""
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        s = beta * s + (1 - beta) * g**2
        x = x - lr * g / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


def adam(grad_f, x0, lr, n_steps, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam with bias correction (Kingma and Ba, 2015). Returns the path."""
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    path = [x.copy()]
    for t in range(1, n_steps + 1):
        g = np.asarray(grad_f(x), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        x = x - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(x.copy())
    return np.array(path)


def warmup_cosine(step, lr_max, warmup_steps, total_steps, lr_min=0.0):
    """Linear warm-up to lr_max, cosine decay to lr_min at total_steps, then lr_min."""
    step = np.asarray(step, dtype=float)
    warm = lr_max * (step + 1) / max(warmup_steps, 1)
    progress = np.clip((step - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * progress))
    return np.where(step < warmup_steps, warm, cosine)


def newton(grad_f, hess_f, x0, tol=1e-10, max_iter=50):
    """Newton's method: x <- x - H(x)^{-1} grad f(x), until ||grad f(x)|| <= tol."""
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(max_iter):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            break
        x = x - np.linalg.solve(np.asarray(hess_f(x), dtype=float), g)
        path.append(x.copy())
    return np.array(path)


def exp_residuals(theta, t, y):
    """Residuals r_i = theta0 exp(theta1 t_i) - y_i of the model y = theta0 exp(theta1 t)."""
    theta0, theta1 = np.asarray(theta, dtype=float)
    t = np.asarray(t, dtype=float)
    return theta0 * np.exp(theta1 * t) - np.asarray(y, dtype=float)


def exp_jacobian(theta, t):
    """Jacobian of exp_residuals with respect to theta, shape (len(t), 2)."""
    theta0, theta1 = np.asarray(theta, dtype=float)
    t = np.asarray(t, dtype=float)
    e = np.exp(theta1 * t)
    return np.column_stack([e, theta0 * t * e])


def gauss_newton(residual, jacobian, theta0, n_steps):
    """Gauss-Newton: theta <- theta - (J^T J)^{-1} J^T r. Returns the path of parameters."""
    theta = np.array(theta0, dtype=float).reshape(-1)
    path = [theta.copy()]
    for _ in range(n_steps):
        r = np.asarray(residual(theta), dtype=float)
        J = np.asarray(jacobian(theta), dtype=float)
        theta = theta - np.linalg.solve(J.T @ J, J.T @ r)
        path.append(theta.copy())
    return np.array(path)


def project_simplex(v):
    """Euclidean projection of v onto the probability simplex {p : p >= 0, sum p = 1}."""
    v = np.asarray(v, dtype=float).reshape(-1)
    u = np.sort(v)[::-1]
    cumulative = np.cumsum(u) - 1
    k = np.arange(1, v.size + 1)
    rho = np.nonzero(u - cumulative / k > 0)[0][-1]
    tau = cumulative[rho] / (rho + 1)
    return np.maximum(v - tau, 0.0)


def projected_gradient(grad_f, project, x0, lr, n_steps):
    """Projected gradient descent: x <- project(x - lr grad f(x)). Returns the path."""
    x = np.array(x0, dtype=float).reshape(-1)
    path = [x.copy()]
    for _ in range(n_steps):
        x = np.asarray(project(x - lr * np.asarray(grad_f(x), dtype=float)), dtype=float)
        path.append(x.copy())
    return np.array(path)


def equality_qp(Q, c, A, b):
    """Minimize x^T Q x / 2 + c^T x subject to A x = b: the KKT system gives (x, lam)."""
    Q = np.asarray(Q, dtype=float)
    A = np.atleast_2d(np.asarray(A, dtype=float))
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    rhs = np.concatenate(
        [-np.asarray(c, dtype=float).reshape(-1), np.asarray(b, dtype=float).reshape(-1)]
    )
    solution = np.linalg.solve(K, rhs)
    return solution[:n], solution[n:]


def project_halfspace(y, a, b):
    """Minimize ||x - y||^2 / 2 subject to a . x <= b: returns (x, mu) with mu >= 0."""
    y = np.asarray(y, dtype=float).reshape(-1)
    a = np.asarray(a, dtype=float).reshape(-1)
    mu = max(0.0, (float(a @ y) - b) / float(a @ a))
    return y - mu * a, mu
