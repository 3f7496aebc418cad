"""Where things live by default: the bundled models folder and the default model."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL_NAME = "mixture"


def models_dir() -> Path:
    """``$OSC_COMPOSER_MODELS``, else the repository's ``models/`` folder."""
    configured = os.environ.get("OSC_COMPOSER_MODELS")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "models"


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_NAME
