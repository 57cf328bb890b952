# q11: polynomial_design, fit_polynomial, r_squared. Clauses, with the hidden case that checks
# each and the wrong variant that breaks it alone:
# - design columns 1, x, ..., x^degree (increasing), shape (N, degree + 1), degree 0
#   included: test_polynomial_design_random; variants "np.vander default (decreasing)",
#   "off by one".
# - a float array, also for integer x whose powers overflow int64:
#   test_polynomial_design_integers; variant "integer powers of an integer x".
# - R^2 = 1 - SS_res / SS_tot with SS_tot centred, possibly negative: test_r_squared_random;
#   variants "uncentred SS_tot", "squared correlation".
# - fit_polynomial: least squares coefficients in increasing powers, on the diabetes data
#   and on synthetic data: test_fit_polynomial_diabetes, test_fit_polynomial_synthetic;
#   variant "np.polyfit (forbidden, decreasing order)".
# - polyfit, lstsq, pinv forbidden: forbid_calls in the fit cases.
# fit_polynomial composes Questions 10 and 11: 2 of the 7 points (under a third), and its
# messages name Question 10.

OK_FORMAT = False

import numpy as np
import pandas as pd
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, data_file, forbid_calls

name = "q11"
points = 7

FORBIDDEN = [
    "numpy.polyfit",
    "numpy.polynomial.polynomial.polyfit",
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "scipy.linalg.lstsq",
]


@test_case(points=1, hidden=False)
def test_polynomial_design_small(polynomial_design):
    D = call(polynomial_design, np.array([1.0, 2.0, 3.0]), 2)
    assert_close(
        D,
        [[1, 1, 1], [1, 2, 4], [1, 3, 9]],
        what="polynomial_design([1, 2, 3], 2)",
        hint="columns 1, x, x**2, in increasing powers.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_r_squared_small(r_squared):
    y = np.array([1.0, 2.0, 4.0, 5.0])
    assert_close(
        call(r_squared, y.copy(), y.copy()),
        1.0,
        what="r_squared(y, y) (a perfect fit)",
        reveal=True,
    )
    assert_close(
        call(r_squared, y.copy(), np.full(4, 3.0)),
        0.0,
        atol=1e-12,
        what="r_squared(y, mean of y) (predicting the mean)",
        hint="R^2 = 1 - SS_res / SS_tot with SS_tot = sum (y - mean(y))^2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_polynomial_design_random(polynomial_design):
    rng = np.random.default_rng(3111)
    for size, degree in [(1, 0), (7, 1), (12, 3), (5, 5)]:
        x = rng.normal(size=size) * 2
        D = assert_shape(
            call(polynomial_design, x.copy(), degree),
            (size, degree + 1),
            what=f"polynomial_design of {size} points with degree {degree} (one column "
            "per power 0, 1, ..., degree)",
        )
        assert_close(
            D,
            np.vander(x, degree + 1, increasing=True),
            rtol=1e-12,
            what=f"polynomial_design of {size} points with degree {degree}",
            hint="column k holds x**k, starting with the column of ones.",
        )


@test_case(points=1, hidden=True)
def test_polynomial_design_integers(polynomial_design):
    # 3000**6 = 7.29e20 does not fit in int64 (max 9.2e18): integer powers wrap around
    x = np.array([3000, -2500, 1200, 7])
    expected = np.vander(x.astype(float), 7, increasing=True)
    D = call(
        polynomial_design,
        x.copy(),
        6,
        what="integer x up to 3000 with degree 6",
        hint="convert x to float before taking powers.",
    )
    if np.asarray(D).dtype.kind != "f":
        raise AssertionError(
            f"polynomial_design of an integer x returned dtype {np.asarray(D).dtype}; the "
            "prompt asks for a float array: convert x with np.asarray(x, dtype=float) first."
        )
    assert_close(
        D,
        expected,
        rtol=1e-12,
        what="polynomial_design of integer x up to 3000 with degree 6",
        hint="3000**6 does not fit in a 64-bit integer and numpy wraps around silently: "
        "convert x to float before taking powers.",
    )


@test_case(points=1, hidden=True)
def test_r_squared_random(r_squared):
    rng = np.random.default_rng(3112)
    y = rng.normal(size=40) * 3 + 10
    for noise in [0.1, 1.0, 10.0]:
        y_hat = y + rng.normal(size=40) * noise
        expected = 1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)
        assert_close(
            call(r_squared, y.copy(), y_hat.copy()),
            expected,
            rtol=1e-10,
            what=f"r_squared for predictions with noise of size {noise:g}",
            hint="center y by its mean in SS_tot; R^2 can be negative when the "
            "predictions are worse than the mean.",
        )


@test_case(points=1, hidden=True)
def test_fit_polynomial_diabetes(fit_polynomial):
    data = pd.read_csv(data_file("diabetes.csv"))
    x = data["bmi"].to_numpy()
    y = data["progression"].to_numpy()
    for degree in [1, 2]:
        c = forbid_calls(FORBIDDEN, fit_polynomial, x.copy(), y.copy(), degree)
        c = assert_shape(c, (degree + 1,), what=f"fit_polynomial(bmi, progression, {degree})")
        assert_close(
            c,
            np.polyfit(x, y, degree)[::-1],
            rtol=1e-6,
            atol=1e-8,
            what=f"fit_polynomial: the degree-{degree} fit of progression on bmi",
            hint="least squares on polynomial_design(x, degree); coefficients in "
            "increasing powers c0, c1, ... (if your lstsq_qr fails Question 10, fix it first).",
        )


@test_case(points=1, hidden=True)
def test_fit_polynomial_synthetic(fit_polynomial):
    rng = np.random.default_rng(3113)
    x = rng.uniform(-2, 2, size=60)
    y = 1 - 2 * x + 0.5 * x**3 + rng.normal(size=60) * 0.3
    c = assert_shape(
        forbid_calls(FORBIDDEN, fit_polynomial, x.copy(), y.copy(), 3),
        (4,),
        what="fit_polynomial(x, y, 3)",
    )
    assert_close(
        c,
        np.polyfit(x, y, 3)[::-1],
        rtol=1e-8,
        atol=1e-10,
        what="fit_polynomial: a cubic fit to synthetic data",
        hint="coefficients in increasing powers c0, c1, c2, c3 (if your lstsq_qr fails "
        "Question 10, fix it first).",
    )
