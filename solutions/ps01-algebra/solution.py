"""Reference solution for ps01-algebra."""

import numpy as np


def compose(*functions):
    """Return the composition of `functions`, applied right to left."""

    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x

    return composed


def affine_inverse(a, b):
    """Return the inverse of x -> a * x + b, as a function of y."""
    if a == 0:
        raise ValueError("x -> 0 * x + b is constant, so it has no inverse")

    def inverse(y):
        return (np.asarray(y, dtype=float) - b) / a

    return inverse


def invert(f, y, lo, hi, tol=1e-10):
    """Solve f(x) = y on [lo, hi] by bisection (f continuous and strictly monotone)."""
    g_lo, g_hi = f(lo) - y, f(hi) - y
    if g_lo == 0:
        return float(lo)
    if g_hi == 0:
        return float(hi)
    if g_lo * g_hi > 0:
        raise ValueError("y is not between f(lo) and f(hi)")
    for _ in range(200):
        if hi - lo <= tol:
            break
        mid = (lo + hi) / 2
        g_mid = f(mid) - y
        if g_mid == 0:
            return float(mid)
        if (g_mid > 0) == (g_lo > 0):
            lo, g_lo = mid, g_mid
        else:
            hi = mid
    return float((lo + hi) / 2)


def log_base(x, b):
    """Logarithm of x in base b, elementwise, by the change-of-base formula."""
    return np.log(x) / np.log(b)


def exp_decay(n0, k, t):
    """Amount left at time t of a quantity n0 decaying at continuous rate k."""
    return n0 * np.exp(-k * np.asarray(t, dtype=float))


def half_life(k):
    """Time for exp_decay to halve any starting amount."""
    return np.log(2) / k


DOUBLING_TIME = np.log(2) / np.log(1.07)


def lr_exponential(lr0, decay_rate, decay_steps, step, staircase=False):
    """Exponential learning-rate decay: lr0 * decay_rate ** (step / decay_steps)."""
    exponent = np.asarray(step, dtype=float) / decay_steps
    if staircase:
        exponent = np.floor(exponent)
    return lr0 * decay_rate**exponent


def steps_to_reach(lr0, target, decay_rate, decay_steps):
    """The step t at which the continuous schedule lr_exponential equals target."""
    return decay_steps * np.log(target / lr0) / np.log(decay_rate)


def solve_quadratic(a, b, c):
    """Real roots of a x^2 + b x + c = 0, sorted, computed without cancellation."""
    if a == 0:
        if b == 0:
            raise ValueError("a = b = 0: not an equation in x")
        return np.array([-c / b])
    disc = b * b - 4 * a * c
    if disc < 0:
        return np.array([])
    q = -(b + np.copysign(np.sqrt(disc), b)) / 2
    if q == 0:  # b = c = 0: the double root 0
        return np.array([0.0, 0.0])
    return np.sort(np.array([q / a, c / q]))


def log_likelihood(p, y):
    """Log of the probability that Bernoulli(p_i) models give the labels y_i."""
    p = np.asarray(p, dtype=float)
    y = np.asarray(y)
    with np.errstate(divide="ignore"):  # log(0) in the branch np.where does not pick
        return float(np.sum(np.where(y == 1, np.log(p), np.log1p(-p))))


def logsumexp(x, axis=None):
    """log(sum(exp(x))) along axis, without overflow or underflow."""
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):  # a slice of only -inf sums to 0: log(0) = -inf
        total = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return np.squeeze(total, axis=axis) if axis is not None else total.reshape(())[()]


def sigmoid(x):
    """Logistic function 1 / (1 + exp(-x)), elementwise, with no overflow."""
    x = np.asarray(x, dtype=float)
    z = np.exp(-np.abs(x))  # in (0, 1]: never overflows
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def logit(p):
    """Log-odds log(p / (1 - p)), elementwise: the inverse of sigmoid."""
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return np.log(p) - np.log1p(-p)


def posterior_probability(prior, log_likelihood_ratios, sigmoid, logit):
    """Bayes' rule in log-odds form: prior probability plus evidence -> posterior.

    sigmoid and logit are the functions of question 9 (passed in, so that the tests can
    hand over correct ones).
    """
    evidence = np.sum(np.asarray(log_likelihood_ratios, dtype=float))
    return float(sigmoid(logit(prior) + evidence))
