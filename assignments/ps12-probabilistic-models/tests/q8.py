"""Clauses of question 8 (hmm_posteriors). Every case passes a correct `forward` (an
enumeration in the public case, a scaled forward algorithm in the hidden ones), so a
mistake in question 6 costs points only there. Each clause, with the hidden case that
checks it and the wrong variant that breaks it alone:

- returns gamma of shape (T, K), gamma[t, k] = P(z_t = k | o_0 ... o_{T-1}), every row a
  distribution: test_by_hand (public), test_brute_force (every hidden path enumerated);
  variants "normalizes alpha (filtering: no backward pass)", "the backward step emits
  o_t instead of o_{t+1}", "the backward step uses A transposed".
- in log space: 2000 observations give finite, correct posteriors: test_long_sequence;
  variant "backward pass with plain probabilities (beta underflows)".
- zero probabilities are allowed: where every term of a backward log-sum-exp is -inf, log_beta
  is -inf, not NaN: test_zero_probabilities; variant "shifts the backward log-sum-exp by a
  maximum that may be -inf".
"""

OK_FORMAT = False

import itertools

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q8"
points = 7


def _joint(pi, A, B, obs, z):
    p = pi[z[0]] * B[z[0], obs[0]]
    for t in range(1, len(obs)):
        p *= A[z[t - 1], z[t]] * B[z[t], obs[t]]
    return p


def enumerating_forward(pi, A, B, obs):
    """A correct but exponential forward algorithm (every prefix of hidden states summed);
    handed to the student's function, it runs in the grader."""
    pi, A, B = (np.asarray(m, dtype=float) for m in (pi, A, B))
    obs = [int(o) for o in obs]
    T, K = len(obs), len(pi)
    alpha = np.zeros((T, K))
    for t in range(T):
        for z in itertools.product(range(K), repeat=t + 1):
            alpha[t, z[-1]] += _joint(pi, A, B, obs[: t + 1], z)
    return np.log(alpha), float(np.log(alpha[-1].sum()))


def scaled_forward(pi, A, B, obs):
    """A correct forward algorithm by rescaling (handed to the student's function)."""
    pi, A, B = (np.asarray(m, dtype=float) for m in (pi, A, B))
    obs = np.asarray(obs, dtype=int)
    rows, logs = [], []
    alpha = pi * B[:, obs[0]]
    for t in range(len(obs)):
        if t > 0:
            alpha = (rows[-1] @ A) * B[:, obs[t]]
        logs.append(np.log(alpha.sum()))
        rows.append(alpha / alpha.sum())
    with np.errstate(divide="ignore"):
        return np.log(np.array(rows)) + np.cumsum(logs)[:, None], float(np.sum(logs))


def _run(hmm_posteriors, pi, A, B, obs, forward, what, hint=""):
    with np.errstate(all="ignore"):
        found = call(hmm_posteriors, pi, A, B, obs, forward, what=what, hint=hint)
    return assert_shape(found, (len(obs), len(pi)), what=f"hmm_posteriors on {what}")


def _model(gen, K, M):
    return (
        gen.dirichlet(np.ones(K)),
        gen.dirichlet(np.ones(K), size=K),
        gen.dirichlet(np.ones(M), size=K),
    )


def _brute_force(pi, A, B, obs):
    T, K = len(obs), len(pi)
    gamma = np.zeros((T, K))
    for z in itertools.product(range(K), repeat=T):
        p = _joint(pi, A, B, obs, z)
        gamma[np.arange(T), list(z)] += p
    return gamma / gamma[0].sum()


def _hint(gamma, pi, A, B, obs):
    from scipy.special import logsumexp

    log_alpha = scaled_forward(pi, A, B, obs)[0]
    filtered = np.exp(log_alpha - logsumexp(log_alpha, axis=1, keepdims=True))
    if len(obs) > 1 and np.allclose(gamma, filtered, rtol=1e-8):
        return (
            "these are the FILTERED probabilities P(z_t | o_0 ... o_t), alpha normalized: "
            "the posterior given the WHOLE sequence also needs beta from the backward pass."
        )
    if not np.allclose(gamma.sum(axis=1), 1.0, rtol=1e-8):
        return (
            "the rows of gamma do not sum to 1: gamma[t] = exp(log_alpha[t] + log_beta[t] - "
            "log P(obs))."
        )
    return (
        "log_beta[T-1] = 0 and log_beta[t, i] = logsumexp_j(log A[i, j] + log B[j, obs[t+1]] "
        "+ log_beta[t+1, j]): the NEXT observation, and a sum over the next state j."
    )


@test_case(points=2, hidden=False)
def test_by_hand(hmm_posteriors):
    pi = np.array([0.6, 0.4])
    A = np.array([[0.7, 0.3], [0.4, 0.6]])
    B = np.array([[0.9, 0.1], [0.2, 0.8]])
    gamma = _run(
        hmm_posteriors, pi, A, B, [0, 1], enumerating_forward, "the 2-state example, obs = [0, 1]"
    )
    # P(z, obs) for z = 00, 01, 10, 11: 0.0378, 0.1296, 0.0032, 0.0384; P(obs) = 0.209
    expected = np.array([[0.1674, 0.0416], [0.041, 0.168]]) / 0.209
    assert_close(
        gamma,
        expected,
        rtol=1e-9,
        what="gamma on the example",
        hint="gamma[0, 0] = P(z_0 = 0, obs) / P(obs) = (0.0378 + 0.1296) / 0.209.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_brute_force(hmm_posteriors):
    gen = np.random.default_rng(1801)
    for K, M, T in [(2, 3, 7), (3, 4, 5), (4, 2, 4), (3, 3, 1)]:
        pi, A, B = _model(gen, K, M)
        obs = gen.integers(0, M, size=T)
        expected = _brute_force(pi, A, B, obs)
        gamma = _run(
            hmm_posteriors, pi, A, B, obs, scaled_forward, f"a {K}-state model, {T} observations"
        )
        assert_close(
            gamma,
            expected,
            rtol=1e-8,
            atol=1e-12,
            what=f"gamma on a {K}-state model and {T} observations (checked against every "
            "hidden path)",
            hint=_hint(gamma, pi, A, B, obs),
        )


@test_case(points=2, hidden=True)
def test_long_sequence(hmm_posteriors):
    gen = np.random.default_rng(1802)
    K, M, T = 3, 5, 2000
    pi, A, B = _model(gen, K, M)
    obs = gen.integers(0, M, size=T)
    # the scaled backward pass (Rabiner), with the same scales as the forward pass
    log_alpha, _ = scaled_forward(pi, A, B, obs)
    alpha_hat = np.exp(log_alpha - log_alpha.max(axis=1, keepdims=True))
    alpha_hat /= alpha_hat.sum(axis=1, keepdims=True)
    beta_hat = np.ones((T, K))
    for t in range(T - 2, -1, -1):
        b = A @ (B[:, obs[t + 1]] * beta_hat[t + 1])
        beta_hat[t] = b / b.sum()
    expected = alpha_hat * beta_hat
    expected /= expected.sum(axis=1, keepdims=True)
    hint = (
        "over 2000 steps beta underflows to 0.0 in plain probabilities: run the backward "
        "pass on log_beta with a log-sum-exp."
    )
    gamma = _run(
        hmm_posteriors, pi, A, B, obs, scaled_forward, "a sequence of 2000 observations", hint
    )
    if not np.all(np.isfinite(gamma)) or np.any(gamma.sum(axis=1) < 0.5):
        raise AssertionError(
            f"on 2000 observations your posteriors contain inf or NaN, or rows of zeros. {hint}"
        )
    assert_close(
        gamma,
        expected,
        rtol=1e-7,
        atol=1e-10,
        what="gamma on 2000 observations",
        hint=_hint(gamma, pi, A, B, obs),
    )


@test_case(points=1, hidden=True)
def test_zero_probabilities(hmm_posteriors):
    # a left-to-right model in which only state 2 can emit symbol 2: before the first 2, a
    # state that cannot reach state 2 in one step has beta = 0 (log_beta = -inf)
    pi = np.array([1.0, 0.0, 0.0])
    A = np.array([[0.6, 0.4, 0.0], [0.0, 0.7, 0.3], [0.0, 0.0, 1.0]])
    B = np.array([[0.5, 0.5, 0.0], [0.4, 0.6, 0.0], [0.2, 0.2, 0.6]])
    obs = np.array([0, 1, 1, 2, 2, 0])
    expected = _brute_force(pi, A, B, obs)
    gamma = _run(
        hmm_posteriors,
        pi,
        A,
        B,
        obs,
        scaled_forward,
        "a left-to-right model with zero probabilities",
        hint="a probability 0 is log 0 = -inf; a state that cannot explain the future has "
        "log_beta = -inf and posterior 0.",
    )
    if np.any(np.isnan(gamma)):
        raise AssertionError(
            "hmm_posteriors returned NaN on a model with zero probabilities: when every term "
            "of a backward log-sum-exp is -inf, its maximum is -inf and x - max is NaN. Shift "
            "by 0 when the maximum is -inf (the result is then -inf)."
        )
    assert_close(
        gamma,
        expected,
        rtol=1e-9,
        atol=1e-12,
        what="gamma on a left-to-right model (checked against every hidden path)",
    )
