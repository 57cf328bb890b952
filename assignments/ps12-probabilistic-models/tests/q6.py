"""Clauses of question 6 (hmm_forward), each with the hidden case that checks it and the wrong
variant that breaks it alone:

- returns (log_alpha, log_likelihood): log_alpha of shape (T, K) with
  log_alpha[t, k] = log P(o_0 ... o_t, z_t = k), log_likelihood = log P(o_0 ... o_{T-1}), a
  float: test_by_hand (public), test_brute_force (every hidden path enumerated);
  variants "uses A transposed", "forgets the emission of the first observation",
  "emits o_{t-1} at step t".
- A[i, j] = P(z_{t+1} = j | z_t = i), B[k, o] = P(o | z = k), obs a list or an integer
  array: test_brute_force; variant "assumes obs is a numpy array".
- in log space: a sequence of 3000 observations (where the probabilities underflow) gives
  a finite, correct result: test_long_sequence; variant "multiplies probabilities, takes
  the log at the end".
- zero probabilities are allowed (log 0 = -inf): a left-to-right model gives -inf for
  unreachable states and no NaN: test_zero_probabilities; variant "shifts by a maximum that
  may be -inf".
"""

OK_FORMAT = False

import itertools

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q6"
points = 7


def _run(hmm_forward, pi, A, B, obs, what, hint=""):
    with np.errstate(all="ignore"):
        result = call(hmm_forward, pi, A, B, obs, what=what, hint=hint)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"hmm_forward on {what} should return a tuple (log_alpha, log_likelihood), found "
            f"{type(result).__name__}."
        )
    log_alpha = assert_shape(result[0], (len(obs), len(pi)), what=f"log_alpha on {what}")
    return log_alpha, to_number(result[1], what=f"the log-likelihood on {what}")


def _model(gen, K, M):
    return (
        gen.dirichlet(np.ones(K)),
        gen.dirichlet(np.ones(K), size=K),
        gen.dirichlet(np.ones(M), size=K),
    )


def _brute_force(pi, A, B, obs):
    """alpha[t, k] as a sum over every hidden prefix z_0 ... z_t with z_t = k."""
    T, K = len(obs), len(pi)
    alpha = np.zeros((T, K))
    for t in range(T):
        for z in itertools.product(range(K), repeat=t + 1):
            p = pi[z[0]] * B[z[0], obs[0]]
            for s in range(1, t + 1):
                p *= A[z[s - 1], z[s]] * B[z[s], obs[s]]
            alpha[t, z[-1]] += p
    return alpha


def _scaled_forward(pi, A, B, obs):
    """The scaled forward algorithm (Rabiner): normalize alpha at every step, sum the logs."""
    alpha = pi * B[:, obs[0]]
    scales = [alpha.sum()]
    rows = [alpha / scales[0]]
    for o in obs[1:]:
        alpha = (rows[-1] @ A) * B[:, o]
        scales.append(alpha.sum())
        rows.append(alpha / scales[-1])
    with np.errstate(divide="ignore"):
        log_alpha = np.log(np.array(rows)) + np.cumsum(np.log(scales))[:, None]
    return log_alpha, float(np.sum(np.log(scales)))


@test_case(points=2, hidden=False)
def test_by_hand(hmm_forward):
    pi = np.array([0.6, 0.4])
    A = np.array([[0.7, 0.3], [0.4, 0.6]])
    B = np.array([[0.9, 0.1], [0.2, 0.8]])
    log_alpha, log_lik = _run(hmm_forward, pi, A, B, [0, 1], "the 2-state example, obs = [0, 1]")
    # alpha_0 = (0.6 * 0.9, 0.4 * 0.2) = (0.54, 0.08)
    # alpha_1 = ((0.54 * 0.7 + 0.08 * 0.4) * 0.1, (0.54 * 0.3 + 0.08 * 0.6) * 0.8)
    alpha = np.array([[0.54, 0.08], [0.041, 0.168]])
    assert_close(
        log_alpha,
        np.log(alpha),
        rtol=1e-10,
        what="log_alpha on the example",
        hint="alpha_0 = pi * B[:, o_0]; alpha_t[j] = sum_i alpha_(t-1)[i] A[i, j] * B[j, o_t].",
        reveal=True,
    )
    assert_close(
        log_lik,
        np.log(0.209),
        rtol=1e-10,
        what="the log-likelihood on the example",
        hint="P(obs) = sum over the states of alpha at the last step.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_brute_force(hmm_forward):
    gen = np.random.default_rng(1601)
    for K, M, T in [(2, 3, 6), (3, 4, 5), (4, 2, 4), (3, 3, 1)]:
        pi, A, B = _model(gen, K, M)
        obs = gen.integers(0, M, size=T)
        alpha = _brute_force(pi, A, B, obs)
        given = obs.tolist() if K == 3 else obs
        log_alpha, log_lik = _run(
            hmm_forward, pi, A, B, given, f"a {K}-state model and {T} observations"
        )
        with np.errstate(divide="ignore"):
            if T > 1 and np.allclose(log_alpha, np.log(_brute_force(pi, A.T, B, obs)), rtol=1e-8):
                hint = "A[i, j] is P(next = j | now = i): sum over the FIRST index, alpha @ A."
            elif np.allclose(log_alpha[0], np.log(pi), rtol=1e-8):
                hint = "alpha_0 must include the first emission: log pi + log B[:, obs[0]]."
            else:
                hint = (
                    "log_alpha[t, j] = logsumexp_i(log_alpha[t-1, i] + log A[i, j]) + "
                    "log B[j, obs[t]]: the emission of the CURRENT observation."
                )
        assert_close(
            log_alpha,
            np.log(alpha),
            rtol=1e-9,
            what=f"log_alpha on a {K}-state model and {T} observations (checked against "
            "every hidden path)",
            hint=hint,
        )
        assert_close(
            log_lik,
            np.log(alpha[-1].sum()),
            rtol=1e-9,
            what=f"the log-likelihood on a {K}-state model and {T} observations",
            hint="log P(obs) = logsumexp of log_alpha's last row.",
        )


@test_case(points=2, hidden=True)
def test_long_sequence(hmm_forward):
    gen = np.random.default_rng(1602)
    K, M, T = 3, 6, 3000
    pi, A, B = _model(gen, K, M)
    obs = gen.integers(0, M, size=T)
    expected_alpha, expected_lik = _scaled_forward(pi, A, B, obs)
    hint = (
        "after a few hundred steps the probabilities underflow to 0.0: keep everything in "
        "log space (log_alpha) and combine with a log-sum-exp, never with sums of "
        "exponentials of unshifted logs."
    )
    log_alpha, log_lik = _run(hmm_forward, pi, A, B, obs, "a sequence of 3000 observations", hint)
    if not np.isfinite(log_lik):
        raise AssertionError(
            f"hmm_forward on 3000 observations returned a log-likelihood of {log_lik}. {hint}"
        )
    if not np.all(np.isfinite(log_alpha)):
        raise AssertionError(f"log_alpha on 3000 observations contains inf or NaN. {hint}")
    hint = (
        "finite but wrong: check the recursion on short sequences first (A[i, j] goes from i to j)."
    )
    assert_close(
        log_lik, expected_lik, rtol=1e-9, what="the log-likelihood of 3000 observations", hint=hint
    )
    assert_close(
        log_alpha, expected_alpha, rtol=1e-9, what="log_alpha on 3000 observations", hint=hint
    )


@test_case(points=1, hidden=True)
def test_zero_probabilities(hmm_forward):
    # a left-to-right model: start in state 0, never move back
    pi = np.array([1.0, 0.0, 0.0])
    A = np.array([[0.6, 0.4, 0.0], [0.0, 0.7, 0.3], [0.0, 0.0, 1.0]])
    B = np.array([[0.5, 0.5, 0.0], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6]])
    obs = np.array([0, 1, 1, 2, 2, 0])
    alpha = _brute_force(pi, A, B, obs)
    log_alpha, log_lik = _run(
        hmm_forward,
        pi,
        A,
        B,
        obs,
        "a left-to-right model with zero probabilities",
        hint="a probability 0 is log 0 = -inf; a state that cannot be reached has "
        "log_alpha = -inf.",
    )
    if np.any(np.isnan(log_alpha)) or np.isnan(log_lik):
        raise AssertionError(
            "hmm_forward returned NaN on a model with zero probabilities: when every term of a "
            "log-sum-exp is -inf, the maximum is -inf and x - max is -inf - (-inf) = NaN. "
            "Shift by 0 when the maximum is -inf (the result is then -inf)."
        )
    with np.errstate(divide="ignore"):
        expected = np.log(alpha)
    assert_close(
        log_alpha,
        expected,
        rtol=1e-9,
        what="log_alpha on a left-to-right model (some entries -inf)",
    )
    assert_close(
        log_lik,
        np.log(alpha[-1].sum()),
        rtol=1e-9,
        what="the log-likelihood on a left-to-right model",
    )
