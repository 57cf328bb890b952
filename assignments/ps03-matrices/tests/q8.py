# q8: project_onto_vector. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - p = (a.v / a.a) a, shape (d,), every dimension: test_project_random (and the residual
#   a . (v - p) = 0, paired with the absolute check); variants "forgets the denominator",
#   "divides by ||a||", "projects a onto v".
# - any non-zero a spans a line, also with entries near 1e-170 or 1e170 where a . a
#   underflows or overflows: test_project_random; variant "plain (a.v)/(a.a) a without
#   rescaling a".
# - integer inputs give a float result: test_project_edge_cases; variant "integer division".
# - projecting twice changes nothing: test_project_edge_cases.
# - ValueError for the zero vector: test_project_edge_cases; variant "no zero check".

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, describe

name = "q8"
points = 3


def _expect_value_error(project_onto_vector, v, a):
    try:
        result = project_onto_vector(v, a)
    except ValueError:
        return
    except Exception as exc:
        message = (
            f"project_onto_vector(v, 0) raised {type(exc).__name__} ({exc}); the "
            "convention is ValueError: test a.a == 0 before dividing."
        )
        raise AssertionError(message) from None
    message = (
        f"project_onto_vector(v, 0) returned {describe(result)}: the zero vector spans no "
        "line, so raise ValueError."
    )
    raise AssertionError(message)


@test_case(points=1, hidden=False)
def test_project_small(project_onto_vector):
    p = call(project_onto_vector, np.array([2.0, 3.0]), np.array([2.0, 0.0]))
    assert_close(
        p,
        [2.0, 0.0],
        what="project_onto_vector([2, 3], [2, 0])",
        hint="the projection of v onto a is (a.v / a.a) a.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_project_random(project_onto_vector):
    rng = np.random.default_rng(381)
    for d, scale in [(1, 1.0), (2, 5.0), (5, 0.1), (50, 3.0), (3, 1e6), (4, 1e-170), (4, 1e170)]:
        v = rng.normal(size=d) * 2
        a = rng.normal(size=d) * scale
        u = a / np.max(np.abs(a))  # the oracle on the same line, with entries of size 1
        expected = (u @ v) / (u @ u) * u
        what = (
            f"project_onto_vector: the projection of v onto a in dimension {d} "
            f"(|a| about {scale:g})"
        )
        if scale in (1e-170, 1e170):
            hint = (
                "a . a underflows to 0 or overflows to inf at this scale, although a spans a "
                "line: divide a by max|a_i| first (only its direction matters)."
            )
        else:
            hint = (
                "divide a.v by a.a = ||a||^2 (not by ||a||), and return a multiple of a "
                "(the first argument is v, the vector being projected)."
            )
        p = assert_shape(
            call(
                project_onto_vector,
                v.copy(),
                a.copy(),
                what=f"vectors of dimension {d} with |a| about {scale:g}",
                hint=hint,
            ),
            (d,),
            what=f"project_onto_vector: the projection of a vector of length {d}",
        )
        assert_close(p, expected, rtol=1e-9, atol=1e-12, what=what, hint=hint)
        assert_close(
            u @ (v - p),
            0.0,
            atol=1e-9 * np.linalg.norm(u) * np.linalg.norm(v),
            what=f"a . (v - projection) in dimension {d} (should be 0)",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_project_edge_cases(project_onto_vector):
    v = np.array([1, 2, 3])
    a = np.array([1, 1, 0])
    assert_close(
        call(project_onto_vector, v.copy(), a.copy(), what="integer v and a"),
        [1.5, 1.5, 0.0],
        rtol=1e-12,
        what="project_onto_vector: the projection with integer inputs",
        hint="a.v / a.a is a fraction: do not use integer division.",
    )
    p = call(project_onto_vector, v.astype(float), a.astype(float))
    assert_close(
        call(project_onto_vector, np.array(p, dtype=float), a.astype(float)),
        p,
        rtol=1e-12,
        what="projecting a projection again (P applied twice)",
        hint="a vector already on the line must be returned unchanged.",
    )
    _expect_value_error(project_onto_vector, np.array([1.0, 2.0]), np.zeros(2))
