"""``python -m corpus_tools`` runs the ``ct`` command."""

from .cli import main

main()
