"""Question 10: interval_labelings(x) and vc_dimension_line(labelings, max_n).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- interval_labelings(x) returns every distinct labeling 1[lo <= x <= hi] of the points x,
  the all-zero labeling (an empty interval) included: test_interval_labelings_random /
  "forgets the empty labeling"
- closed intervals, so a single point can be labeled 1 alone: test_interval_labelings_random /
  "intervals strictly between two data points (lo < x < hi)"
- x need not be sorted; column j is the label of x[j]: test_interval_labelings_random /
  "assumes x is sorted (runs of consecutive indices)"
- the rows are distinct, sorted as np.unique(..., axis=0) sorts them, integer 0/1 values,
  shape (L, n): test_interval_labelings_random / "keeps duplicate labelings", "removes
  repeats with a set (rows in no particular order)"
- the count is n (n + 1) / 2 + 1 (the growth function): test_growth_function
- vc_dimension_line tries n = 1, 2, ..., max_n points np.arange(n) and returns the last n
  shattered (2^n distinct labelings) before the first that is not: test_vc_dimensions
  (thresholds 1, intervals 2, two intervals 4, a constant 0) / "returns the first n that is
  not shattered"
- labelings may repeat rows: count DISTINCT rows: test_vc_dimensions (a class that returns
  duplicates) / "counts rows without removing duplicates"
- max_n is honoured (a class that shatters everything returns max_n, and labelings is never
  called with more than max_n points): test_max_n / "ignores max_n"
"""

OK_FORMAT = False

import itertools

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_shape, call, to_array, to_number

name = "q10"
points = 6


def _by_brute_force(x, n_intervals=1):
    """Every labeling of x by a union of n_intervals closed intervals, by enumeration."""
    x = np.asarray(x, dtype=float)
    ends = np.concatenate([np.sort(x), [np.inf]])
    rows = {tuple(np.zeros(x.size, dtype=int))}
    pairs = [(lo, hi) for lo in ends for hi in ends if lo <= hi]
    for chosen in itertools.combinations_with_replacement(pairs, n_intervals):
        label = np.zeros(x.size, dtype=bool)
        for lo, hi in chosen:
            label |= (x >= lo) & (x <= hi)
        rows.add(tuple(label.astype(int)))
    return np.array(sorted(rows), dtype=int).reshape(-1, x.size)


def _thresholds(x):
    x = np.asarray(x, dtype=float)
    cuts = np.concatenate([[-np.inf], np.sort(x)])
    return np.array([(x > t).astype(int) for t in cuts])


def _intervals(x):
    return _by_brute_force(x, 1)


def _two_intervals(x):
    return _by_brute_force(x, 2)


def _constants(x):
    """The single classifier "always 0", listed twice."""
    n = np.size(x)
    return np.zeros((2, n), dtype=int)


def _intervals_with_repeats(x):
    """Intervals, each labeling listed three times: distinct rows must be counted."""
    rows = _by_brute_force(x, 1)
    return np.concatenate([rows, rows, rows])


def _check_labelings(interval_labelings, x, what, expected):
    found = to_array(
        call(interval_labelings, x.copy(), what=what), what=f"interval_labelings on {what}"
    )
    if found.ndim != 2 or found.shape[1] != x.size:
        raise AssertionError(
            f"interval_labelings on {what} should be a 2-D array with one column per "
            f"point ({x.size}), found shape {found.shape}."
        )
    if not np.all((found == 0) | (found == 1)):
        raise AssertionError(f"interval_labelings on {what} should hold only 0 and 1.")
    distinct = np.unique(found, axis=0)
    if distinct.shape[0] < found.shape[0]:
        raise AssertionError(
            f"interval_labelings on {what} lists {found.shape[0] - distinct.shape[0]} "
            "labeling(s) more than once: keep each distinct row once (np.unique(..., axis=0))."
        )
    missing = {tuple(r) for r in expected} - {tuple(r) for r in found.astype(int)}
    extra = {tuple(r) for r in found.astype(int)} - {tuple(r) for r in expected}
    if missing or extra:
        hint = "a labeling is 1 exactly for the points in [lo, hi] (closed), 0 elsewhere."
        if missing == {tuple(np.zeros(x.size, dtype=int))}:
            hint = "the empty interval (no point labeled 1) is a labeling too: include all zeros."
        elif extra and not np.all(np.diff(x) > 0):
            hint = (
                "the points are not sorted: an interval captures the points whose VALUES lie "
                "in [lo, hi], which need not be neighbours in the array."
            )
        raise AssertionError(
            f"interval_labelings on {what}: {len(missing)} achievable labeling(s) missing "
            f"and {len(extra)} impossible one(s) listed. {hint}"
        )
    assert_shape(found, expected.shape, what=f"interval_labelings on {what}")
    if not np.array_equal(found, expected):
        raise AssertionError(
            f"interval_labelings on {what} has the right rows in the wrong order: sort them "
            "with np.unique(rows, axis=0)."
        )


def _vc(vc_dimension_line, labelings, max_n, what):
    found = to_number(
        call(vc_dimension_line, labelings, max_n, what=what), what=f"vc_dimension_line on {what}"
    )
    return found


@test_case(points=2, hidden=False)
def test_by_hand(interval_labelings, vc_dimension_line):
    x = np.array([0.0, 1.0, 2.0])
    rows = [[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0], [1, 1, 1]]
    _check_labelings(interval_labelings, x, "x = [0, 1, 2]", np.array(rows))
    found = _vc(vc_dimension_line, _thresholds, 5, "thresholds 1[x > t], max_n = 5")
    if found != 1:
        raise AssertionError(
            "vc_dimension_line(thresholds, 5) should be 1 (one point can be shattered, two "
            "cannot: no threshold labels the left point 1 and the right one 0), found "
            f"{found:g}. "
            + (
                "Return the LAST n that is shattered, not the first that is not."
                if found == 2
                else ""
            )
        )


@test_case(points=1.5, hidden=True)
def test_interval_labelings_random(interval_labelings):
    gen = np.random.default_rng(1001)
    for n in [1, 2, 4, 7]:
        x = np.sort(gen.normal(size=n))
        _check_labelings(interval_labelings, x, f"{n} sorted points", _by_brute_force(x))
    for n in [3, 6]:
        x = gen.permutation(np.linspace(-2, 5, n) + gen.uniform(0, 0.1, n))
        _check_labelings(
            interval_labelings, x, f"{n} points in no particular order", _by_brute_force(x)
        )


@test_case(points=0.5, hidden=True)
def test_growth_function(interval_labelings):
    for n in [5, 12]:
        x = np.random.default_rng(1002 + n).normal(size=n)
        found = to_array(call(interval_labelings, x.copy(), what=f"{n} points"))
        count = np.unique(found.reshape(found.shape[0], -1), axis=0).shape[0]
        if count != n * (n + 1) // 2 + 1:
            raise AssertionError(
                f"intervals realize n (n + 1) / 2 + 1 = {n * (n + 1) // 2 + 1} labelings of "
                f"{n} points, found {count}."
            )


def _without_removing_repeats(labelings, max_n):
    """What an answer that counts rows without removing repeats returns."""
    last = 0
    for n in range(1, max_n + 1):
        if np.asarray(labelings(np.arange(n, dtype=float))).shape[0] < 2**n:
            break
        last = n
    return last


@test_case(points=1.5, hidden=True)
def test_vc_dimensions(vc_dimension_line):
    cases = [
        (_intervals_with_repeats, 6, 2, "intervals, each labeling listed three times"),
        (_thresholds, 6, 1, "thresholds 1[x > t]"),
        (_two_intervals, 6, 4, "unions of two intervals"),
        (_constants, 4, 0, "the constant classifier 0 (listed twice)"),
    ]
    for labelings, max_n, expected, label in cases:
        found = _vc(vc_dimension_line, labelings, max_n, f"{label}, max_n = {max_n}")
        if found != expected:
            hint = "n points are shattered when there are 2**n DISTINCT labelings of them."
            repeats = _without_removing_repeats(labelings, max_n)
            if found == repeats != expected:
                hint = (
                    "this class lists some labelings more than once: count the DISTINCT "
                    "rows (np.unique(rows, axis=0)) before comparing with 2**n."
                )
            elif found == expected + 1:
                hint = "return the LAST n that is shattered, not the first that is not."
            raise AssertionError(
                f"vc_dimension_line on {label} (max_n = {max_n}) should be {expected}, "
                f"found {found:g}. {hint}"
            )


@test_case(points=0.5, hidden=True)
def test_max_n(vc_dimension_line):
    largest = []

    def everything(x):
        n = np.size(x)
        largest.append(n)
        if n > 5:
            raise ValueError("this class refuses more than max_n = 5 points")
        return np.array(list(itertools.product([0, 1], repeat=n)), dtype=int)

    found = _vc(vc_dimension_line, everything, 5, "a class that shatters every set, max_n = 5")
    if found != 5 or max(largest, default=0) > 5:
        raise AssertionError(
            "vc_dimension_line must stop at max_n: for a class that shatters any number of "
            f"points it returns max_n = 5, found {found:g}."
        )
