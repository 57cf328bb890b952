"""Clauses of question 2 (log_normalize), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- returns S[i, k] - log sum_j exp(S[i, j]), an (n, K) array whose rows exponentiate to
  distributions: test_random_scores; variants "normalizes each column (axis 0)",
  "subtracts the row maximum only".
- stable: rows whose scores are around +-1e4, or spread over hundreds of nats, give finite,
  accurate results: test_huge_and_tiny_rows; variants "exponentiates directly", "shifts
  every row by the one global maximum".
- -inf scores (a class of prior 0) stay -inf and leave the rest finite and correct:
  test_minus_infinity_entries; variant "shifts by the row mean".
- S is left unchanged: test_random_scores; variant "shifts S in place".
- scipy.special.logsumexp is forbidden (the point is to write the trick):
  test_random_scores; variant "calls scipy.special.logsumexp".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q2"
points = 5

FORBIDDEN = ["scipy.special.logsumexp", "scipy.special._logsumexp.logsumexp"]


def _oracle(S):
    from scipy.special import logsumexp

    return S - logsumexp(S, axis=1, keepdims=True)


def _normalized(log_normalize, S, what, hint="", forbid=False):
    with np.errstate(all="ignore"):
        if forbid:
            found = forbid_calls(FORBIDDEN, log_normalize, S, what=what, hint=hint)
        else:
            found = call(log_normalize, S, what=what, hint=hint)
    return assert_shape(found, np.shape(S), what=f"log_normalize on {what}")


@test_case(points=1, hidden=False)
def test_by_hand(log_normalize):
    S = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0]])
    found = _normalized(log_normalize, S, "[[0, log 3], [1000, 1000]]")
    if np.any(np.isnan(found)):
        raise AssertionError(
            "log_normalize([[0, log 3], [1000, 1000]]) contains NaN: exp(1000) overflows. "
            "Subtract each row's maximum before exponentiating."
        )
    assert_close(
        found,
        np.log([[0.25, 0.75], [0.5, 0.5]]),
        rtol=1e-10,
        what="log_normalize([[0, log 3], [1000, 1000]])",
        hint="row 1: scores 0 and log 3 are probabilities 1/4 and 3/4 after normalizing.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_scores(log_normalize):
    gen = np.random.default_rng(1201)
    for shape in [(6, 3), (1, 5), (40, 2), (3, 1)]:
        S = gen.normal(scale=4.0, size=shape)
        original = S.copy()
        expected = _oracle(S)
        found = _normalized(log_normalize, S, f"random scores of shape {shape}", forbid=True)
        if not np.array_equal(S, original):
            raise AssertionError("log_normalize changed its input S: work on a copy.")
        sums = np.exp(found).sum(axis=1)
        if not np.allclose(sums, 1.0, rtol=1e-9):
            if shape[0] > 1 and np.allclose(np.exp(found).sum(axis=0), 1.0, rtol=1e-9):
                hint = "your COLUMNS sum to 1: normalize each row (axis=1)."
            elif np.allclose(found.max(axis=1), 0.0, atol=1e-12):
                hint = (
                    "you subtracted the row maximum only: also subtract "
                    "log(sum(exp(S - max))) so that the row sums to 1."
                )
            else:
                hint = "subtract each row's log-sum-exp."
            raise AssertionError(
                f"on scores of shape {shape}, exp of your rows sum to values from "
                f"{sums.min():.4g} to {sums.max():.4g}, not 1: {hint}"
            )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"log_normalize on scores of shape {shape}",
            hint="S[i, k] - log sum_j exp(S[i, j]).",
        )


@test_case(points=1, hidden=True)
def test_huge_and_tiny_rows(log_normalize):
    gen = np.random.default_rng(1202)
    offsets = np.array([-12000.0, -800.0, 0.0, 900.0, 15000.0])
    S = gen.normal(scale=30.0, size=(5, 4)) + offsets[:, None]
    S[1, 2] -= 700.0  # a row whose scores spread over hundreds of nats
    expected = _oracle(S)
    hint = (
        "exp of scores near +-1e4 overflows or underflows: subtract EACH ROW's own maximum "
        "before exponentiating, and add it back after the log."
    )
    found = _normalized(log_normalize, S, "rows of scores near -12000, -800, 0, 900, 15000", hint)
    if np.any(np.isnan(found)) or np.any(np.isinf(found)):
        raise AssertionError(
            f"log_normalize on rows of scores near -12000 ... 15000 returned inf or NaN. {hint}"
        )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        atol=1e-9,
        what="log_normalize on rows near -12000 ... 15000",
        hint=hint
        if np.allclose(np.exp(found).sum(axis=1), 1.0, rtol=1e-9)
        else "exp of your rows does not sum to 1: subtract each row's full log-sum-exp.",
    )


@test_case(points=1, hidden=True)
def test_minus_infinity_entries(log_normalize):
    gen = np.random.default_rng(1203)
    S = gen.normal(scale=3.0, size=(8, 4)) - 50.0
    S[:, 1] = -np.inf  # a class whose prior is 0
    S[3, 3] = -np.inf
    expected = _oracle(S)
    found = _normalized(
        log_normalize,
        S,
        "scores where column 1 is -inf (a class of prior 0)",
        hint="a -inf score is a probability 0: keep it -inf; shift by the row MAXIMUM, "
        "which is finite.",
    )
    if np.any(np.isnan(found)):
        raise AssertionError(
            "log_normalize returned NaN on rows that contain -inf scores: shift by the row "
            "maximum (finite), not by a mean or a sum, which are -inf."
        )
    if not np.all(found[:, 1] == -np.inf) or found[3, 3] != -np.inf:
        raise AssertionError("a score of -inf (probability 0) must stay -inf after normalizing.")
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="log_normalize on rows with -inf scores",
    )
