"""Clauses of question 7 (hmm_viterbi), each with the hidden case that checks it and the wrong
variant that breaks it alone. Ties: the prompt says any most probable path is accepted, so
every case checks that the returned path is optimal, never that it equals one path.

- returns (path, log_prob): path an integer array of shape (T,) with values in 0 ... K-1:
  test_by_hand (public), test_brute_force.
- path maximizes P(z, obs) over all K^T hidden paths (checked by enumeration) and log_prob
  is log of that maximum: test_brute_force; variants "takes the argmax of delta at each
  step (no backtracking)", "uses A transposed", "sums instead of maximizing (forward
  algorithm)", "backtracks with the pointers one step off".
- ties are allowed and any optimal path is accepted, but the path must be one path (a
  stitched mix of two tied paths is worse): test_ties; variant "decodes each step from
  its max-marginal (correct without ties)".
- in log space: on 2000 observations the path is still optimal and log_prob finite:
  test_long_sequence; variant "multiplies probabilities (delta underflows to 0)".
"""

OK_FORMAT = False

import itertools

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_array, to_number

name = "q7"
points = 7


def _model(gen, K, M):
    return (
        gen.dirichlet(np.ones(K)),
        gen.dirichlet(np.ones(K), size=K),
        gen.dirichlet(np.ones(M), size=K),
    )


def _path_log_prob(pi, A, B, obs, path):
    """log P(z = path, obs), summed term by term."""
    with np.errstate(divide="ignore"):
        total = np.log(pi[path[0]]) + np.log(B[path[0], obs[0]])
        for t in range(1, len(obs)):
            total += np.log(A[path[t - 1], path[t]]) + np.log(B[path[t], obs[t]])
    return float(total)


def _run(hmm_viterbi, pi, A, B, obs, what, hint=""):
    with np.errstate(all="ignore"):
        result = call(hmm_viterbi, pi, A, B, obs, what=what, hint=hint)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"hmm_viterbi on {what} should return a tuple (path, log_prob), found "
            f"{type(result).__name__}."
        )
    path = to_array(result[0], what=f"the path on {what}")
    K, T = len(pi), len(obs)
    if path.shape != (T,):
        raise AssertionError(
            f"the path hmm_viterbi returned on {what} should have shape ({T},), one state per "
            f"observation, found {path.shape}."
        )
    if not np.all(path == np.round(path)) or path.min() < 0 or path.max() > K - 1:
        raise AssertionError(
            f"the path on {what} should hold integer states 0 ... {K - 1}, found values from "
            f"{path.min():g} to {path.max():g}."
        )
    return path.astype(int), to_number(result[1], what=f"log_prob on {what}")


def _check_optimal(path, log_prob, best, pi, A, B, obs, what, hint):
    score = _path_log_prob(pi, A, B, obs, path)
    if not np.isclose(score, best, rtol=1e-9, atol=1e-9):
        found = "probability 0 (an impossible path)" if score == -np.inf else f"{score:.6g}"
        raise AssertionError(
            f"the path hmm_viterbi returned on {what} is not a most probable path: its log "
            f"probability log P(path, obs) is {found}, and a better path exists. {hint}"
        )
    assert_close(
        log_prob,
        best,
        rtol=1e-9,
        what=f"log_prob on {what}",
        hint="log_prob is the log of the largest joint probability max_z P(z, obs): the "
        "maximum of delta at the last step (a max, not a sum)."
        if not np.isclose(log_prob, score, rtol=1e-9)
        else "",
    )


@test_case(points=2, hidden=False)
def test_by_hand(hmm_viterbi):
    pi = np.array([0.6, 0.4])
    A = np.array([[0.7, 0.3], [0.4, 0.6]])
    B = np.array([[0.9, 0.1], [0.2, 0.8]])
    obs = [0, 1, 1]
    path, log_prob = _run(hmm_viterbi, pi, A, B, obs, "the 2-state example, obs = [0, 1, 1]")
    # delta_0 = (0.54, 0.08), delta_1 = (0.0378, 0.1296), delta_2 = (0.005184, 0.062208):
    # the best last state is 1, its back-pointers lead to 1 and then 0
    if not np.array_equal(path, [0, 1, 1]):
        raise AssertionError(
            f"on obs = [0, 1, 1] the most probable path is [0, 1, 1] "
            f"(P = 0.6 * 0.9 * 0.3 * 0.8 * 0.6 * 0.8 = 0.062208), found {path.tolist()}."
        )
    assert_close(
        log_prob,
        np.log(0.062208),
        rtol=1e-10,
        what="log_prob on the example",
        hint="log_prob = log P(path, obs) of the best path.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_brute_force(hmm_viterbi):
    gen = np.random.default_rng(1701)
    for K, M, T in [(2, 3, 7), (3, 4, 6), (4, 3, 4), (3, 2, 1)]:
        for _ in range(2):
            pi, A, B = _model(gen, K, M)
            obs = gen.integers(0, M, size=T)
            best = max(
                _path_log_prob(pi, A, B, obs, z) for z in itertools.product(range(K), repeat=T)
            )
            path, log_prob = _run(
                hmm_viterbi, pi, A, B, obs, f"a {K}-state model and {T} observations"
            )
            _check_optimal(
                path,
                log_prob,
                best,
                pi,
                A,
                B,
                obs,
                f"a {K}-state model and {T} observations (checked against all {K}^{T} paths)",
                "keep a back-pointer psi[t, j] = argmax_i (delta[t-1, i] + log A[i, j]) and "
                "trace the path back from the best last state; A[i, j] goes from i to j.",
            )


@test_case(points=1, hidden=True)
def test_ties(hmm_viterbi):
    # a "switching" chain: the two alternating paths 0 1 0 1 0 1 and 1 0 1 0 1 0 tie exactly,
    # and at every step states 0 and 1 look equally good, so choosing each state on its own
    # (lowest index) gives 0 0 0 0 0 0, a path that never switches and is far less likely
    pi = np.array([0.5, 0.5])
    A = np.array([[0.1, 0.9], [0.9, 0.1]])
    B = np.array([[0.5, 0.5], [0.5, 0.5]])
    obs = np.array([0, 1, 1, 0, 1, 0])
    best = max(_path_log_prob(pi, A, B, obs, z) for z in itertools.product(range(2), repeat=6))
    path, log_prob = _run(hmm_viterbi, pi, A, B, obs, "a switching chain where two paths tie")
    _check_optimal(
        path,
        log_prob,
        best,
        pi,
        A,
        B,
        obs,
        "a switching chain where two paths tie",
        "pick the best LAST state, then follow the back-pointers: choosing the best state "
        "at each step separately can stitch two tied paths into a poor one.",
    )


@test_case(points=2, hidden=True)
def test_long_sequence(hmm_viterbi):
    gen = np.random.default_rng(1702)
    K, M, T = 3, 4, 2000
    pi, A, B = _model(gen, K, M)
    obs = gen.integers(0, M, size=T)
    log_A, log_B = np.log(A), np.log(B)
    delta = np.log(pi) + log_B[:, obs[0]]
    for o in obs[1:]:
        delta = np.max(delta[:, None] + log_A, axis=0) + log_B[:, o]
    best = float(delta.max())
    hint = (
        "over 2000 steps the probabilities underflow to 0.0 and every state ties: work with "
        "log probabilities and add them (log delta + log A + log B)."
    )
    path, log_prob = _run(hmm_viterbi, pi, A, B, obs, "a sequence of 2000 observations", hint)
    if not np.isfinite(log_prob):
        raise AssertionError(f"on 2000 observations log_prob is {log_prob}. {hint}")
    _check_optimal(
        path,
        log_prob,
        best,
        pi,
        A,
        B,
        obs,
        "2000 observations",
        "log_prob is finite, so the logs are right; check the recursion and the back-pointers "
        "on short sequences first.",
    )
