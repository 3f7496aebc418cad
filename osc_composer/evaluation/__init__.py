"""Evaluation of a model against its held-out corpus: n-gram baselines, music statistics, plots."""
