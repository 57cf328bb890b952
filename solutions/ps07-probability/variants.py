"""Variants for ps07-probability: the mistakes students make, and other correct answers."""

import itertools
import math

import numpy as np
import scipy.special
import scipy.stats as sst

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: dice and moments


@variant("q1", wrong="index 0 is the sum 0: pads n_dice impossible sums in front")
def dice_sum_pmf(n_dice, sides=6):
    pmf = np.zeros(n_dice * sides + 1)
    pmf[0] = 1.0
    for _ in range(n_dice):
        new = np.zeros_like(pmf)
        for face in range(1, sides + 1):
            new[face:] += pmf[:-face] / sides
        pmf = new
    return pmf


@variant("q1", wrong="unordered outcomes: treats {1, 2} as one equally likely outcome")
def dice_sum_pmf(n_dice, sides=6):
    pmf = np.zeros(n_dice * (sides - 1) + 1)
    outcomes = list(itertools.combinations_with_replacement(range(1, sides + 1), n_dice))
    for outcome in outcomes:
        pmf[sum(outcome) - n_dice] += 1.0 / len(outcomes)
    return pmf


@variant("q1", wrong="always six-sided dice: ignores the sides argument")
def dice_sum_pmf(n_dice, sides=6):
    face = np.full(6, 1.0 / 6)
    pmf = np.array([1.0])
    for _ in range(n_dice):
        pmf = np.convolve(pmf, face)
    return pmf


@variant("q1", correct="dynamic programming with explicit loops over faces")
def dice_sum_pmf(n_dice, sides=6):
    pmf = [1.0]
    for _ in range(n_dice):
        new = [0.0] * (len(pmf) + sides - 1)
        for i, p in enumerate(pmf):
            for face in range(sides):
                new[i + face] += p / sides
        pmf = new
    return np.array(pmf)


@variant("q1", wrong="variance as E[X^2] - E[X]^2 (cancellation far from the origin)")
def mean_and_variance(values, probs):
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError("bad probabilities")
    mean = float(np.sum(p * x))
    return mean, float(np.sum(p * x**2) - mean**2)


@variant("q1", wrong="never checks that probs are a distribution")
def mean_and_variance(values, probs):
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    mean = float(np.sum(p * x))
    return mean, float(np.sum(p * (x - mean) ** 2))


@variant("q1", wrong="returns the standard deviation instead of the variance")
def mean_and_variance(values, probs):
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError("bad probabilities")
    mean = float(np.sum(p * x))
    return mean, math.sqrt(np.sum(p * (x - mean) ** 2))


@variant("q1", wrong="unweighted: the plain average of the values")
def mean_and_variance(values, probs):
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError("bad probabilities")
    return float(np.mean(x)), float(np.var(x))


@variant("q1", correct="a Python loop, and the variance about the mean in a second loop")
def mean_and_variance(values, probs):
    values, probs = list(values), list(probs)
    if min(probs) < 0 or abs(sum(probs) - 1.0) > 1e-9:
        raise ValueError("probs must be a distribution")
    mean = sum(p * x for x, p in zip(values, probs, strict=True))
    return mean, sum(p * (x - mean) ** 2 for x, p in zip(values, probs, strict=True))


# ---------------------------------------------------------------- q2: binomial and Poisson


@variant("q2", wrong="math.comb(n, k) * p**k * (1-p)**(n-k): overflows for large n")
def binomial_pmf(k, n, p):
    k = np.asarray(k, dtype=float)
    out = np.zeros(k.shape)
    for index, kk in np.ndenumerate(k):
        if 0 <= kk <= n and kk == int(kk):
            out[index] = math.comb(n, int(kk)) * p ** int(kk) * (1 - p) ** (n - int(kk))
    return out


@variant("q2", wrong="k log p without care: NaN at p = 0 or p = 1 (0 * log 0)")
def binomial_pmf(k, n, p):
    k = np.asarray(k, dtype=float)
    inside = (k >= 0) & (k <= n) & (k == np.floor(k))
    kk = np.where(inside, k, 0.0)
    lg = np.vectorize(math.lgamma)
    log_pmf = math.lgamma(n + 1) - lg(kk + 1) - lg(n - kk + 1)
    log_pmf = log_pmf + kk * np.log(p) + (n - kk) * np.log1p(-p)
    return np.where(inside, np.exp(log_pmf), 0.0)


@variant("q2", wrong="calls scipy.stats.binom.pmf under another name")
def binomial_pmf(k, n, p):
    return sst.binom.pmf(k, n, p)


@variant("q2", correct="scipy.special.gammaln and xlogy/xlog1py for the 0 log 0 cases")
def binomial_pmf(k, n, p):
    k = np.asarray(k, dtype=float)
    inside = (k >= 0) & (k <= n) & (k == np.floor(k))
    kk = np.where(inside, k, 0.0)
    g = scipy.special.gammaln
    log_pmf = g(n + 1) - g(kk + 1) - g(n - kk + 1)
    log_pmf = log_pmf + scipy.special.xlogy(kk, p) + scipy.special.xlog1py(n - kk, -p)
    return np.where(inside, np.exp(log_pmf), 0.0)


@variant("q2", wrong="Poisson with lgamma(k) instead of lgamma(k + 1): k! off by a factor k")
def poisson_pmf(k, lam):
    k = np.asarray(k, dtype=float)
    inside = (k >= 0) & (k == np.floor(k))
    kk = np.where(inside, k, 1.0)
    log_pmf = kk * np.log(lam) - lam - np.vectorize(math.lgamma)(np.maximum(kk, 1.0))
    return np.where(inside, np.exp(log_pmf), 0.0)


@variant("q2", wrong="lam**k * exp(-lam) / k!: overflows for lam = 1000")
def poisson_pmf(k, lam):
    k = np.asarray(k, dtype=float)
    out = np.zeros(k.shape)
    for index, kk in np.ndenumerate(k):
        if kk >= 0 and kk == int(kk):
            out[index] = lam ** int(kk) * math.exp(-lam) / math.factorial(int(kk))
    return out


@variant("q2", wrong="binomial_cdf sums j < k: the boundary k itself is left out")
def binomial_cdf(k, n, p):
    cumulative = np.concatenate([[0.0], np.cumsum(binomial_pmf(np.arange(n + 1), n, p))])
    index = np.clip(np.floor(np.asarray(k, dtype=float)), -1, n).astype(int)
    return np.where(index < 0, 0.0, cumulative[np.maximum(index, 0)])


@variant("q2", correct="binomial_cdf by a loop over k, summing the pmf each time")
def binomial_cdf(k, n, p):
    k = np.asarray(k, dtype=float)
    out = np.zeros(k.shape)
    for index, kk in np.ndenumerate(k):
        if kk >= 0:
            top = min(int(math.floor(kk)), n)
            out[index] = min(1.0, float(np.sum(binomial_pmf(np.arange(top + 1), n, p))))
    return out


# ---------------------------------------------------------------- q3: Normal


@variant("q3", wrong="uses sigma**2 where sigma belongs (variance for standard deviation)")
def normal_pdf(x, mu=0.0, sigma=1.0):
    z = (np.asarray(x, dtype=float) - mu) / sigma**2
    return np.exp(-0.5 * z**2) / (sigma**2 * math.sqrt(2 * math.pi))


@variant("q3", wrong="forgets the 1 / sigma in the normalization")
def normal_pdf(x, mu=0.0, sigma=1.0):
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return np.exp(-0.5 * z**2) / math.sqrt(2 * math.pi)


@variant("q3", wrong="0.5 * (1 + erf(z / sqrt 2)): cancels to 0 in the left tail")
def normal_cdf(x, mu=0.0, sigma=1.0):
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return 0.5 * (1 + np.vectorize(math.erf)(z / math.sqrt(2)))


@variant("q3", wrong="erf(z) without the sqrt(2)")
def normal_cdf(x, mu=0.0, sigma=1.0):
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return 0.5 * np.vectorize(math.erfc)(-z)


@variant("q3", wrong="calls scipy.stats.norm.cdf under another name")
def normal_cdf(x, mu=0.0, sigma=1.0):
    return sst.norm(mu, sigma).cdf(x)


@variant("q3", correct="scipy.special.erfc (a ufunc) instead of math.erfc")
def normal_cdf(x, mu=0.0, sigma=1.0):
    return 0.5 * scipy.special.erfc(-(np.asarray(x, dtype=float) - mu) / (sigma * np.sqrt(2)))


@variant("q3", correct="erf above the mean, erfc below it")
def normal_cdf(x, mu=0.0, sigma=1.0):
    z = (np.asarray(x, dtype=float) - mu) / (sigma * math.sqrt(2))
    upper = 0.5 * (1 + np.vectorize(math.erf)(z))
    lower = 0.5 * np.vectorize(math.erfc)(-z)
    return np.where(z >= 0, upper, lower)


# ---------------------------------------------------------------- q4: change of variables


@variant("q4", wrong="forgets the Jacobian 1/y: returns f_X(log y)")
def lognormal_pdf(y, mu, sigma):
    y = np.asarray(y, dtype=float)
    positive = y > 0
    z = (np.log(np.where(positive, y, 1.0)) - mu) / sigma
    return np.where(positive, np.exp(-0.5 * z**2) / (sigma * math.sqrt(2 * math.pi)), 0.0)


@variant("q4", wrong="takes log of y <= 0: NaN where the density is 0")
def lognormal_pdf(y, mu, sigma):
    y = np.asarray(y, dtype=float)
    z = (np.log(y) - mu) / sigma
    return np.exp(-0.5 * z**2) / (y * sigma * math.sqrt(2 * math.pi))


@variant("q4", wrong="calls scipy.stats.lognorm.pdf")
def lognormal_pdf(y, mu, sigma):
    return sst.lognorm.pdf(y, s=sigma, scale=math.exp(mu))


@variant("q4", wrong="sigma**2 as the scale of log Y (variance for standard deviation)")
def sample_lognormal(mu, sigma, size, rng):
    return np.exp(mu + sigma**2 * rng.standard_normal(size))


@variant("q4", wrong="forgets the exp: returns the Normal draws themselves")
def sample_lognormal(mu, sigma, size, rng):
    return mu + sigma * rng.standard_normal(size)


@variant("q4", wrong="draws from a fresh unseeded np.random.default_rng(), not from rng")
def sample_lognormal(mu, sigma, size, rng):
    return np.exp(np.random.default_rng().normal(mu, sigma, size))


@variant("q4", wrong="ignores a tuple size: always returns a flat array")
def sample_lognormal(mu, sigma, size, rng):
    return np.exp(mu + sigma * rng.standard_normal(int(np.prod(size))))


@variant("q4", correct="numpy's own rng.lognormal(mu, sigma, size)")
def sample_lognormal(mu, sigma, size, rng):
    return rng.lognormal(mu, sigma, size)


@variant("q4", correct="inverse CDF: exp(mu + sigma * Phi^-1(U)) from uniforms")
def sample_lognormal(mu, sigma, size, rng):
    return np.exp(mu + sigma * scipy.special.ndtri(rng.random(size)))


@variant("q4", correct="draws reversed in memory: the same distribution from another order")
def sample_lognormal(mu, sigma, size, rng):
    flat = rng.normal(mu, sigma, int(np.prod(size)))[::-1]
    return np.exp(flat).reshape(size)


# ---------------------------------------------------------------- q5: Monte Carlo


@variant("q5", wrong="standard error without the / sqrt(n)")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(g(sampler(rng, n)), dtype=float)
    return float(np.mean(values)), float(np.std(values, ddof=1))


@variant("q5", wrong="standard error = s / n")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(g(sampler(rng, n)), dtype=float)
    return float(np.mean(values)), float(np.std(values, ddof=1) / n)


@variant("q5", wrong="ddof=0 in the standard deviation")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(g(sampler(rng, n)), dtype=float)
    return float(np.mean(values)), float(np.std(values) / np.sqrt(n))


@variant("q5", wrong="variance over sqrt(n) instead of standard deviation")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(g(sampler(rng, n)), dtype=float)
    return float(np.mean(values)), float(np.var(values, ddof=1) / np.sqrt(n))


@variant("q5", wrong="averages the draws x, forgetting to apply g")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(sampler(rng, n), dtype=float)
    return float(np.mean(values)), float(np.std(values, ddof=1) / np.sqrt(n))


@variant("q5", wrong="always draws 10,000 values, ignoring n")
def monte_carlo(g, sampler, n, rng):
    values = np.asarray(g(sampler(rng, 10000)), dtype=float)
    return float(np.mean(values)), float(np.std(values, ddof=1) / np.sqrt(values.size))


@variant("q5", correct="draws in four chunks and concatenates them")
def monte_carlo(g, sampler, n, rng):
    sizes = [n // 4] * 3 + [n - 3 * (n // 4)]
    draws = np.concatenate([np.asarray(sampler(rng, s), dtype=float) for s in sizes if s > 0])
    values = np.asarray(g(draws), dtype=float)
    return float(values.mean()), float(np.sqrt(np.var(values, ddof=1) / n))


# ---------------------------------------------------------------- q6: joint tables


@variant("q6", wrong="marginals with the axes swapped")
def marginals(joint):
    joint = np.asarray(joint, dtype=float)
    return joint.sum(axis=0), joint.sum(axis=1)


@variant("q6", wrong="divides by the column sums (that is P(X | Y), laid out wrongly)")
def conditional_y_given_x(joint):
    joint = np.asarray(joint, dtype=float)
    return joint / joint.sum(axis=0, keepdims=True)


@variant("q6", wrong="divides by the grand total (the joint again)")
def conditional_y_given_x(joint):
    joint = np.asarray(joint, dtype=float)
    return joint / joint.sum()


@variant("q6", wrong="divides the caller's table in place")
def conditional_y_given_x(joint):
    if isinstance(joint, np.ndarray):
        joint /= joint.sum(axis=1, keepdims=True)
        return joint
    joint = np.asarray(joint, dtype=float)
    return joint / joint.sum(axis=1, keepdims=True)


@variant("q6", correct="a loop over rows building a new table")
def conditional_y_given_x(joint):
    rows = [np.asarray(row, dtype=float) / np.sum(row) for row in np.asarray(joint, dtype=float)]
    return np.array(rows)


@variant("q6", wrong="ignores tol: exact equality with the product of the marginals")
def are_independent(joint, tol=1e-9):
    joint = np.asarray(joint, dtype=float)
    return bool(np.all(joint == np.outer(joint.sum(axis=1), joint.sum(axis=0))))


@variant("q6", wrong="np.allclose with its default rtol instead of tol")
def are_independent(joint, tol=1e-9):
    joint = np.asarray(joint, dtype=float)
    return bool(np.allclose(joint, np.outer(joint.sum(axis=1), joint.sum(axis=0))))


# ---------------------------------------------------------------- q7: Bayes


@variant("q7", wrong="uses the specificity as the false-positive rate")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    prior = np.asarray(prior, dtype=float)
    if positive:
        a, b = sensitivity * prior, specificity * (1 - prior)
    else:
        a, b = (1 - sensitivity) * prior, (1 - specificity) * (1 - prior)
    return a / (a + b)


@variant("q7", wrong="no normalization: returns P(+ | D) P(D)")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    prior = np.asarray(prior, dtype=float)
    return (sensitivity if positive else 1 - sensitivity) * prior


@variant("q7", wrong="base-rate neglect: returns the sensitivity")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    return np.zeros_like(np.asarray(prior, dtype=float)) + (
        sensitivity if positive else 1 - sensitivity
    )


@variant("q7", wrong="ignores `positive`: always the positive-test posterior")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    prior = np.asarray(prior, dtype=float)
    a = sensitivity * prior
    return a / (a + (1 - specificity) * (1 - prior))


@variant("q7", wrong="scalar-only code with math and if-statements")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    like_d = sensitivity if positive else 1 - sensitivity
    like_h = 1 - specificity if positive else specificity
    if prior <= 0:
        return 0.0
    return 1 / (1 + math.exp(math.log(like_h * (1 - prior)) - math.log(like_d * prior)))


@variant("q7", correct="odds form: posterior odds = likelihood ratio x prior odds")
def posterior_disease(prior, sensitivity, specificity, positive=True):
    prior = np.asarray(prior, dtype=float)
    ratio = sensitivity / (1 - specificity) if positive else (1 - sensitivity) / specificity
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = ratio * prior / (1 - prior)
        return np.where(prior >= 1, 1.0, odds / (1 + odds))


# ---------------------------------------------------------------- q8: Beta-Bernoulli


@variant("q8", wrong="exponents a and b instead of a - 1 and b - 1")
def beta_pdf(theta, a, b):
    theta = np.asarray(theta, dtype=float)
    inside = (theta > 0) & (theta < 1)
    t = np.where(inside, theta, 0.5)
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    return np.where(inside, np.exp(log_norm + a * np.log(t) + b * np.log1p(-t)), 0.0)


@variant("q8", wrong="math.gamma for the normalizer: overflows for a, b in the thousands")
def beta_pdf(theta, a, b):
    theta = np.asarray(theta, dtype=float)
    inside = (theta > 0) & (theta < 1)
    t = np.where(inside, theta, 0.5)
    norm = math.gamma(a + b) / (math.gamma(a) * math.gamma(b))
    return np.where(inside, norm * t ** (a - 1) * (1 - t) ** (b - 1), 0.0)


@variant("q8", wrong="no care outside (0, 1): NaN from the log of a negative number")
def beta_pdf(theta, a, b):
    theta = np.asarray(theta, dtype=float)
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    return np.exp(log_norm + (a - 1) * np.log(theta) + (b - 1) * np.log1p(-theta))


@variant("q8", wrong="calls scipy.stats.beta.pdf")
def beta_pdf(theta, a, b):
    return sst.beta.pdf(theta, a, b)


@variant("q8", correct="scipy.special.betaln for the log normalizer")
def beta_pdf(theta, a, b):
    theta = np.asarray(theta, dtype=float)
    inside = (theta > 0) & (theta < 1)
    t = np.where(inside, theta, 0.5)
    log_density = (a - 1) * np.log(t) + (b - 1) * np.log(1 - t) - scipy.special.betaln(a, b)
    return np.where(inside, np.exp(log_density), 0.0)


@variant("q8", wrong="swaps the counts: a gets the zeros, b the ones")
def beta_update(a, b, observations):
    x = np.asarray(observations, dtype=float).ravel()
    ones = float(np.sum(x))
    return a + (x.size - ones), b + ones


@variant("q8", wrong="adds the number of observations to both parameters")
def beta_update(a, b, observations):
    x = np.asarray(observations, dtype=float).ravel()
    return a + float(np.sum(x)), b + x.size


@variant("q8", correct="one update per observation, in a loop")
def beta_update(a, b, observations):
    for x in list(np.asarray(observations).ravel()):
        if x:
            a = a + 1
        else:
            b = b + 1
    return float(a), float(b)


# ---------------------------------------------------------------- q9: spam filter


@variant("q9", wrong="no smoothing: raw frequencies count / n")
def fit_word_probs(X, y, a=1.0, b=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return X[y == 1].mean(axis=0), X[y == 0].mean(axis=0), float(np.mean(y))


@variant("q9", wrong="smoothing with (count + a) / (n + a): the b is missing")
def fit_word_probs(X, y, a=1.0, b=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    spam, ham = X[y == 1], X[y == 0]
    p_spam = (spam.sum(axis=0) + a) / (spam.shape[0] + a)
    p_ham = (ham.sum(axis=0) + a) / (ham.shape[0] + a)
    return p_spam, p_ham, float(np.mean(y))


@variant("q9", wrong="always Laplace smoothing a = b = 1, ignoring the arguments")
def fit_word_probs(X, y, a=1.0, b=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    spam, ham = X[y == 1], X[y == 0]
    p_spam = (spam.sum(axis=0) + 1) / (spam.shape[0] + 2)
    p_ham = (ham.sum(axis=0) + 1) / (ham.shape[0] + 2)
    return p_spam, p_ham, float(np.mean(y))


@variant("q9", wrong="ignores absent words: only the present words' probabilities")
def spam_posterior(X, p_spam, p_ham, prior_spam):
    X = np.asarray(X, dtype=float)
    log_odds = math.log(prior_spam / (1 - prior_spam)) + X @ (np.log(p_spam) - np.log(p_ham))
    return scipy.special.expit(log_odds)


@variant("q9", wrong="multiplies the probabilities: 0 / 0 for thousands of words")
def spam_posterior(X, p_spam, p_ham, prior_spam):
    X = np.asarray(X, dtype=float)
    like_s = np.prod(np.where(X == 1, p_spam, 1 - p_spam), axis=1) * prior_spam
    like_h = np.prod(np.where(X == 1, p_ham, 1 - p_ham), axis=1) * (1 - prior_spam)
    return like_s / (like_s + like_h)


@variant("q9", wrong="forgets the prior (uses equal priors)")
def spam_posterior(X, p_spam, p_ham, prior_spam):
    X = np.asarray(X, dtype=float)
    log_odds = X @ (np.log(p_spam) - np.log(p_ham))
    log_odds = log_odds + (1 - X) @ (np.log1p(-p_spam) - np.log1p(-p_ham))
    return scipy.special.expit(log_odds)


@variant("q9", correct="log-likelihoods per class, then a log-sum-exp normalization")
def spam_posterior(X, p_spam, p_ham, prior_spam):
    X = np.asarray(X, dtype=float)
    log_s = math.log(prior_spam) + X @ np.log(p_spam) + (1 - X) @ np.log(1 - p_spam)
    log_h = math.log(1 - prior_spam) + X @ np.log(p_ham) + (1 - X) @ np.log(1 - p_ham)
    return np.exp(log_s - np.logaddexp(log_s, log_h))


# ---------------------------------------------------------------- q10: Cholesky sampling


@variant("q10", wrong="uses L^T instead of L: rows mean + z @ L, covariance L^T L")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    return mean + rng.standard_normal((n, mean.size)) @ L


@variant("q10", wrong="ignores correlations: scales each coordinate by sqrt(cov[i, i])")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    sd = np.sqrt(np.diag(np.asarray(cov, dtype=float)))
    return mean + rng.standard_normal((n, mean.size)) * sd


@variant("q10", wrong="multiplies by cov itself instead of its Cholesky factor")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    return mean + rng.standard_normal((n, mean.size)) @ np.asarray(cov, dtype=float).T


@variant("q10", wrong="forgets to add the mean")
def sample_mvn(mean, cov, n, rng):
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    return rng.standard_normal((n, len(mean))) @ L.T


@variant("q10", wrong="returns the draws as columns, shape (d, n)")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    return mean[:, None] + L @ rng.standard_normal((mean.size, n))


@variant("q10", wrong="draws from a fresh unseeded Generator, not from rng")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    return mean + np.random.default_rng().standard_normal((n, mean.size)) @ L.T


@variant("q10", correct="symmetric square root from the eigendecomposition, A = V sqrt(Lam)")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    lam, V = np.linalg.eigh(np.asarray(cov, dtype=float))
    A = V * np.sqrt(np.maximum(lam, 0))
    return mean + rng.standard_normal((n, mean.size)) @ A.T


@variant("q10", correct="draws z as a (d, n) array, x = mean + L z, then transposes")
def sample_mvn(mean, cov, n, rng):
    mean = np.asarray(mean, dtype=float)
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    return (mean[:, None] + L @ rng.standard_normal((mean.size, n))).T


# ---------------------------------------------------------------- q11: MVN marginals, conditionals


@variant("q11", wrong="marginal covariance cov[keep]: keeps rows but not columns")
def mvn_marginal(mean, cov, keep):
    keep = list(keep)
    return np.asarray(mean, dtype=float)[keep], np.asarray(cov, dtype=float)[keep]


@variant("q11", wrong="forgets to subtract mean_b from the observed values")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    given = list(given)
    rest = [i for i in range(mean.size) if i not in given]
    S_rb, S_bb = cov[np.ix_(rest, given)], cov[np.ix_(given, given)]
    cond_mean = mean[rest] + S_rb @ np.linalg.solve(S_bb, np.asarray(values, dtype=float))
    return cond_mean, cov[np.ix_(rest, rest)] - S_rb @ np.linalg.solve(S_bb, S_rb.T)


@variant("q11", wrong="returns the marginal covariance S_aa: conditioning does not shrink it")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    given = list(given)
    rest = [i for i in range(mean.size) if i not in given]
    S_rb, S_bb = cov[np.ix_(rest, given)], cov[np.ix_(given, given)]
    shift = np.linalg.solve(S_bb, np.asarray(values, dtype=float) - mean[given])
    return mean[rest] + S_rb @ shift, cov[np.ix_(rest, rest)]


@variant("q11", wrong="multiplies by S_bb instead of solving with it")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    given = list(given)
    rest = [i for i in range(mean.size) if i not in given]
    S_rb, S_bb = cov[np.ix_(rest, given)], cov[np.ix_(given, given)]
    cond_mean = mean[rest] + S_rb @ S_bb @ (np.asarray(values, dtype=float) - mean[given])
    return cond_mean, cov[np.ix_(rest, rest)] - S_rb @ S_bb @ S_rb.T


@variant("q11", wrong="sorts `given` but not `values`: values land on the wrong coordinates")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    given = sorted(given)
    rest = [i for i in range(mean.size) if i not in given]
    S_rb, S_bb = cov[np.ix_(rest, given)], cov[np.ix_(given, given)]
    shift = np.linalg.solve(S_bb, np.asarray(values, dtype=float) - mean[given])
    return mean[rest] + S_rb @ shift, cov[np.ix_(rest, rest)] - S_rb @ np.linalg.solve(S_bb, S_rb.T)


@variant("q11", correct="the precision-matrix form with np.linalg.inv")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    given = list(given)
    rest = [i for i in range(mean.size) if i not in given]
    P = np.linalg.inv(np.asarray(cov, dtype=float))
    cond_cov = np.linalg.inv(P[np.ix_(rest, rest)])
    shift = np.asarray(values, dtype=float) - mean[given]
    return mean[rest] - cond_cov @ P[np.ix_(rest, given)] @ shift, cond_cov


# ---------------------------------------------------------------- q12: the CLT


@variant("q12", wrong="forgets the sqrt(n): (mean - mu) / sigma")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    draws = np.asarray(sampler(rng, (reps, n)), dtype=float)
    return (draws.mean(axis=1) - mu) / sigma


@variant("q12", wrong="multiplies by n instead of sqrt(n)")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    draws = np.asarray(sampler(rng, (reps, n)), dtype=float)
    return n * (draws.mean(axis=1) - mu) / sigma


@variant("q12", wrong="divides by sigma**2 (the variance) instead of sigma")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    draws = np.asarray(sampler(rng, (reps, n)), dtype=float)
    return np.sqrt(n) * (draws.mean(axis=1) - mu) / sigma**2


@variant("q12", wrong="averages over the wrong axis (over repetitions)")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    draws = np.asarray(sampler(rng, (reps, n)), dtype=float)
    return np.sqrt(reps) * (draws.mean(axis=0) - mu) / sigma


@variant("q12", correct="draws an (n, reps) array and averages each column")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    draws = np.asarray(sampler(rng, (n, reps)), dtype=float)
    return (draws.mean(axis=0) - mu) / (sigma / np.sqrt(n))


@variant("q12", correct="draws the repetitions in chunks of at most 5000 rows")
def standardized_means(sampler, mu, sigma, n, reps, rng):
    parts = []
    for start in range(0, reps, 5000):
        rows = min(5000, reps - start)
        parts.append(np.asarray(sampler(rng, (rows, n)), dtype=float).mean(axis=1))
    return np.sqrt(n) * (np.concatenate(parts) - mu) / sigma


@variant("q11", wrong="sorts the caller's `given` list in place (the numbers are right)")
def mvn_conditional(mean, cov, given, values):
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    order = np.argsort(given)
    values = np.asarray(values, dtype=float)[order]
    given.sort()
    rest = [i for i in range(mean.size) if i not in given]
    S_rb, S_bb = cov[np.ix_(rest, given)], cov[np.ix_(given, given)]
    shift = np.linalg.solve(S_bb, values - mean[given])
    return mean[rest] + S_rb @ shift, cov[np.ix_(rest, rest)] - S_rb @ np.linalg.solve(S_bb, S_rb.T)
