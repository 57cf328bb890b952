"""Clauses of question 6 (case -> the wrong variant that breaks that clause alone):

- marginals(joint) = (row sums P(X = x_i), column sums P(Y = y_j))
    -> test_by_hand (public), test_marginals; variant "axes swapped"
- conditional_y_given_x(joint)[i, j] = P(Y = y_j | X = x_i): rows sum to 1
    -> test_by_hand (public), test_conditional; variants "divides by column sums",
       "divides by the grand total"
- the joint table is not modified -> test_conditional; variant "divides in place"
- are_independent(joint, tol): max |P(x, y) - P(x) P(y)| <= tol, tol honoured, inclusive
    -> test_independence; variant "ignores tol (exact equality)"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q6"
points = 5

TABLE = np.array([[0.10, 0.20, 0.10], [0.30, 0.15, 0.15]])


def _pair(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(f"{what} should return a pair (p_x, p_y).")
    return result


@test_case(points=1, hidden=False)
def test_by_hand(marginals, conditional_y_given_x):
    p_x, p_y = _pair(call(marginals, TABLE.copy(), name="marginals"), "marginals(table)")
    assert_close(
        p_x,
        [0.4, 0.6],
        rtol=1e-12,
        what="p_x of the table in the notebook",
        hint="P(X = x_i) sums row i over all y.",
        reveal=True,
    )
    assert_close(
        p_y,
        [0.4, 0.35, 0.25],
        rtol=1e-12,
        what="p_y of the table in the notebook",
        hint="P(Y = y_j) sums column j over all x.",
        reveal=True,
    )
    cond = call(conditional_y_given_x, TABLE.copy(), name="conditional_y_given_x")
    assert_close(
        cond,
        [[0.25, 0.5, 0.25], [0.5, 0.25, 0.25]],
        rtol=1e-12,
        reveal=True,
        what="conditional_y_given_x of the table in the notebook",
        hint="divide each ROW by its sum P(X = x_i).",
    )


def _random_tables():
    gen = np.random.default_rng(761)
    for shape in [(3, 4), (5, 2), (1, 6)]:
        yield gen.dirichlet(np.ones(shape[0] * shape[1])).reshape(shape)


@test_case(points=1, hidden=True)
def test_marginals(marginals):
    for joint in _random_tables():
        p_x, p_y = _pair(
            call(marginals, joint.copy(), name="marginals", what=f"a random {joint.shape} table"),
            "marginals",
        )
        hint = "p_x has one entry per row (sum along axis=1), p_y one per column (axis=0)."
        what = f"marginals of a random {joint.shape} table"
        assert_close(
            assert_shape(p_x, (joint.shape[0],), what=f"p_x of {what}", hint=hint),
            joint.sum(axis=1),
            rtol=1e-12,
            what=f"p_x of {what}",
            hint=hint,
        )
        assert_close(
            assert_shape(p_y, (joint.shape[1],), what=f"p_y of {what}", hint=hint),
            joint.sum(axis=0),
            rtol=1e-12,
            what=f"p_y of {what}",
            hint=hint,
        )


@test_case(points=2, hidden=True)
def test_conditional(conditional_y_given_x):
    for joint in _random_tables():
        expected = joint / joint.sum(axis=1, keepdims=True)
        given = joint.copy()
        what = f"conditional_y_given_x of a random {joint.shape} table"
        found = call(conditional_y_given_x, given, name="conditional_y_given_x", what=what)
        if not np.array_equal(given, joint):
            raise AssertionError(
                f"{what} modified the joint table it was given: compute a new "
                "array (joint / row_sums) instead of dividing in place."
            )
        found = assert_shape(found, joint.shape, what=what)
        rows = found.sum(axis=1)
        if not np.allclose(rows, 1.0, rtol=1e-10):
            raise AssertionError(
                f"the rows of {what} do not sum to 1: each row is a "
                "distribution over y, so divide it by its own sum P(X = x_i) "
                "(not by the column sums or the grand total)."
            )
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=what,
            hint="P(Y = y_j | X = x_i) = P(x_i, y_j) / P(x_i).",
        )


@test_case(points=1, hidden=True)
def test_independence(are_independent):
    gen = np.random.default_rng(762)
    p_x, p_y = gen.dirichlet(np.ones(3)), gen.dirichlet(np.ones(4))
    product = np.outer(p_x, p_y)
    bump = np.zeros_like(product)
    bump[0, 0], bump[0, 1] = 1e-7, -1e-7  # still a table summing to 1, 1e-7 from a product
    dependent = TABLE
    cases = [
        (product, {}, True, "the outer product of two marginals"),
        (dependent, {}, False, "the table in the notebook"),
        (product + bump, {}, False, "a table 1e-7 away from a product (default tol 1e-9)"),
        (product + bump, {"tol": 1e-6}, True, "a table 1e-7 away from a product with tol=1e-6"),
        (dependent, {"tol": 0.5}, True, "the notebook's table with tol=0.5"),
    ]
    for joint, kwargs, expected, what in cases:
        found = call(are_independent, joint.copy(), name="are_independent", what=what, **kwargs)
        if bool(found) != expected or not isinstance(found, (bool, np.bool_)):
            raise AssertionError(
                f"are_independent on {what} returned {found!r}, which is wrong. Compare "
                "every |P(x, y) - P(x) P(y)| with `tol` (honour the argument), and return a bool."
            )
