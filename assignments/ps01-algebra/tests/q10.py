"""Clauses of question 10 (posterior_probability), each with the hidden case that checks it
and the wrong variant that breaks it alone. Every case passes a correct sigmoid and logit
(scipy's), so a mistake in question 9 costs points only there.

- posterior = sigmoid(logit(prior) + sum of the log-likelihood ratios), relative 1e-9:
  test_random_evidence; variants "multiplies the probability", "adds to the prior
  probability", "averages the ratios", "forgets the prior".
- any sequence (list, tuple, array; empty leaves the prior): test_by_hand,
  test_random_evidence.
- finite and accurate (absolute 1e-15) when the ratios sum to +-2000:
  test_overwhelming_evidence; variant "odds = exp(...)".
- the evidence adds up: in two batches or in another order, the same posterior, paired with
  the absolute checks above: test_sequential_updates.
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, call, to_number

name = "q10"
points = 5


def _fail(message):
    """Fail the test case with a message written for the student."""
    raise AssertionError(message)


def correct_sigmoid(x):
    """A correct sigmoid, handed to the student's function (it runs in the grader)."""
    from scipy.special import expit

    return expit(np.asarray(x, dtype=float))


def correct_logit(p):
    """A correct logit, handed to the student's function (it runs in the grader)."""
    from scipy.special import logit

    return logit(np.asarray(p, dtype=float))


def _posterior(posterior_probability, prior, evidence, label, hint=""):
    result = call(
        posterior_probability,
        prior,
        copy.deepcopy(evidence),
        correct_sigmoid,
        correct_logit,
        name="posterior_probability",
        what=f"prior {prior:.4g} and {len(evidence)} log-likelihood ratio(s), with a correct "
        "sigmoid and logit",
        hint=hint,
    )
    return to_number(result, what=label)


def _bayes(prior, evidence):
    """Bayes' rule with probabilities: P(H | E) = P(E | H) P(H) / P(E)."""
    ratio = np.exp(np.sum(evidence))
    return prior * ratio / (prior * ratio + (1 - prior))


@test_case(points=1, hidden=False)
def test_by_hand(posterior_probability):
    found = _posterior(posterior_probability, 0.5, [float(np.log(3.0))], "posterior_probability")
    assert_close(
        found,
        0.75,
        rtol=1e-10,
        what="posterior_probability(0.5, [log 3])",
        hint="prior odds 1 : 1, times a likelihood ratio of 3, give odds 3 : 1, i.e. 3/4.",
        reveal=True,
    )
    found = _posterior(posterior_probability, 0.2, [], "posterior_probability(0.2, [])")
    assert_close(
        found,
        0.2,
        rtol=1e-10,
        what="posterior_probability(0.2, [])",
        hint="no evidence leaves the prior unchanged.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_evidence(posterior_probability):
    rng = np.random.default_rng(1001)
    for n in [1, 3, 10]:
        for prior in rng.uniform(0.02, 0.98, size=2).tolist():
            evidence = rng.normal(scale=0.8, size=n)
            found = _posterior(posterior_probability, prior, evidence, "posterior_probability")
            if n > 1 and np.isclose(found, _bayes(prior, np.mean(evidence)), rtol=1e-9):
                _fail(
                    "your posterior uses the MEAN of the log-likelihood ratios: independent "
                    "pieces of evidence ADD their log-likelihood ratios to the log-odds."
                )
            assert_close(
                found,
                _bayes(prior, evidence),
                rtol=1e-9,
                what=f"posterior_probability(prior, {n} log-likelihood ratios)",
                hint="log posterior odds = logit(prior) + sum of the log-likelihood ratios; "
                "then sigmoid turns log-odds back into a probability.",
            )
    found = _posterior(posterior_probability, 0.3, (0.5, -0.2), "posterior on a tuple")
    assert_close(
        found,
        _bayes(0.3, [0.5, -0.2]),
        rtol=1e-9,
        what="posterior_probability(0.3, a tuple)",
        hint="accept any sequence of numbers (np.sum works on lists and tuples).",
    )


@test_case(points=1, hidden=True)
def test_overwhelming_evidence(posterior_probability):
    from scipy.special import expit, logit

    rng = np.random.default_rng(1002)
    for total in [800.0, -800.0, 2000.0, -50.0, 50.0]:
        prior = float(rng.uniform(0.05, 0.95))
        evidence = np.full(4, total / 4)
        found = _posterior(posterior_probability, prior, evidence, "posterior_probability")
        assert_finite(
            found,
            what=f"the posterior after log-likelihood ratios summing to {total:g}",
            hint="exp(800) overflows: stay in log-odds and use your stable sigmoid instead "
            "of computing odds = exp(...).",
        )
        assert_close(
            found,
            expit(logit(prior) + total),
            rtol=1e-9,
            atol=1e-15,
            what=f"the posterior after log-likelihood ratios summing to {total:g}",
            hint="posterior = sigmoid(logit(prior) + sum of the log-likelihood ratios).",
        )


@test_case(points=1, hidden=True)
def test_sequential_updates(posterior_probability):
    rng = np.random.default_rng(1003)
    prior = float(rng.uniform(0.1, 0.9))
    first, second = rng.normal(size=3), rng.normal(size=4)
    middle = _posterior(posterior_probability, prior, first, "posterior after the first batch")
    assert_close(
        _posterior(posterior_probability, middle, second, "posterior after the second batch"),
        _posterior(posterior_probability, prior, np.concatenate([first, second]), "posterior"),
        rtol=1e-9,
        what="updating in two batches compared with updating once",
        hint="yesterday's posterior is today's prior: the log-odds must simply add up.",
    )
    assert_close(
        _posterior(posterior_probability, prior, second[::-1], "posterior, reversed order"),
        _posterior(posterior_probability, prior, second, "posterior"),
        rtol=1e-9,
        what="the posterior with the evidence in reverse order",
        hint="the order of independent evidence does not matter.",
    )
