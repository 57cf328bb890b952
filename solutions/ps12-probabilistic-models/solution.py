"""Reference solution for ps12-probabilistic-models: naive Bayes, hidden Markov models, trees."""

import numpy as np


def multinomial_nb_fit(X, y, n_classes, alpha=1.0):
    """Log priors (K,) and smoothed log word probabilities (K, V) of a multinomial naive Bayes."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, V = X.shape
    counts = np.zeros((n_classes, V))
    docs = np.zeros(n_classes)
    for k in range(n_classes):
        counts[k] = X[y == k].sum(axis=0)
        docs[k] = np.sum(y == k)
    with np.errstate(divide="ignore"):
        log_prior = np.log(docs / n)
    log_theta = np.log(counts + alpha) - np.log(counts.sum(axis=1, keepdims=True) + alpha * V)
    return log_prior, log_theta


def log_normalize(S):
    """Each row of S minus its log-sum-exp: rows of log probabilities that sum to 1."""
    S = np.asarray(S, dtype=float)
    top = np.max(S, axis=1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):
        lse = top + np.log(np.sum(np.exp(S - top), axis=1, keepdims=True))
    return S - lse


def multinomial_nb_log_posterior(X, log_prior, log_theta, normalize):
    """log P(class k | document i) for each row of the count matrix X, shape (n, K)."""
    X = np.asarray(X, dtype=float)
    joint = np.asarray(log_prior, dtype=float)[None, :] + X @ np.asarray(log_theta, dtype=float).T
    return normalize(joint)


def gaussian_nb_fit(X, y, n_classes, eps=1e-9):
    """Log priors (K,), class means (K, d) and class variances (K, d), ddof=0, plus eps."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    log_prior = np.zeros(n_classes)
    means = np.zeros((n_classes, d))
    variances = np.zeros((n_classes, d))
    for k in range(n_classes):
        members = X[y == k]
        log_prior[k] = np.log(len(members) / n)
        means[k] = members.mean(axis=0)
        variances[k] = members.var(axis=0) + eps
    return log_prior, means, variances


def gaussian_nb_log_posterior(X, log_prior, means, variances, normalize):
    """log P(class k | x_i) under a Gaussian naive Bayes model, shape (n, K)."""
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    variances = np.asarray(variances, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    log_dens = -0.5 * np.sum(
        np.log(2 * np.pi * variances)[None] + diff**2 / variances[None], axis=2
    )
    return normalize(np.asarray(log_prior, dtype=float)[None, :] + log_dens)


def hmm_forward(pi, A, B, obs):
    """Forward algorithm in log space: (log_alpha of shape (T, K), log P(obs))."""
    obs = np.asarray(obs, dtype=int)
    with np.errstate(divide="ignore"):
        log_pi = np.log(np.asarray(pi, dtype=float))
        log_A = np.log(np.asarray(A, dtype=float))
        log_B = np.log(np.asarray(B, dtype=float))
    T, K = len(obs), len(log_pi)
    log_alpha = np.empty((T, K))
    log_alpha[0] = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        S = log_alpha[t - 1][:, None] + log_A
        top = np.max(S, axis=0)
        top = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(divide="ignore"):
            log_alpha[t] = top + np.log(np.sum(np.exp(S - top), axis=0)) + log_B[:, obs[t]]
    last = log_alpha[-1]
    top = np.max(last)
    top = top if np.isfinite(top) else 0.0
    with np.errstate(divide="ignore"):
        log_likelihood = float(top + np.log(np.sum(np.exp(last - top))))
    return log_alpha, log_likelihood


def hmm_viterbi(pi, A, B, obs):
    """The most probable hidden path (int array of shape (T,)) and its log probability."""
    obs = np.asarray(obs, dtype=int)
    with np.errstate(divide="ignore"):
        log_pi = np.log(np.asarray(pi, dtype=float))
        log_A = np.log(np.asarray(A, dtype=float))
        log_B = np.log(np.asarray(B, dtype=float))
    T, K = len(obs), len(log_pi)
    delta = log_pi + log_B[:, obs[0]]
    back = np.zeros((T, K), dtype=int)
    for t in range(1, T):
        S = delta[:, None] + log_A
        back[t] = np.argmax(S, axis=0)
        delta = S[back[t], np.arange(K)] + log_B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = int(np.argmax(delta))
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(np.max(delta))


def hmm_posteriors(pi, A, B, obs, forward):
    """Forward-backward: gamma[t, k] = P(z_t = k | obs), shape (T, K), from forward's log_alpha."""
    obs = np.asarray(obs, dtype=int)
    with np.errstate(divide="ignore"):
        log_A = np.log(np.asarray(A, dtype=float))
        log_B = np.log(np.asarray(B, dtype=float))
    log_alpha, log_likelihood = forward(pi, A, B, obs)
    log_alpha = np.asarray(log_alpha, dtype=float)
    T, K = log_alpha.shape
    log_beta = np.zeros((T, K))
    for t in range(T - 2, -1, -1):
        S = log_A + (log_B[:, obs[t + 1]] + log_beta[t + 1])[None, :]
        top = np.max(S, axis=1, keepdims=True)
        top = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(divide="ignore"):
            log_beta[t] = (top + np.log(np.sum(np.exp(S - top), axis=1, keepdims=True)))[:, 0]
    return np.exp(log_alpha + log_beta - log_likelihood)


def entropy(y):
    """Entropy in bits of the empirical label distribution of y (0.0 for an empty y)."""
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(-np.sum(p * np.log2(p)) + 0.0)


def gini(y):
    """Gini impurity 1 - sum_k p_k^2 of the labels y (0.0 for an empty y)."""
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(1.0 - np.sum(p**2))


def information_gain(y, left, impurity):
    """impurity(y) minus the size-weighted impurities of y[left] and y[~left]."""
    y = np.asarray(y)
    left = np.asarray(left, dtype=bool)
    n = y.size
    n_left = int(np.sum(left))
    children = n_left / n * impurity(y[left]) + (n - n_left) / n * impurity(y[~left])
    return float(impurity(y) - children)


def best_split(X, y, impurity):
    """(feature, threshold, gain) of the best split X[:, feature] <= threshold."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = y.size
    parent = impurity(y)
    best = (None, None, 0.0)
    best_gain = -np.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            n_left = int(np.sum(left))
            gain = parent - (n_left / n * impurity(y[left]) + (n - n_left) / n * impurity(y[~left]))
            if gain > best_gain + 1e-12:
                best_gain = gain
                best = (j, float(t), float(gain))
    return best


def build_tree(X, y, max_depth, split):
    """A classification tree as nested dicts, grown greedily with split(X, y) to max_depth."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    majority = int(labels[np.argmax(counts)])
    if max_depth == 0 or labels.size == 1:
        return {"label": majority}
    feature, threshold, gain = split(X, y)
    if feature is None or gain <= 1e-12:
        return {"label": majority}
    left = X[:, feature] <= threshold
    return {
        "feature": int(feature),
        "threshold": float(threshold),
        "left": build_tree(X[left], y[left], max_depth - 1, split),
        "right": build_tree(X[~left], y[~left], max_depth - 1, split),
    }


def predict_tree(tree, X):
    """The label the tree gives each row of X: an integer array of shape (n,)."""
    X = np.asarray(X, dtype=float)
    out = np.empty(len(X), dtype=int)
    for i, x in enumerate(X):
        node = tree
        while "label" not in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        out[i] = node["label"]
    return out
