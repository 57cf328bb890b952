"""Clauses of question 3 (multinomial_nb_log_posterior). Every case passes a correct
`normalize` (scipy's log-sum-exp), so a mistake in question 2 costs points only there.
Each clause, with the hidden case that checks it and the wrong variant that breaks it alone:

- returns the (n, K) log posteriors log P(k | x_i), normalized over the classes:
  test_by_hand (public), test_random_documents; variant "returns the joint scores without
  normalizing".
- the score is log_prior[k] + sum_w x_iw log_theta[k, w]: the prior counts,
  test_random_documents (variant "forgets the prior"); each occurrence of a word counts,
  test_random_documents (variant "uses word presence 0/1 instead of the counts").
- long documents (thousands of words, where the product of probabilities underflows to
  0) give finite, correct posteriors: test_long_documents; variant "multiplies the
  probabilities, then takes the log".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q3"
points = 5


def correct_normalize(S):
    """A correct log_normalize, handed to the student's function (it runs in the grader)."""
    from scipy.special import logsumexp

    S = np.asarray(S, dtype=float)
    with np.errstate(invalid="ignore"):
        return S - logsumexp(S, axis=1, keepdims=True)


def _posterior(f, X, log_prior, log_theta, what, hint=""):
    with np.errstate(all="ignore"):
        found = call(f, X, log_prior, log_theta, correct_normalize, what=what, hint=hint)
    return assert_shape(
        found, (len(X), len(log_prior)), what=f"multinomial_nb_log_posterior on {what}"
    )


def _oracle(X, log_prior, log_theta):
    """Document by document, word by word: the sum of the logs."""
    from scipy.special import logsumexp

    n, K = len(X), len(log_prior)
    scores = np.zeros((n, K))
    for i in range(n):
        for k in range(K):
            scores[i, k] = log_prior[k] + sum(
                count * log_theta[k, w] for w, count in enumerate(X[i]) if count
            )
    return scores - logsumexp(scores, axis=1, keepdims=True)


def _model(gen, K, V):
    log_prior = np.log(gen.dirichlet(np.full(K, 3.0)))
    log_theta = np.log(gen.dirichlet(np.full(V, 0.7), size=K))
    return log_prior, log_theta


@test_case(points=1, hidden=False)
def test_by_hand(multinomial_nb_log_posterior):
    log_prior = np.log([0.5, 0.5])
    log_theta = np.log([[0.5, 0.5], [0.25, 0.75]])
    X = np.array([[1, 1]])
    found = _posterior(
        multinomial_nb_log_posterior, X, log_prior, log_theta, "one document with counts (1, 1)"
    )
    # P(x | 0) = 0.25, P(x | 1) = 0.1875: posteriors 4/7 and 3/7
    assert_close(
        found,
        np.log([[4 / 7, 3 / 7]]),
        rtol=1e-10,
        what="multinomial_nb_log_posterior on the document (1, 1)",
        hint="scores log 0.5 + log 0.5 + log 0.5 and log 0.5 + log 0.25 + log 0.75, then "
        "normalize them with the `normalize` argument.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_documents(multinomial_nb_log_posterior):
    gen = np.random.default_rng(1301)
    for n, V, K in [(10, 15, 3), (30, 40, 2), (1, 6, 4)]:
        log_prior, log_theta = _model(gen, K, V)
        X = gen.poisson(1.5, size=(n, V))
        expected = _oracle(X, log_prior, log_theta)
        found = _posterior(
            multinomial_nb_log_posterior, X, log_prior, log_theta, f"{n} documents, V = {V}"
        )
        sums = np.exp(found).sum(axis=1)
        if not np.allclose(sums, 1.0, rtol=1e-8):
            raise AssertionError(
                f"on {n} documents your posteriors exponentiate to rows summing to "
                f"{sums.min():.4g} ... {sums.max():.4g}, not 1: pass the scores "
                "log_prior + X @ log_theta.T through `normalize`."
            )
        if np.allclose(found, _oracle(X, np.zeros(K), log_theta), rtol=1e-9):
            hint = "the prior is missing: add log_prior[k] to every document's score."
        elif np.allclose(found, _oracle((X > 0).astype(int), log_prior, log_theta), rtol=1e-9):
            hint = (
                "you used whether a word occurs (0/1): a word seen 3 times contributes "
                "3 * log_theta[k, w]; multiply by the counts."
            )
        else:
            hint = "score[i, k] = log_prior[k] + sum_w X[i, w] * log_theta[k, w]."
        assert_close(
            found,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"multinomial_nb_log_posterior on {n} documents, V = {V}",
            hint=hint,
        )


@test_case(points=2, hidden=True)
def test_long_documents(multinomial_nb_log_posterior):
    gen = np.random.default_rng(1302)
    K, V = 3, 60
    log_prior, log_theta = _model(gen, K, V)
    lengths = [800, 3000, 12000, 50]
    X = np.array([gen.multinomial(m, np.exp(log_theta[i % K])) for i, m in enumerate(lengths)])
    expected = _oracle(X, log_prior, log_theta)
    hint = (
        "a product of thousands of probabilities underflows to 0.0 (log 0 = -inf, then "
        "-inf - -inf = NaN): never multiply the probabilities; add X @ log_theta.T to the "
        "log priors instead."
    )
    found = _posterior(
        multinomial_nb_log_posterior,
        X,
        log_prior,
        log_theta,
        "documents of 800, 3000, 12000 and 50 words",
        hint,
    )
    if np.any(~np.isfinite(found) & np.isfinite(expected)):
        raise AssertionError(
            f"on documents of thousands of words your log posteriors contain inf or NaN. {hint}"
        )
    assert_close(
        found,
        expected,
        rtol=1e-8,
        atol=1e-8,
        what="the log posteriors of documents of 800 to 12000 words",
        hint="score[i, k] = log_prior[k] + sum_w X[i, w] * log_theta[k, w], then normalize.",
    )
