"""Clauses of question 7 (case -> the wrong variant that breaks that clause alone):

- positive=True: P(D | +) = s pi / (s pi + (1 - spec)(1 - pi))
    -> test_by_hand (public), test_positive; variants "specificity as the false-positive
       rate", "no normalization (returns s pi)", "returns the sensitivity"
- positive=False: P(D | -) = (1 - s) pi / ((1 - s) pi + spec (1 - pi))
    -> test_negative; variant "ignores `positive`"
- works elementwise on an array of priors (shape kept; prior 0 -> 0, prior 1 -> 1)
    -> test_array_of_priors; variant "math.* on scalars only"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 4


def _oracle(prior, s, spec, positive):
    prior = np.asarray(prior, dtype=float)
    like_d = s if positive else 1 - s
    like_h = 1 - spec if positive else spec
    return like_d * prior / (like_d * prior + like_h * (1 - prior))


@test_case(points=1, hidden=False)
def test_by_hand(posterior_disease):
    found = call(posterior_disease, 0.01, 0.9, 0.95, name="posterior_disease")
    if abs(float(np.asarray(found)) - 0.9) < 1e-12:
        raise AssertionError(
            "posterior_disease(0.01, 0.9, 0.95) returned the sensitivity 0.9 "
            "= P(+ | D); the question is P(D | +), which needs the prior."
        )
    assert_close(
        found,
        0.009 / (0.009 + 0.0495),
        rtol=1e-10,
        reveal=True,
        what="posterior_disease(prior=0.01, sensitivity=0.9, specificity=0.95)",
        hint="P(+) = 0.9 * 0.01 + (1 - 0.95) * 0.99; divide 0.9 * 0.01 by it.",
    )


@test_case(points=1, hidden=True)
def test_positive(posterior_disease):
    for prior, s, spec in [(0.002, 0.99, 0.9), (0.3, 0.7, 0.97), (0.6, 0.55, 0.8)]:
        what = f"posterior_disease({prior}, {s}, {spec}) after a positive test"
        assert_close(
            call(posterior_disease, prior, s, spec, name="posterior_disease", what=what),
            _oracle(prior, s, spec, True),
            rtol=1e-10,
            what=what,
            hint="P(D | +) = P(+ | D) P(D) / P(+), with P(+ | healthy) = 1 - specificity "
            "and P(+) summing over both cases.",
        )


@test_case(points=1, hidden=True)
def test_negative(posterior_disease):
    for prior, s, spec in [(0.2, 0.9, 0.95), (0.7, 0.6, 0.85)]:
        what = f"posterior_disease({prior}, {s}, {spec}, positive=False)"
        assert_close(
            call(
                posterior_disease,
                prior,
                s,
                spec,
                positive=False,
                name="posterior_disease",
                what=what,
            ),
            _oracle(prior, s, spec, False),
            rtol=1e-10,
            what=what,
            hint="after a NEGATIVE test use P(- | D) = 1 - sensitivity and "
            "P(- | healthy) = specificity.",
        )


@test_case(points=1, hidden=True)
def test_array_of_priors(posterior_disease):
    prior = np.array([[0.0, 0.001, 0.05], [0.5, 0.9, 1.0]])
    for positive in [True, False]:
        what = f"posterior_disease on a (2, 3) array of priors (0 to 1), positive={positive}"
        found = call(
            posterior_disease,
            prior.copy(),
            0.8,
            0.9,
            positive=positive,
            name="posterior_disease",
            what=what,
        )
        assert_close(
            assert_shape(found, (2, 3), what=what, hint="work elementwise on prior."),
            _oracle(prior, 0.8, 0.9, positive),
            rtol=1e-10,
            what=what,
            hint="use numpy arithmetic so an array of priors works elementwise.",
        )
