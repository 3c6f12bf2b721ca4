"""Renderers: they read the model (`Document`, `Comparison`) and never change it."""
