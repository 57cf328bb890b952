OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - log_softmax(Z)_ij = Z_ij - log sum_l exp(Z_il), row by row, shape (n, k), n != k:
#   test_log_softmax_values; variants "normalizes over columns (axis=0)", "forgets
#   keepdims (broadcasts the wrong way, or fails)".
# - finite and correct at logits of 1000 (and -1000), no overflow warning:
#   test_huge_logits; variant "np.log(np.sum(np.exp(Z)))" (the naive formula).
# - each row shifted by ITS OWN maximum: test_huge_logits (one row near +1000, another
#   near -1000); variant "subtracts the maximum of the whole matrix".
# - no log of an underflowed probability: test_huge_logits (a log-probability near -2000);
#   variant "np.log of a stable softmax".
# - softmax rows are positive, sum to 1, equal exp(log_softmax), stable at 1000:
#   test_softmax; variants "naive softmax exp(Z) / sum", "softmax over axis 0".
# - no scipy.special (logsumexp, log_softmax, softmax): every hidden case (forbid_calls);
#   variant "uses scipy.special.logsumexp".
# Oracle: scipy.special.log_softmax and softmax.

import numpy as np
import scipy.special
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q4"
points = 4


FORBIDDEN = ["scipy.special.logsumexp", "scipy.special.log_softmax", "scipy.special.softmax"]


def run_log_softmax(log_softmax, Z, what, hint):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        found = forbid_calls(FORBIDDEN, log_softmax, Z.copy(), what=what, hint=hint)
    return shaped(found, Z, f"log_softmax on {what}")


def run_softmax(softmax, Z, what, hint):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        found = forbid_calls(FORBIDDEN, softmax, Z.copy(), what=what, hint=hint)
    return shaped(found, Z, f"softmax on {what}")


def shaped(found, Z, what):
    array = np.asarray(found, dtype=float)
    if array.shape == Z.shape[::-1] and Z.shape[0] != Z.shape[1]:
        raise AssertionError(
            f"{what} has shape {array.shape}, the transpose of Z's: keep one row per example."
        )
    return assert_shape(
        found,
        Z.shape,
        what=what,
        hint="keep the shape of Z: reduce with keepdims=True so the row "
        "totals broadcast against Z.",
    )


def axis_hint(found, Z, name, base):
    wrong_axis = scipy.special.log_softmax(Z, axis=0)
    if name == "softmax":
        wrong_axis = np.exp(wrong_axis)
    if np.allclose(found, wrong_axis, rtol=1e-9):
        return "you normalized each COLUMN: normalize each row (axis=1), one example per row."
    return base


@test_case(points=1, hidden=False)
def test_small_example(log_softmax, softmax):
    Z = np.array([[0.0, 0.0], [0.0, np.log(3.0)]])
    assert_close(
        call(log_softmax, Z.copy()),
        [[-np.log(2), -np.log(2)], [-np.log(4), np.log(0.75)]],
        rtol=1e-12,
        what="log_softmax([[0, 0], [0, log 3]])",
        reveal=True,
        hint="subtract from each entry the log-sum-exp of its own row.",
    )
    assert_close(
        call(softmax, Z.copy()),
        [[0.5, 0.5], [0.25, 0.75]],
        rtol=1e-12,
        what="softmax([[0, 0], [0, log 3]])",
        reveal=True,
        hint="exp of each entry divided by the sum over its row.",
    )


@test_case(points=1, hidden=True)
def test_log_softmax_values(log_softmax):
    rng = np.random.default_rng(41)
    for shape in [(1, 4), (5, 3), (2, 7), (6, 10)]:
        Z = rng.normal(scale=3.0, size=shape)
        expected = scipy.special.log_softmax(Z, axis=1)
        what = f"logits of shape {shape}"
        found = run_log_softmax(log_softmax, Z, what, "")
        assert_close(
            found,
            expected,
            rtol=1e-10,
            atol=1e-12,
            what=f"log_softmax on {what}",
            hint=axis_hint(found, Z, "log_softmax", "log_softmax(Z) = Z - logsumexp of each row."),
        )


@test_case(points=1, hidden=True)
def test_huge_logits(log_softmax):
    rng = np.random.default_rng(42)
    Z = 1000.0 + rng.normal(size=(4, 5))
    Z[0] = [1000.0, 999.0, 0.0, 1000.0, 1001.0]
    Z[1] = -1000.0 + rng.normal(size=5)
    Z[2, 3] = -1000.0  # a class with probability about exp(-2000): log-probability about -2000
    expected = scipy.special.log_softmax(Z, axis=1)
    hint = (
        "exp(1000) overflows: subtract each row's maximum before exponentiating "
        "(log_softmax(Z) = (Z - m) - log sum exp(Z - m), the same value), and never take the "
        "log of a probability that may underflow to 0."
    )
    found = run_log_softmax(log_softmax, Z, "logits near 1000 and -1000", hint)
    assert_close(
        found, expected, rtol=1e-10, atol=1e-9, what="log_softmax on logits near 1000", hint=hint
    )


@test_case(points=1, hidden=True)
def test_softmax(softmax):
    rng = np.random.default_rng(43)
    for shape in [(3, 4), (7, 2)]:
        Z = rng.normal(scale=4.0, size=shape)
        Z[0] += 1000.0
        if shape[0] > 3:
            Z[1] -= 1000.0
        what = f"logits of shape {shape}, one row near 1000"
        hint = (
            "exp(1000) overflows: subtract each row's maximum first "
            "(softmax(Z) = exp(Z - m) / sum exp(Z - m), the same value)."
        )
        found = run_softmax(softmax, Z, what, hint)
        assert_close(
            found,
            scipy.special.softmax(Z, axis=1),
            rtol=1e-10,
            atol=1e-300,
            what=f"softmax on {what}",
            hint=axis_hint(found, Z, "softmax", hint),
        )
