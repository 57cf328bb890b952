"""Clauses of question 2, each with the hidden case that checks it and the wrong variant that
breaks it alone:

- dot_loop(u, v) = sum_i u_i v_i for lists and arrays, relative 1e-10:
  test_dot_loop_random; variants "loop starts at index 1", "multiplies the sums".
- the empty dot product is 0: test_dot_loop_random.
- integer entries whose products overflow numpy's int64 still give the right value:
  test_dot_loop_random (numpy int64 arrays near 4e9); variant "accumulates numpy int64
  products".
- different lengths raise ValueError: test_dot_loop_rejects_mismatched_lengths; variant
  "zip without checking lengths".
- written with a loop, without np.dot, @ or np.sum: on the student's honour (the prompt
  says so).
- rowwise_dot(U, V)[i] = U[i] . V[i], shape (m,): test_rowwise_dot_random; variants
  "U @ V.T", "sums over axis 0".
- rowwise_dot on integer arrays whose products overflow int64: test_rowwise_dot_random;
  variant "rowwise_dot in int64".
- rowwise_dot without a Python loop: on the student's honour (the prompt says so).
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, describe, to_number

name = "q2"
points = 7


def expect_value_error(func, u, v):
    """Fail unless func(u, v) raises ValueError (a clear message for stubs and other errors)."""
    try:
        result = func(u, v)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"dot_loop on vectors of lengths {len(u)} and {len(v)} raised "
            f"{type(error).__name__}, expected ValueError. Hint: compare len(u) and len(v) "
            "first and `raise ValueError(...)` when they differ."
        ) from None
    raise AssertionError(
        f"dot_loop on vectors of lengths {len(u)} and {len(v)} returned {describe(result)} "
        "instead of raising ValueError. Hint: zip silently stops at the shorter vector; check "
        "the lengths yourself."
    )


@test_case(points=1, hidden=False)
def test_dot_loop_small(dot_loop):
    assert_close(
        to_number(call(dot_loop, [1, 2, 3], [4, 5, 6]), "dot_loop([1, 2, 3], [4, 5, 6])"),
        32.0,
        what="dot_loop([1, 2, 3], [4, 5, 6])",
        hint="multiply matching entries and add the products: 1*4 + 2*5 + 3*6.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_rowwise_dot_small(rowwise_dot):
    assert_close(
        call(rowwise_dot, np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]])),
        [17.0, 53.0],
        what="rowwise_dot([[1, 2], [3, 4]], [[5, 6], [7, 8]])",
        hint="entry i is the dot product of row i of U with row i of V; the result has shape (m,).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_dot_loop_random(dot_loop):
    rng = np.random.default_rng(202)
    for n in [1, 2, 7, 50]:
        u = rng.normal(scale=4.0, size=n)
        v = rng.normal(scale=4.0, size=n)
        for a, b, kind in [(u, v, "arrays"), (u.tolist(), v.tolist(), "lists")]:
            assert_close(
                to_number(
                    call(dot_loop, copy.deepcopy(a), copy.deepcopy(b)),
                    f"dot_loop on {kind} of length {n}",
                ),
                float(np.dot(u, v)),
                rtol=1e-10,
                atol=1e-12,
                what=f"dot_loop on two {kind} of length {n}",
                hint="loop over every index i from 0 to n - 1 and accumulate u[i] * v[i].",
            )
    u = rng.integers(-1000, 1000, size=9)
    v = rng.integers(-1000, 1000, size=9)
    assert_close(
        to_number(call(dot_loop, u.copy(), v.copy()), "dot_loop on integer arrays"),
        float(np.dot(u, v)),
        what="dot_loop on two integer arrays of length 9",
        hint="integers are vectors too: the same loop should work.",
    )
    big_u = np.array([4_000_000_000, -3_000_000_000, 7])
    big_v = np.array([3_000_000_000, -3_500_000_000, -2])
    assert_close(
        to_number(
            call(dot_loop, big_u.copy(), big_v.copy(), what="int64 arrays with entries near 4e9"),
            "dot_loop on int64 arrays with entries near 4e9",
        ),
        float(np.dot(big_u.astype(float), big_v.astype(float))),
        rtol=1e-10,
        what="dot_loop on int64 arrays with entries near 4e9 (products above 1e19)",
        hint="a product of two numpy int64 numbers wraps around above 9.2e18 (with only a "
        "warning): convert each entry with float(...) before multiplying.",
    )
    assert_close(
        to_number(call(dot_loop, [], []), "dot_loop([], [])"),
        0.0,
        what="dot_loop([], [])",
        hint="an empty sum is 0: start your accumulator at 0.",
    )


@test_case(points=1, hidden=True)
def test_dot_loop_rejects_mismatched_lengths(dot_loop):
    call(dot_loop, [1.5], [2.5])  # a clear message if dot_loop is missing or a stub
    expect_value_error(dot_loop, [1.0, 2.0, 3.0], [4.0, 5.0])
    expect_value_error(dot_loop, np.ones(2), np.ones(6))


@test_case(points=2, hidden=True)
def test_rowwise_dot_random(rowwise_dot):
    rng = np.random.default_rng(203)
    for m, n in [(1, 5), (4, 4), (6, 3), (2, 9)]:
        U = rng.normal(size=(m, n))
        V = rng.normal(size=(m, n))
        assert_close(
            call(rowwise_dot, U.copy(), V.copy()),
            np.einsum("ij,ij->i", U, V),
            rtol=1e-10,
            atol=1e-12,
            what=f"rowwise_dot on two arrays of shape {(m, n)}",
            hint="multiply elementwise and sum over the columns (axis=1); "
            "U @ V.T would give all m*m dot products instead.",
        )
    U = rng.integers(-5, 6, size=(3, 4))
    V = rng.integers(-5, 6, size=(3, 4))
    assert_close(
        call(rowwise_dot, U.copy(), V.copy()),
        np.einsum("ij,ij->i", U, V),
        what="rowwise_dot on integer arrays of shape (3, 4)",
    )
    U = np.array([[4_000_000_000, 1], [-3_000_000_000, 2_000_000_000]])
    V = np.array([[3_000_000_000, 5], [3_500_000_000, 4_000_000_000]])
    with np.errstate(over="ignore"):
        found = call(rowwise_dot, U.copy(), V.copy(), what="int64 arrays with entries near 4e9")
    assert_close(
        found,
        np.einsum("ij,ij->i", U.astype(float), V.astype(float)),
        rtol=1e-10,
        what="rowwise_dot on int64 arrays with entries near 4e9 (products above 1e19)",
        hint="numpy's int64 wraps around silently above 9.2e18: convert U and V with "
        "np.asarray(..., dtype=float) before multiplying.",
    )
