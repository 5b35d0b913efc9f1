"""Outer middlewares: the steps every update passes before a handler sees it."""
