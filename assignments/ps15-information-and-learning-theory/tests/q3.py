"""Question 3: conditional_entropy(joint) = H(Y | X) and mutual_information(joint) = I(X; Y).

joint[i, j] = P(X = x_i, Y = y_j): rows index X, columns index Y.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- H(Y | X) = sum_x p(x) H(Y | X = x), conditioning on the ROW variable:
  test_conditional_entropy_random (non-square tables) / "conditions on the columns (H(X | Y))"
- each row's entropy weighted by p(x): test_conditional_entropy_random / "plain average of
  the row entropies"
- rows or entries with probability 0 contribute 0 (no NaN): test_zeros /
  "divides 0 by 0 in a row with p(x) = 0 (NaN)", "p log p without masking (NaN)"
- the chain rule H(X, Y) = H(X) + H(Y | X): test_conditional_entropy_random (the oracle is
  the chain rule)
- I(X; Y) = sum p(x, y) ln(p(x, y) / (p(x) p(y))): test_mutual_information_random /
  "both marginals summed along the same axis", "H(X) - H(Y | X)"
- I = 0 for independent X and Y (an outer product), I(X; X) = H(X), symmetric, 0 <= I <=
  min(H(X), H(Y)): test_mutual_information_properties
- no scipy.stats.entropy: the random cases (forbid_calls) / "mutual information from
  scipy.stats.entropy"
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps15_checks import SCIPY_ENTROPY, number

from mlmath_checks import assert_close

name = "q3"
points = 6


def _h(p):
    return float(scipy.stats.entropy(np.ravel(p)))


def _cond(joint):
    """H(Y | X) by the chain rule: H(X, Y) - H(X)."""
    return _h(joint) - _h(joint.sum(axis=1))


def _mi(joint):
    return _h(joint.sum(axis=1)) + _h(joint.sum(axis=0)) - _h(joint)


def _random_joint(gen, shape, zeros=0):
    joint = gen.dirichlet(np.full(shape[0] * shape[1], 0.7)).reshape(shape)
    if zeros:
        joint.ravel()[gen.choice(joint.size, size=zeros, replace=False)] = 0.0
        joint /= joint.sum()
    return joint


def _cond_hint(found, joint):
    if np.isnan(found):
        return (
            "your H(Y | X) is NaN: entries with p(x, y) = 0 (and rows with p(x) = 0) "
            "contribute 0; leave them out instead of computing 0 * log(0) or 0 / 0."
        )
    if np.isclose(found, _cond(joint.T), rtol=1e-9, atol=0):
        return (
            "that is H(X | Y): the rows of joint index X, so p(x) = joint.sum(axis=1) and "
            "p(y | x) = joint[x, y] / p(x)."
        )
    rows = joint.sum(axis=1)
    plain = np.mean([_h(row / s) for row, s in zip(joint, rows, strict=True) if s > 0])
    if np.isclose(found, plain, rtol=1e-9, atol=0):
        return "weight each row's entropy H(Y | X = x) by p(x); a plain average ignores p(x)."
    return "H(Y | X) = -sum p(x, y) ln p(y | x), with p(y | x) = p(x, y) / p(x)."


def _mi_hint(found, joint):
    if np.isnan(found):
        return "your mutual information is NaN: entries with p(x, y) = 0 contribute 0."
    if np.isclose(found, _h(joint.sum(axis=1)) - _cond(joint), rtol=1e-9, atol=0):
        return "H(X) - H(Y | X) mixes the variables: I(X; Y) = H(Y) - H(Y | X) = H(X) - H(X | Y)."
    return (
        "I(X; Y) = sum p(x, y) ln(p(x, y) / (p(x) p(y))), with p(x) the row sums "
        "(axis=1) and p(y) the column sums (axis=0)."
    )


def _check_cond(conditional_entropy, joint, what, forbid=None):
    found = number(conditional_entropy, joint.copy(), what=what, forbid=forbid)
    assert_close(
        found,
        _cond(joint),
        rtol=1e-9,
        atol=1e-12,
        what=f"conditional_entropy on {what}",
        hint=_cond_hint(found, joint),
    )
    return found


def _check_mi(mutual_information, joint, what, forbid=None):
    found = number(mutual_information, joint.copy(), what=what, forbid=forbid)
    assert_close(
        found,
        _mi(joint),
        rtol=1e-8,
        atol=1e-12,
        what=f"mutual_information on {what}",
        hint=_mi_hint(found, joint),
    )
    return found


@test_case(points=2, hidden=False)
def test_by_hand(conditional_entropy, mutual_information):
    joint = np.array([[0.5, 0.0], [0.25, 0.25]])
    found = number(conditional_entropy, joint.copy(), what="[[0.5, 0], [0.25, 0.25]]")
    assert_close(
        found,
        0.5 * np.log(2),
        rtol=1e-10,
        what="conditional_entropy([[0.5, 0], [0.25, 0.25]])",
        hint=_cond_hint(found, joint) + " Row 0 is certain (H = 0), row 1 is a fair "
        "coin (H = ln 2), each row has p(x) = 1/2.",
        reveal=True,
    )
    found = number(mutual_information, joint.copy(), what="[[0.5, 0], [0.25, 0.25]]")
    assert_close(
        found,
        _mi(joint),
        rtol=1e-10,
        what="mutual_information([[0.5, 0], [0.25, 0.25]])",
        hint=_mi_hint(found, joint),
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_conditional_entropy_random(conditional_entropy):
    gen = np.random.default_rng(301)
    for shape in [(2, 5), (6, 3), (4, 4)]:
        joint = _random_joint(gen, shape)
        _check_cond(
            conditional_entropy,
            joint,
            f"a random joint table of shape {shape}",
            forbid=SCIPY_ENTROPY,
        )


@test_case(points=1, hidden=True)
def test_zeros(conditional_entropy, mutual_information):
    gen = np.random.default_rng(302)
    joint = _random_joint(gen, (4, 5), zeros=5)
    _check_cond(conditional_entropy, joint, "a (4, 5) table with five zero entries")
    _check_mi(mutual_information, joint, "a (4, 5) table with five zero entries")
    joint = _random_joint(gen, (3, 4))
    joint[1] = 0.0
    joint /= joint.sum()
    _check_cond(conditional_entropy, joint, "a (3, 4) table whose row 1 has p(x) = 0")
    _check_mi(mutual_information, joint, "a (3, 4) table whose row 1 has p(x) = 0")
    joint = _random_joint(gen, (4, 3))
    joint[:, 2] = 0.0
    joint /= joint.sum()
    _check_cond(conditional_entropy, joint, "a (4, 3) table whose column 2 has p(y) = 0")
    _check_mi(mutual_information, joint, "a (4, 3) table whose column 2 has p(y) = 0")


@test_case(points=1, hidden=True)
def test_mutual_information_random(mutual_information):
    gen = np.random.default_rng(303)
    for shape in [(2, 5), (6, 3), (4, 4)]:
        joint = _random_joint(gen, shape)
        _check_mi(
            mutual_information,
            joint,
            f"a random joint table of shape {shape}",
            forbid=SCIPY_ENTROPY,
        )


@test_case(points=1, hidden=True)
def test_mutual_information_properties(mutual_information):
    gen = np.random.default_rng(304)
    for nx, ny in [(3, 4), (5, 2)]:
        px, py = gen.dirichlet(np.ones(nx)), gen.dirichlet(np.ones(ny))
        found = number(mutual_information, np.outer(px, py), what="an outer product p(x) p(y)")
        assert_close(
            found,
            0.0,
            atol=1e-12,
            what=f"mutual_information of independent X and Y ({nx} x {ny} table)",
            hint="for independent variables p(x, y) = p(x) p(y), every log-ratio "
            "is 0 and so is I(X; Y).",
        )
    px = gen.dirichlet(np.ones(5))
    found = number(mutual_information, np.diag(px), what="a diagonal table (Y = X)")
    assert_close(
        found,
        _h(px),
        rtol=1e-9,
        what="mutual_information when Y = X",
        hint="I(X; X) = H(X): knowing X tells you everything about X.",
    )
    joint = _random_joint(gen, (3, 6))
    forward = _check_mi(mutual_information, joint, "a random (3, 6) table")
    backward = _check_mi(mutual_information, joint.T.copy(), "the transposed (6, 3) table")
    assert_close(
        forward,
        backward,
        rtol=1e-9,
        atol=1e-12,
        what="I(X; Y) compared with I(Y; X)",
        hint="mutual information is symmetric.",
    )
    bound = min(_h(joint.sum(axis=1)), _h(joint.sum(axis=0)))
    if not (-1e-12 <= forward <= bound + 1e-12):
        raise AssertionError("mutual_information must lie between 0 and min(H(X), H(Y)).")
