"""Variants for ps02-vectors."""

from collections import Counter

import numpy as np
import scipy.linalg
from scipy.spatial.distance import cdist

from mlmath.authoring import variant

# ---------------------------------------------------------------- q1 linear_combination


@variant("q1", wrong="broadcasts the coefficients along the wrong axis (over the columns)")
def linear_combination(coeffs, vectors):
    c = np.asarray(coeffs, dtype=float)
    V = np.asarray(vectors, dtype=float)
    return np.sum(c * V, axis=0)


@variant("q1", wrong="sums each scaled vector (axis=1) instead of adding the vectors")
def linear_combination(coeffs, vectors):
    c = np.asarray(coeffs, dtype=float)
    V = np.asarray(vectors, dtype=float)
    return np.sum(c[:, None] * V, axis=1)


@variant("q1", wrong="averages the scaled vectors instead of adding them")
def linear_combination(coeffs, vectors):
    c = np.asarray(coeffs, dtype=float)
    V = np.asarray(vectors, dtype=float)
    return np.mean(c[:, None] * V, axis=0)


@variant("q1", wrong="accumulates into np.zeros_like(vectors[0]): integer for integer vectors")
def linear_combination(coeffs, vectors):
    result = np.zeros_like(np.asarray(vectors[0]))
    for c, v in zip(coeffs, vectors, strict=True):
        result += c * np.asarray(v)  # fails (or truncates) when result is an integer array
    return result


@variant("q1", wrong="np.dot straight on the inputs: integer in, integer out (and int64 overflow)")
def linear_combination(coeffs, vectors):
    return np.dot(coeffs, vectors)


@variant("q1", correct="np.dot after converting the coefficients to float (lists work too)")
def linear_combination(coeffs, vectors):
    return np.dot(np.asarray(coeffs, dtype=float), vectors)


@variant("q1", correct="accumulates c_i * v_i in a loop")
def linear_combination(coeffs, vectors):
    result = np.zeros(len(vectors[0]))
    for c, v in zip(coeffs, vectors, strict=True):
        result = result + c * np.asarray(v, dtype=float)
    return result


# ---------------------------------------------------------------- q2 dot_loop, rowwise_dot


@variant("q2", wrong="uses zip without checking lengths, so mismatched vectors are truncated")
def dot_loop(u, v):
    total = 0.0
    for a, b in zip(u, v):  # noqa: B905
        total += a * b
    return total


@variant("q2", wrong="off by one: the loop starts at index 1 and skips the first product")
def dot_loop(u, v):
    if len(u) != len(v):
        raise ValueError("lengths differ")
    total = 0.0
    for i in range(1, len(u)):
        total += u[i] * v[i]
    return total


@variant("q2", wrong="multiplies the sums instead of summing the products")
def dot_loop(u, v):
    if len(u) != len(v):
        raise ValueError("lengths differ")
    su = sv = 0.0
    for i in range(len(u)):
        su += u[i]
        sv += v[i]
    return su * sv


@variant("q2", wrong="multiplies the entries as they come: numpy int64 products overflow")
def dot_loop(u, v):
    if len(u) != len(v):
        raise ValueError("lengths differ")
    total = 0
    for i in range(len(u)):
        total += u[i] * v[i]
    return total


@variant("q2", correct="loops over zip(u, v, strict=True), which raises ValueError itself")
def dot_loop(u, v):
    total = 0.0
    for a, b in zip(u, v, strict=True):
        total = total + float(a) * float(b)
    return total


@variant("q2", wrong="rowwise_dot as U @ V.T: all m*m dot products instead of m")
def rowwise_dot(U, V):
    return np.asarray(U) @ np.asarray(V).T


@variant("q2", wrong="rowwise_dot sums over the wrong axis (columnwise dot products)")
def rowwise_dot(U, V):
    return np.sum(np.asarray(U) * np.asarray(V), axis=0)


@variant("q2", wrong="rowwise_dot in the inputs' dtype: int64 products overflow")
def rowwise_dot(U, V):
    return np.sum(np.asarray(U) * np.asarray(V), axis=1)


@variant("q2", correct="rowwise_dot with np.einsum on float arrays")
def rowwise_dot(U, V):
    return np.einsum("ij,ij->i", np.asarray(U, dtype=float), np.asarray(V, dtype=float))


@variant("q2", correct="rowwise_dot as the diagonal of U @ V.T (wasteful but right)")
def rowwise_dot(U, V):
    return np.diag(np.asarray(U, dtype=float) @ np.asarray(V, dtype=float).T)


# ---------------------------------------------------------------- q3 lp_norm


@variant("q3", wrong="forgets the 1/p power: returns the sum of |x_i|**p (no sqrt for L2)")
def lp_norm(x, p=2):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return float(np.max(a, initial=0.0))
    return float(np.sum(a**p))


@variant("q3", wrong="L-inf as max(x) without the absolute value")
def lp_norm(x, p=2):
    x = np.asarray(x, dtype=float)
    if p == np.inf:
        return float(np.max(x))
    return float(np.sum(np.abs(x) ** p) ** (1 / p))


@variant("q3", wrong="no absolute values: sum(x**p) ** (1/p)")
def lp_norm(x, p=2):
    x = np.asarray(x, dtype=float)
    if p == np.inf:
        return float(np.max(np.abs(x)))
    return float(np.sum(x**p) ** (1 / p))


@variant("q3", wrong="squares integer entries in int64: 4e9 squared wraps around")
def lp_norm(x, p=2):
    a = np.abs(np.asarray(x))
    if p == np.inf:
        return float(np.max(a))
    return float(np.sum(a**p) ** (1 / p))


@variant("q3", wrong="calls the forbidden np.linalg.norm")
def lp_norm(x, p=2):
    return float(np.linalg.norm(np.asarray(x, dtype=float), p))


@variant("q3", wrong="calls the forbidden scipy.linalg.norm")
def lp_norm(x, p=2):
    return float(scipy.linalg.norm(np.asarray(x, dtype=float), p))


@variant("q3", correct="a plain Python loop over the entries")
def lp_norm(x, p=2):
    if p == np.inf:
        best = 0.0
        for value in x:
            best = max(best, abs(float(value)))
        return best
    total = 0.0
    for value in x:
        total += abs(float(value)) ** p
    return total ** (1 / p)


@variant("q3", correct="L2 as sqrt(x . x), the others by the general formula")
def lp_norm(x, p=2):
    x = np.asarray(x, dtype=float)
    if p == 2:
        return np.sqrt(np.dot(x, x))
    if np.isinf(p):
        return np.abs(x).max() if x.size else 0.0
    return (np.abs(x) ** p).sum() ** (1 / p)


# ---------------------------------------------------------------- q4 distances


@variant("q4", wrong="returns the squared Euclidean distance (forgets the square root)")
def euclidean_distance(u, v):
    diff = np.asarray(u, dtype=float) - np.asarray(v, dtype=float)
    return float(np.sum(diff * diff))


@variant("q4", wrong="subtracts and squares in the inputs' dtype: int64 overflows near 4e9")
def euclidean_distance(u, v):
    diff = np.asarray(u) - np.asarray(v)
    return float(np.sqrt(np.sum(diff * diff)))


@variant("q4", wrong="Euclidean distance as the difference of the norms, |u| - |v|")
def euclidean_distance(u, v):
    return float(np.linalg.norm(np.asarray(u, dtype=float)) - np.linalg.norm(np.asarray(v)))


@variant("q4", wrong="Manhattan distance without absolute values: sum(u - v)")
def manhattan_distance(u, v):
    return float(np.sum(np.asarray(u, dtype=float) - np.asarray(v, dtype=float)))


@variant("q4", wrong="calls the forbidden scipy.spatial.distance.cityblock")
def manhattan_distance(u, v):
    from scipy.spatial.distance import cityblock

    return float(cityblock(u, v))


@variant("q4", wrong="Manhattan distance with the absolute value outside the sum: |sum(u - v)|")
def manhattan_distance(u, v):
    return float(abs(np.sum(np.asarray(u, dtype=float) - np.asarray(v, dtype=float))))


@variant("q4", correct="reuses lp_norm from question 3")
def euclidean_distance(u, v):
    return lp_norm(np.asarray(u, dtype=float) - np.asarray(v, dtype=float), 2)


@variant("q4", correct="np.linalg.norm of the difference (allowed here)")
def euclidean_distance(u, v):
    return np.linalg.norm(np.subtract(u, v, dtype=float))


@variant("q4", correct="Manhattan distance with a loop")
def manhattan_distance(u, v):
    return sum(abs(float(a) - float(b)) for a, b in zip(u, v, strict=True))


# ---------------------------------------------------------------- q5 cosine and angle


@variant("q5", wrong="returns the cosine distance 1 - similarity instead of the similarity")
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        return 1.0
    return float(1 - u @ v / (nu * nv))


@variant("q5", wrong="divides by the squared norms u.u * v.v (forgets the square roots)")
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if not u.any() or not v.any():
        return 0.0
    return float(u @ v / (u @ u * (v @ v)))


@variant("q5", wrong="ignores the zero-vector convention: 0/0 gives NaN")
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


@variant("q5", wrong="computes 0/0 for a zero vector, then replaces the NaN by 0 (warns)")
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    return float(np.nan_to_num(u @ v / (np.linalg.norm(u) * np.linalg.norm(v))))


@variant("q5", wrong="computes in the inputs' dtype: int64 dot products overflow near 4e9")
def cosine_similarity(u, v):
    u = np.asarray(u)
    v = np.asarray(v)
    nu, nv = np.sqrt(np.sum(u * u)), np.sqrt(np.sum(v * v))
    if nu == 0 or nv == 0:
        return 0.0
    return float(np.sum(u * v) / (nu * nv))


@variant("q5", wrong="calls the forbidden scipy.spatial.distance.cosine")
def cosine_similarity(u, v):
    from scipy.spatial.distance import cosine

    if not np.any(u) or not np.any(v):
        return 0.0
    return 1.0 - cosine(u, v)


@variant("q5", wrong="returns the angle in degrees instead of radians")
def angle_between(u, v):
    return float(np.degrees(np.arccos(np.clip(cosine_similarity(u, v), -1, 1))))


@variant("q5", wrong="no clipping: arccos of a cosine just above 1 gives NaN")
def angle_between(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    return float(np.arccos(u @ v / (np.linalg.norm(u) * np.linalg.norm(v))))


@variant("q5", wrong="arccos of the raw dot product, without dividing by the norms")
def angle_between(u, v):
    return float(np.arccos(np.clip(np.dot(u, v), -1, 1)))


@variant("q5", wrong="angle via sqrt((u.u) * (v.v)): the product overflows for entries near 1e100")
def angle_between(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    cos = (u @ v) / np.sqrt((u @ u) * (v @ v))
    return float(np.arccos(np.clip(cos, -1.0, 1.0)))


@variant("q5", correct="cosine similarity as the dot product of the unit vectors")
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if not u.any() or not v.any():
        return 0
    return (u / np.linalg.norm(u)) @ (v / np.linalg.norm(v))


@variant("q5", correct="angle of the unit vectors by arctan2(sqrt(1 - (u.v)^2), u.v)")
def angle_between(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    u = u / np.linalg.norm(u)
    v = v / np.linalg.norm(v)
    dot = u @ v
    cross = np.sqrt(max(0.0, (u @ u) * (v @ v) - dot * dot))
    return float(np.arctan2(cross, dot))


# ---------------------------------------------------------------- q6 pairwise_distances


@variant("q6", wrong="Euclidean metric returns squared distances (no square root)")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    diff = X[:, None, :] - Y[None, :, :]
    if metric == "euclidean":
        return np.sum(diff**2, axis=2)
    if metric == "manhattan":
        return np.sum(np.abs(diff), axis=2)
    return 1.0 - (X @ Y.T) / np.outer(np.linalg.norm(X, axis=1), np.linalg.norm(Y, axis=1))


@variant("q6", wrong="broadcasts along the wrong axes: result is D.T, shape (len(Y), len(X))")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    diff = X[None, :, :] - Y[:, None, :]
    if metric == "euclidean":
        return np.sqrt(np.sum(diff**2, axis=2))
    if metric == "manhattan":
        return np.sum(np.abs(diff), axis=2)
    return 1.0 - (Y @ X.T) / np.outer(np.linalg.norm(Y, axis=1), np.linalg.norm(X, axis=1))


@variant("q6", wrong="Gram trick |x|^2 + |y|^2 - 2 x.y without clipping at 0: NaN on the diagonal")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if metric == "euclidean":
        sq = np.sum(X**2, axis=1)[:, None] + np.sum(Y**2, axis=1)[None, :] - 2 * X @ Y.T
        return np.sqrt(sq)
    if metric == "manhattan":
        return np.sum(np.abs(X[:, None, :] - Y[None, :, :]), axis=2)
    nx = np.linalg.norm(X, axis=1)[:, None]
    ny = np.linalg.norm(Y, axis=1)[None, :]
    denom = nx * ny
    return 1.0 - np.divide(X @ Y.T, denom, out=np.zeros((len(X), len(Y))), where=denom > 0)


@variant("q6", wrong="broadcasts in the inputs' dtype: int64 squared differences overflow")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X)
    Y = np.asarray(Y)
    if metric == "cosine":
        X, Y = X.astype(float), Y.astype(float)
        denom = np.linalg.norm(X, axis=1)[:, None] * np.linalg.norm(Y, axis=1)[None, :]
        return 1.0 - np.divide(X @ Y.T, denom, out=np.zeros((len(X), len(Y))), where=denom > 0)
    diff = X[:, None, :] - Y[None, :, :]
    if metric == "euclidean":
        return np.sqrt(np.sum(diff * diff, axis=2))
    return np.sum(np.abs(diff), axis=2)


@variant("q6", correct="cosine by normalizing the non-zero rows first, one loop over X rows")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if metric == "cosine":
        nx = np.linalg.norm(X, axis=1, keepdims=True)
        ny = np.linalg.norm(Y, axis=1, keepdims=True)
        Xn = X / np.where(nx > 0, nx, 1.0)
        Yn = Y / np.where(ny > 0, ny, 1.0)
        return 1.0 - Xn @ Yn.T
    D = np.empty((len(X), len(Y)))
    for i, x in enumerate(X):
        diff = Y - x
        D[i] = np.sqrt((diff**2).sum(axis=1)) if metric == "euclidean" else np.abs(diff).sum(1)
    return D


@variant("q6", wrong="cosine metric returns the similarity instead of the distance")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    diff = X[:, None, :] - Y[None, :, :]
    if metric == "euclidean":
        return np.sqrt(np.sum(diff**2, axis=2))
    if metric == "manhattan":
        return np.sum(np.abs(diff), axis=2)
    denom = np.linalg.norm(X, axis=1)[:, None] * np.linalg.norm(Y, axis=1)[None, :]
    return np.divide(X @ Y.T, denom, out=np.zeros((len(X), len(Y))), where=denom > 0)


@variant("q6", wrong="cosine metric divides by zero norms: NaN for zero rows")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    diff = X[:, None, :] - Y[None, :, :]
    if metric == "euclidean":
        return np.sqrt(np.sum(diff**2, axis=2))
    if metric == "manhattan":
        return np.sum(np.abs(diff), axis=2)
    denom = np.linalg.norm(X, axis=1)[:, None] * np.linalg.norm(Y, axis=1)[None, :]
    return 1.0 - (X @ Y.T) / denom


@variant("q6", wrong="calls the forbidden scipy.spatial.distance.cdist")
def pairwise_distances(X, Y, metric="euclidean"):
    if metric == "cosine":
        X = np.asarray(X, dtype=float)
        Y = np.asarray(Y, dtype=float)
        denom = np.linalg.norm(X, axis=1)[:, None] * np.linalg.norm(Y, axis=1)[None, :]
        return 1.0 - np.divide(X @ Y.T, denom, out=np.zeros((len(X), len(Y))), where=denom > 0)
    return cdist(X, Y, {"euclidean": "euclidean", "manhattan": "cityblock"}[metric])


@variant("q6", wrong="expansion |x|^2 + |y|^2 - 2 x.y clipped at 0: cancels far from the origin")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if metric == "euclidean":
        sq = np.sum(X**2, axis=1)[:, None] + np.sum(Y**2, axis=1)[None, :] - 2 * X @ Y.T
        return np.sqrt(np.maximum(sq, 0.0))
    if metric == "manhattan":
        return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=-1)
    Xn = X / np.where(
        np.linalg.norm(X, axis=1, keepdims=True) > 0, np.linalg.norm(X, axis=1, keepdims=True), 1.0
    )
    Yn = Y / np.where(
        np.linalg.norm(Y, axis=1, keepdims=True) > 0, np.linalg.norm(Y, axis=1, keepdims=True), 1.0
    )
    return 1.0 - Xn @ Yn.T


@variant("q6", correct="one loop over the rows of X, broadcasting over Y, reusing earlier answers")
def pairwise_distances(X, Y, metric="euclidean"):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    D = np.empty((len(X), len(Y)))
    for i, x in enumerate(X):
        if metric == "euclidean":
            D[i] = np.linalg.norm(Y - x, axis=1)
        elif metric == "manhattan":
            D[i] = np.abs(Y - x).sum(axis=1)
        else:
            D[i] = [1.0 - cosine_similarity(x, y) for y in Y]
    return D


# ---------------------------------------------------------------- q7 k_nearest


@variant("q7", wrong="returns the k FARTHEST rows (sorts in decreasing order)")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    order = np.argsort(-d, kind="stable")
    if exclude is not None:
        order = order[order != exclude]
    return order[:k]


@variant("q7", wrong="implements exclude by dropping the first result, which may be a duplicate")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    order = np.argsort(d, kind="stable")
    if exclude is not None:
        return order[1 : k + 1]
    return order[:k]


@variant("q7", wrong="tests `if exclude:`, so exclude=0 is treated as no exclusion")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    order = np.argsort(d, kind="stable")
    if exclude:
        order = order[order != exclude]
    return order[:k]


@variant("q7", wrong="ignores exclude: the query point is its own nearest neighbour")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    return np.argsort(d, kind="stable")[:k]


@variant("q7", wrong="np.argsort's default (unstable) sort: ties are not broken by index")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    order = np.argsort(d)
    if exclude is not None:
        order = order[order != exclude]
    return order[:k]


@variant("q7", wrong="uses the Manhattan distance where the Euclidean one is asked")
def k_nearest(X, query, k, exclude=None):
    d = np.abs(np.asarray(X, dtype=float) - np.asarray(query, dtype=float)).sum(axis=1)
    order = np.argsort(d, kind="stable")
    if exclude is not None:
        order = order[order != exclude]
    return order[:k]


@variant("q7", wrong="np.argpartition, then sorts the k found: a tie at place k is not by index")
def k_nearest(X, query, k, exclude=None):
    d = np.linalg.norm(np.asarray(X, dtype=float) - np.asarray(query, dtype=float), axis=1)
    if exclude is not None:
        d[exclude] = np.inf
    nearest = np.argpartition(d, k - 1)[:k]
    return nearest[np.argsort(d[nearest], kind="stable")]


@variant("q7", correct="sorts squared distances (same order) and excludes with an inf distance")
def k_nearest(X, query, k, exclude=None):
    d2 = np.sum((np.asarray(X, dtype=float) - np.asarray(query, dtype=float)) ** 2, axis=1)
    if exclude is not None:
        d2[exclude] = np.inf
    return np.argsort(d2, kind="stable")[:k]


@variant("q7", correct="np.lexsort on (index, distance), returned as a list")
def k_nearest(X, query, k, exclude=None):
    d = pairwise_distances(X, [query])[:, 0]
    order = np.lexsort((np.arange(len(d)), d))
    return [int(i) for i in order if i != exclude][:k]


# ---------------------------------------------------------------- q8 knn_predict


@variant("q8", wrong="breaks a tied vote towards the smallest label (np.unique + argmax)")
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = np.asarray(y_train)
    out = []
    for x in np.asarray(X_test, dtype=float):
        values, counts = np.unique(y_train[nearest(X_train, x, k)], return_counts=True)
        out.append(values[np.argmax(counts)])
    return np.array(out)


@variant(
    "q8", wrong="max(set(labels), key=labels.count): a tie goes to the label the set lists first"
)
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = np.asarray(y_train)
    out = []
    for x in np.asarray(X_test, dtype=float):
        labels = list(y_train[nearest(X_train, x, k)])
        out.append(max(set(labels), key=labels.count))
    return np.array(out)


@variant("q8", wrong="votes with np.bincount: only works for small integer labels")
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = np.asarray(y_train)
    return np.array(
        [np.argmax(np.bincount(y_train[nearest(X_train, x, k)])) for x in np.asarray(X_test)]
    )


@variant("q8", wrong="off by one: votes among the k - 1 nearest neighbours")
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = np.asarray(y_train)
    out = []
    for x in np.asarray(X_test, dtype=float):
        labels = list(y_train[nearest(X_train, x, max(k - 1, 1))])
        out.append(Counter(labels).most_common(1)[0][0])
    return np.array(out)


@variant("q8", wrong="a tied vote goes to the label of the FARTHEST tied neighbour")
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = np.asarray(y_train)
    out = []
    for x in np.asarray(X_test, dtype=float):
        labels = list(y_train[nearest(X_train, x, k)])[::-1]
        out.append(Counter(labels).most_common(1)[0][0])
    return np.array(out)


@variant("q8", correct="Counter.most_common keeps first-seen order among ties")
def knn_predict(X_train, y_train, X_test, k, nearest):
    y_train = list(y_train)
    return [
        Counter(y_train[i] for i in nearest(X_train, x, k)).most_common(1)[0][0]
        for x in np.asarray(X_test, dtype=float)
    ]


@variant("q8", correct="one pairwise distance matrix (Gram trick) and a dict of counts")
def knn_predict(X_train, y_train, X_test, k, nearest):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    sq = (X_test**2).sum(1)[:, None] + (X_train**2).sum(1)[None, :] - 2 * X_test @ X_train.T
    D = np.sqrt(np.maximum(sq, 0))
    out = []
    for row in D:
        labels = [y_train[i] for i in np.argsort(row, kind="stable")[:k]]
        counts = {}
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
        best = max(counts.values())
        out.append(next(label for label in labels if counts[label] == best))
    return np.array(out)


# ---------------------------------------------------------------- q9 standardize


@variant("q9", wrong="standardizes the test set with its own mean and std (data leakage)")
def standardize(X_train, X_test):
    def z(X):
        X = np.asarray(X, dtype=float)
        std = X.std(axis=0)
        return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)

    return z(X_train), z(X_test)


@variant("q9", wrong="guards with std == 0: np.std of a column of 0.1s is 1e-17, not 0")
def standardize(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_test - mean) / std


@variant("q9", wrong="guards with np.isclose(std, 0): a column of tiny spread counts as constant")
def standardize(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(np.isclose(std, 0), 1.0, std)
    return (X_train - mean) / std, (X_test - mean) / std


@variant("q9", wrong="uses row statistics (axis=1) instead of column statistics")
def standardize(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=1)
    std = X_train.std(axis=1)
    return (X_train - mean) / std, (X_test - mean) / std


@variant("q9", wrong="no guard for a constant column: divides by 0 and gets NaN")
def standardize(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


@variant("q9", wrong="uses the sample standard deviation (ddof=1) where ddof=0 is asked")
def standardize(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0, ddof=1)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_test - mean) / std


@variant("q9", correct="column by column in a loop, returning a list [Z_train, Z_test]")
def standardize(X_train, X_test):
    Z_train = np.array(X_train, dtype=float)
    Z_test = np.array(X_test, dtype=float)
    for j in range(Z_train.shape[1]):
        column = Z_train[:, j].copy()
        mean = column.mean()
        std = np.sqrt(np.mean((column - mean) ** 2))
        if np.all(column == column[0]):
            std = 1.0
        Z_train[:, j] = (column - mean) / std
        Z_test[:, j] = (Z_test[:, j] - mean) / std
    return [Z_train, Z_test]


@variant("q9", correct="statistics from sums over axis 0; constant columns found with np.ptp")
def standardize(X_train, X_test):
    X_train = np.array(X_train, dtype=float)
    X_test = np.array(X_test, dtype=float)
    m = X_train.shape[0]
    mean = X_train.sum(axis=0) / m
    std = np.sqrt(((X_train - mean) ** 2).sum(axis=0) / m)
    std[np.ptp(X_train, axis=0) == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std


# ---------------------------------------------------------------- q10 recommend


@variant("q10", wrong="also recommends items the user has already rated")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = np.array([similarity(R[user], r) for r in R])
    sims[user] = 0.0
    return np.argsort(-(sims @ R), kind="stable")[:n]


@variant("q10", wrong="weighs users by the raw dot product instead of the cosine similarity")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = R @ R[user]
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return candidates[np.argsort(-scores[candidates], kind="stable")[:n]]


@variant("q10", wrong="weighs users by the cosine DISTANCE (1 - similarity)")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = np.array([1.0 - similarity(R[user], r) for r in R])
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return candidates[np.argsort(-scores[candidates], kind="stable")[:n]]


@variant("q10", wrong="sorts with np.argsort(scores)[::-1]: ties come out largest index first")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = np.array([similarity(R[user], r) for r in R])
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return candidates[np.argsort(scores[candidates], kind="stable")[::-1][:n]]


@variant("q10", wrong="cosine similarity without the zero-row convention: NaN scores")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    norms = np.linalg.norm(R, axis=1)
    sims = (R @ R[user]) / (norms * norms[user])
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return candidates[np.argsort(-scores[candidates], kind="stable")[:n]]


@variant("q10", wrong="returns positions in the list of unrated items instead of item indices")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = np.array([similarity(R[user], r) for r in R])
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return np.argsort(-scores[candidates], kind="stable")[:n]


@variant("q10", correct="keeps the user's own similarity 1: it only adds to items already rated")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    sims = np.array([similarity(R[user], r) for r in R])
    scores = sims @ R
    scores[R[user] != 0] = -np.inf
    return list(np.argsort(-scores, kind="stable")[:n])


@variant("q10", correct="loops over items and users, ranks with a sort key (-score, index)")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    scores = {}
    for i in range(R.shape[1]):
        if R[user, i] == 0:
            scores[i] = sum(similarity(R[user], R[j]) * R[j, i] for j in range(len(R)) if j != user)
    return sorted(scores, key=lambda i: (-scores[i], i))[:n]


@variant("q10", correct="all similarities at once with matrix products (similarity unused)")
def recommend(R, user, n, similarity):
    R = np.asarray(R, dtype=float)
    norms = np.sqrt(np.sum(R * R, axis=1))
    dots = R @ R[user]
    denom = norms * norms[user]
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    sims[user] = 0.0
    scores = sims @ R
    candidates = np.flatnonzero(R[user] == 0)
    return candidates[np.argsort(-scores[candidates], kind="stable")[:n]]
