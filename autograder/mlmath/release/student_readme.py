"""The README.md every student folder, zip and repository starts with: how to set up on
Linux, macOS and Windows, how to check, how to submit, and what the checks do not say."""

from ..course.content import SetContent
from ..course.sets import ProblemSet


def _setup(notebook: str) -> str:
    return f"""## Set up (once)

You need Python 3.11 or newer ([python.org](https://www.python.org/downloads/)). In a
terminal, inside this folder:

Linux and macOS:

```bash
python3 -m venv .venv
.venv/bin/python check.py setup
.venv/bin/python -m pip install jupyterlab
.venv/bin/jupyter lab {notebook}
```

Windows (PowerShell or Command Prompt):

```bat
py -3 -m venv .venv
.venv\\Scripts\\python check.py setup
.venv\\Scripts\\python -m pip install jupyterlab
.venv\\Scripts\\jupyter lab {notebook}
```

`check.py setup` installs `requirements.txt`: the exact versions of otter-grader, numpy,
scipy, pandas and matplotlib that the grader uses, so a check means the same here as
at grading time. Any Jupyter works (JupyterLab, Notebook, VS Code); choose the kernel of
`.venv`. Nothing needs the network after this."""


def _work(ps: ProblemSet, public_points: float) -> str:
    return f"""## Work and check

Work top to bottom. Replace each `...` with your code, run the cell, then run the
`grader.check("qN")` cell below it: a failing check says what was expected, what your
code produced and where to look. `grader.check_all()` near the end runs them all.

To check the whole notebook from a terminal as a fresh kernel sees it (save it first):

```bash
.venv/bin/python check.py          # Windows: .venv\\Scripts\\python check.py
```

It runs the notebook top to bottom, prints each question's public points and what to
fix, and writes `results.json` and `feedback.md`.

**Public checks are not your grade.** They catch the obvious (a stub, a wrong type or
shape, a hand-computable value). When your notebook is graded, *hidden* tests run your
functions on inputs you have not seen. This set is worth {ps.total_points:g} points, of
which the public checks are worth {public_points:g}: passing every public check is not
full marks. Test your own examples too."""


def _submit(notebook: str, classroom: bool) -> str:
    if classroom:
        how = f"""Commit and push `{notebook}` (save it in Jupyter first): what is in this
repository at the deadline is what is graded.

```bash
git add {notebook}
git commit -m "question 3"
git push
```

Keep the notebook's name, and keep it at the top of the repository."""
    else:
        how = f"""Save the notebook (File > Save), then submit `{notebook}` as your course
asks. If your course asks for a zip instead, run the notebook's last cell,
`grader.export(pdf=False)`: it writes `{notebook[:-6]}_<date and time>.zip` beside the
notebook. Do not call `grader.export()` without `pdf=False`: it then tries to make a
PDF, which needs LaTeX, fails without it, and leaves a broken zip."""
    return f"## Submit\n\n{how}"


def _feedback() -> str:
    return """## Feedback on every push

Every push runs `.github/workflows/check.yml` (GitHub Actions; `.gitlab-ci.yml` does the
same on GitLab). It runs exactly the commands above, `python check.py setup` then
`python check.py`, on the notebook you committed, and shows:

- the **job summary** (Actions tab, open the run): a table with each question's public
  points and the message of every failing check;
- a `results.json` artifact with the same, for tools;
- the run's mark on your commit: green when every public check passes, red when a check
  fails or an unfinished question is left (exit status 1), red with a warning in the
  summary when the notebook is missing, is not a valid notebook, fails in a cell or runs
  too long (exit status 2).

Green means every *public* check passes, never full marks: hidden tests run only when
your notebook is graded."""


def readme(content: SetContent, classroom: bool = False) -> bytes:
    """The README of a student folder (or, with ``classroom``, a student repository)."""
    ps = content.ps
    public_points = sum(info.public_points for info in content.tests)
    notebook = f"{ps.name}.ipynb"
    files = f"""## What is here

- `{notebook}`: the notebook you work in
- `tests/`: the public checks the notebook's `grader.check` cells run
- `mlmath_checks.py` and any other `.py` file: helpers the checks use (leave them as they are)
- `data/` (when the set uses data): the data files
- `requirements.txt`: the packages, pinned to the versions the grader runs
- `check.py` and `problemset.json`: the check of the whole notebook"""
    if classroom:
        files += "\n- `.github/workflows/check.yml`, `.gitlab-ci.yml`: feedback on every push"
    parts = [f"# {ps.name}: {ps.title}", ps.metadata.get("summary", "").strip(), files]
    parts += [_setup(notebook), _work(ps, public_points), _submit(notebook, classroom)]
    if classroom:
        parts.append(_feedback())
    return ("\n\n".join(p for p in parts if p) + "\n").encode()
