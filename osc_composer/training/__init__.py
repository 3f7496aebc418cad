"""Corpora, their preparation into tokens, training, progress reporting and the model card.

TensorFlow is imported here (and in :mod:`osc_composer.model`) only; the engine and the
server never import this package.
"""
