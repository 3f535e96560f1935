"""``python -m corpus_tools`` runs the ``ct`` command."""

from .cli import main

if __name__ == "__main__":  # not when a worker process re-imports this module (Dask, spawn)
    main()
