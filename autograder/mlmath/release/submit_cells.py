"""The last cells of every student notebook: an export that works on a student's machine.

otter's ``grader.export()`` makes a PDF by default, which needs LaTeX: without it the
call fails and leaves a corrupt zip that both graders reject. The build therefore ends
every student notebook with ``grader.export(pdf=False)``, whatever the source has.
"""

import copy
import re

import nbformat

EXPORT_SOURCE = "grader.export(pdf=False)"
EXPORT_TEXT = """## Export your submission

Save the notebook first (File > Save), then run the next cell. It writes a zip file
beside the notebook (its name starts with the notebook's name and ends with the date and
time) and shows a link to it. Submit that zip, or the `.ipynb` itself, as your course
asks. No PDF is made, so nothing beyond `requirements.txt` needs to be installed."""
_EXPORT_CALL = re.compile(r"^\s*grader\.export\(.*\)\s*$", re.DOTALL)


def with_export_cell(notebook):
    """A copy ending in the export cell; an existing export call is replaced, not kept."""
    notebook = copy.deepcopy(notebook)
    notebook.cells = [
        cell
        for cell in notebook.cells
        if not (cell.cell_type == "code" and _EXPORT_CALL.match(cell.source))
        and not (cell.cell_type == "markdown" and cell.source == EXPORT_TEXT)
    ]
    # fixed ids: nbformat's are random, and the build's bytes must not be
    notebook.cells.append(nbformat.v4.new_markdown_cell(EXPORT_TEXT, id="mlmath-export-text"))
    notebook.cells.append(nbformat.v4.new_code_cell(EXPORT_SOURCE, id="mlmath-export"))
    return notebook
