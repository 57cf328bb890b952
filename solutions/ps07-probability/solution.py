"""Reference solution for ps07-probability."""

import math

import numpy as np


def dice_sum_pmf(n_dice, sides=6):
    """PMF of the sum of n_dice fair dice: entry i is P(S = n_dice + i)."""
    face = np.full(sides, 1.0 / sides)
    pmf = np.array([1.0])
    for _ in range(n_dice):
        pmf = np.convolve(pmf, face)
    return pmf


def mean_and_variance(values, probs):
    """Exact (E[X], Var[X]) of a discrete random variable, computed in two passes."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError("probs must be non-negative and sum to 1")
    mean = float(np.sum(p * x))
    variance = float(np.sum(p * (x - mean) ** 2))
    return mean, variance


def binomial_pmf(k, n, p):
    """P(X = k) for X ~ Binomial(n, p), elementwise over k, computed through logs."""
    k = np.asarray(k, dtype=float)
    inside = (k >= 0) & (k <= n) & (k == np.floor(k))
    kk = np.where(inside, k, 0.0)
    log_choose = math.lgamma(n + 1) - np.vectorize(math.lgamma)(kk + 1)
    log_choose = log_choose - np.vectorize(math.lgamma)(n - kk + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = np.where(kk > 0, kk * np.log(p), 0.0)
        log_q = np.where(n - kk > 0, (n - kk) * np.log1p(-p), 0.0)
    return np.where(inside, np.exp(log_choose + log_p + log_q), 0.0)


def binomial_cdf(k, n, p):
    """P(X <= k) for X ~ Binomial(n, p), elementwise over k (any real k)."""
    cumulative = np.minimum(np.cumsum(binomial_pmf(np.arange(n + 1), n, p)), 1.0)
    index = np.floor(np.asarray(k, dtype=float))
    below = index < 0
    position = np.clip(index, 0, n).astype(int)
    return np.where(below, 0.0, cumulative[position])


def poisson_pmf(k, lam):
    """P(X = k) for X ~ Poisson(lam), elementwise over k, computed through logs."""
    k = np.asarray(k, dtype=float)
    inside = (k >= 0) & (k == np.floor(k))
    kk = np.where(inside, k, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_power = np.where(kk > 0, kk * np.log(lam), 0.0)
    log_pmf = log_power - lam - np.vectorize(math.lgamma)(kk + 1)
    return np.where(inside, np.exp(log_pmf), 0.0)


def normal_pdf(x, mu=0.0, sigma=1.0):
    """Density of Normal(mu, sigma**2) at x, elementwise."""
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return np.exp(-0.5 * z**2) / (sigma * math.sqrt(2 * math.pi))


def normal_cdf(x, mu=0.0, sigma=1.0):
    """P(X <= x) for X ~ Normal(mu, sigma**2), accurate far into both tails."""
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return 0.5 * np.vectorize(math.erfc)(-z / math.sqrt(2))


def lognormal_pdf(y, mu, sigma):
    """Density of Y = exp(X), X ~ Normal(mu, sigma**2): f_X(log y) / y for y > 0, else 0."""
    y = np.asarray(y, dtype=float)
    positive = y > 0
    safe = np.where(positive, y, 1.0)
    z = (np.log(safe) - mu) / sigma
    density = np.exp(-0.5 * z**2) / (safe * sigma * math.sqrt(2 * math.pi))
    return np.where(positive, density, 0.0)


def sample_lognormal(mu, sigma, size, rng):
    """Draws of exp(X), X ~ Normal(mu, sigma**2), with the Generator rng."""
    return np.exp(mu + sigma * rng.standard_normal(size))


def monte_carlo(g, sampler, n, rng):
    """Monte Carlo estimate of E[g(X)] from n draws sampler(rng, n), and its standard error."""
    values = np.asarray(g(sampler(rng, n)), dtype=float)
    estimate = float(np.mean(values))
    std_error = float(np.std(values, ddof=1) / np.sqrt(n))
    return estimate, std_error


def marginals(joint):
    """(P(X = x_i), P(Y = y_j)) from a joint table joint[i, j] = P(X = x_i, Y = y_j)."""
    joint = np.asarray(joint, dtype=float)
    return joint.sum(axis=1), joint.sum(axis=0)


def conditional_y_given_x(joint):
    """Table C[i, j] = P(Y = y_j | X = x_i): each row of the joint divided by its sum."""
    joint = np.asarray(joint, dtype=float)
    return joint / joint.sum(axis=1, keepdims=True)


def are_independent(joint, tol=1e-9):
    """True when every |P(x, y) - P(x) P(y)| <= tol."""
    joint = np.asarray(joint, dtype=float)
    p_x, p_y = joint.sum(axis=1), joint.sum(axis=0)
    return bool(np.max(np.abs(joint - np.outer(p_x, p_y))) <= tol)


def posterior_disease(prior, sensitivity, specificity, positive=True):
    """P(disease | test result) by Bayes' theorem; works elementwise on arrays."""
    prior = np.asarray(prior, dtype=float)
    if positive:
        with_disease = sensitivity * prior
        without = (1 - specificity) * (1 - prior)
    else:
        with_disease = (1 - sensitivity) * prior
        without = specificity * (1 - prior)
    return with_disease / (with_disease + without)


def beta_pdf(theta, a, b):
    """Density of Beta(a, b) at theta (0 outside [0, 1]), computed through logs."""
    theta = np.asarray(theta, dtype=float)
    inside = (theta > 0) & (theta < 1)
    t = np.where(inside, theta, 0.5)
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    log_density = log_norm + (a - 1) * np.log(t) + (b - 1) * np.log1p(-t)
    return np.where(inside, np.exp(log_density), 0.0)


def beta_update(a, b, observations):
    """Posterior Beta parameters after observing 0/1 outcomes: (a + #ones, b + #zeros)."""
    x = np.asarray(observations, dtype=float).ravel()
    ones = float(np.sum(x))
    return a + ones, b + (x.size - ones)


def fit_word_probs(X, y, a=1.0, b=1.0):
    """Beta(a, b)-smoothed word probabilities per class and the spam prior from counts."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    spam, ham = X[y == 1], X[y == 0]
    p_spam = (spam.sum(axis=0) + a) / (spam.shape[0] + a + b)
    p_ham = (ham.sum(axis=0) + a) / (ham.shape[0] + a + b)
    return p_spam, p_ham, float(np.mean(y))


def spam_posterior(X, p_spam, p_ham, prior_spam):
    """P(spam | words) for each row of a 0/1 word matrix, in log-odds space."""
    X = np.asarray(X, dtype=float)
    p_spam = np.asarray(p_spam, dtype=float)
    p_ham = np.asarray(p_ham, dtype=float)
    present = np.log(p_spam) - np.log(p_ham)
    absent = np.log1p(-p_spam) - np.log1p(-p_ham)
    log_odds = math.log(prior_spam) - math.log1p(-prior_spam) + X @ present + (1 - X) @ absent
    out = np.empty_like(log_odds)
    positive = log_odds >= 0
    out[positive] = 1 / (1 + np.exp(-log_odds[positive]))
    e = np.exp(log_odds[~positive])
    out[~positive] = e / (1 + e)
    return out


def sample_mvn(mean, cov, n, rng):
    """n draws of Normal(mean, cov) as rows of an (n, d) array: mean + z L^T, cov = L L^T."""
    mean = np.asarray(mean, dtype=float)
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    z = rng.standard_normal((n, mean.size))
    return mean + z @ L.T


def mvn_marginal(mean, cov, keep):
    """Mean and covariance of the coordinates `keep` of a Normal(mean, cov) vector."""
    keep = list(keep)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    return mean[keep], cov[np.ix_(keep, keep)]


def mvn_conditional(mean, cov, given, values):
    """Mean and covariance of the other coordinates given x[given] = values."""
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    given = list(given)
    rest = [i for i in range(mean.size) if i not in given]
    S_rb = cov[np.ix_(rest, given)]
    S_bb = cov[np.ix_(given, given)]
    shift = np.linalg.solve(S_bb, np.asarray(values, dtype=float) - mean[given])
    cond_mean = mean[rest] + S_rb @ shift
    cond_cov = cov[np.ix_(rest, rest)] - S_rb @ np.linalg.solve(S_bb, S_rb.T)
    return cond_mean, cond_cov


def standardized_means(sampler, mu, sigma, n, reps, rng):
    """reps values of sqrt(n) (mean of n draws - mu) / sigma, draws from sampler(rng, size)."""
    draws = np.asarray(sampler(rng, (reps, n)), dtype=float)
    return np.sqrt(n) * (draws.mean(axis=1) - mu) / sigma
