"""Inference: the numpy LSTM step, priming, the sampler, sampling parameters, the live stream.

Reads model files through :mod:`osc_composer.model`; knows nothing of OSC or training.
"""
