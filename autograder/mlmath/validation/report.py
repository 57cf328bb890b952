"""Write the validation report as JSON (for machines) and Markdown (for people)."""

import json
from pathlib import Path

from .validate import SetReport


def write_reports(reports: list[SetReport], dist: Path) -> tuple[Path, Path]:
    dist.mkdir(parents=True, exist_ok=True)
    json_path, md_path = dist / "report.json", dist / "report.md"
    data = {
        "ok": all(r.ok for r in reports),
        "sets": [r.to_dict() for r in reports],
        "totals": totals(reports),
    }
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    md_path.write_text(markdown(reports))
    return json_path, md_path


def totals(reports: list[SetReport]) -> dict:
    questions = [q for r in reports for q in r.questions]
    return {
        "sets": len(reports),
        "questions": len(questions),
        "points": sum(q.points for q in questions),
        "wrong_variants_caught": sum(q.wrong_caught for q in questions),
        "wrong_variants": sum(q.wrong_total for q in questions),
        "correct_variants_accepted": sum(q.correct_accepted for q in questions),
        "correct_variants": sum(q.correct_total for q in questions),
    }


def markdown(reports: list[SetReport]) -> str:
    summary = totals(reports)
    lines = [
        "# Validation report",
        "",
        f"{summary['sets']} problem set(s), {summary['questions']} questions, "
        f"{summary['points']:g} points. Wrong variants caught: "
        f"{summary['wrong_variants_caught']}/{summary['wrong_variants']}. Correct variants "
        f"accepted: {summary['correct_variants_accepted']}/{summary['correct_variants']}.",
        "",
    ]
    for report in reports:
        status = "PASS" if report.ok else "FAIL"
        lines += [f"## {report.name}: {report.title} ({status})", ""]
        if report.questions:
            lines += [
                "| question | points | public cases | hidden cases | wrong caught | "
                "correct accepted | seconds |",
                "|---|---|---|---|---|---|---|",
            ]
            for q in report.questions:
                lines.append(
                    f"| {q.name}: {q.title} | {q.points:g} | {q.public_cases} "
                    f"({q.public_points:g} pt) | {q.hidden_cases} | "
                    f"{q.wrong_caught}/{q.wrong_total} | {q.correct_accepted}/{q.correct_total}"
                    f" | {q.seconds:.3f} |"
                )
            lines.append("")
        for check in report.checks:
            lines.append(f"- {'ok' if check.ok else 'FAILED'}: {check.name}")
            lines += [f"    - {detail}" for detail in check.details]
        lines.append("")
    return "\n".join(lines)
