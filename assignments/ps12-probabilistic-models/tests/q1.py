"""Clauses of question 1 (multinomial_nb_fit), each with the hidden case that checks it and
the wrong variant that breaks it alone:

- returns (log_prior, log_theta) of shapes (K,) and (K, V), natural logs:
  test_by_hand (public), test_random_corpora.
- log_prior[k] = log(number of documents of class k / n), from DOCUMENT counts:
  test_random_corpora; variants "priors from word totals", "uniform prior".
- log_theta[k, w] = log((N_kw + alpha) / (N_k + alpha V)), each row a distribution over the
  vocabulary: test_random_corpora; variants "normalizes over the classes (axis 0)",
  "forgets alpha V in the denominator".
- alpha is honoured (alpha = 0.5 and alpha = 2): test_alpha_is_honoured; variant "always
  adds 1".
- n_classes is honoured: a class with no document gets log prior -inf and the uniform word
  distribution: test_empty_class; variant "classes from np.unique(y)".
- the inputs are left unchanged: test_random_corpora; variant "sorts X and y by class in
  place".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q1"
points = 6


def _fit(multinomial_nb_fit, X, y, K, what, **kwargs):
    result = call(multinomial_nb_fit, X, y, K, what=what, **kwargs)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"multinomial_nb_fit on {what} should return a tuple (log_prior, log_theta), "
            f"found {type(result).__name__}."
        )
    V = np.shape(X)[1]
    log_prior = assert_shape(result[0], (K,), what=f"log_prior on {what}")
    log_theta = assert_shape(result[1], (K, V), what=f"log_theta on {what}")
    return log_prior, log_theta


def _oracle(X, y, K, alpha):
    """Counting with explicit loops over the documents (independent of the vectorized fit)."""
    V = X.shape[1]
    docs = np.zeros(K)
    words = np.zeros((K, V))
    for row, label in zip(X, y, strict=True):
        docs[label] += 1
        words[label] += row
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs) - np.log(len(y))
    theta = (words + alpha) / (words + alpha).sum(axis=1, keepdims=True)
    return log_prior, np.log(theta)


def _theta_hint(log_theta, X, y, K, alpha):
    theta = np.exp(log_theta)
    if np.allclose(theta.sum(axis=0), 1.0, rtol=1e-8) and not np.allclose(theta.sum(axis=1), 1):
        return (
            "your columns sum to 1: theta[k] is a distribution over the WORDS of class k, "
            "so each ROW must sum to 1."
        )
    if not np.allclose(theta.sum(axis=1), 1.0, rtol=1e-8):
        return (
            "the rows of exp(log_theta) do not sum to 1: the denominator is the class's total "
            "word count PLUS alpha times the vocabulary size."
        )
    return (
        "theta[k, w] = (count of word w in class k + alpha) / (total words of class k + alpha V)."
    )


@test_case(points=2, hidden=False)
def test_by_hand(multinomial_nb_fit):
    X = np.array([[2, 0, 1], [1, 1, 0], [0, 3, 1]])
    y = np.array([0, 0, 1])
    log_prior, log_theta = _fit(multinomial_nb_fit, X, y, 2, "the 3-document example")
    assert_close(
        log_prior,
        np.log([2 / 3, 1 / 3]),
        rtol=1e-10,
        what="log_prior on the example",
        hint="class 0 has 2 of the 3 documents: log_prior[0] = log(2/3).",
        reveal=True,
    )
    assert_close(
        log_theta,
        np.log([[4 / 8, 2 / 8, 2 / 8], [1 / 7, 4 / 7, 2 / 7]]),
        rtol=1e-10,
        what="log_theta on the example (alpha = 1)",
        hint="class 0 counts (3, 1, 1), plus 1 each: (4, 2, 2) / 8.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_corpora(multinomial_nb_fit):
    gen = np.random.default_rng(1101)
    for n, V, K in [(40, 12, 3), (200, 50, 4), (7, 5, 2)]:
        y = np.concatenate([np.arange(K), gen.integers(0, K, size=n - K)])
        gen.shuffle(y)
        # documents of very different lengths, so word totals and document counts differ
        lengths = gen.integers(1, 60, size=n) * (1 + 5 * (y == 0))
        X = np.array([gen.multinomial(m, gen.dirichlet(np.ones(V))) for m in lengths])
        copies = X.copy(), y.copy()
        expected_prior, expected_theta = _oracle(X, y, K, 1.0)
        log_prior, log_theta = _fit(multinomial_nb_fit, X, y, K, f"{n} documents, V = {V}")
        if not (np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])):
            raise AssertionError("multinomial_nb_fit changed X or y: leave its inputs alone.")
        totals = np.array([X[y == k].sum() for k in range(K)], dtype=float)
        if np.allclose(log_prior, np.log(totals / totals.sum()), rtol=1e-9):
            hint = (
                "your priors are shares of the WORDS: the prior of a class is its share of "
                "the DOCUMENTS, np.mean(y == k)."
            )
        elif np.allclose(log_prior, -np.log(K)):
            hint = "your prior is uniform: use each class's share of the training documents."
        else:
            hint = "log_prior[k] = log(number of documents with y == k / n)."
        assert_close(
            log_prior,
            expected_prior,
            rtol=1e-9,
            what=f"log_prior on {n} documents and {K} classes",
            hint=hint,
        )
        assert_close(
            log_theta,
            expected_theta,
            rtol=1e-9,
            what=f"log_theta on {n} documents, V = {V}",
            hint=_theta_hint(log_theta, X, y, K, 1.0),
        )


@test_case(points=1, hidden=True)
def test_alpha_is_honoured(multinomial_nb_fit):
    gen = np.random.default_rng(1102)
    n, V, K = 60, 20, 3
    y = np.concatenate([np.arange(K), gen.integers(0, K, size=n - K)])
    X = gen.poisson(gen.uniform(0.1, 3.0, size=V), size=(n, V))
    X[:, 0] = 0  # a word never seen: only the smoothing keeps its probability above 0
    for alpha in [0.5, 2.0]:
        expected_prior, expected_theta = _oracle(X, y, K, alpha)
        _, log_theta = _fit(
            multinomial_nb_fit, X, y, K, f"60 documents with alpha = {alpha}", alpha=alpha
        )
        assert_close(
            log_theta,
            expected_theta,
            rtol=1e-9,
            what=f"log_theta with alpha = {alpha}",
            hint="use the alpha argument (not a fixed 1) in the numerator and in the "
            "denominator: (N_kw + alpha) / (N_k + alpha V)."
            if np.allclose(log_theta, _oracle(X, y, K, 1.0)[1])
            else _theta_hint(log_theta, X, y, K, alpha),
        )


@test_case(points=1, hidden=True)
def test_empty_class(multinomial_nb_fit):
    gen = np.random.default_rng(1103)
    n, V, K = 30, 8, 4
    y = gen.choice([0, 1, 3], size=n)  # class 2 has no document
    y[:3] = [0, 1, 3]
    X = gen.poisson(2.0, size=(n, V))
    expected_prior, expected_theta = _oracle(X, y, K, 1.0)
    with np.errstate(divide="ignore"):
        result = call(
            multinomial_nb_fit,
            X,
            y,
            K,
            what="labels 0, 1 and 3 with n_classes = 4 (class 2 has no document)",
            hint="loop over range(n_classes), not over the labels that occur.",
        )
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("multinomial_nb_fit should return a tuple (log_prior, log_theta).")
    shape_hint = (
        "use n_classes rows, one per class 0 ... n_classes - 1, even for a class with no document."
    )
    log_prior = assert_shape(result[0], (K,), what="log_prior with an empty class", hint=shape_hint)
    log_theta = assert_shape(
        result[1], (K, V), what="log_theta with an empty class", hint=shape_hint
    )
    if log_prior[2] != -np.inf:
        raise AssertionError(
            "class 2 has no training document, so its prior is 0 and log_prior[2] must be "
            f"-inf, found {log_prior[2]:.4g}."
        )
    assert_close(
        log_prior,
        expected_prior,
        rtol=1e-9,
        what="log_prior with an empty class",
    )
    assert_close(
        log_theta,
        expected_theta,
        rtol=1e-9,
        what="log_theta with an empty class",
        hint="a class with no document has counts 0, so smoothing gives it the uniform "
        "distribution alpha / (alpha V) = 1 / V.",
    )
