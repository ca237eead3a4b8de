"""A test-only app for tests/test_worker_processes.py: real worker processes load it.

The worker processes run `python -m tweespraak.cli worker` with
DJANGO_SETTINGS_MODULE=tests.worker_app.settings, which adds this app, so the
worker's own autodiscovery finds `background.py` here. Nothing in production
knows about it.
"""
