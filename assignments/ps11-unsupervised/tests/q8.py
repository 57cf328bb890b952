OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone. The tests pass their own log_density, e_step and m_step, so mistakes
# in questions 5 to 7 do not cost points here.
# - runs n_iter iterations of E-step then M-step from the given parameters and returns
#   (weights, means, covs, log_likelihoods): test_em_faithful_few_steps (public),
#   test_em_matches_independent_run; variants "E-step with the starting weights every
#   iteration", "returns the parameters before the last M-step".
# - log_likelihoods[t] is the log-likelihood of the parameters at the start of iteration
#   t, n_iter values, never decreasing: test_em_faithful_few_steps,
#   test_em_matches_independent_run; variant "one iteration too many".
# - n_iter = 0 returns the starting parameters and no log-likelihood:
#   test_em_honours_n_iter.
# - a converged run is a fixed point: one more EM step changes nothing:
#   test_em_fixed_point.
# - the starting arrays are left unchanged: test_em_matches_independent_run; variant
#   "writes the fitted parameters into the starting arrays in place".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, data_file, to_array

name = "q8"
points = 7


def _log_density(X, mean, cov):
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    diff = X - mean
    sign, logdet = np.linalg.slogdet(cov)
    quad = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    return -0.5 * (quad + logdet + len(mean) * np.log(2 * np.pi))


def _e_step(log_dens, weights):
    from scipy.special import logsumexp

    joint = np.asarray(log_dens, dtype=float) + np.log(np.asarray(weights, dtype=float))
    norm = logsumexp(joint, axis=1)
    return np.exp(joint - norm[:, None]), float(norm.sum())


def _m_step(X, resp, reg=0.0):
    X, resp = np.asarray(X, dtype=float), np.asarray(resp, dtype=float)
    Nk = resp.sum(axis=0)
    mu = resp.T @ X / Nk[:, None]
    S = np.stack([((X - m).T * r) @ (X - m) / nk for m, r, nk in zip(mu, resp.T, Nk, strict=True)])
    return Nk / len(X), mu, S


def _independent(X, w, mu, S, n_iter):
    values = []
    for _ in range(n_iter):
        L = np.column_stack([_log_density(X, m, c) for m, c in zip(mu, S, strict=True)])
        R, ll = _e_step(L, w)
        values.append(ll)
        w, mu, S = _m_step(X, R)
    return w, mu, S, values


def _faithful():
    table = np.loadtxt(data_file("faithful.csv"), delimiter=",", skiprows=1)
    return (table - table.mean(axis=0)) / table.std(axis=0)


def _start(X, K, gen):
    mu = X[gen.choice(len(X), size=K, replace=False)].copy()
    S = np.stack([np.cov(X.T) for _ in range(K)])
    return np.full(K, 1.0 / K), mu, S


def _run(em_gmm, X, w, mu, S, n_iter, what):
    result = call(em_gmm, X, w, mu, S, n_iter, _log_density, _e_step, _m_step, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        raise AssertionError(
            f"em_gmm on {what} should return a tuple (weights, means, covs, "
            f"log_likelihoods), found {type(result).__name__}."
        )
    K, d = mu.shape
    w2 = assert_shape(result[0], (K,), what=f"the weights em_gmm returned on {what}")
    mu2 = assert_shape(result[1], (K, d), what=f"the means em_gmm returned on {what}")
    S2 = assert_shape(result[2], (K, d, d), what=f"the covariances em_gmm returned on {what}")
    ll = to_array(result[3], what=f"the log-likelihoods em_gmm returned on {what}").ravel()
    return w2, mu2, S2, ll


def _check_history(ll, n_iter, what):
    if ll.size != n_iter:
        raise AssertionError(
            f"em_gmm on {what} with n_iter={n_iter} returned {ll.size} log-likelihoods, "
            f"expected {n_iter}: one per iteration, from that iteration's E-step."
        )
    if np.any(np.diff(ll) < -1e-8 * np.abs(ll[:-1]).clip(1.0)):
        raise AssertionError(
            f"the log-likelihoods em_gmm returned on {what} decrease at some step: EM "
            "never lowers the log-likelihood. Feed each M-step's weights, means and "
            "covariances into the next E-step."
        )


@test_case(points=2, hidden=False)
def test_em_faithful_few_steps(em_gmm):
    X = _faithful()
    w, mu, S = np.array([0.5, 0.5]), np.array([[-1.0, -1.0], [1.0, 1.0]]), np.stack([np.eye(2)] * 2)
    w2, mu2, S2, ll = _run(em_gmm, X, w, mu, S, 5, "standardized Old Faithful, 5 iterations")
    _check_history(ll, 5, "standardized Old Faithful")
    expected = _independent(X, w, mu, S, 5)
    assert_close(
        ll,
        expected[3],
        rtol=1e-8,
        what="the 5 log-likelihoods on Old Faithful",
        hint="log_likelihoods[t] is the value the E-step of iteration t returns.",
        reveal=True,
    )
    assert_close(
        mu2,
        expected[1],
        rtol=1e-8,
        what="the means after 5 iterations on Old Faithful",
        hint="return the parameters of the LAST M-step.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_em_matches_independent_run(em_gmm):
    gen = np.random.default_rng(1801)
    cases = [(_faithful(), 2, 12), (_faithful(), 3, 8)]
    centres = np.array([[0.0, 0.0, 0.0], [5.0, 0.0, 1.0], [0.0, 4.0, -3.0]])
    blobs = centres[gen.integers(0, 3, size=150)] + gen.normal(size=(150, 3))
    cases.append((blobs, 3, 10))
    for X, K, n_iter in cases:
        w, mu, S = _start(X, K, gen)
        expected = _independent(X, w, mu, S, n_iter)
        copies = w.copy(), mu.copy(), S.copy()
        what = f"{len(X)} points, {K} components, {n_iter} iterations"
        w2, mu2, S2, ll = _run(em_gmm, X, w, mu, S, n_iter, what)
        if not all(np.array_equal(a, b) for a, b in zip((w, mu, S), copies, strict=True)):
            raise AssertionError("em_gmm changed the starting arrays it was given: work on copies.")
        _check_history(ll, n_iter, what)
        assert_close(
            ll,
            expected[3],
            rtol=1e-8,
            what=f"the log-likelihoods on {what}",
            hint="run the E-step with the current weights, means and covariances.",
        )
        assert_close(
            w2,
            expected[0],
            rtol=1e-7,
            what=f"the weights on {what}",
            hint="return the parameters of the last M-step.",
        )
        assert_close(mu2, expected[1], rtol=1e-7, atol=1e-9, what=f"the means on {what}")
        assert_close(S2, expected[2], rtol=1e-7, atol=1e-9, what=f"the covariances on {what}")


@test_case(points=1, hidden=True)
def test_em_honours_n_iter(em_gmm):
    gen = np.random.default_rng(1802)
    X = _faithful()
    w, mu, S = _start(X, 2, gen)
    w2, mu2, S2, ll = _run(em_gmm, X, w, mu, S, 0, "Old Faithful with n_iter=0")
    if ll.size != 0:
        raise AssertionError(
            f"em_gmm with n_iter=0 returned {ll.size} log-likelihoods, expected none."
        )
    assert_close(
        mu2,
        mu,
        rtol=1e-12,
        what="the means em_gmm returned with n_iter=0",
        hint="with n_iter=0 nothing runs: return the starting parameters.",
    )
    expected = _independent(X, w, mu, S, 1)
    w2, mu2, S2, ll = _run(em_gmm, X, w, mu, S, 1, "Old Faithful with n_iter=1")
    _check_history(ll, 1, "Old Faithful with n_iter=1")
    assert_close(
        mu2,
        expected[1],
        rtol=1e-8,
        what="the means after one iteration",
        hint="n_iter=1 is one E-step and one M-step.",
    )


@test_case(points=2, hidden=True)
def test_em_fixed_point(em_gmm):
    gen = np.random.default_rng(1803)
    centres = np.array([[0.0, 0.0], [8.0, 0.0], [0.0, 8.0]])
    X = centres[gen.integers(0, 3, size=120)] + gen.normal(size=(120, 2))
    w, mu, S = (
        np.full(3, 1 / 3),
        centres + gen.normal(scale=1.5, size=(3, 2)),
        np.stack([np.eye(2)] * 3),
    )
    w2, mu2, S2, ll = _run(em_gmm, X, w, mu, S, 40, "3 separated blobs, 40 iterations")
    _check_history(ll, 40, "3 separated blobs")
    w3, mu3, S3, ll3 = _independent(X, w2, mu2, S2, 1)
    assert_close(
        ll3[0],
        ll[-1],
        rtol=1e-6,
        what="the log-likelihood of em_gmm's final parameters vs its last recorded value",
        hint="a converged run stops changing: the final parameters score at least "
        "as high as the last recorded log-likelihood and almost equal to it.",
    )
    assert_close(
        w3,
        w2,
        rtol=1e-6,
        atol=1e-9,
        what="the weights after one more EM step",
        hint="after 40 iterations on well separated blobs EM has converged: one more "
        "step should change nothing.",
    )
    assert_close(mu3, mu2, rtol=1e-6, atol=1e-8, what="the means after one more EM step")
    assert_close(S3, S2, rtol=1e-6, atol=1e-8, what="the covariances after one more EM step")
