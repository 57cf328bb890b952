"""Clauses of question 12 (build_tree, predict_tree). build_tree is always given a correct
`split` (an exhaustive Gini search in the grader) and predict_tree trees built by the test,
so a mistake in questions 9 to 11 costs points only there. Each clause, with the hidden case
that checks it and the wrong variant that breaks it alone:

build_tree
- a leaf is {"label": k}, an internal node {"feature": j, "threshold": t, "left": ...,
  "right": ...}, the left child grown on the rows with X[:, j] <= t: test_by_hand (public),
  test_random_trees (compared node by node with the test's own tree); variants "grows the
  left child on the rows > t", "grows both children on all the rows".
- max_depth levels of splits at most (max_depth = 0 is a single leaf): test_random_trees;
  variant "one level too many (stops at depth max_depth + 1)".
- a node whose best gain is at most 1e-12 becomes a leaf: test_zero_gain (XOR labels);
  variant "splits even when the gain is 0".
- a node where split returns feature None becomes a leaf: test_no_split; variant "does
  not handle a split of None (crashes)".
- a leaf's label is the most frequent label of its rows, ties to the smallest label:
  test_majority_ties; variant "ties go to the label seen first (Counter.most_common)".
predict_tree
- returns an integer array of shape (n,): test_predict_by_hand (public),
  test_predict_boundaries; variant "returns float labels".
- goes left when x[feature] <= threshold, so a point exactly at a threshold goes left:
  test_predict_boundaries; variant "goes left only when x < threshold".
- a tree that is a single leaf predicts its label everywhere: test_predict_boundaries;
  variant "assumes the root is an internal node".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_shape, call, to_array

name = "q12"
points = 9


def correct_split(X, y):
    """A correct best_split with the Gini impurity (handed to the student's build_tree)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)

    def gini(labels):
        if labels.size == 0:
            return 0.0
        _, counts = np.unique(labels, return_counts=True)
        return 1.0 - float(np.sum((counts / labels.size) ** 2))

    n = y.size
    found = (None, None, 0.0)
    top = -np.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for a, b in zip(values[:-1], values[1:], strict=True):
            t = float((a + b) / 2)
            mask = X[:, j] <= t
            g = gini(y) - mask.sum() / n * gini(y[mask]) - (n - mask.sum()) / n * gini(y[~mask])
            if g > top + 1e-12:
                top, found = g, (j, t, float(g))
    return found


def _reference_tree(X, y, depth):
    labels, counts = np.unique(y, return_counts=True)
    leaf = {"label": int(labels[np.argmax(counts)])}
    if depth == 0 or labels.size == 1:
        return leaf
    j, t, g = correct_split(X, y)
    if j is None or g <= 1e-12:
        return leaf
    mask = X[:, j] <= t
    return {
        "feature": j,
        "threshold": t,
        "left": _reference_tree(X[mask], y[mask], depth - 1),
        "right": _reference_tree(X[~mask], y[~mask], depth - 1),
    }


def _depth(tree):
    if not isinstance(tree, dict) or "label" in tree:
        return 0
    return 1 + max(_depth(tree.get("left")), _depth(tree.get("right")))


def _difference(found, expected, where="the root"):
    """A sentence describing the first node where two trees differ, or None."""
    if not isinstance(found, dict):
        return f"{where} should be a dict, found {type(found).__name__}"
    if "label" in expected:
        if "label" not in found:
            return (
                f"{where} should be a leaf {{'label': ...}}, but your tree splits it "
                f"(on feature {found.get('feature')!r})"
            )
        if int(found["label"]) != expected["label"]:
            return (
                f"the leaf at {where} has the wrong label ({found['label']!r}): a leaf is "
                "labelled with the most frequent label of its rows, ties to the smallest"
            )
        return None
    if "label" in found:
        return f"{where} should be split, but your tree makes it a leaf"
    missing = {"feature", "threshold", "left", "right"} - set(found)
    if missing:
        return f"the internal node at {where} lacks the key(s) {sorted(missing)}"
    if int(found["feature"]) != expected["feature"] or not np.isclose(
        float(found["threshold"]), expected["threshold"], rtol=1e-12
    ):
        return (
            f"the internal node at {where} splits on feature {found['feature']!r} at "
            f"{float(found['threshold']):.6g}, not on the split that `split` returns for its rows"
        )
    for side in ("left", "right"):
        text = _difference(found[side], expected[side], f"{where} -> {side}")
        if text:
            return text
    return None


def scripted_split(X, y):
    """The split of the public example: x <= 2.5 at the root of the 4 points."""
    if len(y) == 4:
        return 0, 2.5, 0.5
    return None, None, 0.0


def _build(build_tree, X, y, depth, what, hint="", split=None):
    tree = call(build_tree, X, y, depth, split, what=what, hint=hint)
    if not isinstance(tree, dict):
        raise AssertionError(
            f"build_tree on {what} should return a dict (a leaf or an internal node), found "
            f"{type(tree).__name__}."
        )
    return tree


def _mirrored(tree):
    if "label" in tree:
        return tree
    return dict(tree, left=_mirrored(tree["right"]), right=_mirrored(tree["left"]))


def _compare(tree, X, y, depth, what, hint):
    expected = _reference_tree(X, y, depth)
    text = _difference(tree, expected)
    if text and "label" not in expected and _difference(tree, _mirrored(expected)) is None:
        hint = (
            "your left and right children are swapped: 'left' holds the rows with "
            "X[:, feature] <= threshold."
        )
    if text:
        if _depth(tree) > depth:
            hint = (
                f"your tree is {_depth(tree)} levels deep with max_depth = {depth}: a node at "
                "depth max_depth must be a leaf (call recursively with max_depth - 1 and stop "
                "at 0)."
            )
        raise AssertionError(f"build_tree on {what}: {text}. {hint}")


@test_case(points=1, hidden=False)
def test_by_hand(build_tree):
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0, 0, 1, 1])
    tree = _build(build_tree, X, y, 2, "x = 1, 2, 3, 4 and y = 0, 0, 1, 1", split=scripted_split)
    expected = {"feature": 0, "threshold": 2.5, "left": {"label": 0}, "right": {"label": 1}}
    text = _difference(tree, expected)
    if text:
        raise AssertionError(
            f"build_tree on x = 1, 2, 3, 4, y = 0, 0, 1, 1 should return {expected}: {text}. "
            "Both children are pure, so they are leaves."
        )
    leaf = _build(build_tree, X, y, 0, "the same data with max_depth = 0", split=scripted_split)
    if leaf.get("label") != 0 or len(leaf) != 1:
        raise AssertionError(
            f"with max_depth = 0 build_tree should return the leaf {{'label': 0}} (a tie "
            f"between labels 0 and 1 goes to the smaller), found {leaf}."
        )


@test_case(points=2, hidden=True)
def test_random_trees(build_tree):
    gen = np.random.default_rng(2201)
    hint = (
        "at each node: call split(X, y) on that node's rows, send X[:, feature] <= threshold "
        "left and the rest right, and recurse on each part with max_depth - 1."
    )
    for n, d, K, depth in [(30, 2, 2, 2), (40, 3, 3, 3), (25, 2, 3, 1)]:
        X = np.round(gen.normal(size=(n, d)) * 2, 1)
        y = (np.digitize(X[:, 0] + 0.5 * X[:, -1], [-1.0, 1.0]) + gen.integers(0, 2, size=n)) % K
        tree = _build(
            build_tree,
            X,
            y,
            depth,
            f"{n} points, {K} classes, max_depth = {depth}",
            split=correct_split,
        )
        _compare(tree, X, y, depth, f"{n} points, {K} classes, max_depth = {depth}", hint)


@test_case(points=1, hidden=True)
def test_zero_gain(build_tree):
    # XOR: every single split of the four corners leaves both children half 0, half 1
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    tree = _build(build_tree, X, y, 3, "the XOR corners", split=correct_split)
    if "label" not in tree:
        raise AssertionError(
            "on the XOR corners every split has gain 0, so the root must be a leaf; your tree "
            "splits it. Stop when the best gain is at most 1e-12."
        )
    _compare(tree, X, y, 3, "the XOR corners", "")


@test_case(points=1, hidden=True)
def test_no_split(build_tree):
    X = np.array([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [0.0, 2.0]])
    y = np.array([2, 0, 2, 0, 0])
    # the root splits off the last point; the left child has identical rows and mixed labels
    tree = _build(
        build_tree,
        X,
        y,
        4,
        "5 points, four of them identical with different labels",
        hint="when split(X, y) returns (None, None, 0.0) the node is a leaf.",
        split=correct_split,
    )
    _compare(tree, X, y, 4, "5 points, four identical", "a node that cannot be split is a leaf.")


@test_case(points=1, hidden=True)
def test_majority_ties(build_tree):
    X = np.array([[0.0], [0.0], [0.0], [0.0], [0.0], [0.0]])
    y = np.array([5, 5, 2, 2, 7, 9])  # 5 is seen first, 2 is smaller: the leaf is 2
    tree = _build(
        build_tree, X, y, 2, "constant features with labels 5, 5, 2, 2, 7, 9", split=correct_split
    )
    found = tree.get("label")
    if found != 2:
        why = (
            "break a tie between equally frequent labels in favour of the SMALLER label, not "
            "the one seen first."
            if found == 5
            else "a leaf is labelled with the most frequent label of its rows, ties to the "
            "smallest."
        )
        raise AssertionError(
            "with labels 5, 5, 2, 2, 7, 9 and nothing to split on, your leaf is labelled "
            f"{found!r}: {why}"
        )


@test_case(points=1, hidden=False)
def test_predict_by_hand(predict_tree):
    tree = {"feature": 0, "threshold": 2.5, "left": {"label": 0}, "right": {"label": 1}}
    found = call(predict_tree, tree, np.array([[1.0], [4.0], [2.0]]), what="a one-split tree")
    found = assert_shape(found, (3,), what="predict_tree on 3 points")
    if not np.array_equal(found, [0, 1, 0]):
        raise AssertionError(
            f"predict_tree on x = 1, 4, 2 with the split x <= 2.5 should give [0, 1, 0], found "
            f"{to_array(found).tolist()}."
        )


@test_case(points=2, hidden=True)
def test_predict_boundaries(predict_tree):
    tree = {
        "feature": 1,
        "threshold": 0.5,
        "left": {
            "feature": 0,
            "threshold": -1.0,
            "left": {"label": 3},
            "right": {"feature": 1, "threshold": -2.0, "left": {"label": 1}, "right": {"label": 0}},
        },
        "right": {"label": 2},
    }

    def walk(x, strict=False):
        node = tree
        while "label" not in node:
            t = node["threshold"]
            goes_left = x[node["feature"]] < t if strict else x[node["feature"]] <= t
            node = node["left"] if goes_left else node["right"]
        return node["label"]

    gen = np.random.default_rng(2202)
    X = np.round(gen.normal(scale=2.0, size=(40, 2)), 1)
    X[:4] = [[0.0, 0.5], [-1.0, 0.0], [0.0, -2.0], [-1.0, 0.5]]  # exactly at thresholds
    expected = np.array([walk(x) for x in X])
    found = call(predict_tree, tree, X, what="40 points, 4 of them exactly at a threshold")
    kind = np.asarray(found).dtype
    if not np.issubdtype(kind, np.integer):
        raise AssertionError(
            f"predict_tree should return integer labels, found an array of dtype {kind}: "
            "np.zeros(n) is float; use np.zeros(n, dtype=int) or np.array(labels, dtype=int)."
        )
    found = assert_shape(found, (40,), what="predict_tree on 40 points")
    if not np.array_equal(found, expected):
        wrong = np.flatnonzero(found != expected)
        hint = (
            "a point exactly at a threshold goes LEFT: the rule is x[feature] <= threshold."
            if np.array_equal(found, [walk(x, strict=True) for x in X])
            else "walk from the root: left when x[feature] <= threshold, right otherwise, "
            "until a node has a 'label'."
        )
        raise AssertionError(
            f"predict_tree gives {len(wrong)} of 40 points the wrong label. {hint}"
        )
    leaf = call(
        predict_tree,
        {"label": 4},
        X[:5],
        what="a tree that is a single leaf",
        hint="the root itself can be a leaf: check for 'label' before reading 'feature'.",
    )
    leaf = assert_shape(leaf, (5,), what="predict_tree with a single-leaf tree")
    if not np.array_equal(leaf, np.full(5, 4)):
        raise AssertionError(
            "a tree that is a single leaf {'label': 4} should predict 4 for every point."
        )
