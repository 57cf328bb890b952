OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - mse is the mean (divide by n) of squared errors: test_by_hand (public),
#   test_mse_random; variants "divides by n - 1", "returns the root MSE"
# - R^2 = 1 - RSS / TSS with TSS around the mean of y: test_by_hand (public),
#   test_r2_not_least_squares; variants "TSS around 0", "squared correlation of y and y_hat"
# - R^2 is negative when the predictions are worse than the mean: test_r2_negative;
#   variant "clips R^2 at 0"
# - y and y_hat may each be (n,) or (n, 1), in any combination: test_mixed_shapes;
#   variant "does not flatten (broadcasts (n,) against (n, 1))"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q3"
points = 4


def _r2(y, y_hat):
    return 1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)


@test_case(points=1, hidden=False)
def test_by_hand(mse, r_squared):
    y = np.array([1.0, 2.0, 3.0, 6.0])
    y_hat = np.array([2.0, 2.0, 2.0, 5.0])
    got = to_number(call(mse, y.copy(), y_hat.copy()), what="mse([1, 2, 3, 6], [2, 2, 2, 5])")
    assert_close(
        got,
        0.75,
        rtol=1e-12,
        what="mse([1, 2, 3, 6], [2, 2, 2, 5])",
        hint="the errors are -1, 0, 1, 1: the mean of their squares is 3 / 4.",
        reveal=True,
    )
    got = to_number(
        call(r_squared, y.copy(), y_hat.copy()), what="r_squared([1, 2, 3, 6], [2, 2, 2, 5])"
    )
    assert_close(
        got,
        1 - 3 / 14,
        rtol=1e-12,
        what="r_squared([1, 2, 3, 6], [2, 2, 2, 5])",
        hint="RSS = 3 and TSS = sum (y - 3)^2 = 14 (the mean of y is 3), so R^2 = 1 - 3/14.",
        reveal=True,
    )


@test_case(points=0.5, hidden=True)
def test_mse_random(mse):
    gen = np.random.default_rng(931)
    for n in [2, 5, 50]:
        y = gen.normal(size=n) * 10
        y_hat = y + gen.normal(size=n)
        expected = np.mean((y - y_hat) ** 2)
        got = to_number(call(mse, y.copy(), y_hat.copy(), what=f"{n} random targets"))
        ratio = got / expected
        hint = "MSE = (1/n) sum (y_i - yhat_i)^2."
        if np.isclose(ratio, n / (n - 1)):
            hint = "you divide by n - 1: the MSE of a prediction divides by n."
        elif np.isclose(got, np.sqrt(expected)):
            hint = "that is the root of the MSE (RMSE): do not take the square root."
        assert_close(got, expected, rtol=1e-10, what=f"mse for {n} random targets", hint=hint)


@test_case(points=1, hidden=True)
def test_r2_not_least_squares(r_squared):
    gen = np.random.default_rng(932)
    for n, level in [(30, 100.0), (200, -40.0), (8, 3.0)]:
        y = level + gen.normal(size=n)
        # predictions that are not a least-squares fit: shrunk toward the mean, shifted
        y_hat = y.mean() + 0.6 * (y - y.mean()) + 0.2 + 0.3 * gen.normal(size=n)
        expected = _r2(y, y_hat)
        got = to_number(call(r_squared, y.copy(), y_hat.copy(), what=f"targets near {level:g}"))
        hint = "R^2 = 1 - RSS / TSS with TSS = sum (y_i - mean(y))^2."
        if np.isclose(got, 1 - np.sum((y - y_hat) ** 2) / np.sum(y**2), rtol=1e-6):
            hint = (
                "your TSS is measured around 0; R^2 compares with the best constant "
                "predictor, the mean of y."
            )
        elif np.isclose(got, np.corrcoef(y, y_hat)[0, 1] ** 2, rtol=1e-6):
            hint = (
                "that is the squared correlation, equal to R^2 only for a least-squares "
                "fit with an intercept on its own training data; use 1 - RSS / TSS."
            )
        assert_close(
            got, expected, rtol=1e-9, what=f"r_squared for targets near {level:g}", hint=hint
        )


@test_case(points=0.5, hidden=True)
def test_r2_negative(r_squared):
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    y_hat = np.array([5.0, 4.0, 3.0, 2.0, 1.0])
    got = to_number(call(r_squared, y.copy(), y_hat.copy(), what="predictions in reverse order"))
    hint = "R^2 = 1 - RSS / TSS, with TSS around the mean of y."
    if got == 0.0:
        hint = "R^2 is negative when the RSS is larger than the TSS: do not clip it at 0."
    assert_close(
        got,
        _r2(y, y_hat),
        rtol=1e-12,
        what="r_squared for predictions worse than the mean",
        hint=hint,
    )


def _shape_hint(func, y, y_hat, expected, name):
    """Blame broadcasting only when the same function is right on two 1-D arrays."""
    flat = to_number(call(func, y.copy(), y_hat.copy(), what="two 1-D arrays"), what=name)
    if np.isclose(flat, expected, rtol=1e-10):
        return (
            "flatten both arrays first (np.ravel): y - y_hat with shapes (n,) and (n, 1) "
            "broadcasts to an (n, n) matrix."
        )
    return f"{name} is already wrong on two 1-D arrays: see the other cases first."


@test_case(points=1, hidden=True)
def test_mixed_shapes(mse, r_squared):
    gen = np.random.default_rng(933)
    y = gen.normal(size=20) + 5
    y_hat = y + 0.5 * gen.normal(size=20)
    m, r = np.mean((y - y_hat) ** 2), _r2(y, y_hat)
    for sy, sh in [((20,), (20, 1)), ((20, 1), (20,)), ((20, 1), (20, 1))]:
        what = f"y of shape {sy} and y_hat of shape {sh}"
        for func, expected, label in [(mse, m, "mse"), (r_squared, r, "r_squared")]:
            got = to_number(call(func, y.reshape(sy), y_hat.reshape(sh), what=what), what=label)
            if not np.isclose(got, expected, rtol=1e-10):
                assert_close(
                    got,
                    expected,
                    rtol=1e-10,
                    what=f"{label} with {what}",
                    hint=_shape_hint(func, y, y_hat, expected, label),
                )
