"""chainmap: draw, annotate and merge industry-chain maps."""

__version__ = "0.1.0"
