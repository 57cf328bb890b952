"""`mlmath report`: one self-contained HTML page (plots embedded), and Markdown beside it
(plots as PNG files in `plots/`). Student text (failure messages, reasons) is escaped."""

import base64
import html
from datetime import UTC, datetime
from pathlib import Path

from ..grading.exports import escape_markdown
from ..grading.gradebook import Gradebook
from . import plots
from .stats import SetStats, set_stats

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em;
       color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.6em 0; } td, th { padding: 0.25em 0.7em;
  border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; display: block; }
figcaption { color: #555; font-size: 0.9em; }
pre { white-space: pre-wrap; margin: 0; font-size: 0.85em; }
"""


def _number(value, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _tables(stats: SetStats) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(title, header, rows, note) of each table; cells are plain text, escaped later."""
    seconds = sorted(stats.seconds)
    summary = [
        ["students", str(stats.students)],
        ["mean score", f"{stats.mean:.2f} / {stats.possible:g}"],
        ["median score", f"{stats.median:.2f}"],
        ["standard deviation", f"{stats.stdev:.2f}"],
        ["grading time (median, max)",
         f"{seconds[len(seconds) // 2]:.2f} s, {seconds[-1]:.2f} s" if seconds else "n/a"],
    ]  # fmt: skip
    questions = [
        [q.name, f"{q.possible:g}", f"{q.mean:.2f}", f"{q.difficulty:.2f}",
         _number(q.point_biserial), _number(q.upper_lower)]
        for q in stats.questions
    ]  # fmt: skip
    failing = [
        [c.question, c.test_case, "hidden" if c.hidden else "public", f"{c.failed} / {c.of}",
         c.message]
        for c in stats.failing
    ]  # fmt: skip
    return [
        ("Summary", ["", "value"], summary, ""),
        ("Questions", ["question", "points", "mean", "difficulty", "point-biserial",
                       "upper-lower"], questions,
         "Difficulty is the mean fraction of the points earned. Point-biserial is the "
         "correlation of the question's points with the rest of the score; upper-lower the "
         "difference in difficulty between the top and bottom 27% of students by total. "
         "Below 0.2 a question tells strong and weak students apart poorly."),
        ("Test cases that fail most", ["question", "test case", "kind", "failed", "message"],
         failing, "The message is the most common one students got for that case."),
        ("Statuses", ["status", "submissions"],
         [[s, str(n)] for s, n in stats.statuses.items()], ""),
        ("Most common reasons", ["reason", "submissions"],
         [[r, str(n)] for r, n in stats.reasons], ""),
    ]  # fmt: skip


NUMERIC = {"points", "mean", "difficulty", "point-biserial", "upper-lower", "failed",
           "submissions", "value"}  # fmt: skip


def _html_table(header, rows) -> str:
    def cell(tag, text, column):
        klass = ' class="num"' if column in NUMERIC else ""
        body = f"<pre>{html.escape(text)}</pre>" if column == "message" else html.escape(text)
        return f"<{tag}{klass}>{body}</{tag}>"

    head = "".join(cell("th", h, h) for h in header)
    body = "".join(
        "<tr>" + "".join(cell("td", c, h) for c, h in zip(row, header, strict=True)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _markdown_table(header, rows) -> list[str]:
    def clean(text, column):
        return text if column in NUMERIC else escape_markdown(text).replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + [
        "| " + " | ".join(clean(c, h) for c, h in zip(row, header, strict=True)) + " |"
        for row in rows
    ]


def write_report(gradebook: Gradebook, problem_set: str, folder: Path) -> tuple[Path, Path]:
    stats = set_stats(gradebook, problem_set)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plots").mkdir(exist_ok=True)
    title = f"{problem_set}: grading report"
    when = datetime.now(UTC).isoformat(timespec="seconds")
    figures, markdown_figures = [], []
    for name, caption, draw in plots.PLOTS:
        png = draw(stats)
        (folder / "plots" / f"{name}.png").write_bytes(png)
        source = "data:image/png;base64," + base64.b64encode(png).decode()
        figures.append(f'<figure id="plot-{name}"><img src="{source}" alt="{caption}">'
                       f"<figcaption>{caption}</figcaption></figure>")  # fmt: skip
        markdown_figures.append(f"![{caption}](plots/{name}.png)")
    sections, markdown = [], [f"# {title}", "", f"From {gradebook.path.name}, {when}.", ""]
    tables = _tables(stats)
    heading, header, rows, _note = tables[0]  # the summary comes before the plots
    sections.append(f"<h2>{heading}</h2>{_html_table(header, rows)}")
    markdown += [f"## {heading}", "", *_markdown_table(header, rows), ""]
    sections.append("<h2>Plots</h2>" + "".join(figures))
    markdown += ["## Plots", "", *(line + "\n" for line in markdown_figures)]
    for heading, header, rows, note in tables[1:]:
        if not rows:
            continue
        paragraph = f"<p>{html.escape(note)}</p>" if note else ""
        sections.append(f"<h2>{heading}</h2>{paragraph}{_html_table(header, rows)}")
        markdown += [f"## {heading}", "", *([note, ""] if note else []),
                     *_markdown_table(header, rows), ""]  # fmt: skip
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>From {html.escape(gradebook.path.name)}, {when}.</p>"
        + "".join(sections)
        + "</body></html>\n"
    )
    html_path, markdown_path = folder / "report.html", folder / "report.md"
    html_path.write_text(page)
    markdown_path.write_text("\n".join(markdown))
    return html_path, markdown_path
