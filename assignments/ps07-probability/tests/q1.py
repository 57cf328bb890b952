"""Clauses of question 1 (case -> the wrong variant that breaks that clause alone):

dice_sum_pmf
- entry i is P(S = n_dice + i), length n_dice * (sides - 1) + 1
    -> test_two_dice (public), test_small_against_enumeration; variant "index 0 = sum 0"
- outcomes are the ordered tuples, all equally likely
    -> test_small_against_enumeration; variant "unordered outcomes"
- `sides` is honoured -> test_other_sides; variant "always six sides"
- up to 40 dice, accurate in the tails -> test_forty_dice (exact integer counts);
    no variant: enumerating 6**40 outcomes never finishes
mean_and_variance
- returns (E[X], Var[X]) weighted by probs -> test_by_hand (public),
    test_random_tables_and_far_from_origin; variants "unweighted mean", "returns the standard
    deviation"
- lists are accepted -> test_by_hand (lists)
- variance computed without cancellation (values near 1e9, rtol 1e-6)
    -> test_random_tables_and_far_from_origin; variant "E[X^2] - E[X]^2"
- ValueError for negative probs or a sum off 1 by more than 1e-9 -> test_rejects_bad_probs;
    variant "never checks probs"
"""

OK_FORMAT = False

import itertools
import math

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q1"
points = 7


def _exact_pmf(n_dice, sides):
    """Exact probabilities by inclusion-exclusion on integer counts (no floats until the end)."""
    total = sides**n_dice
    out = []
    for s in range(n_dice, n_dice * sides + 1):
        ways = 0
        for k in range((s - n_dice) // sides + 1):
            ways += (-1) ** k * math.comb(n_dice, k) * math.comb(s - k * sides - 1, n_dice - 1)
        out.append(ways / total)
    return np.array(out)


def _pmf(dice_sum_pmf, n_dice, sides):
    what = f"dice_sum_pmf({n_dice}, sides={sides})"
    found = call(dice_sum_pmf, n_dice, sides, name="dice_sum_pmf", what=what)
    length = n_dice * (sides - 1) + 1
    array = np.asarray(found, dtype=float).ravel()
    if array.size == n_dice * sides + 1:
        raise AssertionError(
            f"{what} has {array.size} entries, expected {length}: entry 0 must be the "
            f"smallest possible sum, {n_dice}, not 0 (sums below n_dice are impossible)."
        )
    return assert_shape(array, (length,), what=what, hint="one entry per possible sum.")


@test_case(points=1, hidden=False)
def test_two_dice(dice_sum_pmf):
    pmf = _pmf(dice_sum_pmf, 2, 6)
    expected = np.array([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1]) / 36
    assert_close(
        pmf,
        expected,
        rtol=1e-12,
        what="dice_sum_pmf(2, 6)",
        hint="two dice have 36 equally likely ordered outcomes; the sum 7 has 6 of them.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_small_against_enumeration(dice_sum_pmf):
    for n_dice in [1, 3, 4]:
        counts = np.zeros(n_dice * 5 + 1)
        for outcome in itertools.product(range(1, 7), repeat=n_dice):
            counts[sum(outcome) - n_dice] += 1
        assert_close(
            _pmf(dice_sum_pmf, n_dice, 6),
            counts / 6**n_dice,
            rtol=1e-10,
            what=f"dice_sum_pmf({n_dice}, 6)",
            hint="the sample space is all ordered tuples (d1, ..., dn), each with probability "
            "6**-n; (1, 2) and (2, 1) are different outcomes.",
        )


@test_case(points=1, hidden=True)
def test_other_sides(dice_sum_pmf):
    for n_dice, sides in [(2, 4), (3, 10), (5, 20), (1, 2)]:
        assert_close(
            _pmf(dice_sum_pmf, n_dice, sides),
            _exact_pmf(n_dice, sides),
            rtol=1e-10,
            what=f"dice_sum_pmf({n_dice}, sides={sides})",
            hint="use the `sides` argument: each face has probability 1 / sides.",
        )


@test_case(points=1, hidden=True)
def test_forty_dice(dice_sum_pmf):
    assert_close(
        _pmf(dice_sum_pmf, 40, 6),
        _exact_pmf(40, 6),
        rtol=1e-9,
        what="dice_sum_pmf(40, 6), including its tiny tails such as P(S = 40) = 6**-40",
        hint="build the PMF one die at a time (the PMF of S + D is the convolution of the "
        "two PMFs); listing all 6**40 outcomes is impossible.",
    )


@test_case(points=1, hidden=False)
def test_by_hand(mean_and_variance):
    found = call(mean_and_variance, [0, 1, 2], [0.25, 0.5, 0.25], name="mean_and_variance")
    if not isinstance(found, (tuple, list)) or len(found) != 2:
        raise AssertionError("mean_and_variance should return a pair (mean, variance).")
    assert_close(
        to_number(found[0]),
        1.0,
        what="the mean of X in {0, 1, 2} with probs (1/4, 1/2, 1/4)",
        hint="E[X] = sum of p(x) * x.",
        reveal=True,
    )
    variance = to_number(found[1])
    if abs(variance - math.sqrt(0.5)) < 1e-9:
        raise AssertionError(
            "the second value is the standard deviation sqrt(0.5); return "
            "the variance E[(X - mu)^2] = 0.5."
        )
    assert_close(
        variance,
        0.5,
        what="the variance of X in {0, 1, 2} with probs (1/4, 1/2, 1/4)",
        hint="Var[X] = sum of p(x) * (x - mu)^2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_tables_and_far_from_origin(mean_and_variance):
    gen = np.random.default_rng(701)
    cases = []
    for size in [2, 7, 40]:
        x = gen.normal(scale=3, size=size)
        p = gen.dirichlet(np.ones(size))
        cases.append((x, p, f"random values with {size} unequal probabilities", 1e-10))
    x = 1e9 + np.array([0.0, 1.0, 2.0, 5.0])
    p = np.array([0.1, 0.4, 0.3, 0.2])
    cases.append((x, p, "values near 1e9 (1e9, 1e9 + 1, 1e9 + 2, 1e9 + 5)", 1e-6))
    for x, p, what, rtol in cases:
        mean = float(np.sum(p * x))
        variance = float(np.sum(p * (x - mean) ** 2))
        found = call(mean_and_variance, x.copy(), p.copy(), name="mean_and_variance", what=what)
        assert_close(
            to_number(found[0]),
            mean,
            rtol=1e-12,
            what=f"the mean for {what}",
            hint="weight each value by its probability.",
        )
        assert_close(
            to_number(found[1]),
            variance,
            rtol=rtol,
            what=f"the variance for {what}",
            hint="compute the mean first, then the weighted average of (x - mean)^2: "
            "E[X^2] - E[X]^2 subtracts two numbers near 1e18 and loses every digit.",
        )


@test_case(points=1, hidden=True)
def test_rejects_bad_probs(mean_and_variance):
    for values, probs, what in [
        ([1.0, 2.0, 3.0], [0.5, 0.3, 0.3], "probabilities summing to 1.1"),
        ([1.0, 2.0], [1.5, -0.5], "a negative probability (-0.5, 1.5)"),
        ([1.0, 2.0], [0.5, 0.5 - 1e-6], "probabilities summing to 1 - 1e-6"),
    ]:
        try:
            result = mean_and_variance(values, probs)
        except ValueError:
            continue
        except Exception as error:
            raise AssertionError(
                f"mean_and_variance on {what} should raise ValueError, "
                f"but raised {type(error).__name__}."
            ) from None
        raise AssertionError(
            f"mean_and_variance on {what} should raise ValueError, but "
            f"returned {result!r}: check that probs are >= 0 and sum to 1 "
            "within 1e-9."
        )
    call(
        mean_and_variance,
        [1.0, 2.0],
        [0.5, 0.5 + 1e-12],
        name="mean_and_variance",
        what="probabilities summing to 1 + 1e-12 (within the 1e-9 tolerance)",
        hint="allow a sum within 1e-9 of 1: rounding makes exact equality too strict.",
    )
