"""Clauses of question 8 (logsumexp), each with the hidden case that checks it and the wrong
variant that breaks it alone:

- log(sum(exp(x))) over all entries (axis=None, a single number) or along one axis (that
  axis removed, negative axes too), relative error 1e-10: test_random_arrays_every_axis;
  variants "keeps the reduced axis", "max without keepdims".
- entries as large as 1e6 (no overflow): test_huge_inputs; variant "naive".
- entries as small as -1e6 (no underflow to log 0): test_very_negative_inputs; variant
  "forgets to add the max back" (and "naive").
- the max is taken along the reduction axis: test_rows_of_different_scales; variant
  "global max".
- -inf entries add nothing, an all -inf slice gives -inf: test_minus_infinity_float32_and_lists;
  variant "max trick without guarding -inf".
- float32 input is computed in float64 and meets the same 1e-10 (against the float64
  log-sum-exp of the same float32 values), lists work: test_minus_infinity_float32_and_lists;
  variant "stays in float32".
- no scipy.special.logsumexp: every hidden case (forbid_calls); variant "calls scipy".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls, to_array, to_number

name = "q8"
points = 7

FORBIDDEN = ["scipy.special.logsumexp"]


def _oracle(x, axis=None):
    from scipy.special import logsumexp

    return logsumexp(np.asarray(x, dtype=float), axis=axis)


def _lse(logsumexp, x, axis=None, forbid=True):
    if forbid:
        return forbid_calls(FORBIDDEN, logsumexp, x, axis=axis)
    return call(logsumexp, x, axis=axis)


def _check(logsumexp, x, axis, label, hint, rtol=1e-10):
    expected = np.asarray(_oracle(x, axis))
    found = _lse(logsumexp, x, axis=axis)
    if axis is None:
        found = to_number(found, what=f"logsumexp({label})")
    else:
        array = to_array(found, what=f"logsumexp({label}, axis={axis})")
        if array.shape != expected.shape:
            raise AssertionError(
                f"logsumexp({label}, axis={axis}) should have shape {expected.shape} "
                f"(the input shape without axis {axis}), found {array.shape}. "
                "Keep the max with keepdims=True while you compute, then drop that axis."
            )
        found = array
    values = np.asarray(found, dtype=float)
    if np.any(~np.isfinite(values) & np.isfinite(expected)):
        hint = (
            "exp overflows to inf above about 709 and underflows to 0 below about -745: "
            "subtract the max m along the reduction axis so that every exponent is <= 0, "
            "then add m back."
        )
    assert_close(
        found,
        expected,
        rtol=rtol,
        atol=1e-12,
        what=f"logsumexp({label}, axis={axis})",
        hint=hint,
    )


@test_case(points=1, hidden=False)
def test_small_vectors_by_hand(logsumexp):
    for x, expected, hint in [
        ([0.0, 0.0], np.log(2), "log(e^0 + e^0) = log(2)."),
        ([1000.0, 1000.0], 1000 + np.log(2), "exp(1000) overflows: subtract the max first."),
        ([-1000.0, -1000.0], -1000 + np.log(2), "exp(-1000) underflows to 0: subtract the max."),
    ]:
        found = to_number(_lse(logsumexp, np.array(x), forbid=False), what=f"logsumexp({x})")
        assert_close(found, expected, rtol=1e-10, what=f"logsumexp({x})", hint=hint, reveal=True)


@test_case(points=1, hidden=False)
def test_axis_by_hand(logsumexp):
    found = _lse(logsumexp, np.zeros((2, 3)), axis=1, forbid=False)
    assert_close(
        found,
        np.full(2, np.log(3)),
        rtol=1e-10,
        what="logsumexp(np.zeros((2, 3)), axis=1)",
        hint="reduce over axis 1 only: one value per row, shape (2,).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_arrays_every_axis(logsumexp):
    rng = np.random.default_rng(801)
    hint = "compute m + log(sum(exp(x - m))) with m the max along the same axis."
    for shape, axes in [((1,), [None, 0]), ((9,), [None, 0, -1]), ((3, 5), [None, 0, 1, -1])]:
        x = rng.normal(scale=3, size=shape)
        for axis in axes:
            _check(logsumexp, x, axis, f"array of shape {shape}", hint)
    x = rng.normal(size=(2, 3, 4))
    for axis in [None, 0, 1, 2]:
        _check(logsumexp, x, axis, "array of shape (2, 3, 4)", hint)


@test_case(points=1, hidden=True)
def test_huge_inputs(logsumexp):
    rng = np.random.default_rng(802)
    hint = (
        "exp of a number above about 709 overflows to inf: subtract the max m so that every "
        "exponent is <= 0, then add m back."
    )
    for offset in [800.0, 1e4, 1e6]:
        x = offset + rng.normal(scale=5, size=10)
        _check(logsumexp, x, None, f"values near {offset:g}", hint, rtol=1e-10)
        x = offset + rng.normal(scale=5, size=(3, 4))
        _check(logsumexp, x, 1, f"values near {offset:g}", hint, rtol=1e-10)


@test_case(points=1, hidden=True)
def test_very_negative_inputs(logsumexp):
    rng = np.random.default_rng(803)
    hint = (
        "exp of a number below about -745 underflows to 0 and log(0) = -inf: subtract the max "
        "m first, so that the largest term is exp(0) = 1."
    )
    for offset in [-800.0, -1e4, -1e6]:
        x = offset + rng.normal(scale=5, size=10)
        _check(logsumexp, x, None, f"values near {offset:g}", hint, rtol=1e-10)
        x = offset + rng.normal(scale=5, size=(4, 3))
        _check(logsumexp, x, 0, f"values near {offset:g}", hint, rtol=1e-10)


@test_case(points=1, hidden=True)
def test_rows_of_different_scales(logsumexp):
    rng = np.random.default_rng(804)
    x = rng.normal(size=(4, 6)) + np.array([[0.0], [-2000.0], [1500.0], [-30.0]])
    hint = (
        "take the max along the reduction axis (np.max(x, axis=axis, keepdims=True)), not "
        "over the whole array: a row far below the global max underflows to log(0)."
    )
    _check(logsumexp, x, 1, "rows of very different scales", hint, rtol=1e-10)
    _check(logsumexp, x.T, 0, "columns of very different scales", hint, rtol=1e-10)


@test_case(points=1, hidden=True)
def test_minus_infinity_float32_and_lists(logsumexp):
    rng = np.random.default_rng(805)
    x = rng.normal(size=(3, 5))
    x[0, :2] = -np.inf
    x[2, :] = -np.inf
    hint = (
        "-inf entries are log(0): they add nothing. A row of only -inf has max -inf and "
        "x - max = nan, so replace a non-finite max by 0 before subtracting; the result of "
        "such a row is log(0) = -inf."
    )
    _check(logsumexp, x, 1, "rows holding -inf (one row is all -inf)", hint)
    _check(logsumexp, x[0], None, "a vector holding -inf", hint)
    x32 = (1e4 + rng.normal(scale=10, size=(4, 3))).astype(np.float32)
    _check(
        logsumexp,
        x32,
        0,
        "a float32 array",
        "convert the input with np.asarray(x, dtype=float): float32 arithmetic keeps only about "
        "7 digits, far from the 1e-10 asked.",
    )
    values = [float(v) for v in rng.normal(size=6)]
    _check(logsumexp, values, None, "a Python list", "convert x with np.asarray first.")
