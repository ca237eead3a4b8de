"""Loaded by pytest before Django (see `addopts` in pyproject.toml): test environment."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "x" * 50)
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("EMAIL_HOST", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# Playwright runs an event loop in the test thread; the ORM calls it makes are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
