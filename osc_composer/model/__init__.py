"""The ``.keras`` model file: format, metadata, the Keras builder and TensorFlow set-up.

The engine reads these files without importing TensorFlow; building and loading a Keras
model imports it on first use. Depends on :mod:`osc_composer.music` only.
"""
