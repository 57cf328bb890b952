"""Clauses of question 9 (case -> the wrong variant that breaks that clause alone):

fit_word_probs
- p_spam[j] = (count of word j in spam + a) / (number of spam + a + b), same for ham,
  prior_spam = fraction of spam -> test_fit_by_hand (public), test_fit_random;
    variants "no smoothing", "a / (n + a) denominator"
- a and b honoured -> test_fit_random (a=2, b=5); variant "always a = b = 1"
spam_posterior
- Bernoulli naive Bayes: present words multiply p, ABSENT words multiply 1 - p
    -> test_posterior_by_hand (public), test_posterior_random, test_absent_words;
    variant "ignores absent words"
- the prior is used -> test_posterior_prior; variant "forgets the prior"
- log space: 3000 words, probabilities near 0 and 1, no NaN
    -> test_posterior_many_words; variant "multiplies probabilities" (0 / 0)
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from scipy.special import expit

from mlmath_checks import assert_close, assert_finite, assert_shape, call, to_number

name = "q9"
points = 8

X_SMALL = np.array([[1, 0, 1], [1, 1, 0], [0, 0, 1], [0, 1, 1]])
Y_SMALL = np.array([1, 1, 0, 0])


def _oracle(X, p_s, p_h, prior):
    X = np.asarray(X, dtype=float)
    log_odds = np.log(prior) - np.log1p(-prior)
    log_odds = log_odds + X @ (np.log(p_s) - np.log(p_h))
    log_odds = log_odds + (1 - X) @ (np.log1p(-p_s) - np.log1p(-p_h))
    return expit(log_odds)


def _fit(fit_word_probs, X, y, what, **kwargs):
    found = call(fit_word_probs, X.copy(), y.copy(), name="fit_word_probs", what=what, **kwargs)
    if not isinstance(found, (tuple, list)) or len(found) != 3:
        raise AssertionError("fit_word_probs should return a triple (p_spam, p_ham, prior_spam).")
    d = X.shape[1]
    return (
        assert_shape(found[0], (d,), what=f"p_spam of {what}"),
        assert_shape(found[1], (d,), what=f"p_ham of {what}"),
        to_number(found[2], what=f"prior_spam of {what}"),
    )


@test_case(points=1, hidden=False)
def test_fit_by_hand(fit_word_probs):
    p_s, p_h, prior = _fit(fit_word_probs, X_SMALL, Y_SMALL, "the notebook's 4 emails")
    hint = "(count in the class + a) / (emails in the class + a + b), with a = b = 1."
    assert_close(
        p_s,
        [0.75, 0.5, 0.5],
        rtol=1e-12,
        what="p_spam of the notebook's 4 emails",
        hint=hint,
        reveal=True,
    )
    assert_close(
        p_h,
        [0.25, 0.5, 0.75],
        rtol=1e-12,
        what="p_ham of the notebook's 4 emails",
        hint=hint,
        reveal=True,
    )
    assert_close(
        prior,
        0.5,
        rtol=1e-12,
        what="prior_spam of the notebook's 4 emails",
        hint="the fraction of training emails that are spam.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_posterior_by_hand(spam_posterior):
    x = np.array([[1, 0, 1]])
    what = "spam_posterior on the email (1, 0, 1) with the notebook's probabilities"
    found = call(
        spam_posterior,
        x,
        np.array([0.75, 0.5, 0.5]),
        np.array([0.25, 0.5, 0.75]),
        0.5,
        name="spam_posterior",
        what=what,
    )
    # odds = (0.75 * 0.5 * 0.5) / (0.25 * 0.5 * 0.75) = 2
    assert_close(
        assert_shape(found, (1,), what=what, hint="one probability per row of X."),
        [2 / 3],
        rtol=1e-10,
        what=what,
        reveal=True,
        hint="P(x | spam) = 0.75 * (1 - 0.5) * 0.5 and P(x | ham) = 0.25 * (1 - 0.5) "
        "* 0.75: the absent word counts too.",
    )


@test_case(points=1, hidden=True)
def test_fit_random(fit_word_probs):
    gen = np.random.default_rng(791)
    X = (gen.random((60, 7)) < 0.4).astype(int)
    y = (gen.random(60) < 0.35).astype(int)
    for a, b in [(1.0, 1.0), (2.0, 5.0)]:
        what = f"fit_word_probs on 60 random emails with a={a}, b={b}"
        kwargs = {} if a == 1.0 else {"a": a, "b": b}
        p_s, p_h, prior = _fit(fit_word_probs, X, y, what, **kwargs)
        spam, ham = X[y == 1], X[y == 0]
        hint = (
            "the Beta(a, b) posterior mean: (count + a) / (n_class + a + b); honour the a and "
            "b arguments."
        )
        assert_close(
            p_s,
            (spam.sum(0) + a) / (len(spam) + a + b),
            rtol=1e-12,
            what=f"p_spam of {what}",
            hint=hint,
        )
        assert_close(
            p_h,
            (ham.sum(0) + a) / (len(ham) + a + b),
            rtol=1e-12,
            what=f"p_ham of {what}",
            hint=hint,
        )
        assert_close(
            prior,
            y.mean(),
            rtol=1e-12,
            what=f"prior_spam of {what}",
            hint="the fraction of emails labelled 1 (spam).",
        )


def _posterior(spam_posterior, X, p_s, p_h, prior, what, hint):
    expected = _oracle(X, p_s, p_h, prior)
    with np.errstate(all="ignore"):
        found = call(
            spam_posterior,
            X.copy(),
            p_s.copy(),
            p_h.copy(),
            prior,
            name="spam_posterior",
            what=what,
            hint=hint,
        )
    found = assert_shape(found, expected.shape, what=what, hint="one probability per row of X.")
    assert_finite(found, what=what, hint=hint)
    assert_close(found, expected, rtol=1e-9, atol=1e-300, what=what, hint=hint)


@test_case(points=1, hidden=True)
def test_posterior_random(spam_posterior):
    gen = np.random.default_rng(792)
    X = (gen.random((25, 12)) < 0.5).astype(int)
    p_s, p_h = gen.uniform(0.05, 0.95, 12), gen.uniform(0.05, 0.95, 12)
    _posterior(
        spam_posterior,
        X,
        p_s,
        p_h,
        0.4,
        "spam_posterior on 25 random emails, 12 words",
        "log-odds = log(prior / (1 - prior)) + sum over present words log(p_s / p_h) + "
        "sum over absent words log((1 - p_s) / (1 - p_h)).",
    )


@test_case(points=1, hidden=True)
def test_absent_words(spam_posterior):
    X = np.zeros((1, 4), dtype=int)
    p_s, p_h = np.array([0.9, 0.8, 0.7, 0.9]), np.array([0.1, 0.2, 0.3, 0.1])
    _posterior(
        spam_posterior,
        X,
        p_s,
        p_h,
        0.5,
        "spam_posterior on an email with none of 4 spammy words",
        "an absent word is evidence too: multiply by 1 - p for each word NOT in the email "
        "(here every factor favours ham).",
    )


@test_case(points=1, hidden=True)
def test_posterior_prior(spam_posterior):
    gen = np.random.default_rng(793)
    X = (gen.random((6, 5)) < 0.5).astype(int)
    p_s, p_h = gen.uniform(0.2, 0.8, 5), gen.uniform(0.2, 0.8, 5)
    for prior in [0.9, 0.05]:
        _posterior(
            spam_posterior,
            X,
            p_s,
            p_h,
            prior,
            f"spam_posterior with prior_spam={prior}",
            "start from the prior log-odds log(prior / (1 - prior)).",
        )


@test_case(points=2, hidden=True)
def test_posterior_many_words(spam_posterior):
    gen = np.random.default_rng(794)
    d = 3000
    p_s, p_h = gen.uniform(0.01, 0.3, d), gen.uniform(0.01, 0.3, d)
    X = (gen.random((8, d)) < 0.15).astype(int)
    X[0] = (gen.random(d) < p_s).astype(int)  # a typical spam: posterior within 1e-30 of 1
    X[1] = (gen.random(d) < p_h).astype(int)  # a typical ham: posterior around 1e-30 or less
    _posterior(
        spam_posterior,
        X,
        p_s,
        p_h,
        0.3,
        "spam_posterior on emails with 3000 words (likelihoods far below 1e-308)",
        "the products of 3000 probabilities underflow to 0 (and 0 / 0 is NaN): add logs "
        "to get the log-odds, then turn it into a probability with a stable sigmoid.",
    )
