"""Variants for ps12-probabilistic-models: the mistakes students make, and other correct answers."""

import numpy as np
from scipy.special import logsumexp

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: multinomial_nb_fit


@variant("q1", wrong="priors from each class's share of the WORDS instead of the documents")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    totals = counts.sum(axis=1)
    with np.errstate(divide="ignore"):
        log_prior = np.log(totals / totals.sum())
    theta = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * X.shape[1])
    return log_prior, np.log(theta)


@variant("q1", wrong="a uniform prior log(1 / K)")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    theta = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * X.shape[1])
    return np.full(n_classes, -np.log(n_classes)), np.log(theta)


@variant("q1", wrong="normalizes the word counts over the classes (axis 0) instead of the words")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    docs = np.array([np.sum(y == k) for k in range(n_classes)])
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs / len(y))
    theta = (counts + alpha) / (counts + alpha).sum(axis=0, keepdims=True)
    return log_prior, np.log(theta)


@variant("q1", wrong="adds alpha to the numerator but forgets alpha * V in the denominator")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    docs = np.array([np.sum(y == k) for k in range(n_classes)])
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs / len(y))
        theta = (counts + alpha) / counts.sum(axis=1, keepdims=True)
    return log_prior, np.log(theta)


@variant("q1", wrong="always adds 1 (ignores the alpha argument)")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    docs = np.array([np.sum(y == k) for k in range(n_classes)])
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs / len(y))
    theta = (counts + 1) / (counts.sum(axis=1, keepdims=True) + X.shape[1])
    return log_prior, np.log(theta)


@variant("q1", wrong="takes the classes from np.unique(y): a class with no document is dropped")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    counts = np.array([X[y == k].sum(axis=0) for k in classes])
    docs = np.array([np.sum(y == k) for k in classes])
    theta = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * X.shape[1])
    return np.log(docs / len(y)), np.log(theta)


@variant("q1", correct="one-hot class matrix: counts = Y.T @ X, priors from its column sums")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    X = np.asarray(X, dtype=float)
    Y = np.eye(n_classes)[np.asarray(y)]
    counts = Y.T @ X
    with np.errstate(divide="ignore"):
        log_prior = np.log(Y.sum(axis=0)) - np.log(len(X))
    smoothed = counts + alpha
    return log_prior, np.log(smoothed) - np.log(smoothed.sum(axis=1))[:, None]


# ---------------------------------------------------------------- q2: log_normalize


@variant("q2", wrong="exponentiates directly: log(exp(S) / sum exp(S)) overflows")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    E = np.exp(S)
    return np.log(E / E.sum(axis=1, keepdims=True))


@variant("q2", wrong="shifts every row by the one global maximum instead of its own")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    top = np.max(S)
    return S - (top + np.log(np.sum(np.exp(S - top), axis=1, keepdims=True)))


@variant("q2", wrong="normalizes each column (axis 0) instead of each row")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    top = np.max(S, axis=0, keepdims=True)
    return S - (top + np.log(np.sum(np.exp(S - top), axis=0, keepdims=True)))


@variant("q2", wrong="subtracts the row maximum only (forgets the log of the sum)")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    return S - np.max(S, axis=1, keepdims=True)


@variant("q2", wrong="shifts by the row mean: -inf scores make the mean -inf, hence NaN")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    mid = np.mean(S, axis=1, keepdims=True)
    return S - (mid + np.log(np.sum(np.exp(S - mid), axis=1, keepdims=True)))


@variant("q2", wrong="calls scipy.special.logsumexp, which this question forbids")
def log_normalize(S):
    S = np.asarray(S, dtype=float)
    return S - logsumexp(S, axis=1, keepdims=True)


@variant(
    "q2", correct="a loop over the rows, each shifted by its maximum, returning a list of lists"
)
def log_normalize(S):
    rows = []
    for row in np.asarray(S, dtype=float):
        top = row.max()
        rows.append(list(row - top - np.log(np.exp(row - top).sum())))
    return rows


# ---------------------------------------------------------------- q3: multinomial posterior


@variant(
    "q3", wrong="multiplies the probabilities, then takes the log: underflows on long documents"
)
def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    X = np.asarray(X, dtype=float)
    theta = np.exp(np.asarray(log_theta, dtype=float))
    likelihood = np.prod(theta[None, :, :] ** X[:, None, :], axis=2)
    with np.errstate(divide="ignore"):
        return normalize(np.log(np.exp(log_prior)[None, :] * likelihood))


@variant("q3", wrong="forgets the prior")
def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    X = np.asarray(X, dtype=float)
    return normalize(X @ np.asarray(log_theta, dtype=float).T)


@variant("q3", wrong="uses word presence (0/1) instead of the counts")
def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    X = (np.asarray(X) > 0).astype(float)
    return normalize(np.asarray(log_prior)[None, :] + X @ np.asarray(log_theta, dtype=float).T)


@variant("q3", wrong="returns the joint scores without normalizing them")
def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    X = np.asarray(X, dtype=float)
    return np.asarray(log_prior)[None, :] + X @ np.asarray(log_theta, dtype=float).T


@variant("q3", correct="loops over the documents and normalizes with its own log-sum-exp")
def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    out = []
    for x in np.asarray(X, dtype=float):
        s = np.asarray(log_prior, dtype=float) + np.asarray(log_theta, dtype=float) @ x
        out.append(s - logsumexp(s))
    return np.array(out)


# ---------------------------------------------------------------- q4: gaussian_nb_fit


@variant("q4", wrong="ddof = 1 for the class variances")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    log_prior = np.log(np.array([np.mean(y == k) for k in range(n_classes)]))
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    variances = np.array([X[y == k].var(axis=0, ddof=1) for k in range(n_classes)]) + eps
    return log_prior, means, variances


@variant("q4", wrong="returns the standard deviations instead of the variances")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    log_prior = np.log(np.array([np.mean(y == k) for k in range(n_classes)]))
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    stds = np.array([X[y == k].std(axis=0) for k in range(n_classes)]) + eps
    return log_prior, means, stds


@variant("q4", wrong="one pooled variance of all the data for every class")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    log_prior = np.log(np.array([np.mean(y == k) for k in range(n_classes)]))
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    variances = np.tile(X.var(axis=0) + eps, (n_classes, 1))
    return log_prior, means, variances


@variant("q4", wrong="ignores the eps argument (always adds 1e-9)")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    log_prior = np.log(np.array([np.mean(y == k) for k in range(n_classes)]))
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    variances = np.array([X[y == k].var(axis=0) for k in range(n_classes)]) + 1e-9
    return log_prior, means, variances


@variant("q4", wrong="a uniform prior log(1 / K)")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    variances = np.array([X[y == k].var(axis=0) for k in range(n_classes)]) + eps
    return np.full(n_classes, -np.log(n_classes)), means, variances


@variant("q4", correct="one-hot sums: E[x^2] - E[x]^2 per class, returned as lists")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    X = np.asarray(X, dtype=float)
    Y = np.eye(n_classes)[np.asarray(y)]
    n_k = Y.sum(axis=0)
    means = (Y.T @ X) / n_k[:, None]
    centred = X - means[np.asarray(y)]
    variances = (Y.T @ centred**2) / n_k[:, None] + eps
    return list(np.log(n_k / len(X))), means.tolist(), variances.tolist()


# ---------------------------------------------------------------- q5: gaussian posterior


@variant("q5", wrong="multiplies the densities, then takes the log: underflows with many features")
def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    dens = np.exp(-((X[:, None, :] - means[None]) ** 2) / (2 * var[None])) / np.sqrt(
        2 * np.pi * var[None]
    )
    with np.errstate(divide="ignore"):
        return normalize(np.log(np.exp(log_prior)[None, :] * np.prod(dens, axis=2)))


@variant("q5", wrong="drops the -1/2 log(2 pi sigma^2) term, as if it cancelled between classes")
def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    L = -0.5 * np.sum((X[:, None, :] - means[None]) ** 2 / var[None], axis=2)
    return normalize(np.asarray(log_prior)[None, :] + L)


@variant("q5", wrong="treats the variances as standard deviations (squares them again)")
def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float) ** 2
    diff = X[:, None, :] - means[None]
    L = -0.5 * np.sum(np.log(2 * np.pi * var)[None] + diff**2 / var[None], axis=2)
    return normalize(np.asarray(log_prior)[None, :] + L)


@variant("q5", wrong="forgets the prior")
def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    diff = X[:, None, :] - means[None]
    return normalize(-0.5 * np.sum(np.log(2 * np.pi * var)[None] + diff**2 / var[None], axis=2))


@variant("q5", correct="a loop over the classes with scipy.stats.norm.logpdf")
def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    from scipy.stats import norm

    X = np.asarray(X, dtype=float)
    cols = [
        log_prior[k] + norm.logpdf(X, means[k], np.sqrt(variances[k])).sum(axis=1)
        for k in range(len(log_prior))
    ]
    return normalize(np.stack(cols, axis=1))


# ---------------------------------------------------------------- q6: hmm_forward


@variant("q6", wrong="uses A transposed: sums over the next state instead of the previous one")
def hmm_forward(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    log_alpha = [log_pi + log_B[:, obs[0]]]
    for o in obs[1:]:
        log_alpha.append(logsumexp(log_alpha[-1][None, :] + log_A, axis=1) + log_B[:, o])
    return np.array(log_alpha), float(logsumexp(log_alpha[-1]))


@variant("q6", wrong="forgets the emission of the first observation: log_alpha[0] = log pi")
def hmm_forward(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    log_alpha = [log_pi]
    for o in obs[1:]:
        log_alpha.append(logsumexp(log_alpha[-1][:, None] + log_A, axis=0) + log_B[:, o])
    return np.array(log_alpha), float(logsumexp(log_alpha[-1]))


@variant("q6", wrong="emits the previous observation o_{t-1} at step t")
def hmm_forward(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    log_alpha = [log_pi + log_B[:, obs[0]]]
    for t in range(1, len(obs)):
        log_alpha.append(logsumexp(log_alpha[-1][:, None] + log_A, axis=0) + log_B[:, obs[t - 1]])
    return np.array(log_alpha), float(logsumexp(log_alpha[-1]))


@variant("q6", wrong="multiplies probabilities and takes the log at the end: underflows")
def hmm_forward(pi, A, B, obs):
    obs = np.asarray(obs, dtype=int)
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    alpha = [np.asarray(pi, dtype=float) * B[:, obs[0]]]
    for o in obs[1:]:
        alpha.append((alpha[-1] @ A) * B[:, o])
    with np.errstate(divide="ignore"):
        return np.log(np.array(alpha)), float(np.log(alpha[-1].sum()))


@variant("q6", wrong="log-sum-exp shifted by the maximum even when it is -inf (NaN)")
def hmm_forward(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)

    def lse(S, axis):
        top = np.max(S, axis=axis, keepdims=True)
        return np.squeeze(top + np.log(np.sum(np.exp(S - top), axis=axis, keepdims=True)), axis)

    log_alpha = [log_pi + log_B[:, obs[0]]]
    with np.errstate(invalid="ignore", divide="ignore"):
        for o in obs[1:]:
            log_alpha.append(lse(log_alpha[-1][:, None] + log_A, 0) + log_B[:, o])
        return np.array(log_alpha), float(lse(log_alpha[-1], 0))


@variant(
    "q6", correct="the scaled forward algorithm: normalize alpha each step, add the log scales"
)
def hmm_forward(pi, A, B, obs):
    obs = np.asarray(obs, dtype=int)
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    alpha = np.asarray(pi, dtype=float) * B[:, obs[0]]
    total = np.log(alpha.sum())
    alpha = alpha / alpha.sum()
    with np.errstate(divide="ignore"):
        rows = [np.log(alpha) + total]
        for o in obs[1:]:
            alpha = (alpha @ A) * B[:, o]
            c = alpha.sum()
            total += np.log(c)
            alpha = alpha / c
            rows.append(np.log(alpha) + total)
    return np.array(rows), float(total)


@variant("q6", correct="scipy.special.logsumexp and a list for log_alpha")
def hmm_forward(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    log_pi, log_A, log_B = _logs(pi, A, B)
    rows = [log_pi + log_B[:, int(obs[0])]]
    for o in list(obs)[1:]:
        rows.append(
            [logsumexp(rows[-1] + log_A[:, j]) + log_B[j, int(o)] for j in range(len(log_pi))]
        )
    return [list(r) for r in rows], logsumexp(rows[-1])


# ---------------------------------------------------------------- q7: hmm_viterbi


@variant("q7", wrong="takes the argmax of delta at each step instead of backtracking")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    delta = log_pi + log_B[:, obs[0]]
    path = [int(np.argmax(delta))]
    for o in obs[1:]:
        delta = np.max(delta[:, None] + log_A, axis=0) + log_B[:, o]
        path.append(int(np.argmax(delta)))
    return np.array(path), float(np.max(delta))


@variant("q7", wrong="uses A transposed in the recursion")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    def _viterbi_core(pi, A, B, obs, shift=0, combine="max"):
        obs = np.asarray(obs, dtype=int)
        log_pi, log_A, log_B = _logs(pi, A, B)
        T, K = len(obs), len(log_pi)
        delta = log_pi + log_B[:, obs[0]]
        back = np.zeros((T, K), dtype=int)
        for t in range(1, T):
            S = delta[:, None] + log_A
            back[t] = np.argmax(S, axis=0)
            delta = (np.max(S, axis=0) if combine == "max" else logsumexp(S, axis=0)) + log_B[
                :, obs[t]
            ]
        path = np.zeros(T, dtype=int)
        path[-1] = int(np.argmax(delta))
        for t in range(T - 1, 0, -1):
            path[t - 1] = back[min(T - 1, t + shift), path[t]]
        best = np.max(delta) if combine == "max" else logsumexp(delta)
        return path, float(best)

    return _viterbi_core(pi, np.asarray(A, dtype=float).T, B, obs)


@variant("q7", wrong="sums over the previous states (the forward algorithm) instead of maximizing")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    def _viterbi_core(pi, A, B, obs, shift=0, combine="max"):
        obs = np.asarray(obs, dtype=int)
        log_pi, log_A, log_B = _logs(pi, A, B)
        T, K = len(obs), len(log_pi)
        delta = log_pi + log_B[:, obs[0]]
        back = np.zeros((T, K), dtype=int)
        for t in range(1, T):
            S = delta[:, None] + log_A
            back[t] = np.argmax(S, axis=0)
            delta = (np.max(S, axis=0) if combine == "max" else logsumexp(S, axis=0)) + log_B[
                :, obs[t]
            ]
        path = np.zeros(T, dtype=int)
        path[-1] = int(np.argmax(delta))
        for t in range(T - 1, 0, -1):
            path[t - 1] = back[min(T - 1, t + shift), path[t]]
        best = np.max(delta) if combine == "max" else logsumexp(delta)
        return path, float(best)

    return _viterbi_core(pi, A, B, obs, combine="sum")


@variant("q7", wrong="backtracks with the pointers one step off (psi[t + 1] instead of psi[t])")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    def _viterbi_core(pi, A, B, obs, shift=0, combine="max"):
        obs = np.asarray(obs, dtype=int)
        log_pi, log_A, log_B = _logs(pi, A, B)
        T, K = len(obs), len(log_pi)
        delta = log_pi + log_B[:, obs[0]]
        back = np.zeros((T, K), dtype=int)
        for t in range(1, T):
            S = delta[:, None] + log_A
            back[t] = np.argmax(S, axis=0)
            delta = (np.max(S, axis=0) if combine == "max" else logsumexp(S, axis=0)) + log_B[
                :, obs[t]
            ]
        path = np.zeros(T, dtype=int)
        path[-1] = int(np.argmax(delta))
        for t in range(T - 1, 0, -1):
            path[t - 1] = back[min(T - 1, t + shift), path[t]]
        best = np.max(delta) if combine == "max" else logsumexp(delta)
        return path, float(best)

    return _viterbi_core(pi, A, B, obs, shift=1)


@variant("q7", wrong="multiplies probabilities: delta underflows to 0 and every state ties")
def hmm_viterbi(pi, A, B, obs):
    obs = np.asarray(obs, dtype=int)
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    T, K = len(obs), len(pi)
    delta = np.asarray(pi, dtype=float) * B[:, obs[0]]
    back = np.zeros((T, K), dtype=int)
    for t in range(1, T):
        S = delta[:, None] * A
        back[t] = np.argmax(S, axis=0)
        delta = np.max(S, axis=0) * B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = int(np.argmax(delta))
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    with np.errstate(divide="ignore"):
        return path, float(np.log(np.max(delta)))


@variant("q7", wrong="decodes each step from its max-marginal: right without ties, wrong with them")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    T, K = len(obs), len(log_pi)
    fwd = np.zeros((T, K))
    bwd = np.zeros((T, K))
    fwd[0] = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        fwd[t] = np.max(fwd[t - 1][:, None] + log_A, axis=0) + log_B[:, obs[t]]
    for t in range(T - 2, -1, -1):
        bwd[t] = np.max(log_A + (log_B[:, obs[t + 1]] + bwd[t + 1])[None, :], axis=1)
    return np.argmax(fwd + bwd, axis=1), float(np.max(fwd[-1]))


@variant("q7", correct="ties to the highest state index, path returned as a list")
def hmm_viterbi(pi, A, B, obs):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    log_pi, log_A, log_B = _logs(pi, A, B)
    T, K = len(obs), len(log_pi)
    delta = log_pi + log_B[:, obs[0]]
    back = np.zeros((T, K), dtype=int)
    for t in range(1, T):
        S = delta[:, None] + log_A
        back[t] = K - 1 - np.argmax(S[::-1], axis=0)
        delta = np.max(S, axis=0) + log_B[:, obs[t]]
    state = K - 1 - int(np.argmax(delta[::-1]))
    path = [state]
    for t in range(T - 1, 0, -1):
        state = int(back[t, state])
        path.append(state)
    return path[::-1], float(np.max(delta))


# ---------------------------------------------------------------- q8: hmm_posteriors


@variant("q8", wrong="normalizes alpha (the filtered probabilities): no backward pass")
def hmm_posteriors(pi, A, B, obs, forward):
    log_alpha, _ = forward(pi, A, B, obs)
    log_alpha = np.asarray(log_alpha, dtype=float)
    return np.exp(log_alpha - logsumexp(log_alpha, axis=1, keepdims=True))


@variant("q8", wrong="the backward step emits o_t instead of o_{t+1}")
def hmm_posteriors(pi, A, B, obs, forward):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    def _posteriors_core(pi, A, B, obs, forward, lag=1, transpose=False):
        obs = np.asarray(obs, dtype=int)
        _, log_A, log_B = _logs(pi, A, B)
        if transpose:
            log_A = log_A.T
        log_alpha, log_lik = forward(pi, A, B, obs)
        log_alpha = np.asarray(log_alpha, dtype=float)
        T, K = log_alpha.shape
        log_beta = np.zeros((T, K))
        for t in range(T - 2, -1, -1):
            log_beta[t] = logsumexp(
                log_A + (log_B[:, obs[t + lag]] + log_beta[t + 1])[None, :], axis=1
            )
        return np.exp(log_alpha + log_beta - log_lik)

    return _posteriors_core(pi, A, B, obs, forward, lag=0)


@variant("q8", wrong="the backward step uses A transposed")
def hmm_posteriors(pi, A, B, obs, forward):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    def _posteriors_core(pi, A, B, obs, forward, lag=1, transpose=False):
        obs = np.asarray(obs, dtype=int)
        _, log_A, log_B = _logs(pi, A, B)
        if transpose:
            log_A = log_A.T
        log_alpha, log_lik = forward(pi, A, B, obs)
        log_alpha = np.asarray(log_alpha, dtype=float)
        T, K = log_alpha.shape
        log_beta = np.zeros((T, K))
        for t in range(T - 2, -1, -1):
            log_beta[t] = logsumexp(
                log_A + (log_B[:, obs[t + lag]] + log_beta[t + 1])[None, :], axis=1
            )
        return np.exp(log_alpha + log_beta - log_lik)

    return _posteriors_core(pi, A, B, obs, forward, transpose=True)


@variant("q8", wrong="backward pass with plain probabilities: beta underflows on long sequences")
def hmm_posteriors(pi, A, B, obs, forward):
    obs = np.asarray(obs, dtype=int)
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    log_alpha, log_lik = forward(pi, A, B, obs)
    log_alpha = np.asarray(log_alpha, dtype=float)
    T, K = log_alpha.shape
    beta = np.ones((T, K))
    for t in range(T - 2, -1, -1):
        beta[t] = A @ (B[:, obs[t + 1]] * beta[t + 1])
    with np.errstate(divide="ignore"):
        return np.exp(log_alpha + np.log(beta) - log_lik)


@variant("q8", correct="normalizes log_alpha + log_beta row by row instead of using log P(obs)")
def hmm_posteriors(pi, A, B, obs, forward):
    def _logs(pi, A, B):
        with np.errstate(divide="ignore"):
            return (
                np.log(np.asarray(pi, dtype=float)),
                np.log(np.asarray(A, dtype=float)),
                np.log(np.asarray(B, dtype=float)),
            )

    obs = np.asarray(obs, dtype=int)
    _, log_A, log_B = _logs(pi, A, B)
    log_alpha = np.asarray(forward(pi, A, B, obs)[0], dtype=float)
    T, K = log_alpha.shape
    log_beta = np.zeros((T, K))
    for t in range(T - 2, -1, -1):
        for i in range(K):
            log_beta[t, i] = logsumexp(log_A[i] + log_B[:, obs[t + 1]] + log_beta[t + 1])
    s = log_alpha + log_beta
    return np.exp(s - logsumexp(s, axis=1, keepdims=True))


# ---------------------------------------------------------------- q9: entropy, gini


@variant("q9", wrong="entropy with the natural log (nats instead of bits)")
def entropy(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / y.size
    return float(-np.sum(p * np.log(p)))


@variant("q9", wrong="gini returns sum p_k^2 (forgets the 1 -)")
def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / y.size
    return float(np.sum(p**2))


@variant("q9", wrong="gini = 1 - sum p_k, which is always 0")
def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / y.size
    return float(1 - np.sum(p))


@variant(
    "q9", wrong="entropy counts with np.bincount: 0 * log2(0) = NaN for labels that never occur"
)
def entropy(y):
    y = np.asarray(y, dtype=int)
    if y.size == 0:
        return 0.0
    p = np.bincount(y) / y.size
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * np.log2(p)))


@variant("q9", wrong="divides by len(y) without a special case: NaN for an empty y")
def entropy(y):
    y = np.asarray(y)
    counts = np.unique(y, return_counts=True)[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        p = counts / y.size
        return float(-np.sum(p * np.log2(p))) if counts.size else float(np.nan)


@variant("q9", correct="a dictionary of counts in plain Python, math.log2")
def entropy(y):
    import math

    counts = {}
    for label in list(np.asarray(y).tolist()):
        counts[label] = counts.get(label, 0) + 1
    n = sum(counts.values())
    return sum(-c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


# ---------------------------------------------------------------- q10: information_gain


@variant("q10", wrong="the plain average of the two children's impurities")
def information_gain(y, left, impurity):
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    return float(impurity(y) - (impurity(y[left]) + impurity(y[~left])) / 2)


@variant("q10", wrong="weights swapped: n_right / n for the left child")
def information_gain(y, left, impurity):
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    n, n_left = y.size, int(left.sum())
    return float(
        impurity(y) - (n - n_left) / n * impurity(y[left]) - n_left / n * impurity(y[~left])
    )


@variant("q10", wrong="forgets the parent: returns the weighted impurity of the children")
def information_gain(y, left, impurity):
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    n, n_left = y.size, int(left.sum())
    return float(n_left / n * impurity(y[left]) + (n - n_left) / n * impurity(y[~left]))


@variant("q10", wrong="always uses gini, whatever impurity it is given")
def information_gain(y, left, impurity):
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    n, n_left = y.size, int(left.sum())
    return float(gini(y) - n_left / n * gini(y[left]) - (n - n_left) / n * gini(y[~left]))


@variant("q10", correct="np.mean(left) as the left weight")
def information_gain(y, left, impurity):
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    w = float(np.mean(left))
    return impurity(y) - w * impurity(y[left]) - (1 - w) * impurity(y[~left])


# ---------------------------------------------------------------- q11: best_split


@variant("q11", wrong="thresholds at the data values (x < value) instead of the midpoints")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    return _split_core(X, y, impurity, at_values=True)


@variant("q11", wrong="skips the last candidate threshold of each feature (off by one)")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    return _split_core(X, y, impurity, skip_last=True)


@variant("q11", wrong="searches only the first feature")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    return _split_core(X, y, impurity, only_first=True)


@variant("q11", wrong="weights the two children equally")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    return _split_core(X, y, impurity, halve=True)


@variant("q11", wrong="keeps the last of the tied splits (>=)")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    return _split_core(X, y, impurity, ties="last")


@variant("q11", wrong="takes the max of a list of candidates, which crashes when there is none")
def best_split(X, y, impurity):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = y.size
    found = []
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            gain = (
                impurity(y)
                - (left.sum() * impurity(y[left]) + (~left).sum() * impurity(y[~left])) / n
            )
            found.append((-gain, j, t))
    g, j, t = min(found)
    return j, float(t), float(-g)


@variant("q11", wrong="sorts each column of X in place to find the thresholds")
def best_split(X, y, impurity):
    def _split_core(
        X,
        y,
        impurity,
        at_values=False,
        skip_last=False,
        only_first=False,
        ties="first",
        halve=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n = y.size
        parent = impurity(y)
        best, best_gain = (None, None, 0.0), -np.inf
        for j in range(1 if only_first else X.shape[1]):
            values = np.unique(X[:, j])
            if at_values:
                candidates = values[1:]
            else:
                candidates = (values[:-1] + values[1:]) / 2
            if skip_last:
                candidates = candidates[:-1]
            for t in candidates:
                left = X[:, j] < t if at_values else X[:, j] <= t
                n_left = int(left.sum())
                if halve:
                    gain = parent - (impurity(y[left]) + impurity(y[~left])) / 2
                else:
                    gain = (
                        parent
                        - (n_left * impurity(y[left]) + (n - n_left) * impurity(y[~left])) / n
                    )
                better = gain >= best_gain - 1e-12 if ties == "last" else gain > best_gain + 1e-12
                if better:
                    best_gain, best = gain, (j, float(t), float(gain))
        return best

    result = _split_core(X, y, impurity)
    for j in range(X.shape[1]):
        X[:, j].sort()
    return result


@variant("q11", correct="sorts each feature once and sweeps the thresholds; gains as a table")
def best_split(X, y, impurity):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = y.size
    rows = []
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys = X[order, j], y[order]
        for i in range(1, n):
            if xs[i] > xs[i - 1]:
                t = (xs[i - 1] + xs[i]) / 2
                g = impurity(y) - i / n * impurity(ys[:i]) - (n - i) / n * impurity(ys[i:])
                rows.append((j, t, g))
    if not rows:
        return None, None, 0.0
    gains = np.array([r[2] for r in rows])
    k = int(np.flatnonzero(gains >= gains.max() - 1e-12)[0])
    return rows[k][0], rows[k][1], rows[k][2]


# ---------------------------------------------------------------- q12: build_tree, predict_tree


@variant("q12", wrong="grows the left child on the rows with X[:, feature] > threshold")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, swap=True)


@variant("q12", wrong="grows both children on all the rows of the node")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, all_rows=True)


@variant("q12", wrong="one level too many: stops at depth max_depth + 1")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, extra=1)


@variant("q12", wrong="splits even when the best gain is 0")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, zero_gain=True)


@variant("q12", wrong="does not handle a split of (None, None, 0.0): indexes X[:, None]")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, ignore_none=True)


@variant("q12", wrong="majority ties go to the label seen first (Counter.most_common)")
def build_tree(X, y, max_depth, split):
    def _leaf(y, first_seen=False):
        if first_seen:
            from collections import Counter

            return {"label": int(Counter(np.asarray(y).tolist()).most_common(1)[0][0])}
        labels, counts = np.unique(y, return_counts=True)
        return {"label": int(labels[np.argmax(counts)])}

    def _grow(
        X,
        y,
        depth,
        split,
        swap=False,
        all_rows=False,
        extra=0,
        zero_gain=False,
        ignore_none=False,
        first_seen=False,
    ):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        kwargs = dict(
            swap=swap,
            all_rows=all_rows,
            extra=0,
            zero_gain=zero_gain,
            ignore_none=ignore_none,
            first_seen=first_seen,
        )
        if depth + extra <= 0 or np.unique(y).size == 1:
            return _leaf(y, first_seen)
        feature, threshold, gain = split(X, y)
        if ignore_none:
            left = X[:, feature] <= threshold  # before looking at the gain: fails on None
        if feature is None:
            return _leaf(y, first_seen)
        if gain <= 1e-12 and not zero_gain:
            return _leaf(y, first_seen)
        left = X[:, feature] <= threshold
        if swap:
            left = ~left
        if all_rows:
            left_rows = right_rows = np.ones(len(y), dtype=bool)
        else:
            left_rows, right_rows = left, ~left
        kwargs["extra"] = extra
        return {
            "feature": int(feature),
            "threshold": float(threshold),
            "left": _grow(X[left_rows], y[left_rows], depth - 1, split, **kwargs),
            "right": _grow(X[right_rows], y[right_rows], depth - 1, split, **kwargs),
        }

    return _grow(X, y, max_depth, split, first_seen=True)


@variant("q12", correct="an explicit stack of nodes instead of recursion")
def build_tree(X, y, max_depth, split):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    root = {}
    stack = [(root, np.arange(len(y)), max_depth)]
    while stack:
        node, rows, depth = stack.pop()
        labels, counts = np.unique(y[rows], return_counts=True)
        decision = split(X[rows], y[rows]) if depth > 0 and labels.size > 1 else (None, None, 0)
        feature, threshold, gain = decision
        if feature is None or gain <= 1e-12:
            node["label"] = int(labels[np.argmax(counts)])
            continue
        node.update(feature=int(feature), threshold=float(threshold), left={}, right={})
        goes_left = X[rows, feature] <= threshold
        stack.append((node["left"], rows[goes_left], depth - 1))
        stack.append((node["right"], rows[~goes_left], depth - 1))
    return root


@variant("q12", wrong="predict_tree goes left only when x < threshold")
def predict_tree(tree, X):
    out = []
    for x in np.asarray(X, dtype=float):
        node = tree
        while "label" not in node:
            node = node["left"] if x[node["feature"]] < node["threshold"] else node["right"]
        out.append(node["label"])
    return np.array(out, dtype=int)


@variant("q12", wrong="predict_tree assumes the root is an internal node")
def predict_tree(tree, X):
    out = []
    for x in np.asarray(X, dtype=float):
        node = tree["left"] if x[tree["feature"]] <= tree["threshold"] else tree["right"]
        while "label" not in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        out.append(node["label"])
    return np.array(out, dtype=int)


@variant("q12", correct="predict_tree by recursion on the rows that reach each node, as a list")
def predict_tree(tree, X):
    X = np.asarray(X, dtype=float)
    out = [0] * len(X)

    def descend(node, rows):
        if "label" in node:
            for i in rows:
                out[i] = node["label"]
            return
        go = X[rows, node["feature"]] <= node["threshold"]
        descend(node["left"], rows[go])
        descend(node["right"], rows[~go])

    descend(tree, np.arange(len(X)))
    return out


# ---------------------------------------------------------------- inputs and types


@variant("q1", wrong="sorts X and y by class in place, changing the caller's arrays")
def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    order = np.argsort(y, kind="stable")
    X[:] = X[order]
    y[:] = y[order]
    X = np.asarray(X, dtype=float)
    counts = np.array([X[y == k].sum(axis=0) for k in range(n_classes)])
    docs = np.array([np.sum(y == k) for k in range(n_classes)])
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs / len(y))
    theta = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * X.shape[1])
    return log_prior, np.log(theta)


@variant("q2", wrong="shifts S in place (S -= max), changing the caller's array")
def log_normalize(S):
    S -= np.max(S, axis=1, keepdims=True)
    S -= np.log(np.sum(np.exp(S), axis=1, keepdims=True))
    return S


@variant("q4", wrong="centres X in place (X -= means) to compute the variances")
def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    y = np.asarray(y)
    log_prior = np.log(np.array([np.mean(y == k) for k in range(n_classes)]))
    means = np.array([X[y == k].mean(axis=0) for k in range(n_classes)])
    X -= means[y]
    variances = np.array([np.mean(X[y == k] ** 2, axis=0) for k in range(n_classes)]) + eps
    return log_prior, means, variances


@variant("q6", wrong="assumes obs is a numpy array (obs.shape): fails on a list")
def hmm_forward(pi, A, B, obs):
    with np.errstate(divide="ignore"):
        log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)
    T = obs.shape[0]
    log_alpha = np.zeros((T, len(log_pi)))
    log_alpha[0] = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        log_alpha[t] = logsumexp(log_alpha[t - 1][:, None] + log_A, axis=0) + log_B[:, obs[t]]
    return log_alpha, float(logsumexp(log_alpha[-1]))


@variant("q9", wrong="gini uses y.size: fails when y is a list")
def gini(y):
    if y.size == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / y.size
    return float(1.0 - np.sum(p**2))


@variant("q12", wrong="predict_tree returns float labels (np.zeros(n) filled in)")
def predict_tree(tree, X):
    X = np.asarray(X, dtype=float)
    out = np.zeros(len(X))
    for i, x in enumerate(X):
        node = tree
        while "label" not in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        out[i] = node["label"]
    return out


@variant("q8", wrong="shifts the backward log-sum-exp by its maximum even when it is -inf (NaN)")
def hmm_posteriors(pi, A, B, obs, forward):
    obs = np.asarray(obs, dtype=int)
    with np.errstate(divide="ignore"):
        log_A = np.log(np.asarray(A, dtype=float))
        log_B = np.log(np.asarray(B, dtype=float))
    log_alpha, log_likelihood = forward(pi, A, B, obs)
    log_alpha = np.asarray(log_alpha, dtype=float)
    T, K = log_alpha.shape
    log_beta = np.zeros((T, K))
    with np.errstate(invalid="ignore", divide="ignore"):
        for t in range(T - 2, -1, -1):
            S = log_A + (log_B[:, obs[t + 1]] + log_beta[t + 1])[None, :]
            top = np.max(S, axis=1, keepdims=True)
            log_beta[t] = (top + np.log(np.sum(np.exp(S - top), axis=1, keepdims=True)))[:, 0]
        return np.exp(log_alpha + log_beta - log_likelihood)
