OK_FORMAT = False

# Clauses of Question 8, each with its case and the wrong variant that breaks it alone:
# - signed_distances = (X w + b) / ||w||, a Euclidean distance with a sign:
#     test_distances_geometry; variants "no division (the functional margin)" and
#     "divides by ||w||^2".
# - the distance does not change when (w, b) is rescaled: test_distances_geometry;
#     variant "divides by the norm of (w, b)".
# - geometric_margin = min_i y_i * distance_i, negative when a point is on the wrong side:
#     test_margin; variants "min of |distance| (ignores the labels)" and "max, not min".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q8"
points = 4


@test_case(points=1, hidden=False)
def test_by_hand(signed_distances, geometric_margin):
    # the line 3 x1 + 4 x2 = 5 has unit normal (0.6, 0.8) and passes at distance 1 from 0
    w, b = np.array([3.0, 4.0]), -5.0
    X = np.array([[0.0, 0.0], [3.0, 4.0]])
    assert_close(
        call(signed_distances, w.copy(), b, X.copy()),
        [-1.0, 4.0],
        rtol=1e-12,
        what="signed_distances for w = (3, 4), b = -5",
        reveal=True,
        hint="(x . w + b) / ||w||, with ||(3, 4)|| = 5.",
    )
    margin = to_number(
        call(geometric_margin, w.copy(), b, X.copy(), np.array([-1.0, 1.0])),
        what="geometric_margin",
    )
    assert_close(
        margin,
        1.0,
        rtol=1e-12,
        what="geometric_margin with labels (-1, 1)",
        reveal=True,
        hint="min over the points of y_i * distance_i = min(1, 4).",
    )


@test_case(points=2, hidden=True)
def test_distances_geometry(signed_distances):
    gen = np.random.default_rng(801)
    for n, d in [(1, 2), (6, 3), (10, 5)]:
        w, b = gen.normal(size=d) * 3, float(gen.normal() * 4)
        X = gen.normal(size=(n, d)) * 2
        dist = assert_shape(
            call(signed_distances, w.copy(), b, X.copy(), what=f"n={n}, d={d}"),
            (n,),
            what="signed_distances",
        )
        # geometry: stepping back by dist along the unit normal lands on the hyperplane,
        # and the step is perpendicular to it, so |dist| is the Euclidean distance
        foot = X - dist[:, None] * (w / np.linalg.norm(w))
        hint = "divide x . w + b by the Euclidean norm ||w|| (not ||w||^2, not 1)."
        if np.allclose(dist, X @ w + b, rtol=1e-9):
            hint = "you returned x . w + b (the functional margin): divide it by ||w||."
        elif np.allclose(dist, (X @ w + b) / np.linalg.norm(np.append(w, b)), rtol=1e-9):
            hint = "divide by ||w|| only: b shifts the plane, it is not part of its normal."
        assert_close(
            foot @ w + b,
            np.zeros(n),
            atol=1e-9,
            what="x - distance * w / ||w|| (should lie on the hyperplane)",
            hint=hint,
        )
        scaled = assert_shape(
            call(signed_distances, 7.0 * w, 7.0 * b, X.copy(), what="(w, b) multiplied by 7"),
            (n,),
            what="signed_distances",
        )
        assert_close(
            scaled,
            dist,
            rtol=1e-9,
            atol=1e-12,
            what="distances after rescaling (w, b) by 7 (the same hyperplane)",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_margin(geometric_margin):
    gen = np.random.default_rng(802)
    w, b = np.array([1.0, -2.0, 0.5]), 0.3
    X = gen.normal(size=(30, 3))
    z = (X @ w + b) / np.linalg.norm(w)
    y = np.where(z > 0, 1.0, -1.0)
    y[[3, 11]] *= -1  # two points on the wrong side: the margin is negative
    expected = float(np.min(y * z))
    found = to_number(
        call(
            geometric_margin,
            w.copy(),
            b,
            X.copy(),
            y.copy(),
            what="a hyperplane with two misclassified points",
        ),
        what="geometric_margin",
    )
    hint = "min over i of y_i (x_i . w + b) / ||w||."
    if abs(found - float(np.max(y * z))) < 1e-9:
        hint = "you took the largest value: the margin is the smallest, min over i."
    elif found > 0:
        hint = (
            "your margin is positive, but two points are on the wrong side: keep the sign, "
            "y_i times the signed distance, with no absolute value."
        )
    assert_close(found, expected, rtol=1e-9, what="the geometric margin", hint=hint)
    y_sep = np.where(z > 0, 1.0, -1.0)
    found = to_number(
        call(
            geometric_margin,
            3.0 * w,
            3.0 * b,
            X.copy(),
            y_sep.copy(),
            what="a separating hyperplane, (w, b) scaled by 3",
        ),
        what="geometric_margin",
    )
    assert_close(
        found,
        float(np.min(np.abs(z))),
        rtol=1e-9,
        what="the margin of a separating hyperplane",
        hint=hint,
    )
