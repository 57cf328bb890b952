OK_FORMAT = False

# Clauses of Question 11, each with its case and the wrong variant that breaks it alone:
# - confusion_matrix: C[i, j] counts true class i predicted as j (rows = true class):
#     test_confusion_random; variant "transposed (rows = predicted)".
# - C is an integer array: test_confusion_random; variant "float counts (np.zeros((k, k)))".
# - the shape is (k, k) for the k given, even when a class never appears:
#     test_confusion_missing_class; variant "k inferred from the labels".
# - binary_metrics returns (accuracy, precision, recall) with positive class 1,
#     precision = TP / (TP + FP), recall = TP / (TP + FN): test_metrics_random;
#     variants "precision and recall swapped" and "accuracy = TP / n".
# - precision is 0.0 when nothing is predicted positive (recall too when no positives):
#     test_zero_division; variant "returns nan (0 / 0)".
# - y_true and y_pred may be Python lists: test_lists; variant "y_true == 1 on a list".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q11"
points = 6


def _confusion(t, p, k):
    C = np.zeros((k, k), dtype=int)
    for a, b in zip(t, p, strict=True):
        C[a, b] += 1
    return C


def _metrics(t, p):
    t, p = np.asarray(t), np.asarray(p)
    tp, fp, fn = (
        np.sum((t == 1) & (p == 1)),
        np.sum((t == 0) & (p == 1)),
        np.sum((t == 1) & (p == 0)),
    )
    return (
        float(np.mean(t == p)),
        float(tp / (tp + fp)) if tp + fp else 0.0,
        float(tp / (tp + fn)) if tp + fn else 0.0,
    )


def _student_metrics(binary_metrics, t, p, what):
    result = call(binary_metrics, t, p, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError("binary_metrics should return a triple (accuracy, precision, recall).")
    return tuple(
        to_number(v, what=name)
        for v, name in zip(result, ("accuracy", "precision", "recall"), strict=True)
    )


@test_case(points=1, hidden=False)
def test_by_hand(confusion_matrix, binary_metrics):
    t = np.array([1, 1, 1, 0, 0])
    p = np.array([1, 0, 1, 1, 0])
    assert_close(
        call(confusion_matrix, t.copy(), p.copy(), 2),
        [[1, 1], [1, 2]],
        what="confusion_matrix(t, p, 2)",
        reveal=True,
        hint="row = true class, column = predicted: C[1, 0] counts true 1 predicted 0.",
    )
    acc, prec, rec = _student_metrics(binary_metrics, t.copy(), p.copy(), what="t and p above")
    assert_close(
        [acc, prec, rec],
        [0.6, 2 / 3, 2 / 3],
        rtol=1e-12,
        what="(accuracy, precision, recall)",
        reveal=True,
        hint="TP = 2, FP = 1, FN = 1, TN = 1.",
    )


@test_case(points=1, hidden=True)
def test_confusion_random(confusion_matrix):
    gen = np.random.default_rng(1101)
    for n, k in [(30, 3), (80, 4)]:
        t = gen.integers(0, k, size=n)
        p = np.where(gen.random(n) < 0.6, t, gen.integers(0, k, size=n))
        p[:3] = (t[:3] + 1) % k  # make the matrix visibly non-symmetric
        expected = _confusion(t, p, k)
        C = assert_shape(
            call(confusion_matrix, t.copy(), p.copy(), k, what=f"{n} labels, k={k}"),
            (k, k),
            what="the confusion matrix",
        )
        hint = "C[i, j] counts examples whose TRUE class is i and PREDICTED class is j."
        if np.array_equal(C, expected.T):
            hint = "your matrix is transposed: rows are the true class, columns the prediction."
        assert_close(C, expected, what=f"the confusion matrix ({n} labels, k={k})", hint=hint)
        kind = np.asarray(call(confusion_matrix, t.copy(), p.copy(), k)).dtype.kind
        if kind not in "iu":
            raise AssertionError(
                f"the confusion matrix should be an integer array of counts, found dtype kind "
                f"{kind!r}: create it with np.zeros((k, k), dtype=int)."
            )


@test_case(points=1, hidden=True)
def test_confusion_missing_class(confusion_matrix):
    t = np.array([0, 2, 2, 0, 1, 2])
    p = np.array([0, 2, 1, 0, 1, 1])  # class 3 never appears; nothing is predicted 3
    C = assert_shape(
        call(confusion_matrix, t.copy(), p.copy(), 4, what="k = 4, class 3 absent"),
        (4, 4),
        what="the confusion matrix",
        hint="the shape is (k, k) for the k given, even if a class never appears.",
    )
    expected = _confusion(t, p, 4)
    hint = "C[i, j] counts examples whose TRUE class is i and PREDICTED class is j."
    if np.array_equal(C, expected.T):
        hint = "your matrix is transposed: rows are the true class, columns the prediction."
    assert_close(C, expected, what="the confusion matrix with an absent class", hint=hint)


@test_case(points=1, hidden=True)
def test_metrics_random(binary_metrics):
    gen = np.random.default_rng(1102)
    for n, rate in [(20, 0.3), (100, 0.6)]:
        t = (gen.random(n) < rate).astype(int)
        p = np.where(gen.random(n) < 0.7, t, 1 - t)
        p[:2], t[:2] = 1, 0  # at least some false positives
        expected = _metrics(t, p)
        found = _student_metrics(binary_metrics, t.copy(), p.copy(), what=f"{n} random labels")
        hint = (
            "precision = TP / (TP + FP) (of the predicted positives, how many are right); "
            "recall = TP / (TP + FN) (of the true positives, how many were found)."
        )
        if np.allclose(found, [expected[0], expected[2], expected[1]]):
            hint = "you swapped precision and recall. " + hint
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"(accuracy, precision, recall) on {n} labels",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_zero_division(binary_metrics):
    t = np.array([1, 0, 1, 0])
    with np.errstate(all="ignore"):
        found = _student_metrics(
            binary_metrics, t.copy(), np.zeros(4, dtype=int), what="no predicted positives"
        )
    assert_close(
        found,
        [0.5, 0.0, 0.0],
        what="(accuracy, precision, recall) when nothing is predicted positive",
        hint="precision is 0.0 by convention when TP + FP = 0 (0 / 0 would be nan).",
    )
    with np.errstate(all="ignore"):
        found = _student_metrics(
            binary_metrics, np.zeros(3, dtype=int), np.array([0, 1, 0]), what="no true positives"
        )
    assert_close(
        found,
        [2 / 3, 0.0, 0.0],
        what="(accuracy, precision, recall) with no true positives",
        hint="recall is 0.0 by convention when TP + FN = 0.",
    )


@test_case(points=1, hidden=True)
def test_lists(binary_metrics):
    t, p = [1, 0, 1, 1, 0, 0, 1], [1, 1, 0, 1, 0, 0, 1]
    found = _student_metrics(binary_metrics, list(t), list(p), what="Python lists")
    assert_close(
        found,
        _metrics(t, p),
        rtol=1e-12,
        what="(accuracy, precision, recall) on lists",
        hint="convert with np.asarray first: [1, 0] == 1 is just False for a list.",
    )
