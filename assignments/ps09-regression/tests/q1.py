OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - column 0 is all ones, the features follow in order: test_small_by_hand (public),
#   test_random_shapes; variants "ones appended last", "no ones column"
# - a 1-D X of length n is one feature, giving shape (n, 2): test_one_dimensional;
#   variant "1-D X taken as a row"
# - integer X (an array, or a list of lists: "array-like") gives a float64 result:
#   test_integer_input; variant "keeps the input dtype"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q1"
points = 3


@test_case(points=1, hidden=False)
def test_small_by_hand(design_matrix):
    X = np.array([[2.0, 5.0], [3.0, 7.0], [4.0, 1.0]])
    A = assert_shape(
        call(design_matrix, X.copy()),
        (3, 3),
        what="design_matrix of a 3x2 X",
        hint="one column of ones plus one column per feature: (n, d + 1).",
    )
    assert_close(
        A,
        [[1.0, 2.0, 5.0], [1.0, 3.0, 7.0], [1.0, 4.0, 1.0]],
        what="design_matrix([[2, 5], [3, 7], [4, 1]])",
        hint="the ones go in column 0, the features after them in their order.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_shapes(design_matrix):
    gen = np.random.default_rng(901)
    for n, d in [(1, 1), (7, 3), (20, 5)]:
        X = gen.normal(size=(n, d))
        expected = np.hstack([np.ones((n, 1)), X])
        A = assert_shape(
            call(design_matrix, X.copy(), what=f"a random {n}x{d} X"),
            (n, d + 1),
            what=f"design_matrix of a {n}x{d} X",
            hint="one column of ones plus one column per feature.",
        )
        if np.allclose(A[:, -1], 1.0) and not np.allclose(A[:, 0], 1.0):
            raise AssertionError(
                f"design_matrix of a {n}x{d} X has its ones in the last column: the "
                "intercept column must come first (beta[0] is the intercept)."
            )
        assert_close(
            A,
            expected,
            rtol=0,
            atol=0,
            what=f"design_matrix of a random {n}x{d} X",
            hint="column 0 is ones; columns 1..d are X's columns unchanged.",
        )


@test_case(points=0.5, hidden=True)
def test_one_dimensional(design_matrix):
    x = np.array([0.5, -1.0, 2.0, 3.5])
    A = assert_shape(
        call(design_matrix, x.copy(), what="a 1-D x of length 4"),
        (4, 2),
        what="design_matrix of a 1-D array of length 4",
        hint="a 1-D X is n values of one feature: reshape it to (n, 1) first.",
    )
    assert_close(A, np.column_stack([np.ones(4), x]), rtol=0, atol=0, what="design_matrix(x)")


@test_case(points=0.5, hidden=True)
def test_integer_input(design_matrix):
    X = np.array([[1, 2], [3, 4], [5, 6]], dtype=np.int64)
    A = call(design_matrix, X, what="an int64 3x2 X")
    dtype = np.asarray(A).dtype
    if dtype != np.float64:
        raise AssertionError(
            f"design_matrix of an integer X should return float64, found {dtype}: "
            "convert with np.asarray(X, dtype=float)."
        )
    assert_close(A, [[1, 1, 2], [1, 3, 4], [1, 5, 6]], rtol=0, what="design_matrix(int X)")
    A = call(design_matrix, [[7, 1], [2, 0]], what="a list of lists of ints")
    dtype = np.asarray(A).dtype
    if dtype != np.float64:
        raise AssertionError(
            f"design_matrix of a list of integers should return float64, found {dtype}."
        )
    assert_close(A, [[1, 7, 1], [1, 2, 0]], rtol=0, what="design_matrix([[7, 1], [2, 0]])")
