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
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    M = np.where(out > 0, adj.T / np.where(out > 0, out, 1), 1 / n)
    return alpha * M + (1 - alpha) / n


def oracle(adj, alpha):
    """The eigenvector of G for eigenvalue 1, scaled to sum to 1."""
    values, vectors = np.linalg.eig(google(adj, alpha))
    r = vectors[:, np.argmin(np.abs(values - 1))].real
    return r / r.sum()


def fail(message):
    raise AssertionError(message)


def random_graph(n, rng, dangling):
    adj = (rng.uniform(size=(n, n)) < 0.3).astype(float)
    np.fill_diagonal(adj, 0)
    adj[rng.choice(n, size=dangling, replace=False)] = 0
    return adj


@test_case(points=2, hidden=False)
def test_two_pages(pagerank):
    r = call(pagerank, np.array([[0, 1], [0, 0]]), 0.85)
    assert_close(
        r,
        [0.5 / 1.425, 0.925 / 1.425],
        rtol=1e-6,
        what="pagerank for page 0 -> page 1, page 1 dangling, alpha = 0.85",
        hint="G = [[0.075, 0.5], [0.925, 0.5]]: solve r = G r with r[0] + r[1] = 1.",
        reveal=True,
    )


@test_case(points=3, hidden=True)
def test_random_graphs(pagerank):
    rng = np.random.default_rng(1101)
    for n, dangling, alpha in [(5, 1, 0.85), (8, 2, 0.85), (12, 3, 0.5), (25, 5, 0.95)]:
        adj = random_graph(n, rng, dangling)
        assert_close(
            forbid_calls(FORBIDDEN, pagerank, adj.copy(), alpha),
            oracle(adj, alpha),
            rtol=1e-6,
            atol=1e-9,
            what=f"pagerank of a random {n}-page graph with {dangling} dangling pages "
            f"(alpha={alpha})",
            hint="iterate r <- G r from the uniform vector with the column-stochastic G of "
            "google_matrix (dangling pages link everywhere, teleport term included) and "
            "scale r to sum to 1 (not to unit length).",
        )


@test_case(points=1, hidden=True)
def test_probability_vector(pagerank):
    rng = np.random.default_rng(1102)
    for n in [6, 10]:
        adj = random_graph(n, rng, n // 2)
        r = np.asarray(forbid_calls(FORBIDDEN, pagerank, adj.copy(), 0.85), dtype=float)
        assert_close(
            r.sum(),
            1.0,
            rtol=1e-8,
            what=f"the sum of the PageRank vector of a {n}-page graph with many dangling pages",
            hint="PageRank is a probability distribution: if the total drifts below 1, mass "
            "is leaking through dangling pages.",
        )
        if np.any(r < -1e-12):
            fail("the PageRank vector has negative entries: it holds probabilities.")


@test_case(points=1, hidden=True)
def test_special_graphs(pagerank):
    rng = np.random.default_rng(1103)
    adj = random_graph(7, rng, 2)
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, adj.copy(), 0.0),
        np.full(7, 1 / 7),
        rtol=1e-8,
        what="pagerank with alpha = 0",
        hint="with alpha = 0 the surfer always teleports: every page gets 1/n.",
    )
    n = 6
    ring = np.zeros((n, n))
    for i in range(n):
        ring[i, (i + 1) % n] = ring[i, (i - 1) % n] = 1
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, ring.copy(), 0.85),
        np.full(n, 1 / n),
        rtol=1e-8,
        what="pagerank of a two-way ring (every page alike)",
        hint="by symmetry every page gets 1/n.",
    )
    sink = np.array([[0, 1, 1, 0], [1, 0, 0, 1], [0, 0, 0, 1], [0, 0, 1, 0]])
    assert_close(
        forbid_calls(FORBIDDEN, pagerank, sink.copy(), 0.85),
        oracle(sink, 0.85),
        rtol=1e-6,
        what="pagerank of a graph where pages 2 and 3 only link to each other",
        hint="without the teleport term (1 - alpha)/n all the mass would end up in the "
        "trap 2 <-> 3; with it, pages 0 and 1 keep some rank.",
    )
