"""Clauses of question 5 (gaussian_nb_log_posterior). Every case passes a correct
`normalize` (scipy's log-sum-exp), so a mistake in question 2 costs points only there.
Each clause, with the hidden case that checks it and the wrong variant that breaks it alone:

- returns the (n, K) log posteriors, normalized over the classes: test_by_hand (public),
  test_random_models.
- the class score is log_prior[k] + sum_j log N(x_j; means[k, j], variances[k, j]):
  the prior, test_random_models (variant "forgets the prior"); the normalizing term
  -1/2 log(2 pi sigma^2), which differs between classes, test_random_models (variant "drops
  the log(2 pi sigma^2) term"); variances are variances, not standard deviations,
  test_random_models (variant "squares the variances").
- stable with many features and far points (densities whose product underflows):
  test_many_features_far_points; variant "multiplies the densities, then takes the log".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q5"
points = 6


def correct_normalize(S):
    """A correct log_normalize, handed to the student's function (it runs in the grader)."""
    from scipy.special import logsumexp

    S = np.asarray(S, dtype=float)
    with np.errstate(invalid="ignore"):
        return S - logsumexp(S, axis=1, keepdims=True)


def _posterior(f, X, log_prior, means, variances, what, hint=""):
    with np.errstate(all="ignore"):
        found = call(f, X, log_prior, means, variances, correct_normalize, what=what, hint=hint)
    return assert_shape(
        found, (len(X), len(log_prior)), what=f"gaussian_nb_log_posterior on {what}"
    )


def _oracle(X, log_prior, means, variances, prior=True, constant=True, power=1):
    """scipy.stats.norm.logpdf, summed over the features (with switches that mimic mistakes)."""
    from scipy.special import logsumexp
    from scipy.stats import norm

    sd = np.sqrt(variances**power)
    L = norm.logpdf(X[:, None, :], loc=means[None], scale=sd[None])
    if not constant:
        L = L + 0.5 * np.log(2 * np.pi * sd[None] ** 2)
    scores = L.sum(axis=2) + (log_prior[None] if prior else 0.0)
    return scores - logsumexp(scores, axis=1, keepdims=True)


def _model(gen, K, d):
    return (
        np.log(gen.dirichlet(np.full(K, 2.0))),
        gen.normal(scale=2.0, size=(K, d)),
        gen.uniform(0.2, 3.0, size=(K, d)),
    )


@test_case(points=2, hidden=False)
def test_by_hand(gaussian_nb_log_posterior):
    log_prior = np.log([0.5, 0.5])
    means = np.array([[0.0], [2.0]])
    variances = np.array([[1.0], [1.0]])
    found = _posterior(
        gaussian_nb_log_posterior,
        np.array([[1.0], [0.0]]),
        log_prior,
        means,
        variances,
        "two points, 1 feature, means 0 and 2, variances 1",
    )
    # x = 1 is halfway: 1/2 each; x = 0 has odds exp(-0/2) : exp(-4/2) = e^2 : 1
    expected = np.log([[0.5, 0.5], [np.e**2 / (1 + np.e**2), 1 / (1 + np.e**2)]])
    assert_close(
        found,
        expected,
        rtol=1e-10,
        what="gaussian_nb_log_posterior on x = 1 and x = 0",
        hint="x = 1 is as far from 0 as from 2, so both classes get probability 1/2; "
        "x = 0 has scores -1/2 log(2 pi) and -1/2 log(2 pi) - 2.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_models(gaussian_nb_log_posterior):
    gen = np.random.default_rng(1501)
    for n, d, K in [(12, 3, 2), (40, 6, 4), (1, 2, 3)]:
        log_prior, means, variances = _model(gen, K, d)
        X = gen.normal(scale=2.5, size=(n, d))
        expected = _oracle(X, log_prior, means, variances)
        found = _posterior(
            gaussian_nb_log_posterior, X, log_prior, means, variances, f"{n} points, d = {d}"
        )
        if np.allclose(found, _oracle(X, log_prior, means, variances, prior=False), rtol=1e-8):
            hint = "the prior is missing: add log_prior[k] to each class's score."
        elif np.allclose(found, _oracle(X, log_prior, means, variances, constant=False), rtol=1e-8):
            hint = (
                "the term -1/2 log(2 pi variances[k, j]) is missing: it differs between "
                "classes whose variances differ, so it does not cancel."
            )
        elif np.allclose(found, _oracle(X, log_prior, means, variances, power=2), rtol=1e-8):
            hint = (
                "you treated the variances as standard deviations (squared them again): "
                "variances[k, j] is sigma^2 already."
            )
        else:
            hint = (
                "score[i, k] = log_prior[k] - 1/2 sum_j (log(2 pi var[k, j]) + "
                "(x_ij - mean[k, j])^2 / var[k, j])."
            )
        assert_close(
            found,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"gaussian_nb_log_posterior on {n} points, d = {d}, K = {K}",
            hint=hint,
        )


@test_case(points=2, hidden=True)
def test_many_features_far_points(gaussian_nb_log_posterior):
    gen = np.random.default_rng(1502)
    n, d, K = 6, 400, 3
    log_prior, means, variances = _model(gen, K, d)
    X = means[gen.integers(0, K, size=n)] + gen.normal(scale=3.0, size=(n, d))
    X[0] += 40.0  # far from every class
    expected = _oracle(X, log_prior, means, variances)
    hint = (
        "with 400 features the product of the densities underflows to 0.0: add the log "
        "densities (-1/2 log(2 pi var) - (x - mean)^2 / (2 var)) instead of multiplying "
        "densities."
    )
    found = _posterior(
        gaussian_nb_log_posterior,
        X,
        log_prior,
        means,
        variances,
        "6 points with 400 features, one far from every class",
        hint,
    )
    if np.any(~np.isfinite(found) & np.isfinite(expected)):
        raise AssertionError(f"on 400 features your log posteriors contain inf or NaN. {hint}")
    assert_close(
        found,
        expected,
        rtol=1e-8,
        atol=1e-8,
        what="the log posteriors with 400 features",
        hint="score[i, k] = log_prior[k] - 1/2 sum_j (log(2 pi var[k, j]) + "
        "(x_ij - mean[k, j])^2 / var[k, j]), then normalize.",
    )
