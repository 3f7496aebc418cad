"""Builders for the client files, one module per format; ``build_patches.py`` runs them."""
