"""Clauses of question 2, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- L and mu are the largest and smallest eigenvalues of A (not its diagonal, not the first
  and last of an unsorted list): test_step_sizes_on_rotated_quadratics; variants "the
  diagonal of A", "np.linalg.eig, first and last".
- lr_max = 2 / L: test_step_sizes_on_rotated_quadratics; variant "lr_max = 1 / L".
- lr_best = 2 / (L + mu) and rate = (kappa - 1) / (kappa + 1): same case, which also runs
  gradient descent with the returned lr_best and checks that the error shrinks by the
  returned rate per step; variants "rate = 1 - 1 / kappa", "lr_best = 1 / L".
- A may hold integers: test_integer_matrix (no plausible numpy mistake breaks it alone:
  eigvalsh accepts integer matrices; it guards against hand-written code that does not).
- gd_steps_needed is the smallest integer k with rate**k <= tol (a ceiling): test_steps_needed;
  variants "floor", "round".
- gd_steps_needed returns an int: every case through _steps; variant "returns np.ceil(...), a
  float".
- exact powers (tol = rate**k exactly) give k, not k + 1: test_steps_exact_powers;
  variant "ceil(log(tol) / log(rate)) alone".
- rate = 0 needs 1 step, tol >= 1 needs 0: test_steps_exact_powers.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import spd_matrix

from mlmath_checks import assert_close, call, to_number

name = "q2"
points = 6

KEYS = ["L", "mu", "kappa", "lr_max", "lr_best", "rate"]


def _fail(message):
    raise AssertionError(message)


def _facts(gd_step_sizes, A, what):
    found = call(gd_step_sizes, A, what=what)
    if not isinstance(found, dict):
        _fail(f"gd_step_sizes should return a dict, found {type(found).__name__}.")
    missing = [key for key in KEYS if key not in found]
    if missing:
        _fail(f"the dict returned by gd_step_sizes is missing the keys {missing}.")
    return {key: to_number(found[key], what=f"gd_step_sizes(...)['{key}']") for key in KEYS}


def _steps(gd_steps_needed, rate, tol):
    found = call(gd_steps_needed, rate, tol, what=f"rate = {rate:.6g}, tol = {tol:.6g}")
    if not isinstance(found, (int, np.integer)):
        _fail(
            f"gd_steps_needed({rate:.6g}, {tol:.6g}) should return an int, found "
            f"{type(found).__name__} {found}. Convert with int(...)."
        )
    return int(found)


@test_case(points=1, hidden=False)
def test_by_hand(gd_step_sizes, gd_steps_needed):
    facts = _facts(gd_step_sizes, np.diag([1.0, 4.0]), "diag(1, 4)")
    expected = {"L": 4, "mu": 1, "kappa": 4, "lr_max": 0.5, "lr_best": 0.4, "rate": 0.6}
    for key, value in expected.items():
        assert_close(
            facts[key],
            value,
            rtol=1e-12,
            what=f"gd_step_sizes(diag(1, 4))['{key}']",
            hint="L = 4 and mu = 1 are the eigenvalues; see the formulas in the task.",
            reveal=True,
        )
    if _steps(gd_steps_needed, 0.5, 0.001) != 10:
        _fail(
            "gd_steps_needed(0.5, 0.001) should be 10: 0.5**9 = 0.00195 > 0.001 but "
            "0.5**10 = 0.000977 <= 0.001."
        )


@test_case(points=2, hidden=True)
def test_step_sizes_on_rotated_quadratics(gd_step_sizes):
    rng = np.random.default_rng(201)
    for n in [2, 5, 8]:
        eigenvalues = np.sort(rng.uniform(0.5, 30.0, size=n))
        A = spd_matrix(rng, eigenvalues)
        mu, L = eigenvalues[0], eigenvalues[-1]
        kappa = L / mu
        facts = _facts(gd_step_sizes, A.copy(), f"a rotated {n}x{n} quadratic")
        if np.isclose(facts["L"], np.max(np.diag(A))) and not np.isclose(L, np.max(np.diag(A))):
            hint = (
                "L and mu are eigenvalues of A, not entries of its diagonal "
                "(A is not diagonal here)."
            )
        elif not np.isclose(facts["L"], L) or not np.isclose(facts["mu"], mu):
            hint = (
                "L is the LARGEST and mu the SMALLEST eigenvalue: np.linalg.eig returns them in "
                "no particular order; np.linalg.eigvalsh returns them sorted."
            )
        else:
            hint = ""
        for key, value in [("L", L), ("mu", mu), ("kappa", kappa)]:
            assert_close(
                facts[key], value, rtol=1e-9, what=f"['{key}'] for a {n}x{n} matrix", hint=hint
            )
        assert_close(
            facts["lr_max"],
            2 / L,
            rtol=1e-9,
            what=f"['lr_max'] for a {n}x{n} matrix",
            hint="gradient descent converges for 0 < lr < 2 / L (|1 - lr L| < 1); 1 / L is "
            "a safe step, not the largest one.",
        )
        assert_close(
            facts["lr_best"],
            2 / (L + mu),
            rtol=1e-9,
            what=f"['lr_best'] for a {n}x{n} matrix",
            hint="the best fixed step balances |1 - lr mu| = |1 - lr L|: lr = 2 / (L + mu).",
        )
        assert_close(
            facts["rate"],
            (kappa - 1) / (kappa + 1),
            rtol=1e-9,
            what=f"['rate'] for a {n}x{n} matrix",
            hint="at lr_best the error shrinks by |1 - lr_best mu| = (kappa - 1) / (kappa + 1) "
            "per step; 1 - 1 / kappa is the rate of lr = 1 / L.",
        )
        # the promise behind the numbers: each step shrinks the error by at most `rate`
        b = rng.normal(size=n)
        x_star = np.linalg.solve(A, b)
        x = rng.normal(size=n) * 5
        for _ in range(20):
            before = np.linalg.norm(x - x_star)
            x = x - facts["lr_best"] * (A @ x - b)
            if np.linalg.norm(x - x_star) > facts["rate"] * before * (1 + 1e-9) + 1e-12:
                _fail(
                    "gradient descent with your lr_best shrinks the error by more than your rate."
                )


@test_case(points=1, hidden=True)
def test_integer_matrix(gd_step_sizes, gd_steps_needed):
    facts = _facts(gd_step_sizes, np.array([[3, 1], [1, 3]]), "the integer matrix [[3, 1], [1, 3]]")
    for key, value in [("L", 4), ("mu", 2), ("kappa", 2), ("lr_best", 1 / 3), ("rate", 1 / 3)]:
        assert_close(
            facts[key],
            value,
            rtol=1e-9,
            what=f"gd_step_sizes on an integer matrix, ['{key}']",
            hint=(
                "convert A to float first; L and mu are its eigenvalues."
                if key in ("L", "mu")
                else f"see the formula for '{key}' in the task."
            ),
        )
    found = _steps(gd_steps_needed, facts["rate"], 1e-6)
    if found != 13:
        _fail(
            f"gd_steps_needed(1/3, 1e-6) returned {found}. It should be the smallest k with "
            "(1/3)**k <= 1e-6."
        )


@test_case(points=1, hidden=True)
def test_steps_needed(gd_steps_needed):
    rng = np.random.default_rng(202)
    for _ in range(12):
        rate = float(rng.uniform(0.05, 0.99))
        tol = float(10 ** rng.uniform(-10, -0.5))
        k = int(np.ceil(np.log(tol) / np.log(rate)))
        while rate ** (k - 1) <= tol:
            k -= 1
        while rate**k > tol:
            k += 1
        found = _steps(gd_steps_needed, rate, tol)
        if found != k:
            if found == k - 1:
                hint = f"rate**{found} is still above tol: round UP (a ceiling), not down."
            else:
                hint = "find the smallest k with rate**k <= tol: k = ceil(log(tol) / log(rate))."
            _fail(
                f"gd_steps_needed({rate:.4g}, {tol:.4g}) returned {found}, which is wrong. {hint}"
            )


@test_case(points=1, hidden=True)
def test_steps_exact_powers(gd_steps_needed):
    for rate, k in [(0.75, 3), (0.75, 12), (0.375, 9), (0.5, 29)]:
        found = _steps(gd_steps_needed, rate, rate**k)
        if found != k:
            _fail(
                f"gd_steps_needed({rate}, {rate}**{k}) returned {found}, should be {k}: "
                f"{rate}**{k} <= tol holds with equality. log(tol) / log(rate) comes out as "
                f"{float(np.log(rate**k) / np.log(rate))!r} in floating point, so its ceiling "
                "is one too many: check rate**(k - 1) <= tol and step k down when it holds."
            )
    if _steps(gd_steps_needed, 0.0, 1e-8) != 1:
        _fail("gd_steps_needed(0.0, 1e-8) should be 1: with rate 0 one step reaches the minimum.")
    if _steps(gd_steps_needed, 0.9, 1.0) != 0:
        _fail("gd_steps_needed(0.9, 1.0) should be 0: rate**0 = 1 <= tol already.")
