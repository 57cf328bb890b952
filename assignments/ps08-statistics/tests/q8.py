"""Question 8: bootstrap_resamples(x, B, rng) and percentile_interval(replicates, level).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- bootstrap_resamples returns a (B, n) array whose rows are n draws WITH replacement from
  x, independent across rows and entries: test_resample_distribution (the exact
  distribution of the row sums, DKW bound) / "draws without replacement (rows are
  permutations)", "indices from rng.integers(0, n - 1), which never picks the last
  value", "one resample repeated B times"
- every value comes from x, the shape is (B, n), x is left unmodified:
  test_shape_support_unmodified / "rng.shuffle(x) in place"
- the randomness comes from rng only (same generator state, same resamples):
  test_uses_rng / "ignores rng and uses np.random (the global generator)"
- percentile_interval returns the (1 - level)/2 and (1 + level)/2 quantiles of the
  replicates, numpy's default (linear) method: test_percentile_interval_levels /
  "quantiles at 1 - level and level" and "alpha and 1 - alpha with alpha = 1 - level"
- percentile_interval works on unsorted replicates, left unmodified, no
  scipy.stats.bootstrap: test_percentile_interval_unsorted / "nearest rank:
  sorted[int(alpha/2 * B)]"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, pair

from mlmath_checks import assert_close, assert_matches_cdf, call, forbid_calls, rng, to_array

name = "q8"
points = 7

FORBIDDEN = SCIPY_TESTS


def _resamples(bootstrap_resamples, x, B, seed, what):
    result = forbid_calls(FORBIDDEN, bootstrap_resamples, x, B, rng(seed))
    R = to_array(result, what=f"bootstrap_resamples on {what}")
    if R.shape != (B, x.size):
        raise AssertionError(
            f"bootstrap_resamples(x, {B}, rng) on {what} should have shape ({B}, {x.size}): "
            f"one row per resample, each of size n; found {R.shape}."
        )
    return R


def _sum_pmf(values, n):
    """Exact distribution of the sum of n draws with replacement from integer `values`."""
    values = np.asarray(values, dtype=int)
    lo = values.min()
    one = np.bincount(values - lo) / values.size
    pmf = np.array([1.0])
    for _ in range(n):
        pmf = np.convolve(pmf, one)
    support = np.arange(pmf.size) + n * lo
    keep = pmf > 0
    return support[keep].astype(float), pmf[keep]


@test_case(points=1, hidden=False)
def test_shape_by_hand(bootstrap_resamples, percentile_interval):
    x = np.array([2.0, 4.0, 8.0])
    R = _resamples(bootstrap_resamples, x, 10, 800, "[2, 4, 8]")
    if not np.all(np.isin(R, x)):
        raise AssertionError("every value in a bootstrap resample must be one of the data.")
    found = pair(percentile_interval, np.arange(101.0), 0.9, what="0, 1, ..., 100 at 0.9")
    assert_close(
        found,
        (5.0, 95.0),
        rtol=1e-12,
        what="percentile_interval(0..100, 0.9)",
        hint="the 5% and 95% quantiles of 0, 1, ..., 100 are 5 and 95.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_resample_distribution(bootstrap_resamples):
    # The sum of a row is the sum of n iid uniform draws from x: its exact distribution is
    # the n-fold convolution of the uniform distribution on x. B = 20000 rows give a DKW
    # bound sqrt(ln(2e9) / 40000) = 0.023: a correct sampler exceeds it with probability
    # at most 1e-9. Rows drawn without replacement all have the same sum (distance ~1);
    # indices from rng.integers(0, n - 1) never pick 12, so the sum drops by 12 on
    # average (distance ~0.5); one resample repeated B times is a point mass. Each is
    # caught far beyond the bound.
    x = np.array([0.0, 1.0, 3.0, 7.0, 12.0])
    B = 20000
    R = _resamples(bootstrap_resamples, x.copy(), B, 801, "[0, 1, 3, 7, 12]")
    support, pmf = _sum_pmf(x, x.size)
    cumulative = np.cumsum(pmf)
    assert_matches_cdf(
        R.sum(axis=1),
        lambda t: cumulative[np.searchsorted(support, t)],
        support=support,
        what="the sums of the bootstrap resamples of [0, 1, 3, 7, 12]",
        hint="each row must be n = 5 independent draws WITH replacement from x "
        "(rng.integers(0, n, size=(B, n)) as indices, or rng.choice(x, size=(B, n))); "
        "a permutation of x, indices that skip the last value (rng.integers excludes "
        "its upper bound) or one row repeated is not a resample.",
    )


@test_case(points=1, hidden=True)
def test_shape_support_unmodified(bootstrap_resamples):
    gen = np.random.default_rng(802)
    x = gen.normal(size=13)
    original = x.copy()
    for B in [1, 7, 300]:
        R = _resamples(bootstrap_resamples, x, B, 803 + B, "13 values")
        if not np.array_equal(x, original):
            raise AssertionError(
                "bootstrap_resamples changed the array it was given: draw indices or use "
                "rng.choice, never shuffle x in place."
            )
        if not np.all(np.isin(R, original)):
            raise AssertionError(
                "a bootstrap resample holds a value that is not in the data: resampling "
                "picks data points, it does not add noise."
            )


@test_case(points=1, hidden=True)
def test_uses_rng(bootstrap_resamples):
    x = np.arange(20.0)
    first = to_array(call(bootstrap_resamples, x.copy(), 50, rng(810), what="seed 810"))
    again = to_array(call(bootstrap_resamples, x.copy(), 50, rng(810), what="seed 810 again"))
    other = to_array(call(bootstrap_resamples, x.copy(), 50, rng(811), what="seed 811"))
    if not np.array_equal(first, again):
        raise AssertionError(
            "two generators in the same state gave different resamples: draw every random "
            "number from the rng argument, not from np.random."
        )
    if np.array_equal(first, other):
        raise AssertionError(
            "two generators with different seeds gave the same resamples: use the rng "
            "argument instead of a generator of your own."
        )


@test_case(points=1, hidden=True)
def test_percentile_interval_levels(percentile_interval):
    gen = np.random.default_rng(820)
    reps = gen.normal(5.0, 2.0, size=999)
    for level in [0.95, 0.9, 0.5]:
        alpha = 1 - level
        expected = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
        args = (reps.copy(),) if level == 0.95 else (reps.copy(), level)
        found = pair(percentile_interval, *args, what=f"999 replicates at level {level}")
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=f"percentile_interval at level {level}",
            hint="split 1 - level equally between the tails: the (1 - level)/2 and "
            "(1 + level)/2 quantiles, with np.quantile's default method.",
        )


@test_case(points=1, hidden=True)
def test_percentile_interval_unsorted(percentile_interval):
    gen = np.random.default_rng(821)
    reps = gen.exponential(1.0, size=40)
    original = reps.copy()
    expected = np.quantile(original, [0.05, 0.95])
    found = pair(percentile_interval, reps, 0.9, what="40 unsorted replicates", forbid=FORBIDDEN)
    assert_close(
        found,
        expected,
        rtol=1e-10,
        what="percentile_interval on 40 unsorted replicates at level 0.9",
        hint="use np.quantile (linear interpolation), not a nearest-rank index.",
    )
    if not np.array_equal(reps, original):
        raise AssertionError("percentile_interval changed the array it was given.")
