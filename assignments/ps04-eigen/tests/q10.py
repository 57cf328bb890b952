# q10: google_matrix. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - G = alpha M + (1 - alpha)/n with M[i, j] = adj[j, i] / outdeg(j) (sources in rows of adj,
#   in columns of M), for several alpha: test_random_graphs; variants "row-stochastic
#   (forgets to transpose)", "normalizes by in-degree", "forgets the teleport term".
# - a dangling page links to every page (column 1/n), so columns sum to 1:
#   test_column_stochastic; variant "dangling columns left at zero".
# - alpha = 0 and alpha = 1 are allowed (the prompt no longer claims positive entries for
#   alpha = 1), a graph without links, a nested list of ints: test_extreme_damping; variant
#   "assumes adj is a NumPy array".

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q10"
points = 6


def oracle(adj, alpha):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    G = np.empty((n, n))
    for j in range(n):  # column j: where a surfer on page j goes next
        out = adj[j].sum()
        for i in range(n):
            follow = adj[j, i] / out if out > 0 else 1 / n
            G[i, j] = alpha * follow + (1 - alpha) / n
    return G


def random_graph(n, rng, dangling):
    adj = (rng.uniform(size=(n, n)) < 0.35).astype(float)
    np.fill_diagonal(adj, 0)
    adj[rng.choice(n, size=dangling, replace=False)] = 0
    return adj


@test_case(points=2, hidden=False)
def test_three_cycle(google_matrix):
    adj = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    G = call(google_matrix, adj.copy(), 0.85)
    assert_close(
        G,
        [[0.05, 0.05, 0.9], [0.9, 0.05, 0.05], [0.05, 0.9, 0.05]],
        atol=1e-9,
        what="google_matrix for the cycle 0 -> 1 -> 2 -> 0 with alpha = 0.85",
        hint="G[i, j] is the probability to go from page j to page i: column j describes "
        "page j's links (0.85 * 1 + 0.15/3 along a link, 0.15/3 elsewhere).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_graphs(google_matrix):
    rng = np.random.default_rng(1001)
    for n, dangling, alpha in [(4, 1, 0.85), (7, 2, 0.85), (12, 3, 0.6), (20, 4, 0.95)]:
        adj = random_graph(n, rng, dangling)
        assert_close(
            call(google_matrix, adj.copy(), alpha),
            oracle(adj, alpha),
            rtol=1e-9,
            atol=1e-12,
            what=f"google_matrix of a random {n}-page graph with {dangling} dangling pages "
            f"(alpha={alpha})",
            hint="G = alpha M + (1 - alpha)/n, where column j of M spreads page j's links "
            "equally (M[i, j] = adj[j, i] / outdeg(j)) and a dangling column is 1/n.",
        )


@test_case(points=1, hidden=True)
def test_column_stochastic(google_matrix):
    rng = np.random.default_rng(1002)
    for n in [5, 9, 15]:
        adj = random_graph(n, rng, n // 3)
        G = np.asarray(call(google_matrix, adj.copy(), 0.85), dtype=float)
        assert_close(
            G.sum(axis=0),
            np.ones(n),
            rtol=1e-9,
            what=f"google_matrix: the column sums of G for a {n}-page graph with dangling pages",
            hint="every column is a probability distribution: a dangling page (no links) "
            "must link to every page with probability 1/n, and G[i, j] is for j -> i "
            "(columns, not rows, sum to 1).",
        )
        if np.any(G < 0):
            raise AssertionError("G has negative entries: it holds probabilities.")


@test_case(points=1, hidden=True)
def test_extreme_damping(google_matrix):
    rng = np.random.default_rng(1003)
    adj = random_graph(6, rng, 2)
    assert_close(
        call(google_matrix, adj.copy(), 0.0),
        np.full((6, 6), 1 / 6),
        atol=1e-12,
        what="google_matrix with alpha = 0",
        hint="with alpha = 0 the surfer always teleports: every entry is 1/n.",
    )
    assert_close(
        call(google_matrix, adj.copy(), 1.0),
        oracle(adj, 1.0),
        atol=1e-12,
        what="google_matrix with alpha = 1 (no teleportation)",
        hint="with alpha = 1, G is the link matrix M itself (dangling columns 1/n).",
    )
    assert_close(
        call(google_matrix, np.zeros((4, 4)), 0.85),
        np.full((4, 4), 0.25),
        atol=1e-12,
        what="google_matrix of a graph with no links at all",
        hint="every page is dangling, so every column is uniform.",
    )
    nested = [[0, 1, 1, 0], [0, 0, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0]]
    assert_close(
        call(google_matrix, copy.deepcopy(nested), 0.7),
        oracle(nested, 0.7),
        atol=1e-12,
        what="google_matrix of a graph given as a nested list of ints",
        hint="adj may be a nested list: convert it with np.asarray(adj, dtype=float) first.",
    )
