OK_FORMAT = False

# Clauses of Question 12, each with its case and the wrong variant that breaks it alone:
# - roc_curve: thresholds are the distinct scores in DECREASING order, "positive if
#     score >= t", preceded by the point (0, 0), so it ends at (1, 1):
#     test_roc_random; variants "increasing thresholds" and "score > t" (ends before (1, 1)).
# - tied scores give one point (one threshold per distinct score): test_roc_ties;
#     variant "one point per example after sorting" (splits ties).
# - returns (fpr, tpr), not (tpr, fpr): test_roc_random; variant "swapped".
# - auc = P(s+ > s-) + 1/2 P(s+ = s-), over all positive-negative pairs:
#     test_auc_no_ties; variant "1 - AUC (ranks the wrong way)";
#     test_auc_ties; variants "ties count 0", "ties count 1" and "ordinal ranks
#     (argsort without averaging ties)".
# - scipy.stats.mannwhitneyu is not used: test_auc_ties (forbid_calls).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls, to_array, to_number

name = "q12"
points = 7


def _roc(t, s):
    t, s = np.asarray(t), np.asarray(s, dtype=float)
    fpr, tpr = [0.0], [0.0]
    for thr in sorted(set(s.tolist()), reverse=True):
        fpr.append(np.sum((t == 0) & (s >= thr)) / np.sum(t == 0))
        tpr.append(np.sum((t == 1) & (s >= thr)) / np.sum(t == 1))
    return np.array(fpr), np.array(tpr)


def _auc(t, s):
    t, s = np.asarray(t), np.asarray(s, dtype=float)
    pos, neg = s[t == 1], s[t == 0]
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))


def _student_roc(roc_curve, t, s, what):
    result = call(roc_curve, t, s, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("roc_curve should return a pair (fpr, tpr).")
    return to_array(result[0], what="fpr"), to_array(result[1], what="tpr")


def _roc_hint(fpr, tpr, efpr, etpr):
    if fpr.shape == efpr.shape and np.allclose(fpr, etpr) and np.allclose(tpr, efpr):
        return "you returned (tpr, fpr): the pair is (fpr, tpr), x then y."
    if fpr.shape == efpr.shape and np.allclose(fpr, efpr[::-1]) and np.allclose(tpr, etpr[::-1]):
        return (
            "your curve runs from (1, 1) to (0, 0): take the thresholds in decreasing "
            "order, so the first point after (0, 0) predicts only the top score positive."
        )
    if fpr.size and (fpr[-1] != 1 or tpr[-1] != 1):
        return (
            "your curve does not end at (1, 1): with the rule score >= t, the lowest "
            "threshold labels every example positive."
        )
    if fpr.size > efpr.size:
        return (
            "you have more points than distinct scores + 1: examples with the same score "
            "cross the threshold together, so a tie is one point (a diagonal step)."
        )
    return "one point (0, 0), then one per distinct score t in decreasing order, with score >= t."


@test_case(points=1, hidden=False)
def test_by_hand(roc_curve, auc):
    t = np.array([1, 0, 1, 0])
    s = np.array([0.9, 0.8, 0.4, 0.1])
    fpr, tpr = _student_roc(roc_curve, t.copy(), s.copy(), what="4 scores")
    assert_close(
        fpr,
        [0.0, 0.0, 0.5, 0.5, 1.0],
        what="fpr",
        reveal=True,
        hint=_roc_hint(fpr, tpr, *_roc(t, s)),
    )
    assert_close(
        tpr,
        [0.0, 0.5, 0.5, 1.0, 1.0],
        what="tpr",
        reveal=True,
        hint=_roc_hint(fpr, tpr, *_roc(t, s)),
    )
    assert_close(
        to_number(call(auc, t.copy(), s.copy()), what="auc"),
        0.75,
        rtol=1e-12,
        what="auc",
        reveal=True,
        hint="of the 4 (positive, negative) pairs, 3 have the positive scored higher.",
    )


@test_case(points=1, hidden=True)
def test_roc_random(roc_curve):
    gen = np.random.default_rng(1201)
    for n in [6, 25, 60]:
        t = np.arange(n) % 2
        gen.shuffle(t)
        s = gen.normal(size=n) + t
        efpr, etpr = _roc(t, s)
        fpr, tpr = _student_roc(roc_curve, t.copy(), s.copy(), what=f"{n} distinct scores")
        hint = _roc_hint(fpr, tpr, efpr, etpr)
        assert_close(fpr, efpr, what=f"fpr on {n} scores", hint=hint)
        assert_close(tpr, etpr, what=f"tpr on {n} scores", hint=hint)


@test_case(points=2, hidden=True)
def test_roc_ties(roc_curve):
    gen = np.random.default_rng(1202)
    for n in [12, 40]:
        t = np.arange(n) % 2
        gen.shuffle(t)
        s = gen.integers(0, 4, size=n) + t  # integer scores: many ties
        efpr, etpr = _roc(t, s)
        fpr, tpr = _student_roc(roc_curve, t.copy(), s.copy(), what=f"{n} integer scores (ties)")
        hint = _roc_hint(fpr, tpr, efpr, etpr)
        assert_close(fpr, efpr, what=f"fpr with tied scores (n={n})", hint=hint)
        assert_close(tpr, etpr, what=f"tpr with tied scores (n={n})", hint=hint)


@test_case(points=1, hidden=True)
def test_auc_no_ties(auc):
    gen = np.random.default_rng(1203)
    for n_pos, n_neg in [(1, 1), (5, 9), (40, 30)]:
        t = np.array([1] * n_pos + [0] * n_neg)
        gen.shuffle(t)
        s = gen.normal(size=t.size) + 0.8 * t
        expected = _auc(t, s)
        found = to_number(
            call(auc, t.copy(), s.copy(), what=f"{n_pos} positives, {n_neg} negatives"), what="auc"
        )
        hint = "AUC = fraction of (positive, negative) pairs where the positive scores higher."
        if abs(found - (1 - expected)) < 1e-9 and abs(expected - 0.5) > 1e-9:
            hint = "you got 1 - AUC: count pairs where the POSITIVE has the higher score."
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"auc ({n_pos} positives, {n_neg} negatives)",
            hint=hint,
        )


@test_case(points=2, hidden=True)
def test_auc_ties(auc):
    gen = np.random.default_rng(1204)
    for n in [300, 61, 10]:
        t = (gen.random(n) < 0.4).astype(int)
        t[:2] = [0, 1]
        s = gen.integers(0, 5, size=n) + t  # integer scores: many ties across classes
        expected = _auc(t, s)
        found = to_number(
            forbid_calls(["scipy.stats.mannwhitneyu"], auc, t.copy(), s.astype(float)), what="auc"
        )
        pos, neg = s[t == 1], s[t == 0]
        ties = float(np.mean(pos[:, None] == neg[None, :]))
        hint = (
            "each tied (positive, negative) pair counts 1/2; with ranks, tied scores share "
            "the average of their ranks."
        )
        if abs(found - (expected - ties / 2)) < 1e-9:
            hint = "you counted tied pairs as 0: " + hint
        elif abs(found - (expected + ties / 2)) < 1e-9:
            hint = "you counted tied pairs as 1: " + hint
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"auc with tied integer scores (n={n})",
            hint=hint,
        )
