"""Question 11: permutation_test(x, y, B, rng) -> (p, null).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- null holds B statistics mean(x*) - mean(y*) after shuffling the pooled data and
  splitting it into groups of the original sizes: test_null_distribution (exact
  permutation distribution, DKW bound) / "shuffles within each group (the statistic never
  changes)" and "splits the shuffled data into halves instead of the group sizes"
- p = (1 + #{b : |null_b| >= |observed|}) / (B + 1), two-sided: test_p_value (exact
  binomial bounds) / "one-sided count null >= observed" and "compares |null| with the
  signed observed statistic (p = 1 when it is negative)"
- the +1 in numerator and denominator, and p agrees with the returned null:
  test_p_matches_null / "p = count / B, without the +1"
- randomness only from rng, x and y unmodified: test_uses_rng_unmodified / "ignores rng"
  and "rng.shuffle on the caller's array"
"""

OK_FORMAT = False

import itertools

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS

from mlmath_checks import (
    ONE_IN_A_BILLION,
    assert_matches_cdf,
    call,
    forbid_calls,
    rng,
    to_array,
    to_number,
)

name = "q11"
points = 7

FORBIDDEN = SCIPY_TESTS


def _data():
    gen = np.random.default_rng(1108)  # fixed data; only the generator passed in varies
    return gen.normal(0.9, 1.0, size=5), gen.normal(0.0, 1.0, size=7)


def _exact_null(x, y):
    """Every split of the pooled data into groups of len(x) and len(y): C(12, 5) = 792."""
    z = np.concatenate([x, y])
    values = []
    for chosen in itertools.combinations(range(z.size), x.size):
        mask = np.zeros(z.size, dtype=bool)
        mask[list(chosen)] = True
        values.append(z[mask].mean() - z[~mask].mean())
    return np.sort(values)


def _run(permutation_test, x, y, B, seed, what, forbid=False):
    if forbid:
        result = forbid_calls(FORBIDDEN, permutation_test, x, y, B, rng(seed))
    else:
        result = call(permutation_test, x, y, B, rng(seed), what=what)
    try:
        p, null = result
    except (TypeError, ValueError):
        raise AssertionError(
            f"permutation_test on {what} should return a pair (p, null)."
        ) from None
    p = to_number(p, what=f"the p-value from permutation_test on {what}")
    null = to_array(null, what=f"null from permutation_test on {what}")
    if null.shape != (B,):
        raise AssertionError(
            f"null from permutation_test(x, y, {B}, rng) should have shape ({B},): one "
            f"statistic per shuffle; found {null.shape}."
        )
    return p, null


def _count(p, B, what):
    """Recover the count from p = (count + 1) / (B + 1); it must be an integer."""
    k = p * (B + 1) - 1
    if not np.isfinite(k) or abs(k - round(k)) > 1e-6 or not 0 <= round(k) <= B:
        raise AssertionError(
            f"the p-value from permutation_test on {what} is not of the form (count + 1) / "
            f"(B + 1) with count between 0 and B = {B}: p * (B + 1) = {p * (B + 1):.6g}. "
            "Count the shuffles at least as extreme as the data, add 1 (the data's own "
            "arrangement) and divide by B + 1."
        )
    return int(round(k))


@test_case(points=1, hidden=False)
def test_shape_by_hand(permutation_test):
    x, y = np.array([3.0, 5.0, 4.0]), np.array([1.0, 2.0, 0.5, 1.5])
    B = 99
    p, _ = _run(permutation_test, x, y, B, 1150, "x = [3, 5, 4], y = [1, 2, 0.5, 1.5], B = 99")
    _count(p, B, "x = [3, 5, 4], y = [1, 2, 0.5, 1.5]")


@test_case(points=2, hidden=True)
def test_null_distribution(permutation_test):
    # Under shuffling, each of the 792 splits is equally likely, so the B null statistics
    # are iid from the exact permutation distribution (792 distinct atoms here, at least
    # 4e-5 apart). Each draw is first matched to its atom (to 1e-9, round-off only), then
    # the DKW bound for B = 20000 draws, sqrt(ln(2e9) / 40000) = 0.023, fails a correct
    # answer with probability at most 1e-9. Shuffling within groups gives a point mass at
    # the observed value; splitting into halves gives statistics that are not atoms.
    x, y = _data()
    atoms = _exact_null(x, y)
    B = 20000
    _, null = _run(permutation_test, x.copy(), y.copy(), B, 1151, "5 and 7 values", forbid=True)
    index = np.clip(np.searchsorted(atoms, null), 1, atoms.size - 1)
    left, right = atoms[index - 1], atoms[index]
    nearest = np.where(np.abs(null - left) <= np.abs(null - right), left, right)
    if not np.all(np.abs(null - nearest) <= 1e-9 * (1 + np.abs(nearest))):
        raise AssertionError(
            "some statistics in null are not mean(x*) - mean(y*) for any split of the pooled "
            "data into groups of len(x) = 5 and len(y) = 7: shuffle the pooled data, then "
            "take the first len(x) values as x* and the rest as y*."
        )
    assert_matches_cdf(
        nearest,
        lambda t: np.searchsorted(atoms, t, side="right") / atoms.size,
        support=atoms,
        what="the null statistics for groups of 5 and 7",
        hint="shuffle the POOLED data each time (every split equally likely), not each "
        "group on its own, and compute mean(x*) - mean(y*).",
    )


@test_case(points=2, hidden=True)
def test_p_value(permutation_test):
    # The count of shuffles with |T*| >= |T_obs| is Binomial(B, q), where q is the exact
    # permutation p-value: the fraction of the 792 splits at least as extreme. The
    # data's own split ties T_obs exactly only up to round-off, so q lies between
    # q_exact - 1/792 and q_exact. The accepted counts run from the 5e-10 quantile of
    # Binomial(B, q_exact - 1/792) to the 5e-10 upper quantile of Binomial(B, q_exact):
    # a correct answer falls outside with probability at most 1e-9. Here q_exact = 0.120
    # (about 2400 +- 46 of B = 20000); a one-sided count has q = 0.94 or 0.064 and the
    # signed comparison q = 1, thousands of counts away.
    y, x = _data()  # x has 7 values, y has 5: the observed difference is negative
    atoms = _exact_null(x, y)
    observed = x.mean() - y.mean()
    q_exact = np.mean(np.abs(atoms) >= abs(observed) - 1e-9)
    B = 20000
    p, _ = _run(permutation_test, x.copy(), y.copy(), B, 1152, "7 and 5 values", forbid=True)
    k = _count(p, B, "7 and 5 values")
    low = scipy.stats.binom.ppf(ONE_IN_A_BILLION / 2, B, q_exact - 1 / atoms.size)
    high = scipy.stats.binom.isf(ONE_IN_A_BILLION / 2, B, q_exact)
    if not low <= k <= high:
        hint = "count the shuffles with |T*| >= |T_obs|: a two-sided test uses both tails."
        if k > high and k >= 0.99 * B:
            hint = (
                "almost every shuffle counted as extreme: the observed statistic is "
                "negative here, compare abs(null) with abs(observed)."
            )
        raise AssertionError(
            f"permutation_test on 7 and 5 values counted {k} of {B} shuffles as at least as "
            f"extreme; a correct test counts between {low:.0f} and {high:.0f} (with "
            f"probability 1 - 1e-9). {hint}"
        )


@test_case(points=1, hidden=True)
def test_p_matches_null(permutation_test):
    x, y = _data()
    observed = abs(x.mean() - y.mean())
    for B in [1, 10, 500]:
        p, null = _run(permutation_test, x.copy(), y.copy(), B, 1153 + B, f"B = {B}")
        strict = int(np.sum(np.abs(null) > observed * (1 + 1e-9)))
        loose = int(np.sum(np.abs(null) >= observed * (1 - 1e-9)))
        if not any(abs(p - (c + 1) / (B + 1)) <= 1e-12 for c in range(strict, loose + 1)):
            raise AssertionError(
                f"with B = {B}, p should be (1 + the number of null statistics with "
                f"|null| >= |observed|) / (B + 1) = {(strict + 1) / (B + 1):.6g} for the "
                f"null you returned; found {p:.6g}. Keep the +1 in both places: the data's "
                "own arrangement is one of the permutations, and p is never 0."
            )


@test_case(points=1, hidden=True)
def test_uses_rng_unmodified(permutation_test):
    x, y = _data()
    x0, y0 = x.copy(), y.copy()
    first = _run(permutation_test, x, y, 200, 1160, "seed 1160")
    if not (np.array_equal(x, x0) and np.array_equal(y, y0)):
        raise AssertionError(
            "permutation_test changed the arrays it was given: shuffle a pooled copy "
            "(np.concatenate makes one), never x or y in place."
        )
    again = _run(permutation_test, x0.copy(), y0.copy(), 200, 1160, "seed 1160 again")
    other = _run(permutation_test, x0.copy(), y0.copy(), 200, 1161, "seed 1161")
    if not np.array_equal(first[1], again[1]):
        raise AssertionError(
            "two generators in the same state gave different null statistics: draw every "
            "shuffle from the rng argument, not from np.random."
        )
    if np.array_equal(first[1], other[1]):
        raise AssertionError(
            "two generators with different seeds gave the same null statistics: use the rng "
            "argument instead of a generator of your own."
        )
