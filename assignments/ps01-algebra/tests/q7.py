"""Clauses of question 7 (log_likelihood), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- the SUM (not the mean) of log p_i over labels 1 and log(1 - p_i) over labels 0, relative
  error 1e-9: test_small_random_datasets; variants "mean", "forgets the labels 0".
- lists as well as arrays: test_small_random_datasets.
- never multiply the probabilities (up to 50 000 examples): test_many_labels_do_not_underflow;
  variant "log of the product".
- certain labels (p = 1 with y = 1, p = 0 with y = 0) contribute 0, not nan:
  test_certain_predictions; variant "y log p + (1 - y) log(1 - p)".
- labels may be ints or floats: test_certain_predictions.
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q7"
points = 5


def _fail(message):
    """Fail the test case with a message written for the student."""
    raise AssertionError(message)


def _oracle(p, y):
    from scipy.special import xlog1py, xlogy

    return float(np.sum(xlogy(y, p) + xlog1py(1 - y, -p)))


def _value(log_likelihood, p, y, label):
    # copies: the oracle is computed from p and y after this call
    result = call(log_likelihood, copy.deepcopy(p), copy.deepcopy(y))
    return to_number(result, what=label)


@test_case(points=1, hidden=False)
def test_two_labels_by_hand(log_likelihood):
    found = _value(log_likelihood, np.array([0.9, 0.2]), np.array([1, 0]), "log_likelihood")
    assert_close(
        found,
        np.log(0.9 * 0.8),
        rtol=1e-10,
        what="log_likelihood([0.9, 0.2], [1, 0])",
        hint="label 1 has probability p = 0.9, label 0 has probability 1 - p = 0.8; "
        "return the SUM of their logs, log(0.9) + log(0.8).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_small_random_datasets(log_likelihood):
    rng = np.random.default_rng(701)
    for n in [1, 5, 30]:
        p = rng.uniform(0.01, 0.99, size=n)
        y = (rng.uniform(size=n) < p).astype(int)
        found = _value(log_likelihood, p, y, f"log_likelihood on {n} labels")
        if n > 1 and np.isclose(found, _oracle(p, y) / n, rtol=1e-9):
            _fail(
                f"log_likelihood on {n} labels looks like the MEAN of the log-probabilities: "
                "return their sum, the log of the product of the probabilities."
            )
        assert_close(
            found,
            _oracle(p, y),
            rtol=1e-9,
            what=f"log_likelihood on {n} random labels",
            hint="sum log(p_i) over the labels y_i = 1 and log(1 - p_i) over the labels y_i = 0.",
        )
    p, y = [0.3, 0.6, 0.95], [0, 1, 1]
    found = _value(log_likelihood, p, y, "log_likelihood on Python lists")
    assert_close(
        found,
        _oracle(np.array(p), np.array(y)),
        rtol=1e-9,
        what="log_likelihood on Python lists",
        hint="convert p and y with np.asarray first.",
    )


@test_case(points=2, hidden=True)
def test_many_labels_do_not_underflow(log_likelihood):
    rng = np.random.default_rng(702)
    for n in [2_000, 50_000]:
        p = rng.uniform(0.05, 0.95, size=n)
        y = (rng.uniform(size=n) < p).astype(int)
        found = _value(log_likelihood, p, y, f"log_likelihood on {n} labels")
        if not np.isfinite(found):
            _fail(
                f"log_likelihood on {n} labels is {found}: the product of {n} probabilities "
                "underflows to 0.0 and log(0) = -inf. Add the logs instead of multiplying "
                "the probabilities."
            )
        assert_close(
            found,
            _oracle(p, y),
            rtol=1e-9,
            what=f"log_likelihood on {n} labels",
            hint="sum the logs of the probabilities of the observed labels.",
        )


@test_case(points=1, hidden=True)
def test_certain_predictions(log_likelihood):
    rng = np.random.default_rng(703)
    p = rng.uniform(0.05, 0.95, size=12)
    y = (rng.uniform(size=12) < p).astype(int)
    p[:3], y[:3] = 1.0, 1
    p[3:6], y[3:6] = 0.0, 0
    found = _value(log_likelihood, p, y, "log_likelihood with some p exactly 0 or 1")
    if not np.isfinite(found):
        _fail(
            f"log_likelihood is {found} when p = 1 for a label 1 (or p = 0 for a label 0). "
            "Those labels are certain, so they add log(1) = 0. The formula "
            "y log(p) + (1 - y) log(1 - p) computes 0 * log(0) = 0 * (-inf) = nan there: "
            "pick log(p) or log(1 - p) with np.where instead of multiplying by y and 1 - y."
        )
    assert_close(
        found,
        _oracle(p, y),
        rtol=1e-9,
        what="log_likelihood with some p exactly 0 or 1",
        hint="a certain label (p = 1 and y = 1, or p = 0 and y = 0) adds log(1) = 0.",
    )
    y_float = y.astype(float)
    found = _value(log_likelihood, p, y_float, "log_likelihood with float labels 0.0 and 1.0")
    assert_close(
        found,
        _oracle(p, y),
        rtol=1e-9,
        what="log_likelihood with float labels 0.0 and 1.0",
        hint="labels may come as floats: compare with y == 1 rather than relying on the dtype.",
    )
