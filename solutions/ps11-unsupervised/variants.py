"""Variants for ps11-unsupervised: the mistakes students make, and other correct answers."""

import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1: assign, inertia


@variant("q1", wrong="takes the argmin over the points (axis 0) instead of the centres")
def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    d2 = np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)
    return np.argmin(d2, axis=0)


@variant("q1", wrong="uses the Manhattan distance instead of the Euclidean one")
def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    return np.argmin(np.abs(X[:, None, :] - C[None, :, :]).sum(axis=2), axis=1)


@variant("q1", wrong="expands ||x||^2 - 2 x.c + ||c||^2: cancels catastrophically far from 0")
def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    d2 = (X**2).sum(axis=1)[:, None] - 2 * X @ C.T + (C**2).sum(axis=1)[None, :]
    return np.argmin(d2, axis=1)


@variant("q1", wrong="returns the labels as floats")
def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    d2 = np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)
    return np.argmin(d2, axis=1).astype(float)


@variant("q1", correct="a loop over the centres with np.linalg.norm, labels as a list")
def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    dists = np.column_stack([np.linalg.norm(X - c, axis=1) for c in np.asarray(centers, float)])
    return [int(j) for j in np.argmin(dists, axis=1)]


@variant("q1", wrong="inertia as the mean squared distance instead of the sum")
def inertia(X, centers, labels):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    return float(np.mean(np.sum((X - C[np.asarray(labels)]) ** 2, axis=1)))


@variant("q1", wrong="sums the distances without squaring them")
def inertia(X, centers, labels):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    return float(np.sum(np.linalg.norm(X - C[np.asarray(labels)], axis=1)))


@variant("q1", wrong="ignores the labels and measures each point against its nearest centre")
def inertia(X, centers, labels):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    return float(np.sum(np.min(((X[:, None, :] - C[None]) ** 2).sum(axis=2), axis=1)))


# ---------------------------------------------------------------- q2: update


@variant("q2", wrong="an empty cluster gets the mean of no point (NaN)")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.array(
            [X[labels == j].sum(axis=0) / np.sum(labels == j) for j in range(np.shape(centers)[0])]
        )


@variant("q2", wrong="an empty cluster moves to the origin")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    new = np.zeros(np.shape(centers))
    for j in range(new.shape[0]):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return new


@variant("q2", wrong="takes k from labels.max() + 1, dropping an empty last cluster")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    new = np.array(centers, dtype=float)[: labels.max() + 1].copy()
    for j in range(new.shape[0]):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return new


@variant("q2", wrong="uses the median of each cluster instead of the mean")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    new = np.array(centers, dtype=float)
    for j in range(new.shape[0]):
        if np.any(labels == j):
            new[j] = np.median(X[labels == j], axis=0)
    return new


@variant("q2", wrong="writes the new means into `centers` in place")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    for j in range(centers.shape[0]):
        if np.any(labels == j):
            centers[j] = X[labels == j].mean(axis=0)
    return centers


@variant("q2", correct="vectorized with one-hot labels and np.where for empty clusters")
def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    onehot = np.asarray(labels)[:, None] == np.arange(C.shape[0])[None, :]
    counts = onehot.sum(axis=0)
    sums = onehot.T.astype(float) @ X
    safe = np.maximum(counts, 1)[:, None]
    return np.where(counts[:, None] > 0, sums / safe, C)


# ---------------------------------------------------------------- q3: lloyd


@variant("q3", wrong="ignores max_iter and loops until the labels stop changing")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, centers))
    history = [float(objective(X, centers, labels))]
    while True:
        centers = np.asarray(update(X, labels, centers), dtype=float)
        new_labels = np.asarray(assign(X, centers))
        history.append(float(objective(X, centers, new_labels)))
        if np.array_equal(new_labels, labels):
            return centers, new_labels, history
        labels = new_labels


@variant("q3", wrong="never stops early: always runs max_iter steps")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, centers))
    history = [float(objective(X, centers, labels))]
    for _ in range(max_iter):
        centers = np.asarray(update(X, labels, centers), dtype=float)
        labels = np.asarray(assign(X, centers))
        history.append(float(objective(X, centers, labels)))
    return centers, labels, history


@variant("q3", wrong="returns the labels from before the last update step")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, centers))
    history = [float(objective(X, centers, labels))]
    for _ in range(max_iter):
        old = labels
        centers = np.asarray(update(X, labels, centers), dtype=float)
        labels = np.asarray(assign(X, centers))
        history.append(float(objective(X, centers, labels)))
        if np.array_equal(old, labels):
            break
    return centers, old, history


@variant("q3", wrong="starts the history after the first update (no inertia of the start)")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, centers))
    history = []
    for _ in range(max_iter):
        centers = np.asarray(update(X, labels, centers), dtype=float)
        new_labels = np.asarray(assign(X, centers))
        history.append(float(objective(X, centers, new_labels)))
        unchanged = np.array_equal(new_labels, labels)
        labels = new_labels
        if unchanged:
            break
    return centers, labels, history


@variant("q3", wrong="records the inertia after the update but with the old labels")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, centers))
    history = [float(objective(X, centers, labels))]
    for _ in range(max_iter):
        centers = np.asarray(update(X, labels, centers), dtype=float)
        history.append(float(objective(X, centers, labels)))
        new_labels = np.asarray(assign(X, centers))
        unchanged = np.array_equal(new_labels, labels)
        labels = new_labels
        if unchanged:
            break
    return centers, labels, history


@variant("q3", correct="stops when the centres stop moving (the same step as unchanged labels)")
def lloyd(X, centers, assign, update, objective, max_iter=100):
    X = np.asarray(X, dtype=float)
    C = np.array(centers, dtype=float)
    labels = np.asarray(assign(X, C))
    history = [float(objective(X, C, labels))]
    steps = 0
    while steps < max_iter:
        new_C = np.asarray(update(X, labels, C), dtype=float)
        steps += 1
        new_labels = np.asarray(assign(X, new_C))
        history.append(float(objective(X, new_C, new_labels)))
        done = np.array_equal(new_labels, labels)
        C, labels = new_C, new_labels
        if done:
            break
    return C, labels, np.array(history)


# ---------------------------------------------------------------- q4: k-means++


@variant("q4", wrong="probabilities proportional to D instead of D^2")
def dsquared_probabilities(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float).reshape(-1, X.shape[1])
    d = np.min(np.linalg.norm(X[:, None, :] - C[None], axis=2), axis=1)
    return d / d.sum()


@variant("q4", wrong="uses the distance to the last centre only")
def dsquared_probabilities(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float).reshape(-1, X.shape[1])
    d2 = np.sum((X - C[-1]) ** 2, axis=1)
    return d2 / d2.sum()


@variant("q4", wrong="samples each next centre with probability proportional to D, not D^2")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [int(rng.integers(n))]
    d = np.linalg.norm(X - X[chosen[0]], axis=1)
    for _ in range(1, k):
        nxt = int(rng.choice(n, p=d / d.sum()))
        chosen.append(nxt)
        d = np.minimum(d, np.linalg.norm(X - X[nxt], axis=1))
    return X[chosen].copy()


@variant("q4", wrong="always starts from X[0] instead of a uniformly random point")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [0]
    d2 = np.sum((X - X[0]) ** 2, axis=1)
    for _ in range(1, k):
        nxt = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(nxt)
        d2 = np.minimum(d2, np.sum((X - X[nxt]) ** 2, axis=1))
    return X[chosen].copy()


@variant("q4", wrong="takes the farthest point deterministically (farthest-first traversal)")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    chosen = [int(rng.integers(X.shape[0]))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        nxt = int(np.argmax(d2))
        chosen.append(nxt)
        d2 = np.minimum(d2, np.sum((X - X[nxt]) ** 2, axis=1))
    return X[chosen].copy()


@variant("q4", wrong="uses the distance to the last chosen centre only (can repeat a centre)")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [int(rng.integers(n))]
    for _ in range(1, k):
        d2 = np.sum((X - X[chosen[-1]]) ** 2, axis=1)
        chosen.append(int(rng.choice(n, p=d2 / d2.sum())))
    return X[chosen].copy()


@variant("q4", wrong="draws from the global np.random instead of the rng argument")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [int(np.random.randint(n))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        nxt = int(np.random.choice(n, p=d2 / d2.sum()))
        chosen.append(nxt)
        d2 = np.minimum(d2, np.sum((X - X[nxt]) ** 2, axis=1))
    return X[chosen].copy()


@variant("q4", correct="inverse-CDF sampling with rng.random and np.searchsorted")
def kmeans_plus_plus(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    first = min(int(rng.random() * n), n - 1)
    centres = [X[first]]
    for _ in range(1, k):
        d2 = np.min([np.sum((X - c) ** 2, axis=1) for c in centres], axis=0)
        cdf = np.cumsum(d2) / d2.sum()
        j = int(np.searchsorted(cdf, rng.random(), side="right"))
        while d2[min(j, n - 1)] == 0:  # guard against rounding at the top of the CDF
            j -= 1
        centres.append(X[min(j, n - 1)])
    return np.array(centres)


# ---------------------------------------------------------------- q5: log density


@variant("q5", wrong="takes np.log of the density: -inf far from the mean")
def gaussian_logpdf(X, mean, cov):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    diff = X - mean
    quad = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    norm = np.sqrt((2 * np.pi) ** len(mean) * np.linalg.det(cov))
    with np.errstate(divide="ignore"):
        return np.log(np.exp(-0.5 * quad) / norm)


@variant("q5", wrong="forgets the 1/2 in front of log det(cov)")
def gaussian_logpdf(X, mean, cov):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    diff = X - mean
    quad = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    return -0.5 * quad - np.linalg.slogdet(cov)[1] - 0.5 * len(mean) * np.log(2 * np.pi)


@variant("q5", wrong="multiplies by cov in the quadratic form instead of solving with it")
def gaussian_logpdf(X, mean, cov):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    diff = X - mean
    quad = np.einsum("ij,jk,ik->i", diff, cov, diff)
    return -0.5 * quad - 0.5 * np.linalg.slogdet(cov)[1] - 0.5 * len(mean) * np.log(2 * np.pi)


@variant("q5", wrong="calls scipy.stats.multivariate_normal")
def gaussian_logpdf(X, mean, cov):
    return np.atleast_1d(multivariate_normal(mean=mean, cov=cov).logpdf(np.asarray(X, float)))


@variant("q5", correct="slogdet and np.linalg.inv instead of a Cholesky factor")
def gaussian_logpdf(X, mean, cov):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    diff = X - mean
    quad = np.sum((diff @ np.linalg.inv(cov)) * diff, axis=1)
    _, logdet = np.linalg.slogdet(cov)
    return -0.5 * (quad + logdet + len(mean) * np.log(2 * np.pi))


# ---------------------------------------------------------------- q6: E-step


@variant("q6", wrong="exponentiates the log densities directly: 0/0 for far points")
def e_step(log_dens, weights):
    dens = np.exp(np.asarray(log_dens, dtype=float)) * np.asarray(weights, dtype=float)
    total = dens.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return dens / total, float(np.sum(np.log(total)))


@variant("q6", wrong="forgets the mixture weights")
def e_step(log_dens, weights):
    L = np.asarray(log_dens, dtype=float)
    top = L.max(axis=1, keepdims=True)
    norm = top + np.log(np.exp(L - top).sum(axis=1, keepdims=True))
    with np.errstate(divide="ignore"):
        ll = logsumexp(L + np.log(np.asarray(weights, dtype=float)), axis=1).sum()
    return np.exp(L - norm), float(ll)


@variant("q6", wrong="normalizes each column (over the points) instead of each row")
def e_step(log_dens, weights):
    with np.errstate(divide="ignore"):
        joint = np.asarray(log_dens, dtype=float) + np.log(np.asarray(weights, dtype=float))
    top = joint.max(axis=0, keepdims=True)
    norm = top + np.log(np.exp(joint - top).sum(axis=0, keepdims=True))
    rows = joint.max(axis=1, keepdims=True)
    ll = rows + np.log(np.exp(joint - rows).sum(axis=1, keepdims=True))
    return np.exp(joint - norm), float(ll.sum())


@variant("q6", wrong="returns the mean log-likelihood over the points instead of the sum")
def e_step(log_dens, weights):
    with np.errstate(divide="ignore"):
        joint = np.asarray(log_dens, dtype=float) + np.log(np.asarray(weights, dtype=float))
    top = joint.max(axis=1, keepdims=True)
    norm = top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True))
    return np.exp(joint - norm), float(norm.mean())


@variant("q6", wrong="calls scipy.special.logsumexp")
def e_step(log_dens, weights):
    with np.errstate(divide="ignore"):
        joint = np.asarray(log_dens, dtype=float) + np.log(np.asarray(weights, dtype=float))
    norm = logsumexp(joint, axis=1, keepdims=True)
    return np.exp(joint - norm), float(norm.sum())


@variant("q6", correct="a loop over the points, shifting each row by its maximum")
def e_step(log_dens, weights):
    L = np.asarray(log_dens, dtype=float)
    with np.errstate(divide="ignore"):
        logw = np.log(np.asarray(weights, dtype=float))
    resp = np.zeros_like(L)
    total = 0.0
    for i in range(L.shape[0]):
        row = L[i] + logw
        m = np.max(row)
        s = np.sum(np.exp(row - m))
        resp[i] = np.exp(row - m) / s
        total += m + np.log(s)
    return resp.tolist(), total


# ---------------------------------------------------------------- q7: M-step


@variant("q7", wrong="covariance of all the points, not weighted by the responsibilities")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    counts = resp.sum(axis=0)
    means = resp.T @ X / counts[:, None]
    d = X.shape[1]
    covs = np.stack(
        [np.cov(X.T, bias=True).reshape(d, d) + reg * np.eye(d) for _ in range(resp.shape[1])]
    )
    return counts / len(X), means, covs


@variant("q7", wrong="weighted covariance around the overall mean of X, not the new means")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    counts = resp.sum(axis=0)
    means = resp.T @ X / counts[:, None]
    diff = X - X.mean(axis=0)
    covs = np.stack(
        [
            (r[:, None] * diff).T @ diff / nk + reg * np.eye(X.shape[1])
            for r, nk in zip(resp.T, counts, strict=True)
        ]
    )
    return counts / len(X), means, covs


@variant("q7", wrong="divides the covariance by N_k - 1 (ddof mismatch)")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    counts = resp.sum(axis=0)
    means = resp.T @ X / counts[:, None]
    covs = np.stack(
        [
            (r[:, None] * (X - m)).T @ (X - m) / (nk - 1) + reg * np.eye(X.shape[1])
            for r, m, nk in zip(resp.T, means, counts, strict=True)
        ]
    )
    return counts / len(X), means, covs


@variant("q7", wrong="ignores reg")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    counts = resp.sum(axis=0)
    means = resp.T @ X / counts[:, None]
    covs = np.stack(
        [
            (r[:, None] * (X - m)).T @ (X - m) / nk
            for r, m, nk in zip(resp.T, means, counts, strict=True)
        ]
    )
    return counts / len(X), means, covs


@variant("q7", wrong="weights N_k, not divided by n")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    counts = resp.sum(axis=0)
    means = resp.T @ X / counts[:, None]
    covs = np.stack(
        [
            (r[:, None] * (X - m)).T @ (X - m) / nk + reg * np.eye(X.shape[1])
            for r, m, nk in zip(resp.T, means, counts, strict=True)
        ]
    )
    return counts, means, covs


@variant("q7", correct="np.cov with aweights and bias=True, per component")
def m_step(X, resp, reg=0.0):
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    d = X.shape[1]
    weights = resp.mean(axis=0)
    means = np.array([np.average(X, axis=0, weights=r) for r in resp.T])
    covs = np.array(
        [np.cov(X.T, aweights=r, bias=True).reshape(d, d) + reg * np.eye(d) for r in resp.T]
    )
    return weights, means, covs


# ---------------------------------------------------------------- q8: EM


@variant("q8", wrong="runs the E-step with the starting weights at every iteration")
def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    X = np.asarray(X, dtype=float)
    w0 = np.array(weights, dtype=float)
    weights, means, covs = w0.copy(), np.array(means, dtype=float), np.array(covs, dtype=float)
    history = []
    for _ in range(n_iter):
        L = np.column_stack([log_density(X, means[k], covs[k]) for k in range(len(w0))])
        resp, ll = e_step(L, w0)
        history.append(float(ll))
        weights, means, covs = (np.asarray(a) for a in m_step(X, resp))
    return weights, means, covs, history


@variant("q8", wrong="returns the parameters from before the last M-step")
def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    X = np.asarray(X, dtype=float)
    w, mu, S = np.array(weights, float), np.array(means, float), np.array(covs, float)
    history = []
    prev = (w, mu, S)
    for _ in range(n_iter):
        L = np.column_stack([log_density(X, mu[k], S[k]) for k in range(len(w))])
        resp, ll = e_step(L, w)
        history.append(float(ll))
        prev = (w, mu, S)
        w, mu, S = (np.asarray(a) for a in m_step(X, resp))
    return prev[0], prev[1], prev[2], history


@variant("q8", wrong="one iteration too many (range(n_iter + 1))")
def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    X = np.asarray(X, dtype=float)
    w, mu, S = np.array(weights, float), np.array(means, float), np.array(covs, float)
    history = []
    for _ in range(n_iter + 1):
        L = np.column_stack([log_density(X, mu[k], S[k]) for k in range(len(w))])
        resp, ll = e_step(L, w)
        history.append(float(ll))
        w, mu, S = (np.asarray(a) for a in m_step(X, resp))
    return w, mu, S, history


@variant("q8", wrong="writes the fitted parameters into the starting arrays in place")
def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    X = np.asarray(X, dtype=float)
    history = []
    for _ in range(n_iter):
        L = np.column_stack([log_density(X, means[k], covs[k]) for k in range(len(weights))])
        resp, ll = e_step(L, weights)
        history.append(float(ll))
        new_w, new_mu, new_S = m_step(X, resp)
        weights[:], means[:], covs[:] = new_w, new_mu, new_S
    return weights, means, covs, history


@variant("q8", correct="builds the log-density matrix column by column into a preallocated array")
def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    X = np.asarray(X, dtype=float)
    w, mu, S = np.array(weights, float), np.array(means, float), np.array(covs, float)
    history = np.zeros(n_iter)
    L = np.empty((X.shape[0], len(w)))
    for t in range(n_iter):
        for k in range(len(w)):
            L[:, k] = log_density(X, mu[k], S[k])
        resp, history[t] = e_step(L, w)
        w, mu, S = m_step(X, resp)
    return w, mu, S, history


# ---------------------------------------------------------------- q9: PCA by eigh


@variant("q9", wrong="does not centre: eigenvectors of X^T X / (n - 1)")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(X.T @ X / (X.shape[0] - 1))
    order = np.argsort(values)[::-1][:k]
    return X.mean(axis=0), vectors[:, order].T, values[order]


@variant("q9", wrong="covariance with ddof=0 (divides by n)")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(np.cov(X.T, ddof=0))
    order = np.argsort(values)[::-1][:k]
    return X.mean(axis=0), vectors[:, order].T, values[order]


@variant("q9", wrong="keeps eigh's increasing order: the k smallest directions")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(np.cov(X.T))
    return X.mean(axis=0), vectors[:, :k].T, values[:k]


@variant("q9", wrong="returns the eigenvectors as columns, shape (d, k)")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(np.cov(X.T))
    order = np.argsort(values)[::-1][:k]
    return X.mean(axis=0), vectors[:, order], values[order]


@variant("q9", wrong="uses np.linalg.svd, the route the next question asks for")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return X.mean(axis=0), Vt[:k], s[:k] ** 2 / (X.shape[0] - 1)


@variant("q9", correct="np.cov and np.linalg.eig, real parts, sorted with argsort(-values)")
def pca_eig(X, k):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eig(np.cov(X, rowvar=False))
    values, vectors = values.real, vectors.real
    order = np.argsort(-values)[:k]
    return X.mean(axis=0), vectors[:, order].T, values[order]


# ---------------------------------------------------------------- q10: PCA by SVD


@variant("q10", wrong="explained variance ratio from the singular values, not squared")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:k], s[:k] ** 2 / (X.shape[0] - 1), s[:k] / s.sum()


@variant("q10", wrong="ratio over the k kept variances, so it always sums to 1")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s[:k] ** 2 / (X.shape[0] - 1)
    return mean, Vt[:k], var, var / var.sum()


@variant("q10", wrong="variances s^2 / n instead of s^2 / (n - 1)")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / X.shape[0]
    return mean, Vt[:k], var[:k], var[:k] / var.sum()


@variant("q10", wrong="does not centre before the SVD")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    var = s**2 / (X.shape[0] - 1)
    return X.mean(axis=0), Vt[:k], var[:k], var[:k] / var.sum()


@variant("q10", wrong="takes the columns of U instead of the rows of V^T")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    U, s, _ = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / (X.shape[0] - 1)
    return mean, U[:, :k].T, var[:k], var[:k] / var.sum()


@variant("q10", wrong="eigendecomposition of the covariance (np.linalg.eigh) instead of the SVD")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(X.T))
    order = np.argsort(values)[::-1]
    values = values[order]
    return mean, vectors[:, order[:k]].T, values[:k], values[:k] / values.sum()


@variant("q10", correct="SVD of the transposed centred data: components are columns of U")
def pca_svd(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    U, s, _ = np.linalg.svd((X - mean).T, full_matrices=False)
    var = s**2 / (X.shape[0] - 1)
    total = np.sum((X - mean) ** 2) / (X.shape[0] - 1)
    return list(mean), U[:, :k].T, var[:k], var[:k] / total


# ---------------------------------------------------------------- q11: projection


@variant("q11", wrong="projects without subtracting the mean")
def pca_project(X, mean, components):
    return np.asarray(X, dtype=float) @ np.asarray(components, dtype=float).T


@variant("q11", wrong="reconstructs without adding the mean back")
def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float)


@variant("q11", wrong="reconstruction subtracts the mean instead of adding it")
def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float) - np.asarray(mean)


@variant("q11", wrong="projects with the components untransposed: (X - mean) @ components")
def pca_project(X, mean, components):
    centred = np.asarray(X, dtype=float) - np.asarray(mean, dtype=float)
    return centred @ np.asarray(components, dtype=float)


@variant("q11", correct="einsum and explicit loops over the components")
def pca_project(X, mean, components):
    centred = np.asarray(X, dtype=float) - np.asarray(mean, dtype=float)
    return np.einsum("nd,kd->nk", centred, np.asarray(components, dtype=float))


# ---------------------------------------------------------------- q12: t-SNE affinities


@variant("q12", wrong="entropy in nats compared with log2(perplexity)")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P, betas = np.zeros((n, n)), np.ones(n)
    for i in range(n):
        d = np.delete(D2[i], i)
        d = d - d.min()
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            p = np.exp(-beta * d)
            p /= p.sum()
            h = -np.sum(p[p > 0] * np.log(p[p > 0]))
            if abs(h - target) < tol:
                break
            if h > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i, np.arange(n) != i] = p
        betas[i] = beta
    return P, betas


@variant("q12", wrong="returns sigma_i = 1 / sqrt(2 beta_i) instead of the precision beta_i")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P, sigmas = np.zeros((n, n)), np.ones(n)
    for i in range(n):
        d = np.delete(D2[i], i)
        d = d - d.min()
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            p = np.exp(-beta * d)
            p /= p.sum()
            h = -np.sum(p[p > 0] * np.log2(p[p > 0]))
            if abs(h - target) < tol:
                break
            if h > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i, np.arange(n) != i] = p
        sigmas[i] = 1 / np.sqrt(2 * beta)
    return P, sigmas


@variant("q12", wrong="keeps the point itself in its row (p_i|i = exp(0) / sum)")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P, betas = np.zeros((n, n)), np.ones(n)
    for i in range(n):
        d = D2[i]
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            p = np.exp(-beta * (d - d.min()))
            p /= p.sum()
            h = -np.sum(p[p > 0] * np.log2(p[p > 0]))
            if abs(h - target) < tol:
                break
            if h > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i] = p
        betas[i] = beta
    return P, betas


@variant("q12", wrong="no shift by the smallest distance: exp underflows for far points")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P, betas = np.zeros((n, n)), np.ones(n)
    for i in range(n):
        d = np.delete(D2[i], i)
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            with np.errstate(invalid="ignore"):
                p = np.exp(-beta * d)
                p = p / p.sum()
                h = -np.nansum(p[p > 0] * np.log2(p[p > 0]))
            if abs(h - target) < tol:
                break
            if h > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i, np.arange(n) != i] = p
        betas[i] = beta
    return P, betas


@variant("q12", wrong="ignores tol: stops at a fixed tolerance of 1e-3")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P, betas = np.zeros((n, n)), np.ones(n)
    for i in range(n):
        d = np.delete(D2[i], i)
        d = d - d.min()
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            p = np.exp(-beta * d)
            p /= p.sum()
            h = -np.sum(p[p > 0] * np.log2(p[p > 0]))
            if abs(h - target) < 1e-3:
                break
            if h > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i, np.arange(n) != i] = p
        betas[i] = beta
    return P, betas


@variant("q12", correct="vectorized bisection on log(beta) for all rows at once")
def conditional_affinities(D2, perplexity, tol=1e-5):
    D2 = np.array(D2, dtype=float)
    n = D2.shape[0]
    off = ~np.eye(n, dtype=bool)
    d = D2[off].reshape(n, n - 1)
    d = d - d.min(axis=1, keepdims=True)
    target = np.log2(perplexity)
    lo, hi = np.full(n, -50.0), np.full(n, 50.0)
    done = np.zeros(n, dtype=bool)
    log_beta = np.zeros(n)
    for _ in range(300):
        mid = np.where(done, log_beta, (lo + hi) / 2)
        logits = -np.exp(mid)[:, None] * d
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            h = -np.sum(np.where(p > 0, p * np.log2(p), 0.0), axis=1)
        log_beta = mid
        done |= np.abs(h - target) < tol
        if done.all():
            break
        too_flat = (h > target) & ~done
        lo = np.where(too_flat, mid, lo)
        hi = np.where(~too_flat & ~done, mid, hi)
    P = np.zeros((n, n))
    P[off] = p.ravel()
    return P, np.exp(log_beta)


@variant("q12", wrong="not symmetrized: P / n")
def joint_affinities(P_cond):
    P_cond = np.asarray(P_cond, dtype=float)
    return P_cond / P_cond.shape[0]


@variant("q12", wrong="divides P + P^T by n instead of 2n")
def joint_affinities(P_cond):
    P_cond = np.asarray(P_cond, dtype=float)
    return (P_cond + P_cond.T) / P_cond.shape[0]


@variant("q12", wrong="symmetrizes without normalizing: (P + P^T) / 2")
def joint_affinities(P_cond):
    P_cond = np.asarray(P_cond, dtype=float)
    return (P_cond + P_cond.T) / 2


@variant("q12", correct="symmetrizes, then divides by the total")
def joint_affinities(P_cond):
    S = np.asarray(P_cond, dtype=float) + np.asarray(P_cond, dtype=float).T
    return S / S.sum()
