# q11: pagerank(G, tol, max_iter). Clauses, with the hidden case that checks each and the
# wrong variant that breaks it alone:
# - the eigenvector of G for the eigenvalue 1, by r <- G r from the uniform vector:
#   test_random_graphs (oracle: np.linalg.eig of the G handed in); variants "row-vector
#   update r <- r G", "adds its own teleport term to G (damps twice)".
# - a probability vector (non-negative, sums to 1), not a unit vector:
#   test_probability_vector; variant "scales r to unit Euclidean length".
# - exactly the stated iteration: max_iter steps at most, stopping after the first step whose
#   L1 change is below tol: test_tol_and_max_iter (a 9-cycle with a chord, alpha = 0.99:
#   the default tol takes 169 steps); variants "ignores max_iter", "ignores tol", "one step
#   too many".
# - alpha = 0 and symmetric graphs give the uniform vector, a rank sink keeps some rank out
#   of the trap: test_special_graphs.
# - eig and eigvals forbidden: forbid_calls in every hidden case; variant "np.linalg.eig".
# pagerank receives G itself, so none of its points depends on Question 10 (the tests build
# G with their own oracle).
OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls

name = "q11"
points = 7

FORBIDDEN = [
    "numpy.linalg.eig",
    "numpy.linalg.eigvals",
    "scipy.linalg.eig",
    "scipy.sparse.linalg.eigs",
]


def google(adj, alpha):
    """The Google matrix, built here so that pagerank never depends on google_matrix."""
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out > 0, adj.T / np.where(out > 0, out, 1), 1 / n)
    return alpha * M + (1 - alpha) / n


def oracle(G):
    """The eigenvector of G for eigenvalue 1, scaled to sum to 1."""
    values, vectors = np.linalg.eig(G)
    r = vectors[:, np.argmin(np.abs(values - 1))].real
    return r / r.sum()


def iterate(G, tol, max_iter):
    """The iteration the prompt states, step by step (the oracle for tol and max_iter)."""
    r = np.full(len(G), 1 / len(G))
    steps = 0
    while steps < max_iter:
        previous, r = r, G @ r
        steps += 1
        if np.sum(np.abs(r - previous)) < tol:
            break
    return r / np.sum(r), steps


def fail(message):
    raise AssertionError(message)


def random_graph(n, rng, dangling):
    adj = (rng.uniform(size=(n, n)) < 0.3).astype(float)
    np.fill_diagonal(adj, 0)
    adj[rng.choice(n, size=dangling, replace=False)] = 0
    return adj


@test_case(points=2, hidden=False)
def test_two_pages(pagerank):
    G = np.array([[0.075, 0.5], [0.925, 0.5]])  # page 0 -> page 1, page 1 dangling
    r = call(pagerank, G.copy(), what="G = [[0.075, 0.5], [0.925, 0.5]]")
    assert_close(
        r,
        [0.5 / 1.425, 0.925 / 1.425],
        rtol=1e-6,
        what="pagerank([[0.075, 0.5], [0.925, 0.5]]) (page 0 -> page 1, alpha = 0.85)",
        hint="iterate r <- G r from [0.5, 0.5]; the fixed point solves r = G r with "
        "r[0] + r[1] = 1.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_graphs(pagerank):
    rng = np.random.default_rng(1101)
    for n, dangling, alpha in [(5, 1, 0.85), (8, 2, 0.85), (12, 3, 0.5), (25, 5, 0.95)]:
        G = google(random_graph(n, rng, dangling), alpha)
        expected = oracle(G)
        what = f"the Google matrix of a random {n}-page graph (alpha={alpha})"
        assert_close(
            forbid_calls(FORBIDDEN, pagerank, G.copy(), what=what),
            expected,
            rtol=1e-6,
            atol=1e-9,
            what=f"pagerank of {what}",
            hint="iterate r <- G r (G times the column vector r, not r times G) from the "
            "uniform vector, and scale r to sum to 1 (not to unit length).",
        )


@test_case(points=1, hidden=True)
def test_probability_vector(pagerank):
    rng = np.random.default_rng(1102)
    for n in [6, 10]:
        G = google(random_graph(n, rng, n // 2), 0.85)
        what = f"the Google matrix of a {n}-page graph with many dangling pages"
        r = np.asarray(forbid_calls(FORBIDDEN, pagerank, G.copy(), what=what), dtype=float)
        assert_close(
            r.sum(),
            1.0,
            rtol=1e-8,
            what=f"the sum of the PageRank vector for {what}",
            hint="PageRank is a probability distribution: divide r by its sum "
            "(r / r.sum()), not by its Euclidean length.",
        )
        if np.any(r < -1e-12):
            fail("the PageRank vector has negative entries: it holds probabilities.")


@test_case(points=1, hidden=True)
def test_tol_and_max_iter(pagerank):
    # a 9-cycle with one chord 0 -> 4 and alpha = 0.99: |lambda_2| = 0.99, so the default tol
    # takes 169 steps; with tol = 1e-3 the change drops from 1.1e-3 to 5.5e-4 at step 46
    adj = np.zeros((9, 9))
    for i in range(9):
        adj[i, (i + 1) % 9] = 1
    adj[0, 4] = 1
    G = google(adj, 0.99)
    for kwargs in [{"max_iter": 5}, {"tol": 1e-3}]:
        expected, steps = iterate(G, kwargs.get("tol", 1e-10), kwargs.get("max_iter", 1000))
        label = ", ".join(f"{key}={value:g}" for key, value in kwargs.items())
        what = f"a slowly converging 9-page Google matrix (alpha = 0.99), {label}"
        r = forbid_calls(FORBIDDEN, pagerank, G.copy(), what=what, **kwargs)
        assert_close(
            r,
            expected,
            rtol=0,
            atol=1e-9,
            what=f"pagerank on {what}",
            hint=f"the stated iteration stops here after {steps} steps: at most max_iter "
            "steps, and right after the first step whose change ||r_new - r||_1 is below "
            "tol. Use the arguments you are given, and return the last r_new / sum.",
        )


@test_case(points=1, hidden=True)
def test_special_graphs(pagerank):
    rng = np.random.default_rng(1103)
    G = google(random_graph(7, rng, 2), 0.0)
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, G.copy(), what="the Google matrix with alpha = 0"),
        np.full(7, 1 / 7),
        rtol=1e-8,
        what="pagerank with alpha = 0 (every entry of G is 1/n)",
        hint="with alpha = 0 the surfer always teleports: every page gets 1/n.",
    )
    n = 6
    ring = np.zeros((n, n))
    for i in range(n):
        ring[i, (i + 1) % n] = ring[i, (i - 1) % n] = 1
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, google(ring, 0.85), what="a two-way ring"),
        np.full(n, 1 / n),
        rtol=1e-8,
        what="pagerank of a two-way ring (every page alike)",
        hint="by symmetry every page gets 1/n.",
    )
    sink = google(np.array([[0, 1, 1, 0], [1, 0, 0, 1], [0, 0, 0, 1], [0, 0, 1, 0]]), 0.85)
    expected = oracle(sink)
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, sink.copy(), what="a graph with a rank sink"),
        expected,
        rtol=1e-6,
        what="pagerank of a graph where pages 2 and 3 only link to each other",
        hint="iterate with the G you are given: its teleport term keeps some rank on pages "
        "0 and 1.",
    )
