"""Reference solution for ps11-unsupervised: k-means, Gaussian mixtures, PCA, t-SNE affinities."""

import numpy as np


def assign_clusters(X, centers):
    """Index of the nearest centre (squared Euclidean distance) for each row of X."""
    X = np.asarray(X, dtype=float)
    centers = np.asarray(centers, dtype=float)
    diff = X[:, None, :] - centers[None, :, :]
    d2 = np.sum(diff**2, axis=2)
    return np.argmin(d2, axis=1)


def inertia(X, centers, labels):
    """Sum over the points of the squared distance to their assigned centre."""
    X = np.asarray(X, dtype=float)
    centers = np.asarray(centers, dtype=float)
    labels = np.asarray(labels)
    return float(np.sum((X - centers[labels]) ** 2))


def update_centers(X, labels, centers):
    """Mean of the points of each cluster; a cluster with no point keeps its old centre."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    new = np.array(centers, dtype=float, copy=True)
    for j in range(new.shape[0]):
        members = X[labels == j]
        if len(members) > 0:
            new[j] = members.mean(axis=0)
    return new


def lloyd(X, centers, assign, update, objective, max_iter=100):
    """Lloyd's algorithm from the given centres: (centers, labels, inertias)."""
    X = np.asarray(X, dtype=float)
    centers = np.array(centers, dtype=float, copy=True)
    labels = np.asarray(assign(X, centers))
    history = [float(objective(X, centers, labels))]
    for _ in range(max_iter):
        centers = np.asarray(update(X, labels, centers), dtype=float)
        new_labels = np.asarray(assign(X, centers))
        history.append(float(objective(X, centers, new_labels)))
        unchanged = np.array_equal(new_labels, labels)
        labels = new_labels
        if unchanged:
            break
    return centers, labels, history


def dsquared_probabilities(X, centers):
    """k-means++ sampling probabilities: D(x)^2 / sum D^2, D the distance to the nearest centre."""
    X = np.asarray(X, dtype=float)
    centers = np.asarray(centers, dtype=float).reshape(-1, X.shape[1])
    d2 = np.min(np.sum((X[:, None, :] - centers[None, :, :]) ** 2, axis=2), axis=1)
    return d2 / d2.sum()


def kmeans_plus_plus(X, k, rng):
    """k initial centres chosen among the rows of X by k-means++ seeding."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [int(rng.integers(n))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        nxt = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(nxt)
        d2 = np.minimum(d2, np.sum((X - X[nxt]) ** 2, axis=1))
    return X[chosen].copy()


def gaussian_logpdf(X, mean, cov):
    """log N(x; mean, cov) for each row x of X, through a Cholesky factor."""
    X = np.atleast_2d(np.asarray(X, dtype=float))
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    d = mean.shape[0]
    L = np.linalg.cholesky(cov)
    z = np.linalg.solve(L, (X - mean).T)
    log_det = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * np.sum(z**2, axis=0) - 0.5 * log_det - 0.5 * d * np.log(2 * np.pi)


def e_step(log_dens, weights):
    """Responsibilities (n, K) and the total log-likelihood, in log space."""
    log_dens = np.asarray(log_dens, dtype=float)
    weights = np.asarray(weights, dtype=float)
    with np.errstate(divide="ignore"):
        joint = log_dens + np.log(weights)
    top = np.max(joint, axis=1, keepdims=True)
    log_norm = top + np.log(np.sum(np.exp(joint - top), axis=1, keepdims=True))
    resp = np.exp(joint - log_norm)
    return resp, float(np.sum(log_norm))


def m_step(X, resp, reg=0.0):
    """Weights (K,), means (K, d) and covariances (K, d, d) from the responsibilities."""
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    n, d = X.shape
    counts = resp.sum(axis=0)
    weights = counts / n
    means = (resp.T @ X) / counts[:, None]
    covs = np.empty((resp.shape[1], d, d))
    for k in range(resp.shape[1]):
        diff = X - means[k]
        covs[k] = (resp[:, k, None] * diff).T @ diff / counts[k] + reg * np.eye(d)
    return weights, means, covs


def em_gmm(X, weights, means, covs, n_iter, log_density, e_step, m_step):
    """n_iter EM iterations from the given parameters: (weights, means, covs, log_likelihoods)."""
    X = np.asarray(X, dtype=float)
    weights = np.array(weights, dtype=float, copy=True)
    means = np.array(means, dtype=float, copy=True)
    covs = np.array(covs, dtype=float, copy=True)
    history = []
    for _ in range(n_iter):
        log_dens = np.column_stack([log_density(X, means[k], covs[k]) for k in range(len(weights))])
        resp, log_lik = e_step(log_dens, weights)
        history.append(float(log_lik))
        weights, means, covs = m_step(X, resp)
        weights, means, covs = np.asarray(weights), np.asarray(means), np.asarray(covs)
    return weights, means, covs, history


def pca_eig(X, k):
    """PCA by eigendecomposition of the covariance (ddof=1): (mean, components, variances)."""
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    cov = Xc.T @ Xc / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return mean, vectors[:, order].T, values[order]


def pca_svd(X, k):
    """PCA by the SVD of the centred data: (mean, components, variances, variance ratios)."""
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    variances = s**2 / (X.shape[0] - 1)
    total = np.sum(Xc**2) / (X.shape[0] - 1)
    return mean, Vt[:k], variances[:k], variances[:k] / total


def pca_project(X, mean, components):
    """Coordinates (n, k) of the rows of X on the principal components."""
    X = np.asarray(X, dtype=float)
    return (X - np.asarray(mean, dtype=float)) @ np.asarray(components, dtype=float).T


def pca_reconstruct(Z, mean, components):
    """Points of the original space (n, d) with principal coordinates Z."""
    Z = np.asarray(Z, dtype=float)
    return Z @ np.asarray(components, dtype=float) + np.asarray(mean, dtype=float)


def conditional_affinities(D2, perplexity, tol=1e-5):
    """t-SNE conditional P (rows p_{j|i}) and precisions beta_i, calibrated by bisection."""
    D2 = np.asarray(D2, dtype=float)
    n = D2.shape[0]
    target = np.log2(perplexity)
    P = np.zeros((n, n))
    betas = np.ones(n)
    for i in range(n):
        d = np.delete(D2[i], i)
        d = d - d.min()
        beta, lo, hi = 1.0, 0.0, np.inf
        for _ in range(200):
            e = np.exp(-beta * d)
            p = e / e.sum()
            nz = p > 0
            entropy = -np.sum(p[nz] * np.log2(p[nz]))
            if abs(entropy - target) < tol:
                break
            if entropy > target:
                lo = beta
                beta = beta * 2 if hi == np.inf else (lo + hi) / 2
            else:
                hi = beta
                beta = (lo + hi) / 2
        P[i, np.arange(n) != i] = p
        betas[i] = beta
    return P, betas


def joint_affinities(P_cond):
    """Symmetric t-SNE affinities (P + P^T) / (2n), summing to 1."""
    P_cond = np.asarray(P_cond, dtype=float)
    return (P_cond + P_cond.T) / (2 * P_cond.shape[0])
