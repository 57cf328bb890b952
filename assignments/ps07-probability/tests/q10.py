"""Clauses of question 10 (case -> the wrong variant that breaks that clause alone):

- returns an (n, d) array, one draw per row -> test_shape_and_mean (public), test_small_n;
    variant "returns (d, n)"
- rows follow Normal(mean, cov): x = mean + L z with cov = L L^T
    -> test_shape_and_mean (public, the mean), test_distribution_3d, test_distribution_2d
       (every projection w.x must be Normal(w.mean, w^T cov w));
    variants "uses L^T (x = mean + L^T z)", "ignores correlations (sqrt of the diagonal)",
    "uses cov instead of its Cholesky factor", "forgets the mean"
- mean and cov are not modified; all randomness comes from rng -> test_inputs_and_rng;
    variant "np.random.default_rng()"
Alternative correct: eigen square root V diag(sqrt(lam)) (another matrix with A A^T = cov);
draws z as (d, n) and transposes (another order of the stream).
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import assert_all_match_cdf

from mlmath_checks import assert_mean_close, assert_shape, call, rng

name = "q10"
points = 6

# cov = L L^T with L = [[1, 0, 0], [2, 1, 0], [3, 2, 1]]: the variances are 1, 5, 14, but
# L^T L has 14, 5, 1, so using the wrong factor is obvious in the first and last coordinate.
L3 = np.array([[1.0, 0.0, 0.0], [2.0, 1.0, 0.0], [3.0, 2.0, 1.0]])
COV3 = L3 @ L3.T
MEAN3 = np.array([1.0, -2.0, 0.5])


def _draws(sample_mvn, mean, cov, n, seed, what):
    found = call(sample_mvn, mean.copy(), cov.copy(), n, rng(seed), name="sample_mvn", what=what)
    array = np.asarray(found, dtype=float)
    if array.shape == (mean.size, n) and n != mean.size:
        raise AssertionError(
            f"{what} has shape {array.shape}: return one draw per ROW, "
            f"shape (n, d) = ({n}, {mean.size})."
        )
    return assert_shape(array, (n, mean.size), what=what)


def _projections(samples, mean, cov, directions, what):
    checks = []
    for w, label in directions:
        m, s = float(w @ mean), float(np.sqrt(w @ cov @ w))
        checks.append((samples @ w, scipy.stats.norm(m, s).cdf, f"{label} of the draws of {what}"))
    return checks


HINT = (
    "x = mean + L z with z standard normal and L = np.linalg.cholesky(cov), the LOWER factor "
    "with L L^T = cov; for rows, X = mean + Z @ L.T."
)


@test_case(points=1, hidden=False)
def test_shape_and_mean(sample_mvn):
    mean = np.array([5.0, -5.0])
    what = "sample_mvn([5, -5], identity, 2000, rng)"
    samples = _draws(sample_mvn, mean, np.eye(2), 2000, 1001, what)
    # CLT bound at 6.109 standard errors (sd = 1 per coordinate): fails a correct sampler
    # with probability about 1e-9 per coordinate.
    assert_mean_close(
        samples,
        mean,
        np.ones(2),
        what=f"the column means of {what}",
        hint="add the mean to every draw.",
    )


@test_case(points=2, hidden=True)
def test_distribution_3d(sample_mvn):
    # 20,000 draws; five projections checked by DKW at level 2e-10 each (1e-9 in all, by the
    # union bound): eps = 0.0240. Wrong factors change the sd of a coordinate by a factor of
    # 3.7 (L^T: 1 vs sqrt(14)), ignoring correlations changes the sd of the projection onto
    # (1, -1, 1)/sqrt 3 from 1.41 to 2.58, cov instead of L (variances 14, 93, 269 instead of
    # 1, 5, 14) scales the sds by 3.7 to 4.4: CDF distances of 0.15 and more, six times eps.
    what = "sample_mvn(mean, cov, 20000, rng) with a 3x3 correlated cov"
    samples = _draws(sample_mvn, MEAN3, COV3, 20000, 1002, what)
    directions = [(np.eye(3)[i], f"coordinate {i}") for i in range(3)]
    directions.append((np.array([1.0, -1.0, 1.0]) / np.sqrt(3), "the projection on (1, -1, 1)"))
    directions.append((np.array([0.3, 0.9, -0.3]), "the projection on (0.3, 0.9, -0.3)"))
    assert_all_match_cdf(_projections(samples, MEAN3, COV3, directions, what), hint=HINT)


@test_case(points=1, hidden=True)
def test_distribution_2d(sample_mvn):
    # Strong negative correlation -0.95: the sum x0 + x1 has sd 0.45 instead of 2 if the
    # correlation is lost. Same DKW argument, three checks at level 1e-9 / 3.
    mean = np.array([-3.0, 10.0])
    cov = np.array([[4.0, -0.95 * 2 * 0.5], [-0.95 * 2 * 0.5, 0.25]])
    what = "sample_mvn(mean, cov, 20000, rng) with correlation -0.95"
    samples = _draws(sample_mvn, mean, cov, 20000, 1003, what)
    directions = [
        (np.array([1.0, 0.0]), "coordinate 0"),
        (np.array([0.0, 1.0]), "coordinate 1"),
        (np.array([0.25, 1.0]), "the projection on (0.25, 1)"),
    ]
    assert_all_match_cdf(_projections(samples, mean, cov, directions, what), hint=HINT)


@test_case(points=1, hidden=True)
def test_small_n(sample_mvn):
    for n, d in [(1, 3), (4, 1), (7, 5)]:
        gen = np.random.default_rng(1004 + n)
        A = gen.normal(size=(d, d))
        what = f"sample_mvn with n={n}, d={d}"
        samples = _draws(sample_mvn, gen.normal(size=d), A @ A.T + np.eye(d), n, 1005, what)
        if not np.all(np.isfinite(samples)):
            raise AssertionError(f"{what} contains inf or NaN.")


@test_case(points=1, hidden=True)
def test_inputs_and_rng(sample_mvn):
    mean, cov = MEAN3.copy(), COV3.copy()
    first = call(sample_mvn, mean, cov, 30, rng(1006), name="sample_mvn")
    if not (np.array_equal(mean, MEAN3) and np.array_equal(cov, COV3)):
        raise AssertionError("sample_mvn modified the mean or cov it was given: leave them alone.")
    second = call(sample_mvn, MEAN3.copy(), COV3.copy(), 30, rng(1006), name="sample_mvn")
    if not np.array_equal(np.asarray(first), np.asarray(second)):
        raise AssertionError(
            "two calls of sample_mvn with identically seeded Generators gave "
            "different draws: take all randomness from the `rng` argument."
        )
