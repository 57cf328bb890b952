OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - poly_features(x, degree) has columns x^0, x^1, ..., x^degree in increasing order,
#   shape (n, degree + 1), float, also for degree 0: test_features_by_hand (public),
#   test_features_random; variants "decreasing powers (np.vander's default order)",
#   "leaves out the x^0 column"
# - poly_errors fits each degree by least squares on the TRAINING data and returns
#   (train_mse, val_mse), one value per degree in the order given: test_errors_oracle;
#   variants "refits on the validation set to compute its error", "returns the RSS
#   (sums) instead of the MSE"
# - training MSE never increases with the degree (nested models): test_errors_oracle

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q10"
points = 4


def _mse_pair(x_tr, y_tr, x_va, y_va, degree):
    P_tr = np.vander(x_tr, degree + 1, increasing=True)
    P_va = np.vander(x_va, degree + 1, increasing=True)
    beta = np.linalg.lstsq(P_tr, y_tr, rcond=None)[0]
    return np.mean((P_tr @ beta - y_tr) ** 2), np.mean((P_va @ beta - y_va) ** 2)


@test_case(points=1, hidden=False)
def test_features_by_hand(poly_features):
    x = np.array([1.0, 2.0, -1.0])
    P = assert_shape(
        call(poly_features, x.copy(), 3),
        (3, 4),
        what="poly_features([1, 2, -1], 3)",
        hint="degree + 1 columns: x^0, x^1, x^2, x^3.",
    )
    assert_close(
        P,
        [[1, 1, 1, 1], [1, 2, 4, 8], [1, -1, 1, -1]],
        what="poly_features([1, 2, -1], 3)",
        hint="column k holds x^k, starting with the ones column x^0.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_features_random(poly_features):
    gen = np.random.default_rng(1001)
    for n, degree in [(10, 0), (25, 5), (4, 9)]:
        x = gen.uniform(-2, 2, size=n)
        expected = np.vander(x, degree + 1, increasing=True)
        P = assert_shape(
            call(poly_features, x.copy(), degree, what=f"{n} points, degree {degree}"),
            (n, degree + 1),
            what=f"poly_features of {n} points with degree {degree}",
            hint="degree + 1 columns, x^0 (ones) included.",
        )
        hint = "column k holds x^k for k = 0..degree."
        if degree > 0 and np.allclose(P, expected[:, ::-1]):
            hint = (
                "your powers decrease; here column k must be x^k (np.vander(x, increasing=True))."
            )
        assert_close(P, expected, rtol=1e-12, what=f"poly_features with degree {degree}", hint=hint)


@test_case(points=2, hidden=True)
def test_errors_oracle(poly_errors):
    gen = np.random.default_rng(1002)
    x_tr = gen.uniform(-1.5, 1.5, size=14)
    x_va = gen.uniform(-1.5, 1.5, size=30)

    def truth(x):
        return np.sin(2 * x) + 0.5 * x

    y_tr = truth(x_tr) + 0.3 * gen.normal(size=14)
    y_va = truth(x_va) + 0.3 * gen.normal(size=30)
    degrees = [0, 1, 3, 6, 9]
    expected = np.array([_mse_pair(x_tr, y_tr, x_va, y_va, k) for k in degrees])
    result = call(
        poly_errors,
        x_tr.copy(),
        y_tr.copy(),
        x_va.copy(),
        y_va.copy(),
        list(degrees),
        what="14 training and 30 validation points, degrees [0, 1, 3, 6, 9]",
    )
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("poly_errors should return a tuple (train_mse, val_mse).")
    train = assert_shape(result[0], (5,), what="train_mse", hint="one value per degree.")
    val = assert_shape(result[1], (5,), what="val_mse", hint="one value per degree.")
    hint = (
        "fit each degree by least squares on poly_features(x_train, degree) (ones column "
        "included) and average the squared errors."
    )
    if np.allclose(train, expected[:, 0] * 14, rtol=1e-6):
        hint = "these are sums of squared errors: divide by the number of points."
    assert_close(
        train,
        expected[:, 0],
        rtol=1e-6,
        atol=1e-10,
        what="train_mse for degrees [0, 1, 3, 6, 9]",
        hint=hint,
    )
    if np.any(np.diff(train) > 1e-10):
        raise AssertionError(
            "train_mse increases with the degree: a larger degree can always fit the "
            "training data at least as well."
        )
    hint = (
        "fit on the training data only, then measure the error of THAT fit on the validation "
        "points."
    )
    if np.all(val <= expected[:, 1] + 1e-9) and not np.allclose(val, expected[:, 1], rtol=1e-6):
        hint = "your validation errors are too small: did you refit on the validation set? " + hint
    assert_close(
        val,
        expected[:, 1],
        rtol=1e-6,
        atol=1e-10,
        what="val_mse for degrees [0, 1, 3, 6, 9]",
        hint=hint,
    )
