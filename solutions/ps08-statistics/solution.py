"""Reference solution for ps08-statistics."""

import numpy as np
from scipy import special, stats


def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    n = x.shape[axis]
    deviations = x - np.mean(x, axis=axis, keepdims=True)
    return np.sum(deviations**2, axis=axis) / (n - ddof)


def std(x, ddof=1, axis=0):
    return np.sqrt(variance(x, ddof=ddof, axis=axis))


def median(x):
    s = np.sort(np.asarray(x, dtype=float))
    n = s.size
    if n % 2 == 1:
        return float(s[n // 2])
    return float((s[n // 2 - 1] + s[n // 2]) / 2)


def mode(x):
    values, counts = np.unique(np.asarray(x), return_counts=True)
    return values[np.argmax(counts)].item()


def quantile(x, q):
    s = np.sort(np.asarray(x, dtype=float))
    q = np.asarray(q, dtype=float)
    if np.any((q < 0) | (q > 1)):
        raise ValueError("q must lie in [0, 1]")
    h = (s.size - 1) * q
    lo = np.floor(h).astype(int)
    hi = np.minimum(lo + 1, s.size - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def covariance(x, y, ddof=1):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.sum((x - x.mean()) * (y - y.mean())) / (x.size - ddof))


def pearson(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    denominator = np.sqrt(np.sum(dx**2) * np.sum(dy**2))
    if denominator == 0:
        return float("nan")
    return float(np.clip(np.sum(dx * dy) / denominator, -1.0, 1.0))


def rank(x):
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="stable")
    s = x[order]
    ranks = np.empty(x.size)
    start = 0
    while start < x.size:
        stop = start
        while stop + 1 < x.size and s[stop + 1] == s[start]:
            stop += 1
        ranks[order[start : stop + 1]] = (start + stop) / 2 + 1
        start = stop + 1
    return ranks


def spearman(x, y):
    rx, ry = rank(x), rank(y)
    dx, dy = rx - rx.mean(), ry - ry.mean()
    denominator = np.sqrt(np.sum(dx**2) * np.sum(dy**2))
    if denominator == 0:
        return float("nan")
    return float(np.sum(dx * dy) / denominator)


def standardize(X):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    sigma = np.sqrt(np.mean((X - mu) ** 2, axis=0))
    sigma = np.where(sigma > 0, sigma, 1.0)
    return (X - mu) / sigma, mu, sigma


def normal_log_likelihood(mu, sigma2, x):
    x = np.asarray(x, dtype=float)
    return float(-0.5 * x.size * np.log(2 * np.pi * sigma2) - np.sum((x - mu) ** 2) / (2 * sigma2))


def poisson_log_likelihood(lam, x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(x * np.log(lam) - lam - special.gammaln(x + 1)))


def mle_bernoulli(x):
    return float(np.mean(np.asarray(x, dtype=float)))


def mle_poisson(x):
    return float(np.mean(np.asarray(x, dtype=float)))


def mle_normal(x):
    x = np.asarray(x, dtype=float)
    mu = x.mean()
    return float(mu), float(np.mean((x - mu) ** 2))


def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    n = x.size
    se = np.sqrt(np.sum((x - x.mean()) ** 2) / (n - 1) / n)
    t_star = stats.t.ppf((1 + level) / 2, n - 1)
    return float(x.mean() - t_star * se), float(x.mean() + t_star * se)


def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return x[rng.integers(0, x.size, size=(B, x.size))]


def percentile_interval(replicates, level=0.95):
    replicates = np.asarray(replicates, dtype=float)
    alpha = 1 - level
    return (
        float(np.quantile(replicates, alpha / 2)),
        float(np.quantile(replicates, 1 - alpha / 2)),
    )


def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    n = x.size
    se = np.sqrt(np.sum((x - x.mean()) ** 2) / (n - 1) / n)
    t = (x.mean() - mu0) / se
    p = 2 * stats.t.sf(abs(t), n - 1)
    return float(t), float(p)


def welch_t_test(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    vx = np.sum((x - x.mean()) ** 2) / (x.size - 1) / x.size
    vy = np.sum((y - y.mean()) ** 2) / (y.size - 1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(vx + vy)
    df = (vx + vy) ** 2 / (vx**2 / (x.size - 1) + vy**2 / (y.size - 1))
    p = 2 * stats.t.sf(abs(t), df)
    return float(t), float(df), float(p)


def permutation_test(x, y, B, rng):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    pooled = np.concatenate([x, y])
    shuffled = rng.permuted(np.tile(pooled, (B, 1)), axis=1)
    null = shuffled[:, : x.size].mean(axis=1) - shuffled[:, x.size :].mean(axis=1)
    count = np.sum(np.abs(null) >= abs(observed))
    return float((count + 1) / (B + 1)), null


def welch_confidence_interval(x, y, level=0.95):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    vx = np.sum((x - x.mean()) ** 2) / (x.size - 1) / x.size
    vy = np.sum((y - y.mean()) ** 2) / (y.size - 1) / y.size
    df = (vx + vy) ** 2 / (vx**2 / (x.size - 1) + vy**2 / (y.size - 1))
    diff = x.mean() - y.mean()
    half = stats.t.ppf((1 + level) / 2, df) * np.sqrt(vx + vy)
    return float(diff - half), float(diff + half)


def xy_summary(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.size
    dx, dy = x - x.mean(), y - y.mean()
    sxx, syy, sxy = np.sum(dx**2), np.sum(dy**2), np.sum(dx * dy)
    slope = sxy / sxx
    return {
        "mean_x": float(x.mean()),
        "mean_y": float(y.mean()),
        "var_x": float(sxx / (n - 1)),
        "var_y": float(syy / (n - 1)),
        "r": float(sxy / np.sqrt(sxx * syy)),
        "slope": float(slope),
        "intercept": float(y.mean() - slope * x.mean()),
    }
