"""Tweespraak: one-on-one conversations between managers and employees."""
