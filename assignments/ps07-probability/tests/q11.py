"""Clauses of question 11 (case -> the wrong variant that breaks that clause alone):

mvn_marginal
- (mean[keep], cov[keep][:, keep]) in the order of `keep`
    -> test_by_hand (public), test_marginal; variant "cov[keep] (rows only)"
mvn_conditional
- mean_a + S_ab S_bb^-1 (values - mean_b) -> test_by_hand (public), test_conditional;
    variant "forgets to subtract mean_b"
- cov_aa - S_ab S_bb^-1 S_ba -> test_conditional; variant "returns S_aa unchanged"
- S_bb is inverted (a solve), not multiplied -> test_conditional; variant "multiplies by S_bb"
- the remaining coordinates come in increasing order; `given` may be in any order, with
  `values` in the same order -> test_conditional (given = [3, 1]);
    variant "sorts `given` but not `values`"
- one coordinate left: shapes (1,) and (1, 1) -> test_one_left
- inputs not modified -> test_one_left (given = [3, 0, 1]); variant "given.sort() in place"
Alternative correct: the precision-matrix form; np.linalg.inv instead of solve.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q11"
points = 6


def _oracle(mean, cov, given, values):
    """The conditional from the precision matrix P = cov^-1: cov_a|b = P_aa^-1 and
    mean_a|b = mean_a - P_aa^-1 P_ab (values - mean_b), an independent formula."""
    rest = [i for i in range(len(mean)) if i not in given]
    P = np.linalg.inv(cov)
    P_aa = P[np.ix_(rest, rest)]
    P_ab = P[np.ix_(rest, given)]
    cond_cov = np.linalg.inv(P_aa)
    cond_mean = mean[rest] - cond_cov @ P_ab @ (np.asarray(values) - mean[given])
    return cond_mean, cond_cov


def _pair(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(f"{what} should return a pair (mean, cov).")
    return result


def _random_mvn(gen, d):
    A = gen.normal(size=(d, d))
    return gen.normal(scale=3, size=d), A @ A.T + 0.5 * np.eye(d)


@test_case(points=1, hidden=False)
def test_by_hand(mvn_marginal, mvn_conditional):
    mean, cov = np.array([0.0, 0.0]), np.array([[1.0, 0.5], [0.5, 1.0]])
    m, c = _pair(call(mvn_marginal, mean, cov, [1], name="mvn_marginal"), "mvn_marginal")
    assert_close(m, [0.0], what="the mean of mvn_marginal(mean, cov, [1])", reveal=True)
    assert_close(
        c,
        [[1.0]],
        what="the cov of mvn_marginal(mean, cov, [1])",
        reveal=True,
        hint="keep the rows AND columns of `keep`: a (k, k) matrix.",
    )
    m, c = _pair(
        call(mvn_conditional, mean, cov, [1], [1.0], name="mvn_conditional"), "mvn_conditional"
    )
    assert_close(
        m,
        [0.5],
        rtol=1e-12,
        what="the conditional mean of x0 given x1 = 1 (correlation 0.5)",
        hint="0 + 0.5 / 1 * (1 - 0) = 0.5.",
        reveal=True,
    )
    assert_close(
        c,
        [[0.75]],
        rtol=1e-12,
        what="the conditional cov of x0 given x1 = 1",
        hint="1 - 0.5 * 0.5 / 1 = 0.75: observing x1 removes part of the variance.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_marginal(mvn_marginal):
    gen = np.random.default_rng(1101)
    mean, cov = _random_mvn(gen, 5)
    for keep in [[3, 0], [4], [0, 1, 2, 3, 4]]:
        what = f"mvn_marginal(mean, cov, {keep}) for a 5-D Normal"
        m, c = _pair(
            call(mvn_marginal, mean.copy(), cov.copy(), keep, name="mvn_marginal", what=what), what
        )
        k = len(keep)
        hint = "take mean[keep] and the (k, k) block cov[np.ix_(keep, keep)], in keep's order."
        assert_close(
            assert_shape(m, (k,), what=f"the mean of {what}", hint=hint),
            mean[keep],
            rtol=1e-12,
            what=f"the mean of {what}",
            hint=hint,
        )
        assert_close(
            assert_shape(c, (k, k), what=f"the cov of {what}", hint=hint),
            cov[np.ix_(keep, keep)],
            rtol=1e-12,
            what=f"the cov of {what}",
            hint=hint,
        )


def _check_conditional(mvn_conditional, mean, cov, given, values, what):
    exp_mean, exp_cov = _oracle(mean, cov, given, values)
    m, c = _pair(
        call(
            mvn_conditional,
            mean.copy(),
            cov.copy(),
            list(given),
            np.array(values, dtype=float),
            name="mvn_conditional",
            what=what,
        ),
        what,
    )
    k = len(exp_mean)
    m = assert_shape(
        m,
        (k,),
        what=f"the conditional mean of {what}",
        hint="one entry per coordinate NOT given, in increasing order.",
    )
    c = assert_shape(c, (k, k), what=f"the conditional cov of {what}")
    assert_close(
        m,
        exp_mean,
        rtol=1e-9,
        atol=1e-9,
        what=f"the conditional mean of {what}",
        hint="mean_a + S_ab S_bb^-1 (values - mean_b): subtract the mean of the given "
        "coordinates, and solve with S_bb rather than multiplying by it.",
    )
    assert_close(
        c,
        exp_cov,
        rtol=1e-9,
        atol=1e-9,
        what=f"the conditional cov of {what}",
        hint="S_aa - S_ab S_bb^-1 S_ba: conditioning shrinks the covariance, and does not "
        "depend on the observed values.",
    )


@test_case(points=2, hidden=True)
def test_conditional(mvn_conditional):
    gen = np.random.default_rng(1102)
    for d, given in [(3, [2]), (5, [3, 1]), (6, [0, 4, 5])]:
        mean, cov = _random_mvn(gen, d)
        values = list(gen.normal(scale=4, size=len(given)))
        _check_conditional(
            mvn_conditional,
            mean,
            cov,
            given,
            values,
            f"a {d}-D Normal given the coordinates {given}",
        )


@test_case(points=2, hidden=True)
def test_one_left(mvn_conditional):
    gen = np.random.default_rng(1103)
    mean, cov = _random_mvn(gen, 4)
    original_mean, original_cov = mean.copy(), cov.copy()
    values = np.array([1.0, -2.0, 0.5])
    _check_conditional(
        mvn_conditional,
        mean,
        cov,
        [3, 0, 1],
        values,
        "a 4-D Normal given coordinates [3, 0, 1] (only x2 left)",
    )
    given, observed = [3, 0, 1], values.copy()
    call(mvn_conditional, mean, cov, given, observed, name="mvn_conditional")
    if not (
        np.array_equal(mean, original_mean)
        and np.array_equal(cov, original_cov)
        and given == [3, 0, 1]
        and np.array_equal(observed, values)
    ):
        raise AssertionError(
            "mvn_conditional modified its inputs: leave mean, cov, given and "
            "values unchanged (sorted(given) makes a new list; given.sort() "
            "changes the caller's)."
        )
