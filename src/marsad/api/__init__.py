"""The read-only REST API (FastAPI) and the dashboard it serves."""

from marsad.api.app import create_app

__all__ = ["create_app"]
