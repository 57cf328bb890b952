"""Reference solution for ps02-vectors."""

import numpy as np


def linear_combination(coeffs, vectors):
    """Return sum_i coeffs[i] * vectors[i] as a 1-D float array of shape (n,)."""
    c = np.asarray(coeffs, dtype=float)
    V = np.asarray(vectors, dtype=float)
    return c @ V


def dot_loop(u, v):
    """Dot product of two equal-length sequences, computed with a Python loop."""
    if len(u) != len(v):
        raise ValueError(f"vectors have different lengths: {len(u)} and {len(v)}")
    total = 0.0
    for i in range(len(u)):
        total += float(u[i]) * float(v[i])
    return total


def rowwise_dot(U, V):
    """out[i] = U[i] . V[i] for two arrays of shape (m, n); returns shape (m,)."""
    U = np.asarray(U, dtype=float)
    V = np.asarray(V, dtype=float)
    return np.sum(U * V, axis=1)


def lp_norm(x, p=2):
    """The Lp norm of a 1-D vector x, for p >= 1 or p = np.inf (np.linalg.norm forbidden)."""
    a = np.abs(np.asarray(x, dtype=float))
    if a.size == 0:
        return 0.0
    if p == np.inf:
        return float(np.max(a))
    if p == 1:
        return float(np.sum(a))
    if p == 2:
        return float(np.sqrt(np.sum(a * a)))
    return float(np.sum(a**p) ** (1.0 / p))


def euclidean_distance(u, v):
    """Euclidean (L2) distance between two vectors of the same length."""
    diff = np.asarray(u, dtype=float) - np.asarray(v, dtype=float)
    return float(np.sqrt(np.sum(diff * diff)))


def manhattan_distance(u, v):
    """Manhattan (L1) distance between two vectors of the same length."""
    diff = np.asarray(u, dtype=float) - np.asarray(v, dtype=float)
    return float(np.sum(np.abs(diff)))


def cosine_similarity(u, v):
    """u . v / (||u|| ||v||), and 0.0 when u or v is the zero vector."""
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    nu = np.sqrt(np.sum(u * u))
    nv = np.sqrt(np.sum(v * v))
    if nu == 0 or nv == 0:
        return 0.0
    return float(np.sum(u * v) / (nu * nv))


def angle_between(u, v):
    """Angle between two non-zero vectors, in radians, in [0, pi]."""
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    cos = np.sum(u * v) / (np.sqrt(np.sum(u * u)) * np.sqrt(np.sum(v * v)))
    return float(np.arccos(np.clip(cos, -1.0, 1.0)))


def pairwise_distances(X, Y, metric="euclidean"):
    """D[i, j] = distance between X[i] and Y[j]; X (m, n), Y (p, n) -> D (m, p)."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if metric == "cosine":
        nx = np.sqrt(np.sum(X * X, axis=1))[:, None]
        ny = np.sqrt(np.sum(Y * Y, axis=1))[None, :]
        denom = nx * ny
        dots = X @ Y.T
        sim = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
        return 1.0 - sim
    diff = X[:, None, :] - Y[None, :, :]
    if metric == "euclidean":
        return np.sqrt(np.sum(diff * diff, axis=2))
    if metric == "manhattan":
        return np.sum(np.abs(diff), axis=2)
    raise ValueError(f"unknown metric {metric!r}")


def k_nearest(X, query, k, exclude=None):
    """Indices of the k rows of X nearest to query (Euclidean), nearest first.

    Ties are broken by the smaller index; row `exclude` (if given) is never returned.
    """
    X = np.asarray(X, dtype=float)
    q = np.asarray(query, dtype=float)
    d = np.sqrt(np.sum((X - q) ** 2, axis=1))
    order = np.argsort(d, kind="stable")
    if exclude is not None:
        order = order[order != exclude]
    return order[:k]


def knn_predict(X_train, y_train, X_test, k, nearest):
    """Predict a label for each row of X_test by a majority vote of its k nearest
    training rows, found with nearest(X_train, x, k) (the k_nearest of question 7);
    a tied vote goes to the tied label whose neighbour is nearest."""
    y_train = np.asarray(y_train)
    predictions = []
    for x in np.asarray(X_test, dtype=float):
        labels = y_train[np.asarray(nearest(X_train, x, k), dtype=int)]
        values, first, counts = np.unique(labels, return_index=True, return_counts=True)
        tied = counts == counts.max()
        predictions.append(values[tied][np.argmin(first[tied])])
    return np.array(predictions)


def standardize(X_train, X_test):
    """Scale each column to mean 0 and standard deviation 1 using the training set's
    statistics (ddof=0); a constant column is only centred. Returns (Z_train, Z_test)."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    constant = np.max(X_train, axis=0) == np.min(X_train, axis=0)
    std = np.where(constant, 1.0, std)
    return (X_train - mean) / std, (X_test - mean) / std


def recommend(R, user, n, similarity):
    """Indices of the n items that `user` has not rated (R[user, i] == 0) with the
    highest score sum_j similarity(R[user], R[j]) * R[j, i] over the other users j,
    best first (similarity is the cosine_similarity of question 5)."""
    R = np.asarray(R, dtype=float)
    sims = np.array([0.0 if j == user else similarity(R[user], R[j]) for j in range(len(R))])
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    order = np.argsort(-scores[candidates], kind="stable")
    return candidates[order[:n]]
