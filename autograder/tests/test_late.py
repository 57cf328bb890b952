"""The late policy: days late from the LMS's marker or its time, grace, the deduction."""

from argparse import Namespace
from datetime import timedelta

import pytest

from mlmath.errors import MlmathError
from mlmath.grading.late import LatePolicy, lateness_text, parse_deadline, policy_from


def _policy(per_day=10.0, grace="1h"):
    return policy_from(Namespace(deadline="2026-12-01T23:59:00-08:00", per_day=per_day,
                                 grace=grace))  # fmt: skip


def test_days_are_counted_from_the_end_of_the_grace_period():
    policy = _policy()
    on_time = policy.assess("2026-12-02T08:30:00+00:00", None, 6, 6)  # 31 min late, in grace
    assert (on_time.days, on_time.penalty, on_time.final) == (0, 0, 6)
    assert on_time.seconds == 31 * 60
    late = policy.assess("2026-12-03T20:00:00+00:00", None, 6, 6)  # 36 h 1 min late
    assert (late.days, late.penalty, late.final) == (2, 1.2, 4.8)
    assert lateness_text(late.seconds) == "36:01:00"


def test_the_lms_marker_wins_over_the_time():
    policy = _policy()
    marked = policy.assess("2026-11-30T00:00:00+00:00", True, 3, 6)  # early, but marked LATE
    assert (marked.days, marked.final) == (1, 2.4)
    unmarked = policy.assess("2026-12-09T00:00:00+00:00", False, 3, 6)  # Canvas said on time
    assert (unmarked.days, unmarked.final) == (0, 3)


def test_the_penalty_never_takes_the_score_below_zero():
    policy = LatePolicy(parse_deadline("2026-12-01T00:00:00"), 50.0, timedelta(0))
    assert policy.deadline.utcoffset() == timedelta(0)  # no offset: UTC
    late = policy.assess("2026-12-05T00:00:00+00:00", None, 2, 6)
    assert (late.days, late.penalty, late.final) == (4, 2, 0)


@pytest.mark.parametrize(
    "args, words",
    [
        (Namespace(deadline=None, per_day=10.0, grace=None), "need --deadline"),
        (Namespace(deadline="tomorrow", per_day=0.0, grace=None), "not an ISO 8601 time"),
        (Namespace(deadline="2026-12-01", per_day=150.0, grace=None), "from 0 to 100"),
        (Namespace(deadline="2026-12-01", per_day=5.0, grace="soon"), "not a duration"),
    ],
)
def test_bad_options_are_clear_errors(args, words):
    with pytest.raises(MlmathError, match=words):
        policy_from(args)


def test_no_deadline_no_policy():
    assert policy_from(Namespace(deadline=None, per_day=0.0, grace=None)) is None
    assert _policy(grace="2d").grace == timedelta(days=2)
    assert _policy(grace="90").grace == timedelta(minutes=90)
