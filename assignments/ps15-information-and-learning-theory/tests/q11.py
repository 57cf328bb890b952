"""Question 11: erm_threshold(x, y) and true_error_threshold(t, t_star, eta).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- erm_threshold minimizes the training error of h_t(x) = 1[x > t] (strictly greater) over
  the candidates t = -inf and t = each x_i: test_erm_random (brute force) / "labels
  1[x >= t]"
- the candidate t = -inf (every point labeled 1) is included: test_erm_all_ones /
  "candidates are the data points only"
- the training error is a fraction (mean), not a count: test_erm_random / "returns the
  number of errors"
- ties go to the smallest t: test_erm_ties / "np.argmin over the thresholds sorted in
  decreasing order (the largest t)"
- x need not be sorted: test_erm_random; x and y are left unmodified: test_erm_unmodified /
  "sorts x in place"
- true_error_threshold = eta + (1 - 2 eta) |clip(t, 0, 1) - t_star|: test_true_error /
  "eta + |t - t_star| (forgets that a flipped label can make a wrong side right)"
- t outside [0, 1] (including -inf) is clipped: test_true_error_outside / "no clipping"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from ps15_checks import number, pair

from mlmath_checks import assert_close

name = "q11"
points = 5


def _erm_oracle(x, y):
    """Brute force: every candidate threshold in increasing order, the first best one."""
    candidates = [-np.inf] + sorted(x.tolist())
    errors = [float(np.mean((x > t).astype(int) != y)) for t in candidates]
    best = int(np.argmin(errors))
    return candidates[best], errors[best], candidates, errors


def _check_erm(erm_threshold, x, y, what, check_inputs=False):
    x0, y0 = x.copy(), y.copy()
    if not check_inputs:  # a mutating answer loses the points of test_erm_unmodified only
        x, y = x.copy(), y.copy()
    t, err = pair(erm_threshold, x, y, what=what)
    if check_inputs and not (np.array_equal(x, x0) and np.array_equal(y, y0)):
        raise AssertionError(
            "erm_threshold changed the arrays it was given: sort a copy (np.sort(x)), "
            "never x.sort()."
        )
    x, y = x0, y0
    t_best, err_best, candidates, errors = _erm_oracle(x, y)
    n = x.size
    if abs(err - err_best * n) < 1e-9 and n > 1 and err_best > 0:
        raise AssertionError(
            f"erm_threshold on {what} returned a training error of {err:g}: that is the "
            "number of mistakes; the training error is their fraction (divide by n)."
        )
    assert_close(
        err,
        err_best,
        rtol=1e-12,
        atol=1e-12,
        what=f"the training error from erm_threshold on {what}",
        hint="try t = -inf and t = every x_i, classify 1[x > t] (strictly greater), and "
        "keep the smallest fraction of mistakes.",
    )
    if t != t_best:
        tied = [c for c, e in zip(candidates, errors, strict=True) if e == err_best]
        hint = "the threshold must be a candidate (-inf or one of the x_i) with that error."
        at_least = [float(np.mean((x >= c).astype(int) != y)) for c in candidates]
        if t in candidates and at_least[candidates.index(t)] == err:
            hint = (
                "your threshold is best for 1[x >= t]: the classifier here is 1[x > t], "
                "strictly greater, so x_i itself is labeled 0 when t = x_i."
            )
        elif t in tied:
            hint = (
                f"{len(tied)} thresholds tie for the smallest training error: return the "
                "smallest of them."
            )
        raise AssertionError(f"the threshold from erm_threshold on {what} is wrong. {hint}")


@test_case(points=1, hidden=False)
def test_by_hand(erm_threshold, true_error_threshold):
    x = np.array([0.1, 0.4, 0.35, 0.8])
    y = np.array([0, 1, 0, 1])
    t, err = pair(erm_threshold, x.copy(), y.copy(), what="x = [0.1, 0.4, 0.35, 0.8]")
    assert_close(
        [t, err],
        [0.35, 0.0],
        rtol=1e-12,
        what="erm_threshold([0.1, 0.4, 0.35, 0.8], [0, 1, 0, 1])",
        hint="t = 0.35 labels 0.4 and 0.8 as 1 and makes no mistake.",
        reveal=True,
    )
    found = number(true_error_threshold, 0.5, 0.3, 0.1, what="t = 0.5, t_star = 0.3, eta = 0.1")
    assert_close(
        found,
        0.1 + 0.8 * 0.2,
        rtol=1e-12,
        what="true_error_threshold(0.5, 0.3, 0.1)",
        hint="eta + (1 - 2 eta) * |t - t_star| = 0.1 + 0.8 * 0.2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_erm_random(erm_threshold):
    gen = np.random.default_rng(1101)
    for n, eta in [(5, 0.0), (30, 0.1), (200, 0.2), (57, 0.3)]:
        x = gen.uniform(0, 1, n)
        y = ((x > 0.4).astype(int) ^ (gen.uniform(size=n) < eta)).astype(int)
        _check_erm(erm_threshold, x, y, f"{n} unsorted points, noise {eta}")


@test_case(points=0.5, hidden=True)
def test_erm_all_ones(erm_threshold):
    gen = np.random.default_rng(1102)
    x = gen.uniform(0, 1, 12)
    _check_erm(erm_threshold, x, np.ones(12, dtype=int), "12 points all labeled 1")
    y = np.ones(12, dtype=int)
    y[np.argmax(x)] = 0
    _check_erm(erm_threshold, x, y, "12 points, all labeled 1 but the largest")


@test_case(points=0.5, hidden=True)
def test_erm_ties(erm_threshold):
    # In sorted order the labels 0, 1, 0, 1 make t = x_(1) and t = x_(3) tie (one mistake
    # each); 0, 1, 0, 1, 0, 1, 1 make a three-way tie. Shuffled, so the order is not given.
    gen = np.random.default_rng(1104)
    for pattern in [[0, 1, 0, 1], [0, 1, 0, 1, 0, 1, 1]]:
        values = np.sort(gen.uniform(0, 1, len(pattern)))
        order = gen.permutation(len(pattern))
        x, y = values[order], np.array(pattern)[order]
        _check_erm(erm_threshold, x, y, f"{len(pattern)} points with tied best thresholds")


@test_case(points=1, hidden=True)
def test_true_error(true_error_threshold):
    gen = np.random.default_rng(1103)
    for _ in range(5):
        t, t_star, eta = gen.uniform(0, 1), gen.uniform(0.1, 0.9), gen.uniform(0, 0.45)
        # disagreement region of 1[x > t] and 1[x > t_star] on [0, 1], by integration of
        # the indicator on a fine grid (exact up to 1e-6), then the label noise
        grid = (np.arange(1_000_000) + 0.5) / 1_000_000
        disagree = np.mean((grid > t) != (grid > t_star))
        expected = eta * (1 - disagree) + (1 - eta) * disagree
        found = number(true_error_threshold, t, t_star, eta, what="a random t, t_star, eta")
        hint = "P(error) = eta + (1 - 2 eta) * |t - t_star|."
        if abs(found - (eta + abs(t - t_star))) < 1e-9:
            hint = (
                "in the region where h_t disagrees with the truth, a FLIPPED label makes "
                "h_t right: the error there is 1 - eta, elsewhere eta, so "
                "eta + (1 - 2 eta) |t - t_star|."
            )
        assert_close(
            found,
            expected,
            rtol=1e-5,
            atol=1e-6,
            what=f"true_error_threshold({t:.3f}, {t_star:.3f}, {eta:.3f})",
            hint=hint,
        )


@test_case(points=0.5, hidden=True)
def test_true_error_outside(true_error_threshold):
    for t, t_star, eta in [(-np.inf, 0.3, 0.1), (-2.0, 0.6, 0.0), (1.7, 0.25, 0.2)]:
        expected = eta + (1 - 2 * eta) * abs(min(max(t, 0.0), 1.0) - t_star)
        found = number(true_error_threshold, t, t_star, eta, what=f"t = {t}")
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"true_error_threshold({t}, {t_star}, {eta})",
            hint="x lies in [0, 1]: a threshold below 0 labels every point 1, one above 1 "
            "labels every point 0, so clip t to [0, 1] first.",
        )


@test_case(points=0.5, hidden=True)
def test_erm_unmodified(erm_threshold):
    gen = np.random.default_rng(1105)
    x = gen.uniform(0, 1, 25)
    y = ((x > 0.6).astype(int) ^ (gen.uniform(size=25) < 0.15)).astype(int)
    _check_erm(erm_threshold, x, y, "25 unsorted points", check_inputs=True)
