OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - shape (len(hs), 2), one row per step: test_random_functions; variant "returns the
#   table transposed, shape (2, len(hs))".
# - absolute errors (non-negative): test_random_functions; variants "signed errors",
#   "relative errors".
# - forward in column 0, central in column 1: test_random_functions; variant "columns
#   swapped".
# - the differences come from the functions passed as `forward` and `central`, called
#   with every step hs[k] (so an earlier mistake in Question 1 costs nothing here):
#   test_uses_the_given_functions; variant "ignores the forward/central arguments and
#   calls forward_diff and central_diff from the notebook".
# The tests pass exact difference functions of their own, never the student's Question 1.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 4


def _forward(f, x, h):
    return (f(x + h) - f(x)) / h


def _central(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)


def _function_and_derivative(rng):
    """A random smooth function and its exact derivative."""
    a, w, c, d = rng.uniform(0.5, 2.0, size=4) * rng.choice([-1, 1], size=4)

    def f(t):
        return a * np.sin(w * t) + c * np.exp(0.5 * d * t)

    def df(t):
        return a * w * np.cos(w * t) + 0.5 * c * d * np.exp(0.5 * d * t)

    return f, df


def _table_hint(got, forward, central, exact):
    return matching_hint(
        got,
        [
            (
                np.column_stack([central, forward]),
                "your columns are swapped: column 0 is "
                "the forward error, column 1 the central error.",
            ),
            (
                np.column_stack([forward, central]) / abs(exact),
                "these are relative errors "
                "(divided by |df(x)|); the table holds absolute errors |estimate - df(x)|.",
            ),
        ],
        "row k is [|forward(f, x, hs[k]) - df(x)|, |central(f, x, hs[k]) - df(x)|]: "
        "absolute values, measured against df(x).",
    )


@test_case(points=1, hidden=False)
def test_cube_by_hand(diff_errors):
    hs = np.array([0.1, 0.01])
    got = assert_shape(
        call(diff_errors, lambda t: t**3, lambda t: 3 * t**2, 1.0, hs, _forward, _central),
        (2, 2),
        what="diff_errors(t**3, 3t**2, 1.0, [0.1, 0.01], forward, central)",
        hint="one row per step, two columns (forward, central).",
    )
    # forward: ((1+h)^3 - 1)/h = 3 + 3h + h^2; central: 3 + h^2.
    expected = np.array([[0.31, 0.01], [0.0301, 0.0001]])
    assert_close(
        got,
        expected,
        rtol=1e-6,
        what="the errors for f(t) = t**3 at x = 1",
        reveal=True,
        hint="row k holds [|forward - exact|, |central - exact|] for the step hs[k]; "
        "errors are absolute values, not signed differences.",
    )


@test_case(points=2, hidden=True)
def test_random_functions(diff_errors):
    rng = np.random.default_rng(521)
    for hs in [np.logspace(-1, -3, 5), np.logspace(-0.5, -3, 8), np.array([0.05])]:
        f, df = _function_and_derivative(rng)
        x = float(rng.uniform(-1.5, 1.5))
        exact = df(x)
        forward = np.abs(_forward(f, x, hs) - exact)
        central = np.abs(_central(f, x, hs) - exact)
        what = f"diff_errors(f, df, x, hs, forward, central) with {hs.size} step(s)"
        got = call(diff_errors, f, df, x, hs.copy(), _forward, _central, what=what)
        shape = np.shape(np.asarray(got, dtype=float))
        if shape == (2, hs.size) and hs.size != 2:
            raise AssertionError(
                f"{what} has shape {shape}: the table is transposed. It should have shape "
                f"({hs.size}, 2), one row per step and columns (forward, central)."
            )
        got = assert_shape(got, (hs.size, 2), what=what)
        if np.any(got < 0):
            raise AssertionError(
                f"{what} has negative entries: errors are absolute values, "
                "|estimate - df(x)| (use np.abs)."
            )
        assert_close(
            got,
            np.column_stack([forward, central]),
            rtol=1e-6,
            atol=1e-10,  # steps >= 1e-3: round-off in f stays below 1e-12
            what=f"the error table on a random function, {hs.size} step(s)",
            hint=_table_hint(got, forward, central, exact),
        )


@test_case(points=1, hidden=True)
def test_uses_the_given_functions(diff_errors):
    # Difference functions of the test's own, which leave a mark: they are not Question 1's
    # formulas (a different, known estimate), so an answer that ignores them is visible.
    seen = []

    def forward(f, x, h):
        seen.extend(np.ravel(h).tolist())
        return (f(x + 2 * h) - f(x)) / (2 * h)  # a forward difference with step 2h

    def central(f, x, h):
        seen.extend(np.ravel(h).tolist())
        return (f(x + h) - f(x - 3 * h)) / (4 * h)  # an off-centre two-point estimate

    rng = np.random.default_rng(523)
    f, df = _function_and_derivative(rng)
    x = float(rng.uniform(-1, 1))
    hs = np.array([0.2, 0.05, 0.01])
    expected = np.column_stack(
        [np.abs(forward(f, x, hs) - df(x)), np.abs(central(f, x, hs) - df(x))]
    )
    seen.clear()
    got = assert_shape(
        call(
            diff_errors,
            f,
            df,
            x,
            hs.copy(),
            forward,
            central,
            what="difference functions passed by the test",
        ),
        (3, 2),
        what="diff_errors with difference functions passed by the test",
    )
    missing = [h for h in hs if not np.any(np.isclose(seen, h, rtol=1e-12, atol=0))]
    hint = (
        "compute the estimates with the functions passed as the arguments `forward` and "
        "`central` (call forward(f, x, h) and central(f, x, h) for every step h in hs), "
        "not with forward_diff and central_diff from the notebook or your own formulas."
    )
    if missing:
        raise AssertionError(
            f"diff_errors did not call the `forward`/`central` functions it was given with "
            f"the step(s) {missing}. {hint}"
        )
    assert_close(
        got,
        expected,
        rtol=1e-9,
        atol=1e-14,
        what="the error table built from the given difference functions",
        hint=hint,
    )
