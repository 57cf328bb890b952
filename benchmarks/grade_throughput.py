"""Benchmark: `mlmath grade` against sequential stock `otter run`, on the same batch.

    .venv/bin/python benchmarks/grade_throughput.py [--set ps01-algebra] [--count 40]

Builds the set, makes COUNT submissions from it (the solution, the blank notebook and
its variants, round-robin), then times:
- the same notebooks' code run as plain Python scripts, one after another;
- `mlmath grade` with --jobs 1 and with --jobs N (all cores), each on a fresh gradebook;
- stock `otter run` on every notebook, one after another;
checks that mlmath and otter give every submission the same score on every question,
and prints submissions per second, the throughput ratio, and mlmath's overhead per
submission over the plain script. It is a benchmark, not a test: it asserts agreement
only, never a speed.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# What the grading engine's sandbox offers a notebook, so the plain script runs the
# same cells: a do-nothing `otter` and `get_ipython`, and a cell that fails moves on.
PRELUDE = """
import sys, types
_otter = types.ModuleType("otter")
class _Notebook:
    def __init__(self, *a, **k): pass
    def __getattr__(self, name): return lambda *a, **k: None
_otter.Notebook = _Notebook
sys.modules["otter"] = _otter
class _IPython:
    def run_cell_magic(self, name, line, cell): exec(cell, globals())
    def __getattr__(self, name): return lambda *a, **k: None
get_ipython = lambda: _IPython()
display = lambda *a, **k: None
_cells = {cells!r}
for _cell in _cells:
    try:
        exec(compile(_cell, "<cell>", "exec"), globals())
    except BaseException as _error:
        pass
"""


def mlmath(*args):
    return subprocess.run([str(BIN / "mlmath"), *args], check=True, capture_output=True, text=True)


def make_batch(name: str, count: int, folder: Path) -> list[Path]:
    import nbformat

    from mlmath.course.content import SetContent
    from mlmath.course.sets import Course
    from mlmath.release.build import clean_notebook

    content = SetContent(Course(REPO).problem_set(name))
    sources = [
        REPO / "dist/solutions" / f"{name}.ipynb",
        REPO / "dist/student" / name / f"{name}.ipynb",
    ]
    variants = content.variants
    paths = []
    for index in range(count):
        path = folder / f"s{index:03d}.ipynb"
        if index < len(sources):
            path.write_bytes(sources[index].read_bytes())
        else:
            variant = variants[(index - len(sources)) % len(variants)]
            nbformat.write(clean_notebook(content.filled_notebook(variant)), path)
        paths.append(path)
    return paths


def plain_scripts(paths: list[Path], workdir: Path) -> float:
    from mlmath.grading.batch import notebook_cells

    started = time.perf_counter()
    for path in paths:
        script = workdir / "notebook.py"
        script.write_text(PRELUDE.format(cells=notebook_cells(path.read_bytes())))
        subprocess.run(
            [sys.executable, str(script)],
            cwd=workdir,
            capture_output=True,
            env={**os.environ, "MPLBACKEND": "Agg"},
            check=False,
        )
    return time.perf_counter() - started


def grade_with_mlmath(name: str, folder: Path, jobs: int, scratch: Path) -> tuple[float, dict]:
    gradebook, export = scratch / f"gradebook-{jobs}.sqlite", scratch / f"grades-{jobs}.csv"
    started = time.perf_counter()
    mlmath("grade", name, str(folder), "--gradebook", str(gradebook), "--jobs", str(jobs), "-q")
    seconds = time.perf_counter() - started
    mlmath("export", name, "--csv", str(export), "--gradebook", str(gradebook))
    with open(export, newline="") as handle:
        return seconds, {row["student"]: row for row in csv.DictReader(handle)}


def grade_with_otter(paths: list[Path], autograder: Path, scratch: Path) -> tuple[float, dict]:
    scores = {}
    started = time.perf_counter()
    for path in paths:
        out = scratch / f"otter-{path.stem}"
        out.mkdir()
        subprocess.run(
            [str(BIN / "otter"), "run", "-a", str(autograder), "-o", str(out), str(path)],
            check=True,
            capture_output=True,
        )
        results = json.loads((out / "results.json").read_text())
        scores[path.stem] = {t["name"]: t["score"] for t in results["tests"] if "score" in t}
    return time.perf_counter() - started, scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="ps01-algebra")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ['PATH']}"
    mlmath("build", args.set)
    autograder = REPO / "dist/autograder" / f"{args.set}.zip"
    with tempfile.TemporaryDirectory(prefix="mlmath-bench-") as scratch:
        scratch = Path(scratch)
        folder = scratch / "submissions"
        folder.mkdir()
        paths = make_batch(args.set, args.count, folder)
        workdir = scratch / "plain"
        workdir.mkdir()
        data = REPO / "dist/student" / args.set / "data"
        if data.exists():
            (workdir / "data").symlink_to(data)
        n = len(paths)
        print(f"{n} submissions of {args.set}; {args.jobs} jobs", flush=True)
        plain = plain_scripts(paths, workdir)
        print(f"plain scripts, sequential: {plain:.1f} s ({plain / n:.3f} s each)", flush=True)
        one, _ = grade_with_mlmath(args.set, folder, 1, scratch)
        print(f"mlmath grade --jobs 1:      {one:.1f} s ({one / n:.3f} s each)", flush=True)
        many, ours = grade_with_mlmath(args.set, folder, args.jobs, scratch)
        print(
            f"mlmath grade --jobs {args.jobs}:      {many:.1f} s ({n / many:.2f} submissions/s)",
            flush=True,
        )
        otter, theirs = grade_with_otter(paths, autograder, scratch)
        print(
            f"otter run, sequential:     {otter:.1f} s ({n / otter:.2f} submissions/s)", flush=True
        )
        disagreements = [
            f"{student} {question}: mlmath {ours[student][question]}, otter {score}"
            for student, questions in theirs.items()
            for question, score in questions.items()
            if abs(float(ours[student][question]) - float(score)) > 1e-9
        ]
        print(f"scores agree on {n - len({d.split()[0] for d in disagreements})}/{n} submissions")
        for line in disagreements:
            print(f"  DISAGREE {line}")
        print(
            f"throughput: {n / many:.2f} vs {n / otter:.2f} submissions/s: "
            f"{otter / many:.1f} times otter run"
        )
        print(
            f"overhead per submission over the plain script (--jobs 1): {(one - plain) / n:+.3f} s"
        )
        sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
