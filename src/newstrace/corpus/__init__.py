"""Many articles: batch them into a DuckDB store (resumable), query it, export it.

Modules: store (the one connection and writer), tables (Analysis -> rows), workers (the executor that
analyses in order on local processes), batch (inputs -> store and/or JSON lines), query (the questions
a CLI and a web API both ask), export (Parquet, CSV, JSON lines, GDELT, GraphML), events_table (the
GDELT-style CSV of analyses), commands (the CLI commands, registered by cli/app.py).
"""
