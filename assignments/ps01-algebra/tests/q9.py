"""Clauses of question 9, each with the hidden case that checks it and the wrong variant that
breaks it alone:

- sigmoid matches 1 / (1 + exp(-x)) to relative 1e-9 or absolute 1e-15, elementwise, the
  shape of x, a number for a number: test_sigmoid_random; variant "sign error".
- no overflow and no invalid value for ANY finite x, with numpy's overflow and invalid-value
  warnings turned into errors around every sigmoid call (np.errstate(over="raise",
  invalid="raise")): test_large_inputs_by_hand, test_sigmoid_extreme_inputs; variants
  "naive 1 / (1 + exp(-x))" (only an overflow warning: its values are right),
  "exp(x) / (1 + exp(x))", "np.where with both naive branches".
- float32 input is computed in float64 and meets the same tolerance:
  test_sigmoid_extreme_inputs; variant "sigmoid stays in float32".
- logit(p) = log(p / (1 - p)), relative 1e-9 on ordinary p: test_logit_random; variants
  "log((1 - p) / p)", "log(p / (1 + p))".
- logit accurate (relative 1e-6) for p as small as 1e-300: test_logit_random; variant
  "2 artanh(2p - 1)".
- logit of float32 input computed in float64: test_logit_random; variant "logit stays in
  float32".
- logit(0) = -inf, logit(1) = inf, and the two are inverse functions (with absolute checks
  above): test_inverse_pair.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, call, to_array, to_number

name = "q9"
points = 7


def _fail(message):
    """Fail the test case with a message written for the student."""
    raise AssertionError(message)


STABILITY_HINT = (
    "exp(-x) overflows for x below about -709 (and exp(x) for x above 709). Compute "
    "z = exp(-|x|), which is always in (0, 1], and return 1 / (1 + z) where x >= 0 and "
    "z / (1 + z) where x < 0. Careful: np.where(cond, A, B) evaluates both A and B, so "
    "an exp inside either branch must not overflow."
)


def _strict(func, x, name):
    """Call func(x) with numpy overflow and invalid operations turned into errors.

    The student gets a copy: an answer that changes its input in place must not change
    the input the test computes its expected value from.
    """
    try:
        with np.errstate(over="raise", invalid="raise"):
            return call(func, np.array(x, copy=True), name=name)
    except AssertionError as error:
        if "FloatingPointError" in str(error):
            raise AssertionError(f"{error}. {STABILITY_HINT}") from None
        raise


def _expit(x):
    from scipy.special import expit

    return expit(np.asarray(x, dtype=float))


def _logit(p):
    from scipy.special import logit

    return logit(np.asarray(p, dtype=float))


@test_case(points=1, hidden=False)
def test_values_by_hand(sigmoid, logit):
    assert_close(
        to_number(call(sigmoid, 0.0), what="sigmoid(0.0)"),
        0.5,
        rtol=1e-12,
        what="sigmoid(0.0)",
        hint="1 / (1 + e^0) = 1/2.",
        reveal=True,
    )
    assert_close(
        to_number(call(logit, 0.5), what="logit(0.5)"),
        0.0,
        atol=1e-12,
        what="logit(0.5)",
        hint="even odds: log(0.5 / 0.5) = 0.",
        reveal=True,
    )
    x = np.array([-1.0, 0.0, 1.0])
    assert_close(
        call(sigmoid, x.copy()),
        1 / (1 + np.exp(-x)),
        rtol=1e-10,
        what="sigmoid(np.array([-1.0, 0.0, 1.0]))",
        hint="apply the formula elementwise; the result has the shape of x.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_large_inputs_by_hand(sigmoid):
    found = _strict(sigmoid, np.array([-1000.0, 1000.0]), "sigmoid")
    assert_close(
        found,
        [0.0, 1.0],
        atol=1e-15,
        what="sigmoid(np.array([-1000.0, 1000.0]))",
        hint=STABILITY_HINT,
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_sigmoid_random(sigmoid):
    rng = np.random.default_rng(901)
    for shape in [(1,), (10,), (3, 4)]:
        x = rng.normal(scale=8, size=shape)
        found = to_array(_strict(sigmoid, x, "sigmoid"), what=f"sigmoid of shape {shape}")
        assert_close(
            found,
            _expit(x),
            rtol=1e-9,
            atol=1e-15,
            what=f"sigmoid on an array of shape {shape}",
            hint="sigmoid(x) = 1 / (1 + exp(-x)), elementwise, same shape as x.",
        )
    value = to_number(call(sigmoid, 2.0), what="sigmoid(2.0)")
    assert_close(
        value, _expit(2.0), rtol=1e-12, what="sigmoid(2.0)", hint="a number in gives a number out."
    )


@test_case(points=1, hidden=True)
def test_sigmoid_extreme_inputs(sigmoid):
    rng = np.random.default_rng(902)
    big = np.array([40.0, 710.0, 800.0, 1e4, 1e300])
    x = np.concatenate([big, -big, rng.uniform(-750, 750, size=6)])
    found = assert_finite(_strict(sigmoid, x, "sigmoid"), what="sigmoid at large |x|")
    assert_close(
        found, _expit(x), rtol=1e-9, atol=1e-15, what="sigmoid at large |x|", hint=STABILITY_HINT
    )
    assert_close(
        _strict(sigmoid, -x, "sigmoid"),
        1 - found,
        atol=1e-12,
        what="sigmoid(-x) compared with 1 - sigmoid(x)",
        hint="the sigmoid is symmetric: sigmoid(-x) = 1 - sigmoid(x).",
    )
    x32 = np.concatenate([[-100.0, -50.0, 0.0, 50.0, 100.0], rng.normal(scale=4, size=8)])
    x32 = x32.astype(np.float32)
    found = to_array(_strict(sigmoid, x32, "sigmoid"), what="sigmoid on a float32 array")
    assert_close(
        found,
        _expit(x32),
        rtol=1e-9,
        atol=1e-15,
        what="sigmoid on a float32 array",
        hint="compute in float64 (np.asarray(x, dtype=float)): float32 keeps only about 7 "
        "digits, far from the 1e-9 asked.",
    )


@test_case(points=1, hidden=True)
def test_logit_random(logit):
    rng = np.random.default_rng(903)
    for shape in [(1,), (12,), (4, 3)]:
        p = rng.uniform(0.001, 0.999, size=shape)
        assert_close(
            call(logit, p.copy()),
            _logit(p),
            rtol=1e-9,
            atol=1e-12,
            what=f"logit on an array of shape {shape}",
            hint="logit(p) = log(p / (1 - p)): the probability goes on top.",
        )
    p32 = rng.uniform(0.01, 0.99, size=6).astype(np.float32)
    assert_close(
        call(logit, p32.copy(), what="a float32 array of probabilities"),
        _logit(p32),
        rtol=1e-9,
        atol=1e-12,
        what="logit on a float32 array",
        hint="compute in float64 (np.asarray(p, dtype=float)): float32 keeps only about 7 digits.",
    )
    p = np.array([1e-300, 1e-20, 1e-8, 0.3, 1 - 1e-8, 1 - 1e-12])
    found = assert_finite(
        call(logit, p.copy(), what="probabilities from 1e-300 to 1 - 1e-12"),
        what="logit of probabilities from 1e-300 to 1 - 1e-12 (none is exactly 0 or 1)",
        hint="a formula through 2p - 1 or 1 / p - 1 rounds for tiny p and gives log(0); "
        "log(p) - log(1 - p), with np.log1p(-p), stays finite.",
    )
    assert_close(
        found,
        _logit(p),
        rtol=1e-6,
        what="logit of probabilities close to 0 and 1",
        hint="log(p) - log(1 - p) (np.log1p(-p) for the second term) is accurate everywhere.",
    )


@test_case(points=2, hidden=True)
def test_inverse_pair(sigmoid, logit):
    rng = np.random.default_rng(904)
    p = np.concatenate([rng.uniform(0, 1, size=20), [1e-12, 1e-100, 0.5, 1 - 1e-9]])
    logits = to_array(call(logit, p.copy()), what="logit(p)")
    assert_close(
        _strict(sigmoid, logits, "sigmoid"),
        p,
        rtol=1e-9,
        atol=1e-15,
        what="sigmoid(logit(p))",
        hint="logit must undo sigmoid: solve p = 1 / (1 + exp(-x)) for x.",
    )
    x = rng.uniform(-10, 10, size=15)
    assert_close(
        call(logit, _strict(sigmoid, x, "sigmoid")),
        x,
        atol=1e-8,
        what="logit(sigmoid(x)) for |x| <= 10",
        hint="logit and sigmoid are inverse functions.",
    )
    found = to_array(call(logit, np.array([0.0, 1.0])), what="logit([0, 1])")
    if not (found.shape == (2,) and found[0] == -np.inf and found[1] == np.inf):
        _fail(
            f"logit([0.0, 1.0]) should be [-inf, inf] (a certain event has infinite log-odds), "
            f"found {found}. log(0) = -inf in numpy, so log(p) - log(1 - p) gives it directly."
        )
