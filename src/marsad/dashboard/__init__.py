"""The offline dashboard: static files served by the API app at ``/``."""
