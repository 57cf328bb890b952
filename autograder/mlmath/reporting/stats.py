"""The numbers of a report: scores, questions (difficulty and discrimination), the test
cases that fail most, statuses and grading times, from the gradebook of one set."""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..grading.exports import grades
from ..grading.gradebook import Gradebook

UPPER_LOWER = 0.27  # Kelley's upper and lower 27% groups


@dataclass
class QuestionStats:
    name: str
    possible: float
    mean: float  # mean points
    difficulty: float  # mean fraction of the points earned (the item's p-value)
    point_biserial: float | None  # correlation with the rest of the score; None: no spread
    upper_lower: float | None  # mean fraction, top 27% minus bottom 27% by total


@dataclass
class FailingCase:
    question: str
    test_case: str
    hidden: bool
    failed: int
    of: int
    message: str  # the most common failure message


@dataclass
class SetStats:
    problem_set: str
    possible: float
    students: int
    totals: list[float]
    questions: list[QuestionStats]
    failing: list[FailingCase]
    statuses: dict[str, int]
    reasons: list[tuple[str, int]]  # the most common status reasons
    seconds: list[float]
    mean: float = 0.0
    median: float = 0.0
    stdev: float = 0.0


def _correlation(x: np.ndarray, y: np.ndarray) -> float | None:
    if len(x) < 3 or x.std() == 0 or y.std() == 0:
        return None
    return float(np.corrcoef(x, y)[0, 1])


def _upper_lower(fraction: np.ndarray, totals: np.ndarray) -> float | None:
    size = int(round(len(totals) * UPPER_LOWER))
    if size < 1 or len(totals) < 4:
        return None
    order = np.argsort(totals, kind="stable")
    return float(fraction[order[-size:]].mean() - fraction[order[:size]].mean())


def set_stats(gradebook: Gradebook, problem_set: str, top_failing: int = 10) -> SetStats:
    questions, rows = grades(gradebook, problem_set)
    totals = np.array([g.total for g in rows], dtype=float)
    matrix = np.array([[g.points.get(q, 0.0) for q, _ in questions] for g in rows], dtype=float)
    question_stats = []
    for index, (name, possible) in enumerate(questions):
        earned = matrix[:, index]
        fraction = earned / possible if possible else np.zeros_like(earned)
        question_stats.append(QuestionStats(
            name, possible, float(earned.mean()), float(fraction.mean()),
            # against the rest of the score, so that an item does not correlate with itself
            _correlation(earned, totals - earned), _upper_lower(fraction, totals),
        ))  # fmt: skip
    failures: dict[tuple, list[str]] = {}
    counts: Counter = Counter()
    for grade in rows:
        for result in gradebook.results(grade.row["id"]):
            key = (result["question"], result["test_case"], bool(result["hidden"]))
            counts[key] += 1
            if not result["passed"]:
                failures.setdefault(key, []).append(result["message"].strip() or "failed")
    failing = [
        FailingCase(*key, len(messages), counts[key], Counter(messages).most_common(1)[0][0])
        for key, messages in failures.items()
    ]
    failing.sort(key=lambda c: (-c.failed / c.of, c.question, c.test_case))
    statuses = Counter(g.row["status"] for g in rows)
    reasons = Counter(g.row["reason"] for g in rows if g.row["reason"])
    return SetStats(
        problem_set=problem_set,
        possible=sum(p for _, p in questions),
        students=len(rows),
        totals=totals.tolist(),
        questions=question_stats,
        failing=failing[:top_failing],
        statuses=dict(sorted(statuses.items())),
        reasons=reasons.most_common(8),
        seconds=[float(g.row["seconds"]) for g in rows],
        mean=float(totals.mean()),
        median=float(np.median(totals)),
        stdev=float(totals.std()),
    )
