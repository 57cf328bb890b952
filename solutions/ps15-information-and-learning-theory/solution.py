"""Reference solution for ps15-information-and-learning-theory."""

import numpy as np


def entropy(p):
    p = np.asarray(p, dtype=float).ravel()
    nonzero = p[p > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))


def cross_entropy(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(-np.sum(p[support] * np.log(q[support])))


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(np.sum(p[support] * np.log(p[support] / q[support])))


def conditional_entropy(joint):
    joint = np.asarray(joint, dtype=float)
    px = joint.sum(axis=1, keepdims=True)
    mask = joint > 0
    conditional = joint[mask] / np.broadcast_to(px, joint.shape)[mask]
    return float(-np.sum(joint[mask] * np.log(conditional)))


def mutual_information(joint):
    joint = np.asarray(joint, dtype=float)
    px = joint.sum(axis=1, keepdims=True)
    py = joint.sum(axis=0, keepdims=True)
    mask = joint > 0
    independent = (px * py)[mask]
    return float(max(0.0, np.sum(joint[mask] * np.log(joint[mask] / independent))))


def log_loss(Q, y):
    Q = np.asarray(Q, dtype=float)
    y = np.asarray(y, dtype=int)
    chosen = Q[np.arange(y.size), y]
    if np.any(chosen == 0):
        return float("inf")
    return float(-np.mean(np.log(chosen)))


def best_constant_prediction(y, K):
    y = np.asarray(y, dtype=int)
    return np.bincount(y, minlength=K) / y.size


def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    predictions = np.empty((n_reps, x_test.shape[0]))
    for r in range(n_reps):
        y = clean + sigma * rng.standard_normal(clean.shape)
        predictions[r] = fit_predict(x_train, y, x_test)
    return predictions


def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    f_test = np.asarray(f_test, dtype=float)
    average = predictions.mean(axis=0)
    bias2 = np.mean((average - f_test) ** 2)
    variance = np.mean((predictions - average) ** 2)
    return float(bias2), float(variance)


def holdout_split(perm, n_val, n_test):
    perm = np.asarray(perm)
    n_train = perm.size - n_val - n_test
    if n_val < 0 or n_test < 0 or n_train < 1:
        raise ValueError("need n_val >= 0, n_test >= 0 and at least one training point")
    return perm[:n_train], perm[n_train : n_train + n_val], perm[n_train + n_val :]


def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("k must satisfy 2 <= k <= len(perm)")
    folds = np.array_split(perm, k)
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    errors = []
    for train, val in splits:
        predictions = np.asarray(fit_predict(X[train], y[train], X[val]), dtype=float)
        errors.append(np.mean((predictions - y[val]) ** 2))
    errors = np.array(errors)
    return float(errors.mean()), errors


def hoeffding_bound(n, epsilon, a=0.0, b=1.0):
    return float(min(1.0, 2 * np.exp(-2 * n * epsilon**2 / (b - a) ** 2)))


def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(np.ceil((b - a) ** 2 * np.log(2 * n_hypotheses / delta) / (2 * epsilon**2)))


def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    values = np.sort(x)
    labelings = [np.zeros(x.size, dtype=int)]
    for i in range(values.size):
        for j in range(i, values.size):
            labelings.append(((x >= values[i]) & (x <= values[j])).astype(int))
    return np.unique(np.array(labelings), axis=0)


def vc_dimension_line(labelings, max_n):
    dimension = 0
    for n in range(1, max_n + 1):
        rows = np.asarray(labelings(np.arange(n, dtype=float)))
        if np.unique(rows.reshape(-1, n), axis=0).shape[0] < 2**n:
            break
        dimension = n
    return dimension


def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    candidates = np.concatenate([[-np.inf], np.sort(x)])
    errors = np.array([np.mean((x > t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


def true_error_threshold(t, t_star, eta):
    return float(eta + (1 - 2 * eta) * abs(min(max(t, 0.0), 1.0) - t_star))
