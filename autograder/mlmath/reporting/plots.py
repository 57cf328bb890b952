"""The report's plots, drawn with matplotlib (no display needed) as PNG bytes."""

import io

from .stats import SetStats

COLOR = "#3b6ea8"
MUTED = "#b0b7c3"


def _figure(width: float = 6.4, height: float = 3.4):
    import matplotlib

    matplotlib.use("Agg")  # files only; never a window
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(width, height), dpi=100)
    axes.spines[["top", "right"]].set_visible(False)
    return plt, figure, axes


def _png(plt, figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def score_distribution(stats: SetStats) -> bytes:
    plt, figure, axes = _figure()
    bins = min(20, max(5, int(stats.possible) or 5))
    axes.hist(stats.totals, bins=bins, range=(0, stats.possible or 1), color=COLOR,
              edgecolor="white")  # fmt: skip
    axes.axvline(stats.mean, color="#c0392b", linestyle="--", label=f"mean {stats.mean:.1f}")
    axes.set_xlabel(f"total score (of {stats.possible:g})")
    axes.set_ylabel("students")
    axes.set_title(f"{stats.problem_set}: score distribution ({stats.students} students)")
    axes.legend(frameon=False)
    return _png(plt, figure)


def question_difficulty(stats: SetStats) -> bytes:
    plt, figure, axes = _figure()
    names = [q.name for q in stats.questions]
    axes.bar(names, [q.difficulty for q in stats.questions], color=COLOR)
    axes.set_ylim(0, 1)
    axes.set_ylabel("mean fraction of points")
    axes.set_title("per-question difficulty (higher is easier)")
    return _png(plt, figure)


def discrimination(stats: SetStats) -> bytes:
    plt, figure, axes = _figure()
    names = [q.name for q in stats.questions]
    values = [q.point_biserial if q.point_biserial is not None else 0.0 for q in stats.questions]
    colors = [COLOR if q.point_biserial is not None else MUTED for q in stats.questions]
    axes.bar(names, values, color=colors)
    axes.axhline(0.2, color="#c0392b", linestyle=":", label="0.2: discriminates usefully")
    axes.set_ylim(min(-0.2, min(values, default=0) - 0.05), 1)
    axes.set_ylabel("point-biserial r (item vs rest)")
    axes.set_title("item discrimination (grey: no spread to measure)")
    axes.legend(frameon=False, loc="upper right")
    return _png(plt, figure)


def statuses(stats: SetStats) -> bytes:
    plt, figure, axes = _figure(height=2.6)
    axes.barh(list(stats.statuses), list(stats.statuses.values()), color=COLOR)
    axes.set_xlabel("submissions")
    axes.set_title("statuses")
    return _png(plt, figure)


def grading_times(stats: SetStats) -> bytes:
    plt, figure, axes = _figure(height=2.8)
    axes.hist(stats.seconds, bins=min(20, max(5, len(stats.seconds))), color=COLOR,
              edgecolor="white")  # fmt: skip
    axes.set_xlabel("seconds to grade one submission")
    axes.set_ylabel("submissions")
    axes.set_title("grading times")
    return _png(plt, figure)


PLOTS = (
    ("scores", "Score distribution", score_distribution),
    ("difficulty", "Per-question difficulty", question_difficulty),
    ("discrimination", "Item discrimination", discrimination),
    ("statuses", "Statuses", statuses),
    ("times", "Grading times", grading_times),
)
