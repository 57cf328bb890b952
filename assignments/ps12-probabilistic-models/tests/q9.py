"""Clauses of question 9 (entropy, gini), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- entropy(y) = -sum_k p_k log2 p_k over the labels that occur, in BITS: test_by_hand
  (public), test_random_labels; variant "natural log (nats)".
- gini(y) = 1 - sum_k p_k^2: test_by_hand, test_random_labels; variants "forgets the
  1 - (returns sum p^2)", "1 - sum p_k (always 0)".
- labels are any non-negative integers, not necessarily 0 ... K-1; a label that does not
  occur contributes nothing (0 log 0 = 0): test_sparse_labels; variant "counts with
  np.bincount and takes log2 of the zero counts (NaN)".
- an empty y has impurity 0.0 (both): test_empty; variant "divides by len(y) (NaN)".
- y a list or an array; a single number returned: test_random_labels; variant "gini uses
  y.size (fails on a list)".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q9"
points = 5


def _value(f, y, label, what, hint=""):
    with np.errstate(all="ignore"):
        return to_number(call(f, y, name=label, what=what, hint=hint), what=f"{label} on {what}")


def _oracle(y):
    from scipy.stats import entropy as scipy_entropy

    _, counts = np.unique(np.asarray(y), return_counts=True)
    p = counts / counts.sum()
    return float(scipy_entropy(counts, base=2)), float(1 - np.sum(p * p))


@test_case(points=1, hidden=False)
def test_by_hand(entropy, gini):
    y = [0, 0, 1, 1]
    assert_close(
        _value(entropy, y, "entropy", "[0, 0, 1, 1]"),
        1.0,
        rtol=1e-12,
        what="entropy([0, 0, 1, 1])",
        hint="a fair coin carries exactly 1 bit: use log base 2.",
        reveal=True,
    )
    assert_close(
        _value(gini, y, "gini", "[0, 0, 1, 1]"),
        0.5,
        rtol=1e-12,
        what="gini([0, 0, 1, 1])",
        hint="1 - (1/2)^2 - (1/2)^2 = 1/2.",
        reveal=True,
    )
    for f, label in [(entropy, "entropy"), (gini, "gini")]:
        assert_close(
            _value(f, [4, 4, 4], label, "[4, 4, 4]"),
            0.0,
            atol=1e-12,
            what=f"{label}([4, 4, 4])",
            hint="a pure node (one label) has impurity 0.",
            reveal=True,
        )


@test_case(points=2, hidden=True)
def test_random_labels(entropy, gini):
    gen = np.random.default_rng(1901)
    for n, K in [(10, 2), (57, 3), (400, 6), (1, 1)]:
        y = gen.integers(0, K, size=n)
        H, G = _oracle(y)
        given = y.tolist() if n == 57 else y
        found_h = _value(entropy, given, "entropy", f"{n} labels from {K} classes")
        assert_close(
            found_h,
            H,
            rtol=1e-10,
            atol=1e-12,
            what=f"entropy of {n} labels from {K} classes",
            hint="this is the entropy in nats: use np.log2 (bits)."
            if H > 0 and np.isclose(found_h, H * np.log(2), rtol=1e-9)
            else "-sum_k p_k log2 p_k with p_k the share of label k.",
        )
        found_g = _value(gini, given, "gini", f"{n} labels from {K} classes")
        if np.isclose(found_g, 1 - G, rtol=1e-10) and not np.isclose(G, 0.5):
            hint = "you returned sum p_k^2: the Gini impurity is 1 - sum p_k^2."
        elif G > 0 and np.isclose(found_g, 0.0, atol=1e-12):
            hint = "1 - sum p_k is always 0: square the proportions, 1 - sum p_k^2."
        else:
            hint = "1 - sum_k p_k^2 with p_k the share of label k."
        assert_close(
            found_g,
            G,
            rtol=1e-10,
            atol=1e-12,
            what=f"gini of {n} labels from {K} classes",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_sparse_labels(entropy, gini):
    gen = np.random.default_rng(1902)
    y = gen.choice([3, 7, 12, 40], size=50, p=[0.1, 0.4, 0.2, 0.3])
    H, G = _oracle(y)
    hint = (
        "labels 3, 7, 12, 40 leave most of 0 ... 40 empty, and 0 * log2(0) is NaN in numpy: "
        "use only the labels that occur (np.unique(y, return_counts=True))."
    )
    found = _value(entropy, y, "entropy", "labels 3, 7, 12 and 40", hint)
    if np.isnan(found):
        raise AssertionError(f"entropy of labels 3, 7, 12 and 40 is NaN. {hint}")
    assert_close(
        found,
        H,
        rtol=1e-10,
        what="entropy of labels 3, 7, 12 and 40",
        hint="-sum_k p_k log2 p_k over the labels that occur.",
    )
    found = _value(gini, y, "gini", "labels 3, 7, 12 and 40", hint)
    if np.isnan(found):
        raise AssertionError(f"gini of labels 3, 7, 12 and 40 is NaN. {hint}")
    assert_close(
        found,
        G,
        rtol=1e-10,
        what="gini of labels 3, 7, 12 and 40",
        hint="1 - sum_k p_k^2 over the labels that occur.",
    )


@test_case(points=1, hidden=True)
def test_empty(entropy, gini):
    hint = "an empty node has no impurity: return 0.0 before dividing by len(y) = 0."
    for f, label in [(entropy, "entropy"), (gini, "gini")]:
        found = _value(f, np.array([], dtype=int), label, "an empty array of labels", hint)
        if np.isnan(found):
            raise AssertionError(f"{label} of an empty array is NaN. {hint}")
        assert_close(found, 0.0, atol=1e-15, what=f"{label} of an empty array", hint=hint)
