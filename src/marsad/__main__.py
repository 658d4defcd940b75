"""``python -m marsad`` is the ``marsad`` command."""

from marsad.cli import main

main()
