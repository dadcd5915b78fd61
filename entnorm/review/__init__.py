"""Outputs for looking at a resolution rather than piping it: an SQLite database (`database`) for Datasette and
sqlite3, and a self-contained HTML page (`report`)."""
