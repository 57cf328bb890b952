"""The adapters to the outside tools every stage uses: Jupyter (run a notebook in a real
kernel) and otter (grade with otter's own code, and read its results)."""
