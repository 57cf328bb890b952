OK_FORMAT = False

# Clauses of Question 1, each with the case that checks it and the wrong variant that
# breaks it alone:
# - sigmoid(z) = 1 / (1 + exp(-z)) elementwise, same shape as z:
#     test_sigmoid_random; variant "exp(z) in place of exp(-z)".
# - sigmoid never overflows, for |z| up to 1e300 (warnings raised as errors):
#     test_sigmoid_extreme; variant "naive 1 / (1 + exp(-z))".
# - sigmoid is accurate to a RELATIVE 1e-9, also for large negative z where it is tiny
#     (subnormal below -709.78, where the naive formula gives 0 even when warnings are not
#     errors): test_sigmoid_extreme; variant "0.5 (1 + tanh(z / 2))" (1 - 1 cancels to 0).
# - bce_with_logits is the MEAN over the examples, not the sum:
#     test_bce_random; variant "sums instead of averaging".
# - bce_with_logits is computed from the logits, exact and finite at logits of +-1000:
#     test_bce_extreme; variants "log of the sigmoid" (inf) and "clips the
#     probabilities to [1e-15, 1 - 1e-15]" (finite but about 34.5 instead of 1000).
# - y may be an integer array: test_bce_random (y passed as int64).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, call, to_array, to_number

name = "q1"
points = 6

SIGMOID_HINT = (
    "exp overflows above about 709: compute e = exp(-|z|), which is in (0, 1], and use "
    "1 / (1 + e) where z >= 0 and e / (1 + e) where z < 0."
)
LOSS_HINT = (
    "never take the log of a probability: -log(sigmoid(z)) = log(1 + e^(-z)) = "
    "np.logaddexp(0, -z) and -log(1 - sigmoid(z)) = np.logaddexp(0, z), so the loss of one "
    "example is np.logaddexp(0, z) - y * z."
)
STABILITY_HINT = SIGMOID_HINT + " For the loss, " + LOSS_HINT


def _strict(func, *args, what):
    """Call func with numpy overflow and invalid operations turned into errors."""
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            return call(func, *[np.array(a, copy=True) for a in args], what=what)
    except AssertionError as error:
        if "FloatingPointError" in str(error):
            raise AssertionError(f"{error} {STABILITY_HINT}") from None
        raise


def _expit(z):
    from scipy.special import expit

    return expit(np.asarray(z, dtype=float))


def _sigmoid_exact(z):
    """sigmoid(z) to full relative accuracy, subnormal results included (scipy's expit
    returns 0 below z = -709.78): log sigmoid(z) = z - log(1 + e^z) for z < 0."""
    z = np.asarray(z, dtype=float)
    with np.errstate(all="ignore"):
        negative = np.exp(z - np.logaddexp(0.0, z))
        positive = 1 / (1 + np.exp(-np.abs(z)))
    return np.where(z < 0, negative, positive)


def _bce(z, y):
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


@test_case(points=1, hidden=False)
def test_sigmoid_by_hand(sigmoid):
    assert_close(
        to_number(call(sigmoid, 0.0), what="sigmoid(0.0)"),
        0.5,
        rtol=1e-12,
        what="sigmoid(0.0)",
        hint="1 / (1 + e^0) = 1/2.",
        reveal=True,
    )
    z = np.array([-1.0, 0.0, 2.0])
    assert_close(
        call(sigmoid, z.copy()),
        1 / (1 + np.exp(-z)),
        rtol=1e-10,
        what="sigmoid(np.array([-1.0, 0.0, 2.0]))",
        hint="apply 1 / (1 + exp(-z)) elementwise; the result has the shape of z.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_bce_by_hand(bce_with_logits):
    # at logit 0 the model says 1/2 for everything: the loss is log 2 whatever the labels
    found = to_number(
        call(bce_with_logits, np.zeros(4), np.array([0, 1, 1, 0])), what="bce_with_logits"
    )
    assert_close(
        found,
        np.log(2),
        rtol=1e-10,
        what="bce_with_logits(np.zeros(4), np.array([0, 1, 1, 0]))",
        hint="each example costs -log(1/2) = log 2, and the loss is their mean.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_sigmoid_random(sigmoid):
    gen = np.random.default_rng(101)
    for shape in [(1,), (9,), (3, 5)]:
        z = gen.normal(scale=6, size=shape)
        found = to_array(_strict(sigmoid, z, what=f"an array of shape {shape}"), what="sigmoid(z)")
        assert_close(
            found,
            _expit(z),
            rtol=1e-9,
            atol=1e-15,
            what=f"sigmoid on an array of shape {shape}",
            hint="sigmoid(z) = 1 / (1 + exp(-z)): large positive z gives values near 1.",
        )


@test_case(points=1, hidden=True)
def test_sigmoid_extreme(sigmoid):
    # Beyond z = -709.78, exp(-z) overflows; the naive formula then returns 1 / (1 + inf) = 0,
    # but sigmoid(-711) = 1.6e-309 is still a (subnormal) float: the relative comparison
    # (atol = 0) catches it by value, even where numpy's warnings are not raised as errors.
    big = np.array([30.0, 709.0, 710.0, 1000.0, 1e4, 1e300])
    z = np.concatenate([big, -big, [-711.0, -715.0, -720.0, 0.0]])
    found = assert_finite(
        _strict(sigmoid, z, what="logits as large as +-1e300"), what="sigmoid at large |z|"
    )
    expected = _sigmoid_exact(z)
    assert np.all(expected[(z < -709.0) & (z > -721.0)] > 0)  # the oracle keeps subnormals
    hint = SIGMOID_HINT
    if found.shape == expected.shape:
        with np.errstate(all="ignore"):
            wrong = ~np.isclose(found, expected, rtol=1e-9, atol=0.0)
        if wrong[z == -30.0].any() and not wrong[z >= 0].any():
            hint = (
                "for large negative z, sigmoid(z) is tiny (sigmoid(-30) = 9.4e-14) and must "
                "still be accurate to a relative 1e-9: a formula that subtracts from 1 (such "
                "as 0.5 * (1 + tanh(z / 2)) or 1 - sigmoid(-z)) loses every digit there. Use "
                "e / (1 + e) with e = exp(z) for z < 0."
            )
        elif wrong.any() and np.all(z[wrong] < -709.0) and np.all(found[wrong] == 0):
            hint = (
                "below z = -709.78, exp(-z) overflows to inf and 1 / (1 + inf) gives 0, but "
                "sigmoid(-711) = 1.6e-309 is still a float. " + SIGMOID_HINT
            )
    assert_close(found, expected, rtol=1e-9, atol=0.0, what="sigmoid at large |z|", hint=hint)


def _bce_hint(found, expected, z, y):
    n = len(z)
    if not np.isfinite(found):
        return "your loss is inf or NaN at large logits: " + LOSS_HINT
    if n > 1 and abs(found - n * expected) < 1e-6 * n * abs(expected):
        return f"your value is {n} times too large: return the mean over the examples, not the sum."
    if found < 0.5 * expected:
        return (
            "your loss is far too small: clipping probabilities (or adding an epsilon inside "
            "the log) caps the cost of a confident mistake at about 34.5, but the true cost "
            "of a logit of -1000 for a positive example is 1000. " + LOSS_HINT
        )
    return (
        "loss per example: log(1 + e^z) - y z, i.e. -y log p - (1 - y) log(1 - p) with "
        "p = sigmoid(z); then the mean. " + LOSS_HINT
    )


@test_case(points=1, hidden=True)
def test_bce_random(bce_with_logits):
    gen = np.random.default_rng(102)
    for n in [1, 7, 40]:
        z = gen.normal(scale=3, size=n)
        y = gen.integers(0, 2, size=n)
        expected = _bce(z, y)
        found = to_number(
            _strict(bce_with_logits, z, y, what=f"{n} random logits and int labels"),
            what="bce_with_logits",
        )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            what=f"bce_with_logits on {n} random logits",
            hint=_bce_hint(found, expected, z, y),
        )


@test_case(points=1, hidden=True)
def test_bce_extreme(bce_with_logits):
    # A confident wrong prediction costs |z|: -log sigmoid(-1000) = 1000 exactly (to 1e-15).
    z = np.array([1000.0, -1000.0, 800.0, -750.0, 40.0, -40.0, 0.5])
    y = np.array([0, 1, 1, 0, 0, 1, 1])
    expected = _bce(z, y)
    found = to_number(
        _strict(bce_with_logits, z, y, what="logits of +-1000, some confidently wrong"),
        what="bce_with_logits",
    )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="bce_with_logits at logits of +-1000",
        hint=_bce_hint(found, expected, z, y),
    )
