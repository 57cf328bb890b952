"""Clauses of question 10 (information_gain). Every case passes a correct impurity
function, so a mistake in question 9 costs points only there. Each clause, with the hidden
case that checks it and the wrong variant that breaks it alone:

- gain = impurity(y) - (n_left / n) impurity(y[left]) - (n_right / n) impurity(y[~left]):
  test_by_hand (public), test_random_splits; variants "plain average of the two
  children", "weights swapped (n_right / n for the left child)", "forgets the parent
  (returns the weighted impurity of the children)".
- the impurity argument is the one used (entropy, Gini, or the misclassification error
  1 - max_k p_k): test_any_impurity; variant "always uses gini".
- a split that sends every point to one side gains 0: test_random_splits.
- returns a single number: test_by_hand.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q10"
points = 4


def correct_gini(y):
    """A correct Gini impurity, handed to the student's function (it runs in the grader)."""
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - np.sum((counts / y.size) ** 2))


def correct_entropy(y):
    """A correct entropy in bits, handed to the student's function."""
    from scipy.stats import entropy

    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    return float(entropy(np.unique(y, return_counts=True)[1], base=2))


def misclassification(y):
    """The misclassification impurity 1 - max_k p_k, handed to the student's function."""
    labels = np.asarray(y)
    return (
        float(1.0 - np.unique(labels, return_counts=True)[1].max() / labels.size)
        if labels.size
        else 0.0
    )


def _gain(information_gain, y, left, impurity, what, hint=""):
    found = call(information_gain, y, left, impurity, what=what, hint=hint)
    return to_number(found, what=f"information_gain on {what}")


def _oracle(y, left, impurity):
    n = len(y)
    a, b = y[left], y[~left]
    return impurity(y) - len(a) / n * impurity(a) - len(b) / n * impurity(b)


def _hint(found, y, left, impurity):
    a, b = y[left], y[~left]
    n = len(y)
    if np.isclose(found, impurity(y) - (impurity(a) + impurity(b)) / 2, rtol=1e-10):
        return (
            "this is the plain average of the children: weight each child by its share of "
            "the points, n_left / n and n_right / n."
        )
    if np.isclose(found, impurity(y) - len(b) / n * impurity(a) - len(a) / n * impurity(b)):
        return "the weights are swapped: the LEFT child's impurity is weighted by n_left / n."
    if np.isclose(found, len(a) / n * impurity(a) + len(b) / n * impurity(b), rtol=1e-10):
        return "this is the children's weighted impurity: the gain is the PARENT's minus it."
    return "gain = impurity(y) - n_left/n impurity(y[left]) - n_right/n impurity(y[~left])."


@test_case(points=1, hidden=False)
def test_by_hand(information_gain):
    y = np.array([0, 0, 0, 1, 1, 1])
    left = np.array([True, True, True, True, False, False])
    # with the misclassification impurity 1 - max p: parent 1/2, left [0, 0, 0, 1] 1/4,
    # right [1, 1] 0, so the gain is 1/2 - 4/6 * 1/4 = 1/3
    assert_close(
        _gain(
            information_gain,
            y,
            left,
            misclassification,
            "the 6-point example with impurity 1 - max p",
        ),
        1 / 3,
        rtol=1e-12,
        what="information_gain on the example (impurity 1 - max_k p_k)",
        hint="parent 1/2, left child 1/4 (4 points), right child 0 (2 points): "
        "1/2 - (4/6)(1/4) - (2/6)(0) = 1/3. Use the impurity function you are given.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_splits(information_gain):
    gen = np.random.default_rng(2001)
    for n, K in [(10, 2), (31, 3), (200, 4)]:
        y = gen.integers(0, K, size=n)
        for share in [0.2, 0.5, 0.9]:
            left = gen.random(n) < share
            left[0], left[-1] = True, False
            expected = _oracle(y, left, correct_gini)
            found = _gain(information_gain, y, left, correct_gini, f"{n} labels (Gini)")
            assert_close(
                found,
                expected,
                rtol=1e-10,
                atol=1e-13,
                what=f"information_gain on {n} labels, {left.sum()} sent left (Gini)",
                hint=_hint(found, y, left, correct_gini),
            )
    y = gen.integers(0, 3, size=20)
    for left in [np.ones(20, dtype=bool), np.zeros(20, dtype=bool)]:
        assert_close(
            _gain(information_gain, y, left, correct_gini, "a split sending every point one way"),
            0.0,
            atol=1e-12,
            what="information_gain of a split sending every point to one side",
            hint="one child is the parent itself (weight 1), the other is empty (weight 0).",
        )


@test_case(points=1, hidden=True)
def test_any_impurity(information_gain):
    gen = np.random.default_rng(2002)
    y = gen.integers(0, 3, size=40)
    left = gen.random(40) < 0.4
    for impurity, label in [(correct_entropy, "entropy"), (misclassification, "1 - max p")]:
        expected = _oracle(y, left, impurity)
        found = _gain(information_gain, y, left, impurity, f"40 labels with {label}")
        if np.isclose(found, _oracle(y, left, correct_gini), rtol=1e-10):
            hint = "you used the Gini impurity: call the `impurity` function you are given."
        else:
            hint = _hint(found, y, left, impurity)
        assert_close(
            found,
            expected,
            rtol=1e-10,
            atol=1e-13,
            what=f"information_gain on 40 labels with impurity = {label}",
            hint=hint,
        )
