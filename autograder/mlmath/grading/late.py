"""A late policy: a deadline, a grace period, and a deduction per day late.

Whether a submission is late comes from the LMS's own word where it has one: Canvas
marks late files `LATE` in their names (judged against Canvas's own due date), so a
Canvas file without the marker is on time and one with it at least one day late;
otherwise the LMS's time of the submission (Gradescope's `created_at`, Blackboard's
attempt time), or, for a plain file, the time stored with it, is compared with the
deadline. Every started day after the deadline plus the grace period counts as one.
"""

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..errors import MlmathError

DAY = 86400.0


@dataclass(frozen=True)
class Lateness:
    days: int
    seconds: float  # how long after the deadline (0 when on time or unknown)
    penalty: float  # points taken off
    final: float  # the score after the penalty, never below zero


@dataclass(frozen=True)
class LatePolicy:
    deadline: datetime
    per_day: float = 0.0  # percent of the possible points, per day late
    grace: timedelta = timedelta(0)

    def assess(self, submitted_at: str, marker, score: float, possible: float) -> Lateness:
        """`submitted_at` is the gradebook's ISO time; `marker` the LMS's late flag."""
        when = datetime.fromisoformat(submitted_at)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = max(0.0, (when - self.deadline).total_seconds())
        over = (when - self.deadline - self.grace).total_seconds()
        days = math.ceil(over / DAY) if over > 0 else 0
        if marker is not None:  # the LMS's judgement wins over a file's time
            days = max(days, 1) if marker else 0
        penalty = min(score, possible * self.per_day / 100 * days)
        return Lateness(days, seconds, round(penalty, 6), round(score - penalty, 6))


def parse_deadline(text: str) -> datetime:
    """An ISO 8601 time; without a UTC offset it is taken as UTC (and says so in --help)."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise MlmathError(
            f"--deadline {text!r} is not an ISO 8601 time, e.g. 2026-12-01T23:59:00+01:00"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
UNITS = {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    """`15m`, `2h`, `1d`, `30s`; a bare number is minutes."""
    match = DURATION.match(text)
    if not match:
        raise MlmathError(f"--grace {text!r} is not a duration such as 15m, 2h or 1d")
    return timedelta(seconds=float(match[1]) * UNITS[match[2]])


def policy_from(args) -> LatePolicy | None:
    """The policy the command line asks for, or None without --deadline."""
    if getattr(args, "deadline", None) is None:
        if getattr(args, "per_day", 0) or getattr(args, "grace", None):
            raise MlmathError("--per-day and --grace need --deadline")
        return None
    if not 0 <= args.per_day <= 100:
        raise MlmathError("--per-day is a percentage of the possible points, from 0 to 100")
    grace = parse_duration(args.grace) if args.grace else timedelta(0)
    return LatePolicy(parse_deadline(args.deadline), args.per_day, grace)


def lateness_text(seconds: float) -> str:
    """Gradescope's `Lateness (H:M:S)`."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
