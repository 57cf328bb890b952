"""Variants for ps15-information-and-learning-theory: the mistakes students make, and other
correct answers."""

import math

import numpy as np
from scipy import special

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: entropy


@variant("q1", wrong="log base 2: the entropy in bits, not nats")
def entropy(p):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log2(p)))


@variant("q1", wrong="p * np.log(p) without masking the zeros: 0 * log 0 is NaN")
def entropy(p):
    p = np.asarray(p, dtype=float).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * np.log(p)))


@variant("q1", wrong="forgets the minus sign")
def entropy(p):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(np.sum(p * np.log(p)))


@variant("q1", wrong="sums along axis 0 only: a vector for a joint table")
def entropy(p):
    p = np.asarray(p, dtype=float)
    logs = np.log(np.where(p > 0, p, 1.0))
    return -np.sum(p * logs, axis=0)


@variant("q1", wrong="uses scipy.stats.entropy")
def entropy(p):
    from scipy import stats

    return float(stats.entropy(np.ravel(p)))


@variant("q1", correct="scipy.special.xlogy, which has 0 log 0 = 0 built in")
def entropy(p):
    p = np.asarray(p, dtype=float)
    return float(-np.sum(special.xlogy(p, p)))


@variant("q1", correct="a plain Python loop over the entries, math.log")
def entropy(p):
    total = 0.0
    for value in np.asarray(p, dtype=float).ravel().tolist():
        if value > 0:
            total -= value * math.log(value)
    return total


# ---------------------------------------------------------------- q2: cross_entropy, kl


@variant("q2", wrong="cross_entropy with the arguments swapped: -sum q ln p")
def cross_entropy(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    support = q > 0
    if np.any(p[support] == 0):
        return float("inf")
    return float(-np.sum(q[support] * np.log(p[support])))


@variant("q2", wrong="cross_entropy in bits (log2)")
def cross_entropy(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(-np.sum(p[support] * np.log2(q[support])))


@variant("q2", wrong="kl uses ln(q / p) instead of ln(p / q)")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(np.sum(p[support] * np.log(q[support] / p[support])))


@variant("q2", wrong="symmetrized KL: KL(p || q) + KL(q || p)")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    if np.any((p > 0) & (q == 0)) or np.any((q > 0) & (p == 0)):
        return float("inf")
    both = (p > 0) & (q > 0)
    return float(np.sum((p[both] - q[both]) * np.log(p[both] / q[both])))


@variant("q2", wrong="p * log(p / q) without masking p = 0 (NaN)")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p * np.log(p / q)))


@variant("q2", wrong="cross_entropy without masking p = 0 (0 * log 0 is NaN)")
def cross_entropy(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * np.log(q)))


@variant("q2", wrong="clips q at 1e-12: finite where the answer is inf")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.clip(np.asarray(q, dtype=float).ravel(), 1e-12, None)
    support = p > 0
    return float(np.sum(p[support] * np.log(p[support] / q[support])))


@variant("q2", wrong="cross_entropy clips q at 1e-12: finite where the answer is inf")
def cross_entropy(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.clip(np.asarray(q, dtype=float).ravel(), 1e-12, None)
    support = p > 0
    return float(-np.sum(p[support] * np.log(q[support])))


@variant("q2", wrong="kl sums along axis 0 only (a vector for joint tables)")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if np.any((p > 0) & (q == 0)):
        return float("inf")
    safe = np.where(p > 0, p, 1.0)
    return np.sum(p * np.log(safe / np.where(p > 0, q, 1.0)), axis=0)


@variant("q2", correct="KL as cross-entropy minus entropy, with xlogy")
def kl_divergence(p, q):
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    if np.any((p > 0) & (q == 0)):
        return np.inf
    return float(np.sum(special.xlogy(p, p)) - np.sum(special.xlogy(p, q)))


@variant("q2", correct="cross-entropy with the xlogy ufunc, which follows the same conventions")
def cross_entropy(p, q):
    return float(-np.sum(special.xlogy(np.ravel(p), np.ravel(q))))


# ---------------------------------------------------------------- q3: H(Y|X), I(X;Y)


@variant("q3", wrong="conditions on the columns: H(X | Y)")
def conditional_entropy(joint):
    joint = np.asarray(joint, dtype=float)
    py = joint.sum(axis=0, keepdims=True)
    mask = joint > 0
    conditional = joint[mask] / np.broadcast_to(py, joint.shape)[mask]
    return float(-np.sum(joint[mask] * np.log(conditional)))


@variant("q3", wrong="plain average of the row entropies, not weighted by p(x)")
def conditional_entropy(joint):
    joint = np.asarray(joint, dtype=float)
    rows = []
    for row in joint:
        if row.sum() > 0:
            r = row[row > 0] / row.sum()
            rows.append(-np.sum(r * np.log(r)))
    return float(np.mean(rows))


@variant("q3", wrong="0 / 0 in a row with p(x) = 0 and 0 log 0 unmasked (NaN)")
def conditional_entropy(joint):
    joint = np.asarray(joint, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        conditional = joint / joint.sum(axis=1, keepdims=True)
        return float(-np.sum(joint * np.log(conditional)))


@variant("q3", wrong="mutual information with both marginals summed along axis 0")
def mutual_information(joint):
    joint = np.asarray(joint, dtype=float)
    px = joint.sum(axis=0, keepdims=True)
    py = joint.sum(axis=0, keepdims=True)
    mask = joint > 0
    independent = np.broadcast_to(px * py, joint.shape)[mask]
    return float(np.sum(joint[mask] * np.log(joint[mask] / independent)))


@variant("q3", wrong="mutual information as H(X) - H(Y | X)")
def mutual_information(joint):
    joint = np.asarray(joint, dtype=float)

    def h(p):
        p = p[p > 0]
        return -np.sum(p * np.log(p))

    return float(h(joint.sum(axis=1)) - (h(joint.ravel()) - h(joint.sum(axis=1))))


@variant("q3", wrong="mutual information without masking the zero entries (NaN)")
def mutual_information(joint):
    joint = np.asarray(joint, dtype=float)
    independent = joint.sum(axis=1, keepdims=True) * joint.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(joint * np.log(joint / independent)))


@variant("q3", correct="entropies of the marginals and the joint: H(X) + H(Y) - H(X, Y)")
def mutual_information(joint):
    joint = np.asarray(joint, dtype=float)

    def h(p):
        p = p[p > 0]
        return -np.sum(p * np.log(p))

    return float(h(joint.sum(axis=1)) + h(joint.sum(axis=0)) - h(joint.ravel()))


@variant("q3", correct="conditional entropy by the chain rule H(X, Y) - H(X), with xlogy")
def conditional_entropy(joint):
    joint = np.asarray(joint, dtype=float)
    px = joint.sum(axis=1)
    return float(-np.sum(special.xlogy(joint, joint)) + np.sum(special.xlogy(px, px)))


# ---------------------------------------------------------------- q4: log loss


@variant("q4", wrong="sums the log losses instead of averaging them")
def log_loss(Q, y):
    Q = np.asarray(Q, dtype=float)
    y = np.asarray(y, dtype=int)
    with np.errstate(divide="ignore"):
        return float(-np.sum(np.log(Q[np.arange(y.size), y])))


@variant("q4", wrong="Q[:, y] picks an n x n block, not one entry per row")
def log_loss(Q, y):
    Q = np.asarray(Q, dtype=float)
    y = np.asarray(y, dtype=int)
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(Q[:, y])))


@variant("q4", wrong="one-hot times log Q over all entries: 0 * log 0 is NaN")
def log_loss(Q, y):
    Q = np.asarray(Q, dtype=float)
    y = np.asarray(y, dtype=int)
    onehot = np.eye(Q.shape[1])[y]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(onehot * np.log(Q)) / y.size)


@variant("q4", wrong="clips the probabilities at 1e-15 (finite where the loss is inf)")
def log_loss(Q, y):
    Q = np.clip(np.asarray(Q, dtype=float), 1e-15, 1.0)
    y = np.asarray(y, dtype=int)
    return float(-np.mean(np.log(Q[np.arange(y.size), y])))


@variant("q4", wrong="log of the largest probability in each row, not the true label's")
def log_loss(Q, y):
    Q = np.asarray(Q, dtype=float)
    return float(-np.mean(np.log(Q.max(axis=1))))


@variant("q4", wrong="best constant from np.unique counts: absent classes disappear")
def best_constant_prediction(y, K):
    _, counts = np.unique(np.asarray(y), return_counts=True)
    return counts / counts.sum()


@variant("q4", wrong="Laplace smoothing: (counts + 1) / (n + K)")
def best_constant_prediction(y, K):
    y = np.asarray(y, dtype=int)
    return (np.bincount(y, minlength=K) + 1) / (y.size + K)


@variant("q4", correct="a loop over the examples, and counts by comparison")
def log_loss(Q, y):
    total = 0.0
    for row, label in zip(np.asarray(Q, dtype=float), np.asarray(y).tolist(), strict=True):
        if row[label] == 0:
            return math.inf
        total -= math.log(row[label])
    return total / np.asarray(y).size


@variant("q4", correct="class frequencies by comparing with each class")
def best_constant_prediction(y, K):
    y = np.asarray(y)
    return np.array([np.mean(y == k) for k in range(K)])


# ---------------------------------------------------------------- q5: simulate_predictions


@variant("q5", wrong="noise with standard deviation sigma**2 (variance confused with sd)")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    rows = []
    for _ in range(n_reps):
        rows.append(fit_predict(x_train, clean + rng.normal(0.0, sigma**2, clean.shape), x_test))
    return np.array(rows)


@variant("q5", wrong="one noise value per repetition, shared by all training points")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    return np.array(
        [fit_predict(x_train, clean + sigma * rng.standard_normal(), x_test) for _ in range(n_reps)]
    )


@variant("q5", wrong="adds the noise to the predictions instead of the training targets")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    clean = np.asarray(fit_predict(x_train, np.asarray(f(x_train), dtype=float), x_test))
    return np.array([clean + sigma * rng.standard_normal(x_test.shape) for _ in range(n_reps)])


@variant("q5", wrong="draws the noise once and reuses it in every repetition")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    y = clean + sigma * rng.standard_normal(clean.shape)
    return np.array([fit_predict(x_train, y, x_test) for _ in range(n_reps)])


@variant("q5", wrong="uses the global np.random generator instead of rng")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    return np.array(
        [
            fit_predict(x_train, clean + np.random.normal(0.0, sigma, clean.shape), x_test)
            for _ in range(n_reps)
        ]
    )


@variant("q5", wrong="calls fit_predict a second time to check the shape of each row")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    m = np.asarray(fit_predict(x_train, clean, x_test)).shape[0]
    out = np.empty((n_reps, m))
    for r in range(n_reps):
        out[r] = fit_predict(x_train, clean + sigma * rng.standard_normal(clean.shape), x_test)
    return out


@variant("q5", correct="all the noise drawn at once, transposed (another use of the stream)")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    x_train = np.asarray(x_train, dtype=float)
    clean = np.asarray(f(x_train), dtype=float)
    noise = sigma * rng.standard_normal((clean.size, n_reps)).T
    return np.stack([np.asarray(fit_predict(x_train, clean + e, x_test)) for e in noise])


@variant("q5", correct="rng.normal(0, sigma) per repetition, rows collected in a list")
def simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng):
    clean = np.asarray(f(np.asarray(x_train)), dtype=float)
    rows = [
        fit_predict(x_train, clean + rng.normal(0.0, sigma, clean.size), x_test)
        for _ in range(n_reps)
    ]
    return np.array(rows, dtype=float)


# ---------------------------------------------------------------- q6: bias-variance


@variant("q6", wrong="the variance with ddof = 1 (divides by R - 1)")
def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    average = predictions.mean(axis=0)
    return (
        float(np.mean((average - np.asarray(f_test)) ** 2)),
        float(np.mean(np.var(predictions, axis=0, ddof=1))),
    )


@variant("q6", wrong="bias2 as the whole mean squared error (no averaging first)")
def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    return (
        float(np.mean((predictions - np.asarray(f_test)) ** 2)),
        float(np.mean(np.var(predictions, axis=0))),
    )


@variant("q6", wrong="squares the average bias instead of averaging the squared biases")
def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    return (
        float(np.mean(predictions.mean(axis=0) - np.asarray(f_test)) ** 2),
        float(np.mean(np.var(predictions, axis=0))),
    )


@variant("q6", wrong="the variance along axis 1 (over the test points)")
def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    return (
        float(np.mean((predictions.mean(axis=0) - np.asarray(f_test)) ** 2)),
        float(np.mean(np.var(predictions, axis=1))),
    )


@variant("q6", correct="variance as the MSE minus bias2, with loops over the test points")
def bias_variance_decomposition(predictions, f_test):
    P = np.asarray(predictions, dtype=float)
    f = np.asarray(f_test, dtype=float)
    bias2 = sum((P[:, j].mean() - f[j]) ** 2 for j in range(f.size)) / f.size
    return float(bias2), float(np.mean((P - f) ** 2) - bias2)


# ---------------------------------------------------------------- q7: splits


@variant("q7", wrong="holdout: the validation and test blocks swapped")
def holdout_split(perm, n_val, n_test):
    perm = np.asarray(perm)
    n_train = perm.size - n_val - n_test
    if n_val < 0 or n_test < 0 or n_train < 1:
        raise ValueError("bad sizes")
    return perm[:n_train], perm[n_train + n_test :], perm[n_train : n_train + n_test]


@variant("q7", wrong="holdout: off by one at the block edges")
def holdout_split(perm, n_val, n_test):
    perm = np.asarray(perm)
    n_train = perm.size - n_val - n_test
    if n_val < 0 or n_test < 0 or n_train < 1:
        raise ValueError("bad sizes")
    return perm[: n_train - 1], perm[n_train - 1 : n_train + n_val], perm[n_train + n_val :]


@variant("q7", wrong="holdout never checks the sizes")
def holdout_split(perm, n_val, n_test):
    perm = np.asarray(perm)
    n_train = perm.size - n_val - n_test
    return perm[:n_train], perm[n_train : n_train + n_val], perm[n_train + n_val :]


@variant("q7", wrong="folds of np.arange(n) (positions) instead of the entries of perm")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("bad k")
    folds = np.array_split(np.arange(perm.size), k)
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


@variant("q7", wrong="n // k indices per fold: the remainder is dropped")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("bad k")
    size = perm.size // k
    folds = [perm[i * size : (i + 1) * size] for i in range(k)]
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


@variant("q7", wrong="the remainder all goes to the last fold")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("bad k")
    size = perm.size // k
    folds = [perm[i * size : (i + 1) * size] for i in range(k - 1)] + [perm[(k - 1) * size :]]
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


@variant("q7", wrong="the training set is the whole permutation (includes the validation fold)")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("bad k")
    return [(perm.copy(), fold) for fold in np.array_split(perm, k)]


@variant("q7", wrong="no check on k (k = 1 or k > n pass silently)")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    folds = np.array_split(perm, k)
    return [
        (np.concatenate(folds[:i] + folds[i + 1 :]) if k > 1 else perm[:0], folds[i])
        for i in range(k)
    ]


@variant("q7", correct="training sets by np.setdiff1d (sorted), folds sliced by hand")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    n = perm.size
    if not 2 <= k <= n:
        raise ValueError("k must satisfy 2 <= k <= len(perm)")
    sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    result = []
    for i in range(k):
        val = perm[starts[i] : starts[i + 1]]
        result.append((np.setdiff1d(perm, val), val))
    return result


@variant("q7", correct="holdout returns lists, checked with an explicit message")
def holdout_split(perm, n_val, n_test):
    items = list(np.asarray(perm).tolist())
    n_train = len(items) - n_val - n_test
    if min(n_val, n_test) < 0 or n_train <= 0:
        raise ValueError(f"cannot split {len(items)} into {n_val} + {n_test} + train")
    return items[:n_train], items[n_train : n_train + n_val], items[n_train + n_val :]


# ---------------------------------------------------------------- q8: cv_error


@variant("q8", wrong="fits on all the data, not on the training folds")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    errors = [np.mean((np.asarray(fit_predict(X, y, X[v])) - y[v]) ** 2) for _, v in splits]
    return float(np.mean(errors)), np.array(errors)


@variant("q8", wrong="predicts the training points: measures the training error")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    errors = [np.mean((np.asarray(fit_predict(X[t], y[t], X[t])) - y[t]) ** 2) for t, _ in splits]
    return float(np.mean(errors)), np.array(errors)


@variant("q8", wrong="root mean squared error per fold")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    errors = [
        np.sqrt(np.mean((np.asarray(fit_predict(X[t], y[t], X[v])) - y[v]) ** 2)) for t, v in splits
    ]
    return float(np.mean(errors)), np.array(errors)


@variant("q8", wrong="pools every squared error (folds weighted by their size)")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    squared = [(np.asarray(fit_predict(X[t], y[t], X[v])) - y[v]) ** 2 for t, v in splits]
    return float(np.mean(np.concatenate(squared))), np.array([np.mean(s) for s in squared])


@variant("q8", wrong="sum of squared errors per fold")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    errors = [np.sum((np.asarray(fit_predict(X[t], y[t], X[v])) - y[v]) ** 2) for t, v in splits]
    return float(np.mean(errors)), np.array(errors)


@variant("q8", correct="a list of fold errors, accumulated in a loop")
def cv_error(fit_predict, X, y, splits):
    errors = []
    for train, val in splits:
        prediction = fit_predict(np.asarray(X)[train], np.asarray(y)[train], np.asarray(X)[val])
        residual = np.asarray(y)[val] - np.asarray(prediction)
        errors.append(float(residual @ residual) / len(val))
    return sum(errors) / len(errors), errors


# ---------------------------------------------------------------- q9: Hoeffding


@variant("q9", wrong="one-sided bound exp(-2 n eps^2 / (b - a)^2)")
def hoeffding_bound(n, epsilon, a=0.0, b=1.0):
    return float(min(1.0, np.exp(-2 * n * epsilon**2 / (b - a) ** 2)))


@variant("q9", wrong="ignores the range a, b")
def hoeffding_bound(n, epsilon, a=0.0, b=1.0):
    return float(min(1.0, 2 * np.exp(-2 * n * epsilon**2)))


@variant("q9", wrong="no cap at 1")
def hoeffding_bound(n, epsilon, a=0.0, b=1.0):
    return float(2 * np.exp(-2 * n * epsilon**2 / (b - a) ** 2))


@variant("q9", wrong="rounds the sample size to the nearest integer")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(round((b - a) ** 2 * np.log(2 * n_hypotheses / delta) / (2 * epsilon**2)))


@variant("q9", wrong="int() truncates: the floor, not the ceiling")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int((b - a) ** 2 * np.log(2 * n_hypotheses / delta) / (2 * epsilon**2))


@variant("q9", wrong="ignores n_hypotheses")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(np.ceil((b - a) ** 2 * np.log(2 / delta) / (2 * epsilon**2)))


@variant("q9", wrong="n_hypotheses multiplies the sample size instead of entering the log")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(np.ceil(n_hypotheses * (b - a) ** 2 * np.log(2 / delta) / (2 * epsilon**2)))


@variant("q9", wrong="one-sided sample size ln(H / delta)")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(np.ceil((b - a) ** 2 * np.log(n_hypotheses / delta) / (2 * epsilon**2)))


@variant("q9", wrong="ignores a and b in the sample size")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return int(np.ceil(np.log(2 * n_hypotheses / delta) / (2 * epsilon**2)))


@variant("q9", correct="the sample size by a search for the smallest n whose bound is <= delta")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    n = 1
    while n_hypotheses * 2 * math.exp(-2 * n * epsilon**2 / (b - a) ** 2) > delta:
        n *= 2
    lo, hi = n // 2, n
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if n_hypotheses * 2 * math.exp(-2 * mid * epsilon**2 / (b - a) ** 2) > delta:
            lo = mid
        else:
            hi = mid
    return hi


@variant("q9", correct="math functions and a float ceiling")
def hoeffding_bound(n, epsilon, a=0.0, b=1.0):
    return min(1.0, 2.0 * math.exp(-2.0 * n * (epsilon / (b - a)) ** 2))


# ---------------------------------------------------------------- q10: VC dimension


@variant("q10", wrong="forgets the empty labeling (all zeros)")
def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    values = np.sort(x)
    rows = [
        ((x >= values[i]) & (x <= values[j])).astype(int)
        for i in range(values.size)
        for j in range(i, values.size)
    ]
    return np.unique(np.array(rows), axis=0)


@variant("q10", wrong="assumes x is sorted: runs of consecutive indices")
def interval_labelings(x):
    n = np.asarray(x).size
    rows = [np.zeros(n, dtype=int)]
    for i in range(n):
        for j in range(i, n):
            row = np.zeros(n, dtype=int)
            row[i : j + 1] = 1
            rows.append(row)
    return np.unique(np.array(rows), axis=0)


@variant("q10", wrong="intervals strictly between two data points (lo < x < hi)")
def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    values = np.sort(x)
    rows = [np.zeros(x.size, dtype=int)]
    for i in range(values.size):
        for j in range(i, values.size):
            rows.append(((x > values[i]) & (x < values[j])).astype(int))
    return np.unique(np.array(rows), axis=0)


@variant("q10", wrong="keeps duplicate labelings (no np.unique)")
def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    values = np.sort(x)
    rows = [np.zeros(x.size, dtype=int), np.zeros(x.size, dtype=int)]
    for i in range(values.size):
        for j in range(i, values.size):
            rows.append(((x >= values[i]) & (x <= values[j])).astype(int))
    return np.array(sorted(map(tuple, rows)))


@variant("q10", wrong="returns the first n that is not shattered")
def vc_dimension_line(labelings, max_n):
    for n in range(1, max_n + 1):
        rows = np.asarray(labelings(np.arange(n, dtype=float)))
        if np.unique(rows.reshape(-1, n), axis=0).shape[0] < 2**n:
            return n
    return max_n


@variant("q10", wrong="counts the rows without removing duplicates")
def vc_dimension_line(labelings, max_n):
    dimension = 0
    for n in range(1, max_n + 1):
        if np.asarray(labelings(np.arange(n, dtype=float))).shape[0] < 2**n:
            break
        dimension = n
    return dimension


@variant("q10", wrong="ignores max_n: keeps going until a set is not shattered")
def vc_dimension_line(labelings, max_n):
    n = 1
    while np.unique(np.asarray(labelings(np.arange(n, dtype=float))), axis=0).shape[0] == 2**n:
        n += 1
    return n - 1


@variant("q10", correct="labelings by sets of tuples, sorted; VC by counting a set")
def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    rows = {tuple([0] * x.size)}
    for lo in x:
        for hi in x:
            if lo <= hi:
                rows.add(tuple(int(lo <= v <= hi) for v in x))
    return np.array(sorted(rows), dtype=int)


@variant("q10", correct="VC dimension with a set of tuples and a while loop")
def vc_dimension_line(labelings, max_n):
    n = 0
    while n < max_n:
        rows = {tuple(r) for r in np.asarray(labelings(np.arange(n + 1.0))).tolist()}
        if len(rows) < 2 ** (n + 1):
            return n
        n += 1
    return n


# ---------------------------------------------------------------- clauses added later


@variant("q1", wrong="p[p > 0] on the argument itself: fails on a list")
def entropy(p):
    nonzero = p[p > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))


@variant("q2", wrong="kl_divergence masks p > 0 on the argument itself: fails on a list")
def kl_divergence(p, q):
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(np.sum(p[support] * np.log(p[support] / q[support])))


@variant("q6", wrong="subtracts the average from predictions in place")
def bias_variance_decomposition(predictions, f_test):
    predictions = np.asarray(predictions, dtype=float)
    average = predictions.mean(axis=0)
    bias2 = np.mean((average - np.asarray(f_test)) ** 2)
    predictions -= average
    return float(bias2), float(np.mean(predictions**2))


@variant("q7", wrong="sorts each fold in place (np.array_split returns views of perm)")
def kfold_splits(perm, k):
    perm = np.asarray(perm)
    if k < 2 or k > perm.size:
        raise ValueError("k must satisfy 2 <= k <= len(perm)")
    folds = np.array_split(perm, k)
    for fold in folds:
        fold.sort()
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


@variant("q8", wrong="centres X in place before fitting (X -= X.mean(axis=0))")
def cv_error(fit_predict, X, y, splits):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X -= X.mean(axis=0)
    errors = [np.mean((np.asarray(fit_predict(X[t], y[t], X[v])) - y[v]) ** 2) for t, v in splits]
    return float(np.mean(errors)), np.array(errors)


@variant("q9", wrong="returns np.ceil's float instead of an int")
def hoeffding_sample_size(epsilon, delta, a=0.0, b=1.0, n_hypotheses=1):
    return np.ceil((b - a) ** 2 * np.log(2 * n_hypotheses / delta) / (2 * epsilon**2))


# ---------------------------------------------------------------- q11: ERM and the gap


@variant("q11", wrong="labels 1[x >= t] instead of 1[x > t]")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    candidates = np.concatenate([[-np.inf], np.sort(x)])
    errors = np.array([np.mean((x >= t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


@variant("q11", wrong="candidates are the data points only (no t = -inf)")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    candidates = np.sort(x)
    errors = np.array([np.mean((x > t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


@variant("q11", wrong="returns the number of mistakes, not their fraction")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    candidates = np.concatenate([[-np.inf], np.sort(x)])
    errors = np.array([np.sum((x > t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


@variant("q11", wrong="ties go to the largest threshold (candidates in decreasing order)")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    candidates = np.concatenate([np.sort(x)[::-1], [-np.inf]])
    errors = np.array([np.mean((x > t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


@variant("q11", wrong="sorts x in place (and y with it)")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    order = np.argsort(x)
    x[:] = x[order]
    y[:] = y[order]
    candidates = np.concatenate([[-np.inf], x])
    errors = np.array([np.mean((x > t).astype(int) != y) for t in candidates])
    best = int(np.argmin(errors))
    return float(candidates[best]), float(errors[best])


@variant("q11", wrong="true error eta + |t - t_star|: forgets the flipped labels")
def true_error_threshold(t, t_star, eta):
    return float(eta + abs(min(max(t, 0.0), 1.0) - t_star))


@variant("q11", wrong="no clipping of t to [0, 1]")
def true_error_threshold(t, t_star, eta):
    return float(eta + (1 - 2 * eta) * abs(t - t_star))


@variant("q11", correct="ERM in one sorted pass with cumulative sums; true error by cases")
def erm_threshold(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y).astype(int)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    # errors[k]: points before index k are labeled 0, the rest 1 (t = xs[k - 1])
    ones_before = np.concatenate([[0], np.cumsum(ys == 1)])
    zeros_after = np.concatenate([np.cumsum((ys == 0)[::-1])[::-1], [0]])
    errors = (ones_before + zeros_after) / x.size
    k = int(np.argmin(errors))
    return (float(xs[k - 1]) if k > 0 else -math.inf), float(errors[k])


@variant("q11", correct="the true error as eta outside and 1 - eta inside the disagreement")
def true_error_threshold(t, t_star, eta):
    width = abs(np.clip(t, 0.0, 1.0) - t_star)
    return float(eta * (1 - width) + (1 - eta) * width)


@variant("q2", wrong="kl_divergence by scipy.stats.entropy(p, q)")
def kl_divergence(p, q):
    from scipy import stats

    return float(stats.entropy(np.ravel(p), np.ravel(q)))


@variant("q3", wrong="mutual information from scipy.stats.entropy of the marginals and joint")
def mutual_information(joint):
    from scipy import stats

    joint = np.asarray(joint, dtype=float)
    return float(
        stats.entropy(joint.sum(axis=1))
        + stats.entropy(joint.sum(axis=0))
        - stats.entropy(joint.ravel())
    )


@variant("q10", wrong="removes repeats with a set: the rows come out in no particular order")
def interval_labelings(x):
    x = np.asarray(x, dtype=float)
    rows = {tuple([0] * x.size)}
    for lo in x:
        for hi in x:
            if lo <= hi:
                rows.add(tuple(int(lo <= v <= hi) for v in x))
    return np.array(list(rows), dtype=int)
