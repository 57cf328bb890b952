"""Variants for ps05-derivatives."""

import numpy as np

from mlmath.authoring import variant

# q1: forward and central differences


@variant("q1", wrong="forward_diff uses the backward step (f(x) - f(x - h)) / h")
def forward_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x) - f(x - h)) / h


@variant("q1", wrong="forward_diff returns the central difference instead")
def forward_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x - h)) / (2 * h)


@variant("q1", wrong="forward_diff converts its result with float(), so arrays x fail")
def forward_diff(f, x, h):
    return float((f(x + h) - f(x)) / h)


@variant("q1", wrong="forward_diff steps a copy of x in place (x_plus += h): fails for int x")
def forward_diff(f, x, h):
    x = np.array(x)
    x_plus = x.copy()
    x_plus += h
    return (f(x_plus) - f(x)) / h


@variant("q1", wrong="central_diff divides by h instead of 2h")
def central_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x - h)) / h


@variant("q1", wrong="central_diff is a forward difference (only steps forward)")
def central_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x)) / h


@variant("q1", wrong="central_diff steps by h/2 both ways but divides by 2h")
def central_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x + h / 2) - f(x - h / 2)) / (2 * h)


@variant("q1", wrong="central_diff ignores h and always uses the step 1e-5")
def central_diff(f, x, h):
    x = np.asarray(x, dtype=float)
    return (f(x + 1e-5) - f(x - 1e-5)) / 2e-5


@variant("q1", correct="central_diff as the average of the forward and backward differences")
def central_diff(f, x, h):
    return 0.5 * ((f(x + h) - f(x)) / h + (f(x) - f(x - h)) / h)


@variant("q1", correct="forward_diff without converting x, multiplying by 1/h")
def forward_diff(f, x, h):
    return (f(x + h) - f(x)) * (1.0 / h)


# q2: the error table


@variant("q2", wrong="signed errors (approximation minus exact) instead of absolute errors")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    return np.column_stack([forward(f, x, hs) - exact, central(f, x, hs) - exact])


@variant("q2", wrong="columns swapped: central error first, forward error second")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    return np.abs(np.column_stack([central(f, x, hs), forward(f, x, hs)]) - exact)


@variant("q2", wrong="relative errors (divided by |df(x)|) instead of absolute errors")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    table = np.column_stack([forward(f, x, hs), central(f, x, hs)])
    return np.abs(table - exact) / abs(exact)


@variant("q2", wrong="the table transposed: shape (2, len(hs)), one row per method")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    return np.abs(np.array([forward(f, x, hs), central(f, x, hs)]) - exact)


@variant("q2", wrong="ignores the forward/central arguments, calls forward_diff/central_diff")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    return np.column_stack(
        [np.abs(forward_diff(f, x, hs) - exact), np.abs(central_diff(f, x, hs) - exact)]
    )


@variant("q2", correct="vectorized over the steps with broadcasting, returns a list of rows")
def diff_errors(f, df, x, hs, forward, central):
    hs = np.asarray(hs, dtype=float)
    exact = df(x)
    fwd = np.abs(forward(f, x, hs) - exact)
    cen = np.abs(central(f, x, hs) - exact)
    return [[a, b] for a, b in zip(fwd, cen, strict=True)]


# q3: numerical gradient


@variant("q3", wrong="forward differences for each component")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    fx = f(x)
    return np.array([(f(x + h * e) - fx) / h for e in np.eye(x.size)])


@variant("q3", wrong="central differences divided by h instead of 2h")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    return np.array([(f(x + h * e) - f(x - h * e)) / h for e in np.eye(x.size)])


@variant("q3", wrong="copies x without converting to float: int inputs truncate x_i + h")
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x)
    grad = np.zeros(x.size)
    for i in range(x.size):
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        grad[i] = (f(plus) - f(minus)) / (2 * h)
    return grad


@variant("q3", wrong="relative step h * |x_i| instead of the given step h")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.size)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h * max(1.0, abs(x[i]))
        grad[i] = (f(x + step) - f(x - step)) / (2 * step[i])
    return grad


@variant("q3", wrong="sign error: (f(x - h e_i) - f(x + h e_i)) / (2h)")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    return np.array([(f(x - h * e) - f(x + h * e)) / (2 * h) for e in np.eye(x.size)])


@variant(
    "q3",
    wrong="perturbs the caller's float array in place and restores it by adding h back "
    "(x_i + h - 2h + h is not always x_i: the caller's x changes in the last bits)",
)
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)  # no copy for a float array: this is the caller's x
    grad = np.empty(x.size)
    for i in range(x.size):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        x[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad


@variant("q3", wrong="steps a Python list copy of x, so f receives lists, not float arrays")
def numerical_gradient(f, x, h=1e-5):
    values = [float(v) for v in np.ravel(x)]
    grad = []
    for i in range(len(values)):
        plus, minus = list(values), list(values)
        plus[i] += h
        minus[i] -= h
        grad.append((f(plus) - f(minus)) / (2 * h))
    return np.array(grad)


@variant("q3", correct="vectorized over the rows of h * np.eye(n), returns a list")
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float).ravel()
    steps = h * np.eye(x.size)
    return [(f(x + s) - f(x - s)) / (2 * h) for s in steps]


@variant("q3", correct="perturbs a float copy in place and restores it after each component")
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.empty_like(x)
    for i in range(x.size):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


# q4: gradient checker


@variant("q4", wrong="absolute error max |a - b| instead of the relative error")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    analytic = np.asarray(grad_f(x), dtype=float)
    error = float(np.max(np.abs(analytic - num_grad(f, x))))
    return error, bool(error < tol)


@variant("q4", wrong="no max(1e-8, ...) guard: 0 / 0 gives NaN where both gradients are 0")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))
    return error, bool(error < tol)


@variant("q4", wrong="guard added instead of maxed: |a - b| / (1e-8 + |a| + |b|)")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / (1e-8 + np.abs(a) + np.abs(b))))
    return error, bool(error < tol)


@variant("q4", wrong="mean of the elementwise relative errors instead of the max")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.mean(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return error, bool(error < tol)


@variant("q4", wrong="norm-based error ||a - b|| / (||a|| + ||b||) instead of the max")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.linalg.norm(a - b) / max(1e-8, np.linalg.norm(a) + np.linalg.norm(b)))
    return error, bool(error < tol)


@variant("q4", wrong="denominator max(|a_i|, |b_i|) instead of |a_i| + |b_i|")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.maximum(np.abs(a), np.abs(b)))))
    return error, bool(error < tol)


@variant("q4", wrong="ignores num_grad and uses a forward-difference gradient of its own")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    x = np.asarray(x, dtype=float)
    a = np.asarray(grad_f(x), dtype=float)
    b = np.array([(f(x + 1e-5 * e) - f(x)) / 1e-5 for e in np.eye(x.size)])
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return error, bool(error < tol)


@variant("q4", wrong="ignores num_grad and calls numerical_gradient from the notebook")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = numerical_gradient(f, x)
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return error, bool(error < tol)


@variant("q4", wrong="ignores the tol argument and always uses 1e-6")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return error, bool(error < 1e-6)


@variant("q4", wrong="passed = error <= tol: an error equal to tol passes")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return error, bool(error <= tol)


@variant("q4", wrong="returns the pair in the wrong order: (passed, error)")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x), dtype=float)
    error = float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    return bool(error < tol), error


@variant("q4", correct="loop over components, num_grad called with an explicit step")
def check_gradient(f, grad_f, x, num_grad, tol=1e-6):
    x = np.asarray(x, dtype=float)
    a = np.asarray(grad_f(x), dtype=float)
    b = np.asarray(num_grad(f, x, 1e-5), dtype=float)
    error = 0.0
    for ai, bi in zip(a, b, strict=True):
        error = max(error, abs(ai - bi) / max(1e-8, abs(ai) + abs(bi)))
    return error, error < tol


# q5: directional derivative


@variant("q5", wrong="does not normalize the direction: returns grad f . v")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    v = np.asarray(v, dtype=float)
    return float((f(x + h * v) - f(x - h * v)) / (2 * h))


@variant("q5", wrong="divides by ||v||**2 instead of ||v||")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    v = np.asarray(v, dtype=float)
    u = v / np.linalg.norm(v)
    return float((f(x + h * u) - f(x - h * u)) / (2 * h) / np.linalg.norm(v))


@variant("q5", wrong="forward difference along the unit direction")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    u = np.asarray(v, dtype=float) / np.linalg.norm(v)
    return float((f(x + h * u) - f(x)) / h)


@variant("q5", wrong="ignores h: central difference along u with the fixed step 1e-4")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    u = np.asarray(v, dtype=float) / np.sqrt(np.sum(np.square(v)))
    return (f(x + 1e-4 * u) - f(x - 1e-4 * u)) / 2e-4


@variant("q5", wrong="central differences along the axes (numerical_gradient), dotted with u")
def directional_derivative(f, x, v, h=1e-5):
    u = np.asarray(v, dtype=float) / np.linalg.norm(v)
    return float(np.dot(numerical_gradient(f, x, h), u))


@variant("q5", wrong="steps by h * v, then divides by 2 h ||v||: fails for tiny or huge v")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    v = np.asarray(v, dtype=float)
    return float((f(x + h * v) - f(x - h * v)) / (2 * h * np.linalg.norm(v)))


@variant("q5", wrong="normalizes the caller's float v in place (u = np.asarray(v); u /= norm)")
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    u = np.asarray(v, dtype=float)
    u /= np.linalg.norm(u)
    return float((f(x + h * u) - f(x - h * u)) / (2 * h))


@variant("q5", correct="unit vector by explicit square root of the sum of squares, loops")
def directional_derivative(f, x, v, h=1e-5):
    xs = [float(t) for t in np.ravel(x)]
    vs = [float(t) for t in np.ravel(v)]
    length = sum(t * t for t in vs) ** 0.5
    u = np.array([t / length for t in vs])
    point = np.array(xs)
    return (f(point + h * u) - f(point - h * u)) / (2 * h)


# q6: Jacobian


@variant("q6", wrong="transposed Jacobian: shape (n, m), row j = dF/dx_j")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    rows = []
    for e in np.eye(x.size):
        rows.append((np.asarray(F(x + h * e)) - np.asarray(F(x - h * e))) / (2 * h))
    return np.array(rows)


@variant("q6", wrong="squeezes the result: a 1 x n Jacobian comes back with shape (n,)")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    columns = [
        (np.asarray(F(x + h * e)) - np.asarray(F(x - h * e))) / (2 * h) for e in np.eye(x.size)
    ]
    return np.squeeze(np.column_stack(columns))


@variant("q6", wrong="forward differences for each column")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    Fx = np.asarray(F(x), dtype=float)
    return np.column_stack([(np.asarray(F(x + h * e)) - Fx) / h for e in np.eye(x.size)])


@variant("q6", wrong="central differences divided by h instead of 2h")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    return np.column_stack(
        [(np.asarray(F(x + h * e)) - np.asarray(F(x - h * e))) / h for e in np.eye(x.size)]
    )


@variant("q6", wrong="steps a copy of x without converting to float: int x truncates x_j + h")
def jacobian(F, x, h=1e-5):
    x = np.array(x)
    columns = []
    for j in range(x.size):
        plus, minus = x.copy(), x.copy()
        plus[j] += h
        minus[j] -= h
        columns.append((np.asarray(F(plus), dtype=float) - np.asarray(F(minus))) / (2 * h))
    return np.column_stack(columns)


@variant("q6", wrong="perturbs the caller's float x in place, restores it by adding h back")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    columns = []
    for j in range(x.size):
        x[j] += h
        up = np.asarray(F(x), dtype=float)
        x[j] -= 2 * h
        down = np.asarray(F(x), dtype=float)
        x[j] += h
        columns.append((up - down) / (2 * h))
    return np.column_stack(columns)


@variant("q6", wrong="steps Python list copies of x, so F receives lists")
def jacobian(F, x, h=1e-5):
    values = [float(v) for v in np.ravel(x)]
    columns = []
    for j in range(len(values)):
        plus, minus = list(values), list(values)
        plus[j] += h
        minus[j] -= h
        columns.append((np.asarray(F(plus), dtype=float) - np.asarray(F(minus))) / (2 * h))
    return np.column_stack(columns)


@variant("q6", correct="fills J entry by entry with a double loop")
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    n = x.size
    m = len(np.atleast_1d(F(x)))
    J = np.zeros((m, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = h
        up, down = np.atleast_1d(F(x + e)), np.atleast_1d(F(x - e))
        for i in range(m):
            J[i, j] = (up[i] - down[i]) / (2 * h)
    return J


# q7: Hessian


@variant("q7", wrong="mixed partials divided by 2 h**2 instead of 4 h**2")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            num = f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            H[i, j] = H[j, i] = num / (4 * h * h) if i == j else num / (2 * h * h)
    return H


@variant("q7", wrong="only the pure second derivatives: the mixed partials are left at 0")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    E = np.eye(x.size) * h
    return np.diag([(f(x + e) - 2 * f(x) + f(x - e)) / (h * h) for e in E])


@variant("q7", wrong="one-sided (forward) second differences, error O(h) not O(h**2)")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            H[i, j] = H[j, i] = (f(x + E[i] + E[j]) - f(x + E[i]) - f(x + E[j]) + f(x)) / (h * h)
    return H


@variant("q7", correct="the 4-point formula for every (i, j) separately (symmetric exactly)")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (
                f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            ) / (4 * h * h)
    return H


@variant(
    "q7",
    wrong="Jacobian (its default step 1e-5) of the numerical gradient (step h), not "
    "symmetrized: H[i, j] and H[j, i] come from different points and differ",
)
def hessian(f, x, h=1e-4):
    return jacobian(lambda y: numerical_gradient(f, y, h), x)


@variant("q7", wrong="ignores h and always uses the step 1e-4")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * 1e-4
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            H[i, j] = H[j, i] = (
                f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            ) / (4e-8)
    return H


@variant("q7", wrong="steps a copy of x in place without converting to float (int x truncates)")
def hessian(f, x, h=1e-4):
    x = np.array(x)
    n = x.size
    H = np.zeros((n, n))

    def shifted(i, si, j, sj):
        y = x.copy()
        y[i] += si * h
        y[j] += sj * h
        return f(y)

    for i in range(n):
        for j in range(i, n):
            H[i, j] = H[j, i] = (
                shifted(i, 1, j, 1)
                - shifted(i, 1, j, -1)
                - shifted(i, -1, j, 1)
                + shifted(i, -1, j, -1)
            ) / (4 * h * h)
    return H


@variant("q7", wrong="mixed partials with steps h/2 but still divided by 4 h**2")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (f(x + E[i]) - 2 * f(x) + f(x - E[i])) / (h * h)
        for j in range(i + 1, n):
            a, b = E[i] / 2, E[j] / 2
            num = f(x + a + b) - f(x + a - b) - f(x - a + b) + f(x - a - b)
            H[i, j] = H[j, i] = num / (4 * h * h)
    return H


@variant("q7", correct="3-point formula on the diagonal, 4-point formula off the diagonal")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    fx = f(x)
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (f(x + E[i]) - 2 * fx + f(x - E[i])) / (h * h)
        for j in range(i + 1, n):
            H[i, j] = H[j, i] = (
                f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            ) / (4 * h * h)
    return H


@variant("q7", correct="Jacobian of the numerical gradient, then symmetrized")
def hessian(f, x, h=1e-4):
    J = jacobian(lambda y: numerical_gradient(f, y, h), x, h)
    return (J + J.T) / 2


@variant("q7", correct="full double loop with the 4-point formula, then (H + H.T) / 2")
def hessian(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (
                f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            ) / (4 * h * h)
    return (H + H.T) / 2


# q8: Taylor approximation


@variant("q8", wrong="second-order term without the 1/2: dx^T H dx")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = np.asarray(x, dtype=float) - x0
    value = f(x0) + grad_f(x0) @ dx
    if order == 2:
        value += dx @ hess_f(x0) @ dx
    return float(value)


@variant("q8", wrong="displacement reversed: dx = x0 - x")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = x0 - np.asarray(x, dtype=float)
    value = f(x0) + grad_f(x0) @ dx
    if order == 2:
        value += 0.5 * dx @ hess_f(x0) @ dx
    return float(value)


@variant("q8", wrong="second-order term uses only the diagonal of H (drops cross terms)")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = np.asarray(x, dtype=float) - x0
    value = f(x0) + grad_f(x0) @ dx
    if order == 2:
        value += 0.5 * np.diag(hess_f(x0)) @ dx**2
    return float(value)


@variant("q8", wrong="evaluates the gradient and Hessian at x instead of at the centre x0")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0, x = np.asarray(x0, dtype=float), np.asarray(x, dtype=float)
    dx = x - x0
    value = f(x0) + grad_f(x) @ dx
    if order == 2:
        value += 0.5 * dx @ hess_f(x) @ dx
    return float(value)


@variant("q8", wrong="ignores grad_f and hess_f, calls numerical_gradient and hessian itself")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = np.asarray(x, dtype=float) - x0
    value = f(x0) + numerical_gradient(f, x0) @ dx
    if order == 2:
        value += 0.5 * dx @ hessian(f, x0) @ dx
    return float(value)


@variant("q8", wrong="always computes the Hessian, also for order 1 (n**2 wasted evaluations)")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = np.asarray(x, dtype=float) - x0
    g, H = np.asarray(grad_f(x0)), np.asarray(hess_f(x0))
    terms = [f(x0), g @ dx, 0.5 * dx @ H @ dx]
    return float(sum(terms[: order + 1]))


@variant("q8", correct="sums H_ij dx_i dx_j with explicit loops")
def taylor_approx(f, grad_f, hess_f, x0, x, order):
    x0 = np.asarray(x0, dtype=float)
    dx = np.asarray(x, dtype=float) - x0
    g = np.asarray(grad_f(x0), dtype=float)
    value = f(x0) + sum(g[i] * dx[i] for i in range(dx.size))
    if order == 2:
        H = np.asarray(hess_f(x0), dtype=float)
        value += 0.5 * sum(H[i, j] * dx[i] * dx[j] for i in range(dx.size) for j in range(dx.size))
    return value


# q9: gradient descent


@variant("q9", wrong="gradient ascent: x + lr * grad")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = np.atleast_1d(np.array(x0, dtype=float))
    path = [x.copy()]
    for _ in range(n_steps):
        x = x + lr * np.asarray(grad_f(x))
        path.append(x.copy())
    return np.array(path)


@variant("q9", wrong="the path misses the initial point x0 (shape (n_steps, d))")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = np.atleast_1d(np.array(x0, dtype=float))
    path = []
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad_f(x))
        path.append(x.copy())
    return np.array(path).reshape(n_steps, x.size)


@variant("q9", wrong="updates x in place and appends the same array: every row is the last x")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = np.atleast_1d(np.array(x0, dtype=float))
    path = [x]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad_f(x))
        path.append(x)
    return np.array(path)


@variant("q9", wrong="updates the caller's x0 array in place (no copy)")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = x0 if isinstance(x0, np.ndarray) else np.atleast_1d(np.array(x0, dtype=float))
    path = [x.copy()]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad_f(x))
        path.append(x.copy())
    return np.array(path, dtype=float).reshape(n_steps + 1, -1)


@variant("q9", wrong="for a float x0 iterates on a 0-d array: grad_f gets a 0-d array, not 1-D")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = np.asarray(x0, dtype=float)
    path = [x.copy()]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad_f(x))
        path.append(x.copy())
    return np.array(path).reshape(n_steps + 1, -1)


@variant("q9", wrong="copies x0 without converting to float, then updates it in place")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = np.atleast_1d(np.array(x0))
    path = [x.astype(float)]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad_f(x))
        path.append(x.astype(float))
    return np.array(path)


@variant("q9", correct="preallocates the path array and fills it row by row")
def gradient_descent(grad_f, x0, lr, n_steps):
    x0 = np.atleast_1d(np.asarray(x0, dtype=float))
    path = np.empty((n_steps + 1, x0.size))
    path[0] = x0
    for k in range(n_steps):
        path[k + 1] = path[k] - lr * np.asarray(grad_f(path[k]))
    return path


@variant("q9", correct="keeps the path as a nested Python list built from plain floats")
def gradient_descent(grad_f, x0, lr, n_steps):
    x = [float(v) for v in np.ravel(x0)]
    path = [list(x)]
    for _ in range(n_steps):
        g = np.ravel(grad_f(np.array(x)))
        x = [xi - lr * float(gi) for xi, gi in zip(x, g, strict=True)]
        path.append(list(x))
    return path


# q10: largest stable learning rate


@variant("q10", wrong="1 / lambda_max instead of 2 / lambda_max")
def max_stable_lr(A):
    return float(1.0 / np.linalg.eigvalsh(A).max())


@variant("q10", wrong="eigvalsh sorts ascending: [0] is lambda_min, giving 2 / lambda_min")
def max_stable_lr(A):
    return float(2.0 / np.linalg.eigvalsh(A)[0])


@variant("q10", wrong="uses the largest diagonal entry instead of the largest eigenvalue")
def max_stable_lr(A):
    return float(2.0 / np.max(np.diag(A)))


@variant("q10", wrong="np.linalg.norm(A) (the Frobenius norm) taken for lambda_max")
def max_stable_lr(A):
    return float(2.0 / np.linalg.norm(A))


@variant(
    "q10",
    wrong="largest diagonal entry, after zeroing A's off-diagonal entries in place (a test "
    "that reads A after the call would see a diagonal matrix and agree)",
)
def max_stable_lr(A):
    A[...] = np.diag(np.diag(A))
    return float(2.0 / np.max(np.diag(A)))


@variant("q10", correct="lambda_max as the spectral norm of A (equal for an SPD matrix)")
def max_stable_lr(A):
    return 2.0 / np.linalg.norm(np.asarray(A, dtype=float), 2)


@variant("q10", correct="finds lambda_max by power iteration")
def max_stable_lr(A):
    A = np.asarray(A, dtype=float)
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0]) + 0.01 * np.arange(A.shape[0])
    for _ in range(5000):
        w = A @ v
        v = w / np.linalg.norm(w)
    return float(2.0 / (v @ A @ v))
