"""Variants for ps01-algebra: the mistakes students make, and other correct answers."""

import functools
import math

import numpy as np
from scipy.special import xlog1py, xlogy

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: compose


@variant("q1", wrong="applies the functions left to right: compose(f, g)(x) = g(f(x))")
def compose(*functions):
    def composed(x):
        for f in functions:
            x = f(x)
        return x

    return composed


@variant("q1", wrong="reduce without an initial value: compose() with no function crashes")
def compose(*functions):
    return functools.reduce(lambda f, g: lambda x: f(g(x)), functions)


@variant("q1", wrong="handles exactly two functions and ignores the rest")
def compose(*functions):
    if len(functions) == 0:
        return lambda x: x
    if len(functions) == 1:
        return functions[0]
    f, g = functions[0], functions[1]
    return lambda x: f(g(x))


@variant("q1", wrong="pops the functions off a shared list: a second call applies none of them")
def compose(*functions):
    pending = list(functions)

    def composed(x):
        while pending:
            x = pending.pop()(x)
        return x

    return composed


@variant("q1", wrong="tries each function once on 0.0 while composing, to check that it works")
def compose(*functions):
    for f in functions:
        f(0.0)

    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x

    return composed


@variant("q1", correct="functools.reduce with the identity as the initial value")
def compose(*functions):
    return functools.reduce(lambda f, g: lambda x: f(g(x)), functions, lambda x: x)


@variant("q1", correct="recursion: compose(f, *rest) = f o compose(*rest)")
def compose(*functions):
    if not functions:
        return lambda x: x
    first, rest = functions[0], compose(*functions[1:])
    return lambda x: first(rest(x))


# ---------------------------------------------------------------- q2: inverses


@variant("q2", wrong="confuses the inverse function with the reciprocal 1 / f(y)")
def affine_inverse(a, b):
    if a == 0:
        raise ValueError("not invertible")
    return lambda y: 1 / (a * np.asarray(y, dtype=float) + b)


@variant("q2", wrong="divides before subtracting: y / a - b instead of (y - b) / a")
def affine_inverse(a, b):
    if a == 0:
        raise ValueError("not invertible")
    return lambda y: np.asarray(y, dtype=float) / a - b


@variant("q2", wrong="does not reject a = 0 (returns a function that divides by zero)")
def affine_inverse(a, b):
    return lambda y: (np.asarray(y, dtype=float) - b) / a


@variant("q2", wrong="assumes f is increasing: keeps the left half whenever f(mid) > y")
def invert(f, y, lo, hi, tol=1e-10):
    if not min(f(lo), f(hi)) <= y <= max(f(lo), f(hi)):
        raise ValueError("y is not between f(lo) and f(hi)")
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if f(mid) > y:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


@variant("q2", wrong="stops after a fixed 20 halvings, far from the tolerance")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if g_lo * g_hi > 0:
        raise ValueError("y is not between f(lo) and f(hi)")
    for _ in range(20):
        mid = (lo + hi) / 2
        if (f(mid) - y > 0) == (g_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@variant("q2", wrong="calls scipy.optimize.brentq instead of bisecting")
def invert(f, y, lo, hi, tol=1e-10):
    from scipy.optimize import brentq

    return brentq(lambda x: f(x) - y, lo, hi, xtol=tol)


@variant("q2", wrong="never checks the bracket: returns an endpoint when y is out of range")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo = f(lo) - y
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if (f(mid) - y > 0) == (g_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@variant("q2", wrong="rejects y == f(lo) or y == f(hi): takes a zero difference for no sign change")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if g_lo * g_hi >= 0:
        raise ValueError("y is not strictly between f(lo) and f(hi)")
    for _ in range(200):
        if hi - lo <= tol:
            break
        mid = (lo + hi) / 2
        if (f(mid) - y > 0) == (g_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@variant("q2", wrong="ignores the tol argument: always bisects down to a fixed 1e-10")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if g_lo * g_hi > 0:
        raise ValueError("y is not between f(lo) and f(hi)")
    for _ in range(200):
        if hi - lo <= 1e-10:
            break
        mid = (lo + hi) / 2
        if (f(mid) - y > 0) == (g_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@variant("q2", wrong="while hi - lo > tol, no cap: never stops when floats are coarser than tol")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if g_lo * g_hi > 0:
        raise ValueError("y is not between f(lo) and f(hi)")
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if (f(mid) - y > 0) == (g_lo > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@variant("q2", correct="affine inverse written as y / a - b / a, and a scalar-only lambda")
def affine_inverse(a, b):
    if a == 0:
        raise ValueError("a = 0")
    c, d = 1 / a, -b / a
    return lambda y: c * y + d


@variant("q2", correct="recursive bisection on the sign of f(x) - y, at most 200 levels deep")
def invert(f, y, lo, hi, tol=1e-10):
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if np.sign(g_lo) * np.sign(g_hi) > 0:
        raise ValueError("y is not between f(lo) and f(hi)")

    def search(lo, hi, sign_lo, depth):
        mid = (lo + hi) / 2
        if hi - lo <= tol or depth == 200:
            return mid
        if np.sign(f(mid) - y) == sign_lo:
            return search(mid, hi, sign_lo, depth + 1)
        return search(lo, mid, sign_lo, depth + 1)

    return search(lo, hi, np.sign(g_lo), 0)


@variant("q2", correct="turns a decreasing f into an increasing one by flipping signs")
def invert(f, y, lo, hi, tol=1e-10):
    sign = 1.0 if f(hi) >= f(lo) else -1.0
    if not sign * f(lo) <= sign * y <= sign * f(hi):
        raise ValueError("y is not between f(lo) and f(hi)")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if sign * f(mid) < sign * y:
            lo = mid
        else:
            hi = mid
        if hi - lo <= tol:
            break
    return 0.5 * (lo + hi)


# ---------------------------------------------------------------- q3: change of base


@variant("q3", wrong="inverts the change of base: ln(b) / ln(x)")
def log_base(x, b):
    return np.log(b) / np.log(x)


@variant("q3", wrong="divides by the base instead of by its logarithm: ln(x) / b")
def log_base(x, b):
    return np.log(x) / b


@variant("q3", wrong="mixes bases: log10(x) / ln(b)")
def log_base(x, b):
    return np.log10(x) / np.log(b)


@variant("q3", wrong="writes the result into np.empty_like(x): integer x gives truncated logs")
def log_base(x, b):
    x = np.asarray(x)
    out = np.empty_like(x)
    out[...] = np.log(x) / np.log(b)
    return out


@variant("q3", correct="change of base through log2 instead of ln")
def log_base(x, b):
    return np.log2(x) / np.log2(b)


@variant("q3", correct="math.log(x, b) elementwise, with a list comprehension")
def log_base(x, b):
    x = np.asarray(x, dtype=float)
    return np.array([math.log(v, b) for v in x.ravel()]).reshape(x.shape)


@variant("q3", wrong="uses math.log(x, b), which only accepts single numbers, not arrays")
def log_base(x, b):
    return math.log(x, b)


# ---------------------------------------------------------------- q4: growth and decay


@variant("q4", wrong="treats k as a time constant: exp(-t / k)")
def exp_decay(n0, k, t):
    return n0 * np.exp(-np.asarray(t, dtype=float) / k)


@variant("q4", wrong="half-life as 1 / (2k), halving the rate instead of solving exp(-kT) = 1/2")
def half_life(k):
    return 1 / (2 * k)


@variant("q4", wrong="multiplies by ln 2 instead of dividing: k ln 2")
def half_life(k):
    return k * np.log(2)


variant("q4", wrong="continuous-compounding formula ln(2) / 0.07", DOUBLING_TIME=np.log(2) / 0.07)
variant("q4", wrong="the rule of 70 estimate 70 / 7", DOUBLING_TIME=70 / 7)
variant("q4", wrong="log10 on top and ln below", DOUBLING_TIME=np.log10(2) / np.log(1.07))
variant("q4", wrong="the right value typed rounded to 4 digits", DOUBLING_TIME=10.24)
variant("q4", correct="the same ratio in base 10", DOUBLING_TIME=math.log10(2) / math.log10(1.07))
variant("q4", correct="math.log with a base argument", DOUBLING_TIME=math.log(2, 1.07))


@variant("q4", correct="decay written as a power of e^-k, with math-free numpy power")
def exp_decay(n0, k, t):
    return n0 * np.power(np.exp(-k), np.asarray(t, dtype=float))


@variant("q4", wrong="uses math.exp, which fails on an array of times")
def exp_decay(n0, k, t):
    return n0 * math.exp(-k * t)


# ---------------------------------------------------------------- q5: learning-rate decay


@variant("q5", wrong="ignores staircase: always decays continuously")
def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    return lr0 * decay_rate ** (np.asarray(step, dtype=float) / decay_steps)


@variant("q5", wrong="integer division step // decay_steps even without staircase")
def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    return lr0 * decay_rate ** (np.asarray(step) // decay_steps)


@variant("q5", wrong="operator precedence: decay_rate ** step / decay_steps")
def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    step = np.asarray(step, dtype=float)
    if staircase:
        return lr0 * decay_rate ** np.floor(step / decay_steps)
    return lr0 * decay_rate**step / decay_steps


@variant("q5", wrong="staircase rounds the exponent to the nearest integer instead of down")
def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    exponent = np.asarray(step, dtype=float) / decay_steps
    if staircase:
        exponent = np.round(exponent)
    return lr0 * decay_rate**exponent


@variant("q5", wrong="flips the ratio: ln(lr0 / target), a negative step")
def steps_to_reach(lr0, target, decay_rate, decay_steps):
    return decay_steps * np.log(lr0 / target) / np.log(decay_rate)


@variant("q5", wrong="forgets decay_steps: returns the exponent, not the step")
def steps_to_reach(lr0, target, decay_rate, decay_steps):
    return np.log(target / lr0) / np.log(decay_rate)


@variant("q5", correct="steps_to_reach through log_base from question 3")
def steps_to_reach(lr0, target, decay_rate, decay_steps):
    return decay_steps * log_base(target / lr0, decay_rate)


@variant("q5", correct="lr through exp and log, with a Python loop over steps")
def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    steps = np.asarray(step)
    out = []
    for s in steps.ravel():
        e = s // decay_steps if staircase else s / decay_steps
        out.append(lr0 * math.exp(e * math.log(decay_rate)))
    return np.array(out).reshape(steps.shape)


# ---------------------------------------------------------------- q6: quadratic equations


@variant("q6", wrong="textbook formula: catastrophic cancellation for the small root")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    disc = b * b - 4 * a * c
    if disc < 0:
        return np.array([])
    root = np.sqrt(disc)
    return np.sort([(-b - root) / (2 * a), (-b + root) / (2 * a)])


@variant("q6", wrong="stable formula with np.sign(b): b = 0 gives q = 0 and c / q = inf")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    disc = b * b - 4 * a * c
    if disc < 0:
        return np.array([])
    with np.errstate(divide="ignore", invalid="ignore"):
        q = -(b + np.sign(b) * np.sqrt(disc)) / 2
        return np.sort([q / a, c / q])


@variant("q6", wrong="treats a small discriminant as zero with np.isclose(disc, 0)")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    disc = b * b - 4 * a * c
    if np.isclose(disc, 0):
        return np.array([-b / (2 * a)] * 2)
    if disc < 0:
        return np.array([])
    q = -(b + np.copysign(np.sqrt(disc), b)) / 2
    if q == 0:
        return np.array([0.0, 0.0])
    return np.sort(np.array([q / a, c / q]))


@variant("q6", wrong="does not sort: returns q / a then c / q")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    disc = b * b - 4 * a * c
    if disc < 0:
        return np.array([])
    q = -(b + np.copysign(np.sqrt(disc), b)) / 2
    if q == 0:
        return np.array([0.0, 0.0])
    return np.array([q / a, c / q])


@variant("q6", wrong="negative discriminant gives two NaN roots instead of an empty array")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    with np.errstate(invalid="ignore"):
        root = np.sqrt(b * b - 4 * a * c)
    q = -(b + np.copysign(root, b)) / 2
    if q == 0:
        return np.array([0.0, 0.0])
    return np.sort([q / a, c / q])


@variant("q6", wrong="forgets the linear case a = 0 (divides by 2a = 0)")
def solve_quadratic(a, b, c):
    if a == 0 and b == 0:
        raise ValueError("a = b = 0")
    disc = b * b - 4 * a * c
    if disc < 0:
        return np.array([])
    with np.errstate(divide="ignore", invalid="ignore"):
        q = -(b + np.copysign(np.sqrt(disc), b)) / 2
        if q == 0:
            return np.array([0.0, 0.0])
        return np.sort([q / a, c / q])


@variant("q6", wrong="calls np.roots instead of deriving the formula")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return np.array([-c / b])
    roots = np.roots([a, b, c])
    return np.sort(roots[np.isreal(roots)].real)


@variant("q6", correct="Vieta form x1 = (-b - sign(b) sqrt) / 2a, x2 = c / (a x1), as a list")
def solve_quadratic(a, b, c):
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0")
        return [-c / b]
    disc = b * b - 4 * a * c
    if disc < 0:
        return []
    s = math.sqrt(disc)
    x1 = (-b - s) / (2 * a) if b >= 0 else (-b + s) / (2 * a)
    x2 = c / (a * x1) if x1 != 0 else -b / a - x1
    return sorted([x1, x2])


# ---------------------------------------------------------------- q7: log-likelihood


@variant("q7", wrong="multiplies the probabilities, then takes the log: underflows to -inf")
def log_likelihood(p, y):
    p, y = np.asarray(p, dtype=float), np.asarray(y)
    return float(np.log(np.prod(np.where(y == 1, p, 1 - p))))


@variant("q7", wrong="y log p + (1 - y) log(1 - p): 0 * log(0) = nan for certain labels")
def log_likelihood(p, y):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


@variant("q7", wrong="returns the mean log-likelihood instead of the sum")
def log_likelihood(p, y):
    p, y = np.asarray(p, dtype=float), np.asarray(y)
    return float(np.mean(np.where(y == 1, np.log(p), np.log1p(-p))))


@variant("q7", wrong="forgets the labels 0: sums y log p only")
def log_likelihood(p, y):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    return float(np.sum(xlogy(y, p)))


@variant("q7", correct="clips p to [1e-15, 1 - 1e-15] first, as scikit-learn's log_loss does")
def log_likelihood(p, y):
    p = np.clip(np.asarray(p, dtype=float), 1e-15, 1 - 1e-15)
    y = np.asarray(y, dtype=float)
    return float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


@variant("q7", correct="scipy.special.xlogy and xlog1py, which define 0 * log 0 = 0")
def log_likelihood(p, y):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    return np.sum(xlogy(y, p) + xlog1py(1 - y, -p))


@variant("q7", correct="a Python loop with math.log, skipping certain labels")
def log_likelihood(p, y):
    total = 0.0
    for pi, yi in zip(np.ravel(p), np.ravel(y), strict=True):
        q = pi if yi == 1 else 1 - pi
        total += math.log(q)
    return total


# ---------------------------------------------------------------- q8: logsumexp


@variant("q8", wrong="naive log(sum(exp(x))): overflows and underflows")
def logsumexp(x, axis=None):
    with np.errstate(over="ignore", divide="ignore"):
        return np.log(np.sum(np.exp(np.asarray(x, dtype=float)), axis=axis))


@variant("q8", wrong="subtracts the global max even when reducing along an axis")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x)
    m = m if np.isfinite(m) else 0.0
    with np.errstate(divide="ignore"):
        return m + np.log(np.sum(np.exp(x - m), axis=axis))


@variant("q8", wrong="keeps the reduced axis (returns shape (n, 1) instead of (n,))")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    total = m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return total if axis is not None else float(total.ravel()[0])


@variant("q8", wrong="max trick without guarding -inf: a row of only -inf gives nan")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore"):
        total = m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return np.squeeze(total, axis=axis) if axis is not None else float(total.ravel()[0])


@variant("q8", wrong="forgets to add the max back")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    total = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return np.squeeze(total, axis=axis) if axis is not None else float(total.ravel()[0])


@variant("q8", wrong="stays in the input's dtype: float32 input is computed in float32")
def logsumexp(x, axis=None):
    x = np.asarray(x)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0).astype(x.dtype)
    with np.errstate(divide="ignore"):
        total = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return np.squeeze(total, axis=axis) if axis is not None else total.reshape(())[()]


@variant("q8", wrong="calls scipy.special.logsumexp")
def logsumexp(x, axis=None):
    import scipy.special

    return scipy.special.logsumexp(x, axis=axis)


@variant("q8", correct="np.logaddexp.reduce, a pairwise stable reduction")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    if axis is None:
        return float(np.logaddexp.reduce(x.ravel()))
    return np.logaddexp.reduce(x, axis=axis)


@variant("q8", correct="moves the axis to the end and loops over the rows in Python")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    if axis is None:
        x, axis = x.ravel(), 0
    moved = np.moveaxis(x, axis, -1)
    rows = moved.reshape(-1, moved.shape[-1])
    out = []
    for row in rows:
        m = row.max()
        if not np.isfinite(m):
            out.append(m)
            continue
        out.append(m + math.log(sum(math.exp(v - m) for v in row)))
    result = np.array(out).reshape(moved.shape[:-1])
    return result if result.ndim else float(result)


@variant("q8", wrong="takes the max without keepdims: x - m broadcasts along the wrong axis")
def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        return m + np.log(np.sum(np.exp(x - m), axis=axis))


# ---------------------------------------------------------------- q9: sigmoid and logit


@variant("q9", wrong="naive 1 / (1 + exp(-x)): overflow warnings for x < -709")
def sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


@variant("q9", wrong="exp(x) / (1 + exp(x)): inf / inf = nan for large x")
def sigmoid(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / (1 + e)


@variant("q9", wrong="np.where with both naive branches: each one overflows somewhere")
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))


@variant("q9", wrong="sign error: 1 / (1 + exp(x))")
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, z / (1 + z), 1 / (1 + z))


@variant("q9", wrong="logit upside down: log((1 - p) / p)")
def logit(p):
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return np.log((1 - p) / p)


@variant("q9", wrong="logit as log(p / (1 + p)): odds are p / (1 - p)")
def logit(p):
    p = np.asarray(p, dtype=float)
    return np.log(p / (1 + p))


@variant("q9", wrong="stable sigmoid that stays in the input's dtype: float32 in, float32 out")
def sigmoid(x):
    x = np.asarray(x)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


@variant("q9", wrong="logit that stays in the input's dtype: float32 in, float32 out")
def logit(p):
    p = np.asarray(p)
    with np.errstate(divide="ignore"):
        return np.log(p) - np.log1p(-p)


@variant("q9", correct="tanh identity sigmoid(x) = (1 + tanh(x / 2)) / 2")
def sigmoid(x):
    return 0.5 * (1 + np.tanh(np.asarray(x, dtype=float) / 2))


@variant("q9", correct="boolean masks instead of np.where, each branch on its own half")
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1 + e)
    return out


@variant("q9", correct="textbook logit log(p / (1 - p))")
def logit(p):
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return np.log(p / (1 - p))


@variant("q9", wrong="logit as 2 artanh(2p - 1): 2p - 1 rounds to -1 for tiny p, giving -inf")
def logit(p):
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return 2 * np.arctanh(2 * p - 1)


@variant("q9", correct="clips x to [-500, 500] before the textbook formula (error below 1e-200)")
def sigmoid(x):
    x = np.clip(np.asarray(x, dtype=float), -500, 500)
    return 1 / (1 + np.exp(-x))


# ---------------------------------------------------------------- q10: log-odds


@variant("q10", wrong="works with odds = exp(...): overflows to nan for strong evidence")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    with np.errstate(over="ignore", invalid="ignore"):
        odds = prior / (1 - prior) * np.exp(np.sum(log_likelihood_ratios))
        return float(odds / (1 + odds))


@variant("q10", wrong="multiplies the probability, not the odds, by the likelihood ratio")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    return float(min(1.0, prior * np.exp(np.sum(log_likelihood_ratios))))


@variant("q10", wrong="adds the evidence to the prior probability instead of its log-odds")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    return float(sigmoid(prior + np.sum(log_likelihood_ratios)))


@variant("q10", wrong="forgets the prior: sigmoid of the evidence alone")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    return float(sigmoid(np.sum(np.asarray(log_likelihood_ratios, dtype=float))))


@variant("q10", wrong="averages the log-likelihood ratios instead of adding them")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    evidence = np.asarray(log_likelihood_ratios, dtype=float)
    mean = np.mean(evidence) if evidence.size else 0.0
    return float(sigmoid(logit(prior) + mean))


@variant("q10", correct="Bayes' rule in log space with np.logaddexp")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    s = float(np.sum(log_likelihood_ratios))
    log_num = np.log(prior) + s
    return float(np.exp(log_num - np.logaddexp(log_num, np.log1p(-prior))))


@variant("q10", correct="one piece of evidence at a time: each posterior is the next prior")
def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    p = prior
    for llr in log_likelihood_ratios:
        p = sigmoid(logit(p) + llr)
    return float(p)


@variant("q6", correct="a list of Python floats from math.sqrt, linear case first")
def solve_quadratic(a, b, c):
    if a == 0 and b == 0:
        raise ValueError("a = b = 0")
    if a == 0:
        return [-c / b]
    disc = b**2 - 4 * a * c
    if disc < 0:
        return []
    big = -b - math.sqrt(disc) if b > 0 else -b + math.sqrt(disc)
    if big == 0:
        return [0.0, 0.0]
    roots = [big / (2 * a), 2 * c / big]
    return [min(roots), max(roots)]
