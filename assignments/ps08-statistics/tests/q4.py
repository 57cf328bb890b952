"""Question 4: rank(x) (average ranks for ties, starting at 1) and spearman(x, y).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- rank gives the smallest value rank 1 and the largest rank n (as floats), for distinct
  values: test_rank_distinct / "rank = np.argsort(x) (the sorting permutation, not the
  ranks)" and "ranks start at 0"
- ties get the average of the ranks they span: test_rank_ties / "ties get the smallest
  rank they span" and "ties broken by position (ordinal ranks)"
- rank leaves x unmodified and calls no library ranking (scipy.stats.rankdata,
  pandas rank): test_rank_unmodified_no_shortcut / "rank sorts the caller's array in place"
- spearman is the Pearson correlation of the average ranks, also with ties:
  test_spearman_ties / "1 - 6 sum d^2 / (n (n^2 - 1)), which is wrong with ties"
- spearman is unchanged by increasing transformations and is not scipy.stats.spearmanr:
  test_spearman_monotone
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, number

from mlmath_checks import assert_close, call, forbid_calls, to_array

name = "q4"
points = 6

FORBIDDEN = [*SCIPY_TESTS, "scipy.stats.kendalltau", "pandas.Series.rank", "pandas.DataFrame.rank"]


def _ranks(rank, x, what, hint, forbid=False):
    result = forbid_calls(FORBIDDEN, rank, x) if forbid else call(rank, x, what=what, hint=hint)
    found = to_array(result, what=f"rank on {what}")
    if found.shape != x.shape:
        raise AssertionError(f"rank on {what} should have shape {x.shape}, found {found.shape}.")
    return found


@test_case(points=1, hidden=False)
def test_by_hand(rank):
    for x, expected, hint in [
        ([10.0, 30.0, 20.0], [1.0, 3.0, 2.0], "10 is the smallest (rank 1), 30 the largest."),
        ([5.0, 5.0, 1.0], [2.5, 2.5, 1.0], "the two 5s share ranks 2 and 3: both get 2.5."),
    ]:
        found = _ranks(rank, np.array(x), f"{x}", hint)
        assert_close(found, expected, rtol=1e-12, what=f"rank({x})", hint=hint, reveal=True)


@test_case(points=1, hidden=True)
def test_rank_distinct(rank):
    gen = np.random.default_rng(401)
    for n in [2, 7, 30]:
        x = gen.normal(size=n)
        expected = scipy.stats.rankdata(x)
        found = _ranks(rank, x.copy(), f"{n} distinct values", "")
        hint = "the rank of x[i] is 1 + the number of values smaller than x[i]."
        if np.array_equal(found, np.argsort(x)) or np.array_equal(found, np.argsort(x) + 1):
            hint = (
                "np.argsort(x) lists the indices in sorted order; the ranks are its inverse, "
                "np.argsort(np.argsort(x)) + 1."
            )
        elif np.allclose(found + 1, expected):
            hint = "ranks start at 1, not 0."
        assert_close(found, expected, rtol=1e-12, what=f"rank of {n} distinct values", hint=hint)


@test_case(points=1, hidden=True)
def test_rank_ties(rank):
    gen = np.random.default_rng(402)
    cases = [np.array([2.0, 2.0, 2.0, 1.0, 3.0, 3.0])]
    cases += [gen.integers(0, k, size=n).astype(float) for n, k in [(10, 3), (25, 6), (40, 4)]]
    for x in cases:
        expected = scipy.stats.rankdata(x)
        found = _ranks(rank, x.copy(), f"{x.size} values with ties", "")
        hint = "tied values share the average of the ranks they span."
        if np.allclose(found, scipy.stats.rankdata(x, method="min")):
            hint = "ties got the smallest rank they span: give them the average instead."
        elif np.allclose(found, scipy.stats.rankdata(x, method="ordinal")):
            hint = "ties were broken by position: tied values must share the average rank."
        assert_close(found, expected, rtol=1e-12, what=f"rank of {x.size} tied values", hint=hint)


@test_case(points=1, hidden=True)
def test_rank_unmodified_no_shortcut(rank):
    gen = np.random.default_rng(403)
    x = gen.integers(0, 5, size=15).astype(float)
    original = x.copy()
    found = _ranks(rank, x, "15 values with ties", "", forbid=True)
    assert_close(found, scipy.stats.rankdata(original), rtol=1e-12, what="rank of 15 values")
    if not np.array_equal(x, original):
        raise AssertionError("rank reordered the array it was given: sort a copy (np.sort).")


@test_case(points=1, hidden=True)
def test_spearman_ties(spearman):
    gen = np.random.default_rng(404)
    for n in [8, 20, 50]:
        x = gen.integers(0, 4, size=n).astype(float)
        y = x + gen.integers(0, 3, size=n)
        expected = scipy.stats.spearmanr(x, y).statistic
        found = number(spearman, x.copy(), y.copy(), what=f"{n} tied pairs", forbid=FORBIDDEN)
        assert_close(
            found,
            expected,
            rtol=1e-9,
            what=f"spearman on {n} pairs with many ties",
            hint="with ties, 1 - 6 sum(d**2) / (n (n**2 - 1)) is no longer exact: compute "
            "the Pearson correlation of the average ranks.",
        )


@test_case(points=1, hidden=True)
def test_spearman_monotone(spearman):
    gen = np.random.default_rng(405)
    x = gen.normal(size=25)
    y = x + gen.normal(size=25)
    expected = scipy.stats.spearmanr(x, y).statistic
    for fx, fy, label in [
        (x, y, "x, y"),
        (np.exp(3 * x), y**3, "exp(3 x), y**3"),
        (-x, y, "-x, y"),
    ]:
        found = number(spearman, fx.copy(), fy.copy(), what=label, forbid=FORBIDDEN)
        sign = -1.0 if label.startswith("-") else 1.0
        assert_close(
            found,
            sign * expected,
            rtol=1e-9,
            what=f"spearman({label}) on 25 pairs",
            hint="spearman depends only on the order of the values: correlate their ranks.",
        )
