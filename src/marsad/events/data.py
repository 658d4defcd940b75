"""Reading the events stage's own data files (``marsad/data/events/``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def data_text(name: str) -> str:
    """The text of ``marsad/data/events/<name>``."""
    root = resources.files("marsad").joinpath("data").joinpath("events").joinpath(name)
    return root.read_text(encoding="utf-8")


def data_json(name: str) -> Any:
    """The parsed JSON of ``marsad/data/events/<name>``."""
    return json.loads(data_text(name))
