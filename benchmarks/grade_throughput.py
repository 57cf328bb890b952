"""Benchmark: `mlmath grade` against sequential stock `otter run`, on the same batch.

    .venv/bin/python benchmarks/grade_throughput.py [--set ps01-algebra] [--count 40]

Builds the set, makes COUNT submissions from it (the solution, the blank notebook and
its variants, round-robin), then times:
- the same notebooks' code run as plain Python scripts, one after another, and all in one
  warm Python process (imports paid once), one after another;
- `mlmath grade` with --jobs 1 and with --jobs N (all cores), each on a fresh gradebook;
- `mlmath grade --scheduler` on a loopback Dask cluster of 1 and of N one-thread workers
  (started before the clock; the command's own start is timed, as for the local runs);
- stock `otter run` on every notebook, one after another;
checks that every run gives every submission otter's score on every question, and prints
submissions per second, the ratio to sequential `otter run`, parallel efficiency, and
mlmath's overhead per submission over the warm process. It is a benchmark, not a test:
it asserts agreement only, never a speed. `--no-cluster` skips the Dask runs.
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


def notebook_cells(data: bytes) -> list[str]:
    """A notebook's code cells as Python, as the sandbox reads and transforms them."""
    from mlmath.sandbox.runtime.notebook import code_cells, to_python

    return [to_python(source) for _position, source in code_cells(data)]


def plain_scripts(paths: list[Path], workdir: Path) -> float:

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


WARM_LOOP = """
import json, sys, time
sources = json.load(open(sys.argv[1]))
started = time.perf_counter()
for cells in sources:
    namespace = {{"__name__": "__main__"}}
    exec(compile({prelude!r}.format(cells=cells), "<notebook>", "exec"), namespace)
print(time.perf_counter() - started)
"""


def warm_process(paths: list[Path], workdir: Path) -> float:
    """Every notebook's code in one process, each in a fresh namespace: imports are paid
    once, as in mlmath's warm sandbox. Returns the seconds of the loop itself."""

    sources = workdir / "sources.json"
    sources.write_text(json.dumps([repr(notebook_cells(p.read_bytes())) for p in paths]))
    script = workdir / "warm.py"
    script.write_text(WARM_LOOP.format(prelude=PRELUDE.replace("{cells!r}", "{cells}")))
    done = subprocess.run(
        [sys.executable, str(script), str(sources)], cwd=workdir, capture_output=True,
        text=True, env={**os.environ, "MPLBACKEND": "Agg"}, check=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def grade_with_mlmath(
    name: str, folder: Path, jobs: int, scratch: Path, scheduler: str = ""
) -> tuple[float, dict]:
    label = f"{jobs}{'-cluster' if scheduler else ''}"
    gradebook, export = scratch / f"gradebook-{label}.sqlite", scratch / f"grades-{label}.csv"
    where = ["--scheduler", scheduler] if scheduler else []
    started = time.perf_counter()
    mlmath(
        "grade", name, str(folder), "--gradebook", str(gradebook), "--jobs", str(jobs), "-q",
        *where,
    )  # fmt: skip
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
    parser.add_argument("--no-cluster", action="store_true", help="skip the Dask runs")
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
        say("plain scripts, sequential", plain, n)
        warm = warm_process(paths, workdir)
        say("one warm process, sequential", warm, n)
        one, _ = grade_with_mlmath(args.set, folder, 1, scratch)
        say("mlmath grade --jobs 1", one, n)
        many, ours = grade_with_mlmath(args.set, folder, args.jobs, scratch)
        say(f"mlmath grade --jobs {args.jobs}", many, n)
        runs = {"local": ours}
        cluster = {}
        if not args.no_cluster:
            from mlmath.executor.dask_cluster import LoopbackCluster

            for workers in sorted({1, args.jobs}):
                with LoopbackCluster(workers, scratch / f"dask-{workers}") as running:
                    seconds, scores = grade_with_mlmath(
                        args.set, folder, workers, scratch, running.address
                    )
                cluster[workers] = seconds
                runs[f"cluster of {workers}"] = scores
                say(f"mlmath grade on a cluster of {workers}", seconds, n)
        otter, theirs = grade_with_otter(paths, autograder, scratch)
        say("otter run, sequential", otter, n)
        disagreements = [
            f"{run} {student} {question}: mlmath {scores[student][question]}, otter {score}"
            for run, scores in runs.items()
            for student, questions in theirs.items()
            for question, score in questions.items()
            if abs(float(scores[student][question]) - float(score)) > 1e-9
        ]
        print(f"scores agree with otter run: {'all' if not disagreements else 'NOT all'} runs, "
              f"{n} submissions each")  # fmt: skip
        for line in disagreements:
            print(f"  DISAGREE {line}")
        print(f"local --jobs {args.jobs}: {otter / many:.1f} times the throughput of otter run; "
              f"parallel efficiency {one / many / args.jobs:.0%}")  # fmt: skip
        print(
            f"overhead per submission over the warm process (--jobs 1): {(one - warm) / n:+.3f} s"
        )
        for workers, seconds in cluster.items():
            print(f"cluster of {workers}: {otter / seconds:.1f} times otter run; "
                  f"{many / seconds if workers == args.jobs else one / seconds:.0%} of local "
                  f"throughput at equal cores; parallel efficiency "
                  f"{cluster[min(cluster)] / seconds / workers:.0%}")  # fmt: skip
        sys.exit(1 if disagreements else 0)


def say(label: str, seconds: float, n: int):
    print(f"{label + ':':38} {seconds:7.1f} s  {seconds / n:.3f} s each  "
          f"{n / seconds:6.2f} submissions/s", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
