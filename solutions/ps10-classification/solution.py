"""Reference solution for ps10-classification."""

import numpy as np


def sigmoid(z):
    """Stable logistic function 1 / (1 + exp(-z)), elementwise."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def bce_with_logits(z, y):
    """Mean binary cross-entropy of labels y in {0, 1} given logits z, computed stably."""
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    # -log sigmoid(z) = log(1 + e^-z) and -log(1 - sigmoid(z)) = log(1 + e^z)
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def logistic_grad(w, b, X, y, lam):
    """Gradient (grad_w, grad_b) of mean BCE(X w + b, y) + lam / 2 * ||w||^2."""
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    residual = sigmoid(X @ w + b) - y
    n = X.shape[0]
    return X.T @ residual / n + lam * w, float(np.mean(residual))


def gradient_descent(grad, w0, b0, lr, n_iter):
    """n_iter steps of w <- w - lr * grad_w, b <- b - lr * grad_b; the whole path."""
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w.copy()], [b.copy()]
    for _ in range(n_iter):
        grad_w, grad_b = grad(w, b)
        w = w - lr * np.asarray(grad_w, dtype=float)
        b = b - lr * np.asarray(grad_b, dtype=float)
        ws.append(w.copy())
        bs.append(b.copy())
    return ws, bs


def predict_logistic(w, b, X, threshold=0.5):
    """Labels 1 where sigmoid(X w + b) >= threshold, else 0 (an int array)."""
    p = sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
    return (p >= threshold).astype(int)


def boundary_x2(w, b, x1, threshold=0.5):
    """x2 on the line where sigmoid(w[0] x1 + w[1] x2 + b) = threshold."""
    x1 = np.asarray(x1, dtype=float)
    level = np.log(threshold) - np.log1p(-threshold)  # logit(threshold)
    return (level - b - w[0] * x1) / w[1]


def softmax(Z):
    """Row-wise softmax of a 2-D array of scores, stable for any scale."""
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def one_hot(y, k):
    """An (n, k) float array with a single 1 per row, in column y[i]."""
    y = np.asarray(y)
    if np.any(y < 0) or np.any(y >= k):
        raise ValueError(f"labels must be in 0..{k - 1}")
    Y = np.zeros((y.shape[0], k))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def softmax_loss_grad(W, b, X, y, lam):
    """Mean softmax cross-entropy + lam / 2 * ||W||_F^2, and its gradient (W, b)."""
    W, b, X = np.asarray(W, dtype=float), np.asarray(b, dtype=float), np.asarray(X, dtype=float)
    n, k = X.shape[0], W.shape[1]
    Z = X @ W + b
    top = Z.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.exp(Z - top).sum(axis=1))
    loss = np.mean(log_norm - Z[np.arange(n), y]) + lam / 2 * np.sum(W**2)
    G = (softmax(Z) - one_hot(y, k)) / n
    return float(loss), X.T @ G + lam * W, G.sum(axis=0)


def hinge_loss_subgrad(w, b, X, y, lam):
    """lam / 2 ||w||^2 + mean max(0, 1 - y (X w + b)) and a subgradient (0 at the kink)."""
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    margins = y * (X @ w + b)
    active = margins < 1  # points exactly at margin 1 contribute 0
    loss = lam / 2 * np.dot(w, w) + np.mean(np.maximum(0.0, 1 - margins))
    n = X.shape[0]
    grad_w = lam * w - X.T @ (y * active) / n
    grad_b = -np.sum(y * active) / n
    return float(loss), grad_w, float(grad_b)


def signed_distances(w, b, X):
    """Signed Euclidean distance of each row of X to the hyperplane w . x + b = 0."""
    w = np.asarray(w, dtype=float)
    return (np.asarray(X, dtype=float) @ w + b) / np.linalg.norm(w)


def geometric_margin(w, b, X, y):
    """min_i y_i (w . x_i + b) / ||w||: positive exactly when the hyperplane separates."""
    return float(np.min(np.asarray(y, dtype=float) * signed_distances(w, b, X)))


def rbf_kernel(A, B, gamma):
    """K[i, j] = exp(-gamma * ||A[i] - B[j]||^2)."""
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    diff = A[:, None, :] - B[None, :, :]
    return np.exp(-gamma * np.sum(diff**2, axis=2))


def polynomial_kernel(A, B, degree, c=1.0):
    """K[i, j] = (A[i] . B[j] + c) ** degree."""
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    return (A @ B.T + c) ** degree


def kernel_ridge_fit(K, y, lam):
    """Dual coefficients alpha solving (K + lam I) alpha = y."""
    K, y = np.asarray(K, dtype=float), np.asarray(y, dtype=float)
    return np.linalg.solve(K + lam * np.eye(K.shape[0]), y)


def kernel_ridge_predict(K_new, alpha):
    """Predictions f(x) = sum_i alpha_i k(x, x_i) for the rows of K_new (m, n)."""
    return np.asarray(K_new, dtype=float) @ np.asarray(alpha, dtype=float)


def confusion_matrix(y_true, y_pred, k):
    """C[i, j] = number of examples of true class i predicted as class j."""
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return C


def binary_metrics(y_true, y_pred):
    """(accuracy, precision, recall) for labels in {0, 1}, positive class 1."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    accuracy = float(np.mean(y_true == y_pred))
    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0
    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0
    return accuracy, precision, recall


def roc_curve(y_true, scores):
    """(fpr, tpr) for the thresholds 'score >= t', t over the distinct scores, decreasing."""
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    thresholds = np.unique(scores)[::-1]
    positive = y_true == 1
    fpr = [0.0] + [np.sum(~positive & (scores >= t)) / np.sum(~positive) for t in thresholds]
    tpr = [0.0] + [np.sum(positive & (scores >= t)) / np.sum(positive) for t in thresholds]
    return np.array(fpr), np.array(tpr)


def auc(y_true, scores):
    """P(score of a positive > score of a negative) + 1/2 P(tie): the Mann-Whitney statistic."""
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    values, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    # average rank (1-based) of each distinct value, ties sharing the mean of their ranks
    last = np.cumsum(counts)
    average_rank = last - (counts - 1) / 2
    ranks = average_rank[inverse]
    n_pos = np.sum(y_true == 1)
    n_neg = y_true.size - n_pos
    u = np.sum(ranks[y_true == 1]) - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
