"""Variants for ps08-statistics: the mistakes students make, and other correct answers."""

import collections
import math

import numpy as np
from scipy import special, stats

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: variance, std


@variant("q1", wrong="divides by n whatever ddof is")
def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    return np.mean((x - np.mean(x, axis=axis, keepdims=True)) ** 2, axis=axis)


@variant("q1", wrong="ignores ddof: always divides by n - 1")
def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    n = x.shape[axis]
    return np.sum((x - np.mean(x, axis=axis, keepdims=True)) ** 2, axis=axis) / (n - 1)


@variant("q1", wrong="averages over the whole array, ignoring axis")
def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    return np.sum((x - x.mean()) ** 2) / (x.size - ddof)


@variant("q1", wrong="one pass: mean of squares minus square of the mean (cancels far from 0)")
def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    n = x.shape[axis]
    return (np.mean(x**2, axis=axis) - np.mean(x, axis=axis) ** 2) * n / (n - ddof)


@variant("q1", wrong="subtracts the mean in place, modifying the caller's array")
def variance(x, ddof=1, axis=0):
    x = np.asarray(x, dtype=float)
    n = x.shape[axis]
    x -= np.mean(x, axis=axis, keepdims=True)
    return np.sum(x**2, axis=axis) / (n - ddof)


@variant("q1", wrong="std ignores ddof (always divides by n)")
def std(x, ddof=1, axis=0):
    return np.sqrt(variance(x, ddof=0, axis=axis))


@variant("q1", correct="Welford's one-pass update along axis 0, after moving axis to the front")
def variance(x, ddof=1, axis=0):
    x = np.moveaxis(np.asarray(x, dtype=float), axis, 0)
    mean = np.zeros(x.shape[1:])
    m2 = np.zeros(x.shape[1:])
    for k, row in enumerate(x, start=1):
        delta = row - mean
        mean = mean + delta / k
        m2 = m2 + delta * (row - mean)
    return m2 / (x.shape[0] - ddof)


# ---------------------------------------------------------------- q2: median, mode, quantile


@variant("q2", wrong="median takes the upper middle value for even n")
def median(x):
    s = np.sort(np.asarray(x, dtype=float))
    return float(s[s.size // 2])


@variant("q2", wrong="median sorts the caller's array in place")
def median(x):
    x = np.asarray(x, dtype=float)
    x.sort()
    n = x.size
    return float(x[n // 2]) if n % 2 else float((x[n // 2 - 1] + x[n // 2]) / 2)


@variant("q2", wrong="mode returns the first most frequent value met in x")
def mode(x):
    return collections.Counter(np.asarray(x).tolist()).most_common(1)[0][0]


@variant("q2", wrong="mode by np.bincount (fails on negative and non-integer values)")
def mode(x):
    return int(np.argmax(np.bincount(np.asarray(x).astype(int))))


@variant("q2", wrong="quantile takes the nearest rank s[floor(q n)]")
def quantile(x, q):
    s = np.sort(np.asarray(x, dtype=float))
    q = np.asarray(q, dtype=float)
    if np.any((q < 0) | (q > 1)):
        raise ValueError("q must lie in [0, 1]")
    return s[np.minimum(np.floor(q * s.size).astype(int), s.size - 1)]


@variant("q2", wrong="quantile reads s[lo + 1] past the end at q = 1")
def quantile(x, q):
    s = np.sort(np.asarray(x, dtype=float))
    q = np.asarray(q, dtype=float)
    if np.any((q < 0) | (q > 1)):
        raise ValueError("q must lie in [0, 1]")
    h = (s.size - 1) * q
    lo = np.floor(h).astype(int)
    return s[lo] + (h - lo) * (s[lo + 1] - s[lo])


@variant("q2", wrong="quantile accepts q outside [0, 1]")
def quantile(x, q):
    s = np.sort(np.asarray(x, dtype=float))
    h = (s.size - 1) * np.clip(np.asarray(q, dtype=float), 0, 1)
    lo = np.floor(h).astype(int)
    hi = np.minimum(lo + 1, s.size - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


@variant("q2", correct="median as quantile(x, 0.5); mode with a Counter and min over ties")
def median(x):
    return float(quantile(x, 0.5))


@variant("q2", correct="mode with a Counter, the smallest of the most frequent values")
def mode(x):
    counts = collections.Counter(np.asarray(x).tolist())
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)


@variant("q2", correct="quantile with a Python loop over a flattened q")
def quantile(x, q):
    s = sorted(float(v) for v in np.asarray(x).ravel())
    q = np.asarray(q, dtype=float)
    out = []
    for value in q.ravel():
        if not 0 <= value <= 1:
            raise ValueError("q must lie in [0, 1]")
        h = (len(s) - 1) * value
        lo = math.floor(h)
        hi = min(lo + 1, len(s) - 1)
        out.append(s[lo] + (h - lo) * (s[hi] - s[lo]))
    return np.array(out).reshape(q.shape)


# ---------------------------------------------------------------- q3: covariance, pearson


@variant("q3", wrong="covariance ignores ddof: always divides by n - 1")
def covariance(x, y, ddof=1):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.sum((x - x.mean()) * (y - y.mean())) / (x.size - 1))


@variant("q3", wrong="pearson divides a ddof=1 covariance by ddof=0 standard deviations")
def pearson(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    cov = np.sum((x - x.mean()) * (y - y.mean())) / (x.size - 1)
    return float(
        cov / (np.sqrt(np.mean((x - x.mean()) ** 2)) * np.sqrt(np.mean((y - y.mean()) ** 2)))
    )


@variant("q3", wrong="one pass: sum(x y) - n mean(x) mean(y) over the same for x and y")
def pearson(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = x.size
    sxy = np.sum(x * y) - n * x.mean() * y.mean()
    sxx = np.sum(x * x) - n * x.mean() ** 2
    syy = np.sum(y * y) - n * y.mean() ** 2
    if sxx * syy <= 0:
        return float("nan")
    return float(sxy / np.sqrt(sxx * syy))


@variant("q3", wrong="returns 0.0 for a constant input instead of nan")
def pearson(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    denominator = np.sqrt(np.sum(dx**2) * np.sum(dy**2))
    if denominator == 0:
        return 0.0
    return float(np.sum(dx * dy) / denominator)


@variant("q3", correct="pearson as the covariance over the two ddof=1 standard deviations")
def pearson(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(covariance(x, y) / np.sqrt(covariance(x, x) * covariance(y, y)))


# ---------------------------------------------------------------- q4: rank, spearman


@variant("q4", wrong="rank = np.argsort(x) + 1 (the sorting permutation, not the ranks)")
def rank(x):
    return np.argsort(np.asarray(x, dtype=float), kind="stable") + 1.0


@variant("q4", wrong="ranks start at 0")
def rank(x):
    x = np.asarray(x, dtype=float)
    return np.array([np.sum(x < v) + (np.sum(x == v) - 1) / 2 for v in x])


@variant("q4", wrong="ties get the smallest rank they span")
def rank(x):
    x = np.asarray(x, dtype=float)
    return np.array([np.sum(x < v) + 1.0 for v in x])


@variant("q4", wrong="ties broken by position (ordinal ranks)")
def rank(x):
    x = np.asarray(x, dtype=float)
    ranks = np.empty(x.size)
    ranks[np.argsort(x, kind="stable")] = np.arange(1, x.size + 1)
    return ranks


@variant("q4", wrong="rank sorts the caller's array in place")
def rank(x):
    x = np.asarray(x, dtype=float)
    original = x.copy()
    x.sort()
    return np.array([np.mean(np.nonzero(x == v)[0]) + 1 for v in original])


@variant("q4", wrong="spearman by 1 - 6 sum d^2 / (n (n^2 - 1)), which is wrong with ties")
def spearman(x, y):
    d = rank(x) - rank(y)
    n = d.size
    return float(1 - 6 * np.sum(d**2) / (n * (n**2 - 1)))


@variant("q4", correct="rank by counting: #(smaller) + (#(equal) + 1) / 2, a quadratic loop")
def rank(x):
    x = np.asarray(x, dtype=float)
    return np.array([np.sum(x < v) + (np.sum(x == v) + 1) / 2 for v in x])


@variant("q4", correct="spearman through np.corrcoef of the ranks")
def spearman(x, y):
    return float(np.corrcoef(rank(x), rank(y))[0, 1])


# ---------------------------------------------------------------- q5: standardize


@variant("q5", wrong="sigma with ddof=1")
def standardize(X):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    sigma = np.sqrt(np.sum((X - mu) ** 2, axis=0) / (X.shape[0] - 1))
    sigma = np.where(sigma > 0, sigma, 1.0)
    return (X - mu) / sigma, mu, sigma


@variant("q5", wrong="one mean and one standard deviation for the whole array")
def standardize(X):
    X = np.asarray(X, dtype=float)
    mu = np.full(X.shape[1], X.mean())
    sigma = np.full(X.shape[1], np.sqrt(np.mean((X - X.mean()) ** 2)))
    return (X - mu) / sigma, mu, sigma


@variant("q5", wrong="divides a constant column by 0 (nan)")
def standardize(X):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    sigma = np.sqrt(np.mean((X - mu) ** 2, axis=0))
    return (X - mu) / sigma, mu, sigma


@variant("q5", wrong="subtracts the mean in place")
def standardize(X):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    X -= mu
    sigma = np.sqrt(np.mean(X**2, axis=0))
    sigma = np.where(sigma > 0, sigma, 1.0)
    X /= sigma
    return X, mu, sigma


@variant("q5", correct="a loop over columns")
def standardize(X):
    X = np.asarray(X, dtype=float)
    Z = np.empty_like(X)
    mu, sigma = np.empty(X.shape[1]), np.empty(X.shape[1])
    for j in range(X.shape[1]):
        column = X[:, j]
        mu[j] = column.mean()
        sigma[j] = math.sqrt(np.mean((column - mu[j]) ** 2)) or 1.0
        Z[:, j] = (column - mu[j]) / sigma[j]
    return Z, mu, sigma


# ---------------------------------------------------------------- q6: maximum likelihood


@variant("q6", wrong="normal log-likelihood treats sigma2 as the standard deviation")
def normal_log_likelihood(mu, sigma2, x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(-0.5 * np.log(2 * np.pi * sigma2**2) - (x - mu) ** 2 / (2 * sigma2**2)))


@variant("q6", wrong="counts the normalizing constant once instead of n times")
def normal_log_likelihood(mu, sigma2, x):
    x = np.asarray(x, dtype=float)
    return float(-0.5 * np.log(2 * np.pi * sigma2) - np.sum((x - mu) ** 2) / (2 * sigma2))


@variant("q6", wrong="poisson log-likelihood drops the log x! term")
def poisson_log_likelihood(lam, x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(x * np.log(lam) - lam))


@variant("q6", wrong="log(factorial(x)), which overflows above 170")
def poisson_log_likelihood(lam, x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(x * np.log(lam) - lam - np.log(special.factorial(x))))


@variant("q6", wrong="mle_poisson returns the sample variance (the Poisson variance is lambda)")
def mle_poisson(x):
    return float(np.var(np.asarray(x, dtype=float), ddof=1))


@variant("q6", wrong="mle_bernoulli returns the fraction of zeros")
def mle_bernoulli(x):
    return float(np.mean(np.asarray(x, dtype=float) == 0))


@variant("q6", wrong="mle_normal uses ddof=1 (unbiased, but not the MLE)")
def mle_normal(x):
    x = np.asarray(x, dtype=float)
    return float(x.mean()), float(np.var(x, ddof=1))


@variant("q6", wrong="mle_normal returns the standard deviation instead of the variance")
def mle_normal(x):
    x = np.asarray(x, dtype=float)
    return float(x.mean()), float(np.std(x))


@variant("q6", wrong="mle_normal by one pass: mean(x**2) - mean(x)**2 (cancels far from 0)")
def mle_normal(x):
    x = np.asarray(x, dtype=float)
    return float(x.mean()), float(np.mean(x**2) - x.mean() ** 2)


@variant("q6", correct="log-likelihoods as sums of per-point terms with math.lgamma")
def poisson_log_likelihood(lam, x):
    return sum(k * math.log(lam) - lam - math.lgamma(k + 1) for k in np.asarray(x).tolist())


@variant("q6", correct="normal log-likelihood as a sum of per-point log densities")
def normal_log_likelihood(mu, sigma2, x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(-0.5 * np.log(2 * np.pi * sigma2) - (x - mu) ** 2 / (2 * sigma2)))


@variant("q6", correct="mle_normal returns a list; mle_bernoulli counts with sum / len")
def mle_normal(x):
    x = np.asarray(x, dtype=float)
    return [x.mean(), np.mean((x - x.mean()) ** 2)]


# ---------------------------------------------------------------- q7: t interval


@variant("q7", wrong="uses the normal quantile 1.96 instead of t")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = np.std(x, ddof=1) / np.sqrt(x.size)
    z = stats.norm.ppf((1 + level) / 2)
    return float(x.mean() - z * se), float(x.mean() + z * se)


@variant("q7", wrong="t quantile with n degrees of freedom")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = np.std(x, ddof=1) / np.sqrt(x.size)
    t = stats.t.ppf((1 + level) / 2, x.size)
    return float(x.mean() - t * se), float(x.mean() + t * se)


@variant("q7", wrong="t.ppf(level): puts all of 1 - level in one tail")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = np.std(x, ddof=1) / np.sqrt(x.size)
    t = stats.t.ppf(level, x.size - 1)
    return float(x.mean() - t * se), float(x.mean() + t * se)


@variant("q7", wrong="ignores level (always 95%)")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = np.std(x, ddof=1) / np.sqrt(x.size)
    t = stats.t.ppf(0.975, x.size - 1)
    return float(x.mean() - t * se), float(x.mean() + t * se)


@variant("q7", wrong="standard error with ddof=0")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = np.std(x) / np.sqrt(x.size)
    t = stats.t.ppf((1 + level) / 2, x.size - 1)
    return float(x.mean() - t * se), float(x.mean() + t * se)


@variant("q7", correct="the lower quantile t.ppf((1 - level) / 2) with the signs swapped")
def t_confidence_interval(x, level=0.95):
    x = np.asarray(x, dtype=float)
    se = math.sqrt(variance(x) / x.size)
    t_low = stats.t.ppf((1 - level) / 2, x.size - 1)
    return [x.mean() + t_low * se, x.mean() - t_low * se]


# ---------------------------------------------------------------- q8: bootstrap


@variant("q8", wrong="draws without replacement: each row is a permutation of x")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return np.array([rng.permutation(x) for _ in range(B)])


@variant("q8", wrong="indices from rng.integers(0, n - 1), which never picks the last value")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return x[rng.integers(0, x.size - 1, size=(B, x.size))]


@variant("q8", wrong="one resample repeated B times")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return np.tile(x[rng.integers(0, x.size, size=x.size)], (B, 1))


@variant("q8", wrong="rng.shuffle(x) in place, then resamples")
def bootstrap_resamples(x, B, rng):
    rng.shuffle(x)
    return x[rng.integers(0, x.size, size=(B, x.size))]


@variant("q8", wrong="ignores rng and uses np.random (the global generator)")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return x[np.random.randint(0, x.size, size=(B, x.size))]


@variant("q8", wrong="percentile interval at the 1 - level and level quantiles")
def percentile_interval(replicates, level=0.95):
    r = np.asarray(replicates, dtype=float)
    return float(np.quantile(r, 1 - level)), float(np.quantile(r, level))


@variant("q8", wrong="percentile interval by nearest rank: sorted[int(alpha/2 * B)]")
def percentile_interval(replicates, level=0.95):
    s = np.sort(np.asarray(replicates, dtype=float))
    alpha = 1 - level
    return float(s[int(alpha / 2 * s.size)]), float(
        s[min(int((1 - alpha / 2) * s.size), s.size - 1)]
    )


@variant("q8", correct="rng.choice(x, size=(B, n)) and a percentile interval via np.percentile")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return rng.choice(x, size=(B, x.size), replace=True)


@variant("q8", correct="a loop of B resamples, one rng.integers call each")
def bootstrap_resamples(x, B, rng):
    x = np.asarray(x)
    return np.array([x[rng.integers(0, x.size, size=x.size)] for _ in range(B)]).reshape(B, x.size)


@variant("q8", correct="np.percentile at 100 (1 - level) / 2 and 100 (1 + level) / 2")
def percentile_interval(replicates, level=0.95):
    lo, hi = np.percentile(replicates, [50 * (1 - level), 50 * (1 + level)])
    return lo, hi


# ---------------------------------------------------------------- q9: one-sample t-test


@variant("q9", wrong="standard error with ddof=0")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = (x.mean() - mu0) / (np.std(x) / np.sqrt(x.size))
    return float(t), float(2 * stats.t.sf(abs(t), x.size - 1))


@variant("q9", wrong="one-sided p-value t.sf(|t|)")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = (x.mean() - mu0) / (np.std(x, ddof=1) / np.sqrt(x.size))
    return float(t), float(stats.t.sf(abs(t), x.size - 1))


@variant("q9", wrong="p = 2 t.sf(t) without the absolute value")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = (x.mean() - mu0) / (np.std(x, ddof=1) / np.sqrt(x.size))
    return float(t), float(2 * stats.t.sf(t, x.size - 1))


@variant("q9", wrong="ignores mu0 (tests mean 0)")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = x.mean() / (np.std(x, ddof=1) / np.sqrt(x.size))
    return float(t), float(2 * stats.t.sf(abs(t), x.size - 1))


@variant("q9", wrong="n degrees of freedom instead of n - 1")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = (x.mean() - mu0) / (np.std(x, ddof=1) / np.sqrt(x.size))
    return float(t), float(2 * stats.t.sf(abs(t), x.size))


@variant("q9", correct="p from the CDF: 2 * (1 - t.cdf(|t|))")
def t_test_one_sample(x, mu0=0.0):
    x = np.asarray(x, dtype=float)
    t = (x.mean() - mu0) / math.sqrt(variance(x) / x.size)
    return t, 2 * stats.t.cdf(-abs(t), x.size - 1)


# ---------------------------------------------------------------- q10: Welch


@variant("q10", wrong="pooled-variance t (Student's test) with n_x + n_y - 2 degrees of freedom")
def welch_t_test(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    nx, ny = x.size, y.size
    pooled = (np.sum((x - x.mean()) ** 2) + np.sum((y - y.mean()) ** 2)) / (nx + ny - 2)
    t = (x.mean() - y.mean()) / np.sqrt(pooled * (1 / nx + 1 / ny))
    df = nx + ny - 2
    return float(t), float(df), float(2 * stats.t.sf(abs(t), df))


@variant("q10", wrong="mean(y) - mean(x): the sign of t is flipped")
def welch_t_test(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.var(x, ddof=1) / x.size, np.var(y, ddof=1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a**2 / (x.size - 1) + b**2 / (y.size - 1))
    return float(-t), float(df), float(2 * stats.t.sf(abs(t), df))


@variant("q10", wrong="Welch's t with n_x + n_y - 2 degrees of freedom")
def welch_t_test(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.var(x, ddof=1) / x.size, np.var(y, ddof=1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a**2 / (x.size - 1) + b**2 / (y.size - 1))
    df = x.size + y.size - 2
    return t, float(df), float(2 * stats.t.sf(abs(t), df))


@variant("q10", wrong="df = min(n_x, n_y) - 1 (the conservative textbook rule)")
def welch_t_test(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.var(x, ddof=1) / x.size, np.var(y, ddof=1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a**2 / (x.size - 1) + b**2 / (y.size - 1))
    df = min(x.size, y.size) - 1
    return t, float(df), float(2 * stats.t.sf(abs(t), df))


@variant("q10", wrong="one-sided p-value")
def welch_t_test(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.var(x, ddof=1) / x.size, np.var(y, ddof=1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a**2 / (x.size - 1) + b**2 / (y.size - 1))
    return float(t), float(df), float(stats.t.sf(abs(t), df))


@variant("q10", wrong="interval with the normal quantile instead of t")
def welch_confidence_interval(x, y, level=0.95):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    se = np.sqrt(np.var(x, ddof=1) / x.size + np.var(y, ddof=1) / y.size)
    z = stats.norm.ppf((1 + level) / 2)
    diff = x.mean() - y.mean()
    return float(diff - z * se), float(diff + z * se)


@variant("q10", wrong="interval ignores level (always 95%)")
def welch_confidence_interval(x, y, level=0.95):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = np.var(x, ddof=1) / x.size, np.var(y, ddof=1) / y.size
    df = (a + b) ** 2 / (a**2 / (x.size - 1) + b**2 / (y.size - 1))
    half = stats.t.ppf(0.975, df) * np.sqrt(a + b)
    diff = x.mean() - y.mean()
    return float(diff - half), float(diff + half)


@variant("q10", correct="Welch's test and interval written from the two standard errors")
def welch_t_test(x, y):
    se2 = [variance(v) / np.size(v) for v in (x, y)]
    t = (np.mean(x) - np.mean(y)) / math.sqrt(sum(se2))
    df = sum(se2) ** 2 / sum(s**2 / (np.size(v) - 1) for s, v in zip(se2, (x, y), strict=True))
    return [t, df, 2 * stats.t.cdf(-abs(t), df)]


# ---------------------------------------------------------------- q11: permutation test


@variant("q11", wrong="shuffles within each group (the statistic never changes)")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    null = np.array([rng.permutation(x).mean() - rng.permutation(y).mean() for _ in range(B)])
    return float((np.sum(np.abs(null) >= abs(observed)) + 1) / (B + 1)), null


@variant("q11", wrong="splits the shuffled data into two halves instead of the group sizes")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    pooled = np.concatenate([x, y])
    half = pooled.size // 2
    shuffled = rng.permuted(np.tile(pooled, (B, 1)), axis=1)
    null = shuffled[:, :half].mean(axis=1) - shuffled[:, half:].mean(axis=1)
    return float((np.sum(np.abs(null) >= abs(observed)) + 1) / (B + 1)), null


@variant("q11", wrong="one-sided count: null >= observed")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    shuffled = rng.permuted(np.tile(np.concatenate([x, y]), (B, 1)), axis=1)
    null = shuffled[:, : x.size].mean(axis=1) - shuffled[:, x.size :].mean(axis=1)
    return float((np.sum(null >= observed) + 1) / (B + 1)), null


@variant("q11", wrong="compares |null| with the signed observed statistic")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    shuffled = rng.permuted(np.tile(np.concatenate([x, y]), (B, 1)), axis=1)
    null = shuffled[:, : x.size].mean(axis=1) - shuffled[:, x.size :].mean(axis=1)
    return float((np.sum(np.abs(null) >= observed) + 1) / (B + 1)), null


@variant("q11", wrong="p = count / B, without the +1")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    shuffled = rng.permuted(np.tile(np.concatenate([x, y]), (B, 1)), axis=1)
    null = shuffled[:, : x.size].mean(axis=1) - shuffled[:, x.size :].mean(axis=1)
    return float(np.sum(np.abs(null) >= abs(observed)) / B), null


@variant("q11", wrong="ignores rng and uses np.random (the global generator)")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    pooled = np.concatenate([x, y])
    null = np.empty(B)
    for b in range(B):
        s = np.random.permutation(pooled)
        null[b] = s[: x.size].mean() - s[x.size :].mean()
    return float((np.sum(np.abs(null) >= abs(observed)) + 1) / (B + 1)), null


@variant("q11", wrong="rng.shuffle on the caller's array x (then pooled)")
def permutation_test(x, y, B, rng):
    observed = np.mean(x) - np.mean(y)
    rng.shuffle(x)
    pooled = np.concatenate([x, y])
    null = np.empty(B)
    for b in range(B):
        s = rng.permutation(pooled)
        null[b] = s[: np.size(x)].mean() - s[np.size(x) :].mean()
    return float((np.sum(np.abs(null) >= abs(observed)) + 1) / (B + 1)), null


@variant("q11", correct="a loop of rng.permutation calls")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    observed = x.mean() - y.mean()
    pooled = np.concatenate([x, y])
    null = np.empty(B)
    for b in range(B):
        s = rng.permutation(pooled)
        null[b] = s[: x.size].mean() - s[x.size :].mean()
    return (1 + int(np.sum(np.abs(null) >= abs(observed)))) / (B + 1), null


@variant("q11", correct="random group labels: choose which len(x) pooled indices form x*")
def permutation_test(x, y, B, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    pooled = np.concatenate([x, y])
    observed = x.mean() - y.mean()
    null = []
    for _ in range(B):
        chosen = np.zeros(pooled.size, dtype=bool)
        chosen[rng.choice(pooled.size, size=x.size, replace=False)] = True
        null.append(pooled[chosen].mean() - pooled[~chosen].mean())
    null = np.array(null)
    return float((np.count_nonzero(np.abs(null) >= abs(observed)) + 1) / (B + 1)), null


# ---------------------------------------------------------------- q12: Anscombe


@variant("q12", wrong="variances with ddof=0")
def xy_summary(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    slope = np.sum(dx * dy) / np.sum(dx**2)
    result = {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": np.sum(dx**2) / (x.size - 1),
        "var_y": np.sum(dy**2) / (x.size - 1),
        "r": np.sum(dx * dy) / np.sqrt(np.sum(dx**2) * np.sum(dy**2)),
        "slope": slope,
        "intercept": y.mean() - slope * x.mean(),
    }
    result["var_x"] = float(np.mean((x - x.mean()) ** 2))
    result["var_y"] = float(np.mean((y - y.mean()) ** 2))
    return result


@variant("q12", wrong="slope = cov / var(y): x regressed on y")
def xy_summary(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    slope = np.sum(dx * dy) / np.sum(dx**2)
    result = {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": np.sum(dx**2) / (x.size - 1),
        "var_y": np.sum(dy**2) / (x.size - 1),
        "r": np.sum(dx * dy) / np.sqrt(np.sum(dx**2) * np.sum(dy**2)),
        "slope": slope,
        "intercept": y.mean() - slope * x.mean(),
    }
    dx, dy = x - x.mean(), y - y.mean()
    result["slope"] = float(np.sum(dx * dy) / np.sum(dy**2))
    result["intercept"] = float(y.mean() - result["slope"] * x.mean())
    return result


@variant("q12", wrong="intercept = mean(y) - slope, forgetting mean(x)")
def xy_summary(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    slope = np.sum(dx * dy) / np.sum(dx**2)
    result = {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": np.sum(dx**2) / (x.size - 1),
        "var_y": np.sum(dy**2) / (x.size - 1),
        "r": np.sum(dx * dy) / np.sqrt(np.sum(dx**2) * np.sum(dy**2)),
        "slope": slope,
        "intercept": y.mean() - slope * x.mean(),
    }
    result["intercept"] = float(np.mean(y) - result["slope"])
    return result


@variant("q12", wrong="one-pass sums for the slope (cancels far from 0)")
def xy_summary(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx, dy = x - x.mean(), y - y.mean()
    slope = np.sum(dx * dy) / np.sum(dx**2)
    result = {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": np.sum(dx**2) / (x.size - 1),
        "var_y": np.sum(dy**2) / (x.size - 1),
        "r": np.sum(dx * dy) / np.sqrt(np.sum(dx**2) * np.sum(dy**2)),
        "slope": slope,
        "intercept": y.mean() - slope * x.mean(),
    }
    n = x.size
    slope = (np.sum(x * y) - n * x.mean() * y.mean()) / (np.sum(x * x) - n * x.mean() ** 2)
    result["slope"] = float(slope)
    result["intercept"] = float(y.mean() - slope * x.mean())
    return result


@variant("q12", correct="slope = r * sd(y) / sd(x), built from the answers to Q1 and Q3")
def xy_summary(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    r = pearson(x, y)
    slope = r * std(y) / std(x)
    return {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": variance(x),
        "var_y": variance(y),
        "r": r,
        "slope": slope,
        "intercept": y.mean() - slope * x.mean(),
    }
