OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - dsquared_probabilities returns D(x)^2 / sum D^2, shape (n,), D the distance to the
#   NEAREST given centre: test_probabilities_small_example (public),
#   test_probabilities_random; variants "D instead of D^2", "distance to the last
#   centre only".
# - kmeans_plus_plus returns k distinct rows of X, shape (k, d), and draws only from
#   the Generator it is given (same seed, same centres):
#   test_seeding_shape_and_reproducible (public); variant "uses np.random instead of rng".
# - the first centre is uniform over the points: test_seeding_distribution (first part);
#   variant "always starts from X[0]".
# - each next centre is drawn with probability proportional to D^2 from the centres
#   chosen so far: test_seeding_distribution (second part); variants "D instead of D^2",
#   "farthest point instead of a random draw", "next centre uniform among the others".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_matches_cdf, assert_shape, call, rng

name = "q4"
points = 7


def _d2_to_nearest(X, C):
    best = np.full(len(X), np.inf)
    for c in np.atleast_2d(C):
        best = np.minimum(best, np.einsum("ij,ij->i", X - c, X - c))
    return best


def _indices(X, centres, what):
    """Row index in X of each returned centre (the centres must be rows of X)."""
    gaps = np.max(np.abs(np.asarray(centres)[:, None, :] - X[None, :, :]), axis=2)
    if np.any(gaps.min(axis=1) > 1e-9):
        raise AssertionError(
            f"kmeans_plus_plus on {what} returned a centre that is not a row of X: "
            "k-means++ picks its centres among the data points."
        )
    out = [int(j) for j in np.argmin(gaps, axis=1)]
    if len(set(out)) != len(out):
        raise AssertionError(
            f"kmeans_plus_plus on {what} picked the same point twice: a point that is "
            "already a centre has D = 0, so its probability D^2 / sum D^2 is 0. Use the "
            "distance to the NEAREST centre chosen so far, not only the last one."
        )
    return out


def _seed(kmeans_plus_plus, X, k, seed, what):
    found = call(kmeans_plus_plus, X, k, rng(seed), what=what)
    return assert_shape(found, (k, X.shape[1]), what=f"kmeans_plus_plus on {what}")


@test_case(points=1, hidden=False)
def test_probabilities_small_example(dsquared_probabilities):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [0.0, 4.0]])
    found = call(dsquared_probabilities, X, np.array([[0.0, 0.0]]), what="the example")
    found = assert_shape(found, (4,), what="dsquared_probabilities on the example")
    if np.allclose(found, np.array([0, 1, 3, 4]) / 8):
        raise AssertionError(
            "dsquared_probabilities on the example is proportional to D, the distance: "
            "k-means++ uses the SQUARED distance D^2."
        )
    assert_close(
        found,
        np.array([0.0, 1.0, 9.0, 16.0]) / 26,
        rtol=1e-10,
        what="dsquared_probabilities(X, [[0, 0]]) on the example",
        hint="the squared distances to the centre are 0, 1, 9, 16; divide by their sum.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_probabilities_random(dsquared_probabilities):
    gen = np.random.default_rng(1401)
    for n, m, d in [(30, 1, 2), (50, 3, 4), (12, 5, 1)]:
        X = gen.normal(scale=2.0, size=(n, d))
        C = X[gen.choice(n, size=m, replace=False)].copy()
        expected = _d2_to_nearest(X, C)
        expected /= expected.sum()
        found = call(dsquared_probabilities, X, C, what=f"{n} points and {m} centres")
        found = assert_shape(found, (n,), what=f"dsquared_probabilities with {m} centres")
        hint = "divide the squared distance to the NEAREST centre by the sum over all points."
        dist = np.sqrt(_d2_to_nearest(X, C))
        last = np.einsum("ij,ij->i", X - C[-1], X - C[-1])
        if np.allclose(found, dist / dist.sum(), rtol=1e-8):
            hint = "your probabilities follow D, the distance: k-means++ uses D^2."
        elif m > 1 and np.allclose(found, last / last.sum(), rtol=1e-8):
            hint = (
                "your probabilities use the distance to the LAST centre only: D(x) is the "
                "distance to the nearest of all the centres."
            )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-15,
            what=f"dsquared_probabilities on {n} points with {m} centres in {d}-D",
            hint=hint,
        )


@test_case(points=1, hidden=False)
def test_seeding_shape_and_reproducible(kmeans_plus_plus):
    gen = np.random.default_rng(1402)
    X = gen.normal(size=(20, 3))
    first = _seed(kmeans_plus_plus, X, 4, 7, "20 points in 3-D, k=4")
    _indices(X, first, "20 points, k=4")
    again = _seed(kmeans_plus_plus, X, 4, 7, "the same points and the same seed")
    if not np.array_equal(first, again):
        raise AssertionError(
            "kmeans_plus_plus gave different centres for two Generators made from the same "
            "seed: draw every random number from the `rng` argument (rng.integers, "
            "rng.choice, rng.random), never from np.random."
        )


# The last case uses the points 0, 1, 3, 7, 15, 31 on a line, with k = 6: every run
# orders all six points, so each call gives a first centre and 4 random next-centre
# choices (the sixth is forced: only one point has D > 0 left).
_LINE = np.column_stack([[0.0, 1.0, 3.0, 7.0, 15.0, 31.0], np.zeros(6)])
_DRAWS = 300


@test_case(points=3, hidden=True)
def test_seeding_distribution(kmeans_plus_plus):
    orders = []
    for draw in range(_DRAWS):
        found = _seed(kmeans_plus_plus, _LINE, 6, 14000 + draw, "the 6 points 0, 1, 3, 7, 15, 31")
        orders.append(_indices(_LINE, found, "the 6 points 0, 1, 3, 7, 15, 31"))
    orders = np.array(orders)
    # First centre: DKW with 300 draws (dkw_bound = 0.189): a uniform first centre fails
    # with probability below 1e-9; "always X[0]" is 5/6 away in CDF distance.
    assert_matches_cdf(
        orders[:, 0],
        lambda t: np.clip(np.floor(np.asarray(t)) + 1, 0, 6) / 6,
        support=np.arange(6),
        what=f"the index of the first centre over {_DRAWS} seeds",
        hint="the first centre is a point chosen uniformly at random (rng.integers(n)).",
    )
    # Next centres. At every unforced step of every run (steps 2 to 5: M = 4 * 300 = 1200
    # steps in all), with q the D^2 probabilities given the centres chosen before, let far
    # be the point with the largest q and T = 1[the chosen point is far] - q[far]. Under a
    # correct sampler each T has mean 0 given the past and lies in an interval of length
    # 1, so the T's are bounded martingale differences, and the Azuma-Hoeffding inequality
    # gives P(|mean of the T's| > eps) <= 2 exp(-2 M eps^2) = 1e-9 at
    # eps = sqrt(ln(2e9) / (2M)) = 0.0945. The exact mean of T for a sampler using D
    # instead of D^2 is -0.170 (enumerating all 720 orders; one T has sd about 0.47, so
    # the mean of 1200 has sd 0.014 and stays beyond -0.0945 with probability above
    # 0.9999); "farthest point" gives about +0.28 and "uniform among the others" -0.78.
    terms = []
    for order in orders:
        d2 = _d2_to_nearest(_LINE, _LINE[order[0]])
        for j in order[1:]:
            q = d2 / d2.sum()
            far = int(np.argmax(q))
            if q[far] < 1:
                terms.append(float(j == far) - q[far])
            d2 = np.minimum(d2, _d2_to_nearest(_LINE, _LINE[j]))
    terms = np.array(terms)
    eps = np.sqrt(np.log(2e9) / (2 * terms.size))
    mean = float(terms.mean())
    if abs(mean) > eps:
        how = (
            "too rarely: are you sampling with probabilities proportional to D rather "
            "than D^2 (or uniformly)?"
            if mean < 0
            else "too often: draw the next centre at random with probabilities "
            "D^2 / sum D^2 (rng.choice(n, p=...)), do not take the farthest point."
        )
        raise AssertionError(
            f"over {_DRAWS} seeds, kmeans_plus_plus picks the point with the largest D^2 "
            f"{how} (average excess {mean:+.3f} per choice; a correct sampler stays within "
            f"{eps:.3f} with probability 1 - 1e-9)."
        )
