"""The executor: one way to run independent jobs and hand back results as they finish,
locally by default, or on a Dask cluster when asked."""
