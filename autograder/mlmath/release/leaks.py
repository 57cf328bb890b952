"""Find solution code, hidden tests or hidden expected values in what students receive."""

import ast
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..course.content import SetContent
from ..course.stubs import parse_python
from ..course.testfiles import public_source
from ..shipped import checks

MIN_FRAGMENT = 20  # shorter code lines are too generic to call a leak
MIN_PAIR = 30  # two consecutive reference lines this long together are a leak anywhere
MIN_DIGITS = 5  # significant digits that make a number a telling expected value


@dataclass(frozen=True)
class Fragment:
    kind: str  # what it would leak, in words
    text: str


def _normalize(line: str) -> str:
    return " ".join(line.split())


def _ordered_code_lines(source: str, docstrings=True) -> list[str]:
    """Normalized code lines of a snippet in order, without comments, blank lines and
    (when it parses) docstrings."""
    doc_lines = set()
    if docstrings:
        tree = parse_python(source, "<fragment>")
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                doc_lines.update(range(node.lineno, node.end_lineno + 1))
    lines = []
    for number, line in enumerate(source.split("\n"), start=1):
        text = _normalize(
            line.split("#")[0] if "#" in line and "'" not in line and '"' not in line else line
        )
        if number not in doc_lines and text:
            lines.append(text)
    return lines


def _code_lines(source: str) -> set[str]:
    return {line for line in _ordered_code_lines(source) if len(line) >= MIN_FRAGMENT}


def _pairs(lines: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(lines, lines[1:], strict=False) if len(a) + len(b) >= MIN_PAIR}


def reference_pairs(content: SetContent) -> dict[tuple[str, str], str]:
    """Every two consecutive code lines of the reference, and whose they are."""
    pairs = {}
    for name, definition in content.definitions.items():
        lines = _ordered_code_lines(definition.source)[1:]  # the def line is the stub's too
        for pair in _pairs(lines):
            pairs.setdefault(pair, name)
    return pairs


def _telling_numbers(nodes) -> set[str]:
    found = set()
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, float):
                digits = re.sub(r"[^0-9]", "", repr(sub.value).split("e")[0]).strip("0")
                if len(digits) >= MIN_DIGITS:
                    found.add(repr(sub.value))
    return found


def forbidden_fragments(content: SetContent) -> list[Fragment]:
    """What must never appear in a student artifact, for one problem set.

    Code that every student sees anyway (the shipped helpers, the public tests, the
    notebook's own code cells) is not a secret, even where a hidden test or the
    reference shares a line of it, or a piece of a line.
    """
    notebook_code = "\n".join(c.source for c in content.notebook.cells if c.cell_type == "code")
    shipped = [Path(checks.__file__).read_text()] + [public_source(t) for t in content.tests]
    shipped += [module.read_text() for module in content.ps.support_modules]
    known = _normalize("\n".join(shipped + [notebook_code]))
    fragments = []
    for name, definition in content.definitions.items():
        for line in sorted(_code_lines(definition.source)):
            if line not in known:
                fragments.append(Fragment(f"solution code of `{name}`", line))
    for info in content.tests:
        public_numbers = _telling_numbers([ast.parse(public_source(info))])
        for case in info.cases:
            if not case.hidden:
                continue
            fragments.append(Fragment(f"hidden test {info.name}", f"def {case.function}("))
            for line in sorted(_code_lines(info.segment(case.node))):
                if line not in known:
                    fragments.append(Fragment(f"hidden test {info.name} `{case.function}`", line))
        hidden_nodes = [c.node for c in info.cases if c.hidden]
        for number in _telling_numbers(hidden_nodes) - public_numbers:
            fragments.append(Fragment(f"a hidden expected value of {info.name}", number))
    return fragments


def artifact_texts(path: Path, label: str | None = None):
    """(label, text) for a file, every member of a zip, and a notebook's cells decoded."""
    label = label or path.name
    data = path.read_bytes()
    yield from _texts(label, data)


def _texts(label: str, data: bytes):
    if label.endswith(".zip"):
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    yield from _texts(f"{label}:{info.filename}", archive.read(info))
        return
    text = data.decode("utf-8", errors="replace")
    if not label.endswith(".ipynb"):
        yield label, text
        return
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError:
        yield label, text
        return
    yield f"{label} metadata", json.dumps(notebook.get("metadata", {}))
    for index, cell in enumerate(notebook.get("cells", [])):
        source = cell.get("source", "")
        yield f"{label} cell {index}", "".join(source) if isinstance(source, list) else source
        yield f"{label} cell {index} metadata", json.dumps(cell.get("metadata", {}))
        for output in cell.get("outputs", []):
            yield f"{label} cell {index} output", json.dumps(output)


def _hidden_cases_in(label: str, text: str) -> list[str]:
    if not label.endswith(".py") or "test_case" not in text:
        return []
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "hidden":
            if isinstance(node.value, ast.Constant) and node.value.value:
                found.append(f"{label}: a test case marked hidden=True")
    return found


def scan(content: SetContent, artifacts: list[Path], root: Path) -> list[str]:
    """Every leak found, as 'where: what' messages: lines of solution code or hidden
    tests that students never see otherwise, and anywhere (demo cells, helpers, public
    tests included) two consecutive lines of the reference."""
    fragments = forbidden_fragments(content)
    pairs = reference_pairs(content)
    problems = []
    for artifact in artifacts:
        files = (
            sorted(p for p in artifact.rglob("*") if p.is_file())
            if artifact.is_dir()
            else [artifact]
        )
        for path in files:
            if path.name in ("solution.py", "variants.py"):
                problems.append(f"{path.relative_to(root)}: a solution file")
            for label, text in artifact_texts(path, str(path.relative_to(root))):
                problems.extend(_hidden_cases_in(label, text))
                for pair in sorted(
                    _pairs(_ordered_code_lines(text, docstrings=False)) & set(pairs)
                ):
                    problems.append(
                        f"{label}: contains two consecutive lines of the reference "
                        f"`{pairs[pair]}`: {pair[0]!r} / {pair[1]!r}"
                    )
                flat = _normalize(text)
                for fragment in fragments:
                    if fragment.text in flat or fragment.text in text:
                        problems.append(f"{label}: contains {fragment.kind}: {fragment.text!r}")
    return sorted(set(problems))
