OK_FORMAT = False

# Clauses of Question 5, each with its case and the wrong variant that breaks it alone:
# - softmax normalizes each ROW (axis 1) of an (n, k) array: test_softmax_random;
#     variant "normalizes the columns (axis 0)".
# - stable for scores of any size: test_softmax_large; variant "no shift" (exp overflows).
# - the shift is per row: test_softmax_rows_of_different_scale; variant "subtracts the
#     global maximum" (a row far below it underflows to 0 / 0).
# - one_hot returns an (n, k) array with a 1 in column y[i]: test_one_hot;
#     variant "k taken as y.max() + 1 instead of the k given".
# - one_hot's dtype is float: test_one_hot; variant "np.eye(k, dtype=int)[y]".
# - ValueError for a label outside 0..k-1: test_one_hot_rejects; variant "no check"
#     (a label -1 silently sets the last column).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, call, to_array

name = "q5"
points = 6


def _softmax(Z):
    from scipy.special import softmax

    return softmax(np.asarray(Z, dtype=float), axis=1)


def _strict(softmax, Z, what):
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            return call(softmax, np.array(Z, copy=True), what=what)
    except AssertionError as error:
        if "FloatingPointError" in str(error):
            raise AssertionError(
                f"{error} Subtract each row's maximum before exp: softmax(z) = softmax(z - c)."
            ) from None
        raise


def _hint(found, Z, default):
    if found.shape == Z.shape and Z.shape[0] > 1 and np.allclose(found.sum(axis=0), 1):
        return "your columns sum to 1: normalize along axis=1, one row per example."
    return default


@test_case(points=1, hidden=False)
def test_by_hand(softmax, one_hot):
    Z = np.array([[0.0, np.log(3.0)], [1.0, 1.0]])
    assert_close(
        call(softmax, Z.copy()),
        [[0.25, 0.75], [0.5, 0.5]],
        rtol=1e-10,
        what="softmax([[0, log 3], [1, 1]])",
        reveal=True,
        hint="each row: exp(z_j) / sum over that row of exp(z_l).",
    )
    assert_close(
        call(one_hot, np.array([0, 2, 1]), 3),
        [[1, 0, 0], [0, 0, 1], [0, 1, 0]],
        what="one_hot([0, 2, 1], 3)",
        reveal=True,
        hint="row i has a single 1, in column y[i].",
    )


@test_case(points=1, hidden=True)
def test_softmax_random(softmax):
    gen = np.random.default_rng(501)
    for shape in [(1, 4), (6, 3), (4, 4), (2, 7)]:
        Z = gen.normal(scale=3, size=shape)
        found = to_array(_strict(softmax, Z, what=f"scores of shape {shape}"), what="softmax")
        hint = _hint(found, Z, "normalize along axis=1: each row sums to 1 (one row per example).")
        assert_close(
            found, _softmax(Z), rtol=1e-9, atol=1e-15, what=f"softmax of shape {shape}", hint=hint
        )


@test_case(points=1, hidden=True)
def test_softmax_large(softmax):
    Z = np.array([[1000.0, 1001.0, 999.0], [-800.0, -790.0, -805.0], [5e5, 0.0, -5e5]])
    found = assert_finite(_strict(softmax, Z, what="scores near +-1000"), what="softmax")
    assert_close(
        found,
        _softmax(Z),
        rtol=1e-9,
        atol=1e-300,
        what="softmax of scores near +-1000",
        hint=_hint(
            found, Z, "subtract each row's maximum before exp: it changes nothing mathematically."
        ),
    )


@test_case(points=1, hidden=True)
def test_softmax_rows_of_different_scale(softmax):
    Z = np.array([[0.0, 1.0, 2.0], [900.0, 901.0, 902.0], [-1000.0, -999.0, -1001.0]])
    found = to_array(_strict(softmax, Z, what="rows of very different size"), what="softmax")
    assert_close(
        found,
        _softmax(Z),
        rtol=1e-9,
        atol=1e-300,
        what="softmax of rows of very different size",
        hint=_hint(
            found,
            Z,
            "subtract each row's own maximum (Z.max(axis=1, keepdims=True)); "
            "the global maximum leaves rows far below it with exp = 0 everywhere, "
            "and 0 / 0.",
        ),
    )


@test_case(points=1, hidden=True)
def test_one_hot(one_hot):
    y = np.array([1, 0, 1, 2, 1])
    found = to_array(call(one_hot, y.copy(), 5, what="labels 0..2 with k = 5"), what="one_hot")
    expected = np.zeros((5, 5))
    expected[np.arange(5), y] = 1
    assert_close(
        found,
        expected,
        what="one_hot([1, 0, 1, 2, 1], 5)",
        hint="the shape is (n, k) with the k given, even when some classes do not appear.",
    )
    raw = np.asarray(call(one_hot, y.copy(), 5))
    if raw.dtype.kind != "f":
        raise AssertionError(f"one_hot should return a float array, found dtype {raw.dtype}.")


@test_case(points=1, hidden=True)
def test_one_hot_rejects(one_hot):
    if one_hot is None:
        raise AssertionError("`one_hot` is not defined: run the cell that defines it.")
    for y, k in [(np.array([0, 1, -1]), 3), (np.array([0, 3, 1]), 3)]:
        try:
            one_hot(y.copy(), k)
        except ValueError:
            continue
        except Exception as error:
            raise AssertionError(
                f"one_hot({list(y)}, {k}) should raise ValueError, raised {type(error).__name__}."
            ) from None
        raise AssertionError(
            f"one_hot({list(y)}, {k}) should raise ValueError: a label outside 0..k-1 is a "
            "bug in the data (numpy would silently read -1 as the last column)."
        )
