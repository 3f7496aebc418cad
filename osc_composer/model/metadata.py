"""What a model file says about itself besides its weights: architecture, vocabulary, training, metrics.

Stored as the member ``osc_composer.json`` of the ``.keras`` archive (:data:`METADATA_MEMBER`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..music.encoding import Vocabulary

if TYPE_CHECKING:
    pass


METADATA_MEMBER = "osc_composer.json"
FORMAT_NAME = "osc-composer-model"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ModelConfig:
    """Architecture hyper-parameters.

    ``lstm``: Embedding → ``layers`` × LSTM(``units``) → Dense logits (the default).
    ``seed``: the seed article's network, one-hot input → LSTM(128, return_sequences=True)
    → Dense softmax; ``units``/``layers``/``embedding_dim``/``pitch_classes`` are ignored for it.

    ``pitch_classes``: while training, every PITCH token's input vector and output weights
    are the sum of its own and ones shared by its pitch class and its octave, so what the
    model learns about one C holds in part for every C. The sums are folded into a plain
    Embedding and Dense when the model is saved (:func:`fold_pitch_classes`), so a model
    file never needs the training layers and the engine runs it unchanged.

    ``key_normalized``: the model learnt from music moved to C major / A minor (each file by
    the key :func:`~osc_composer.music.theory.infer_key` hears in it), so it must hear seeds moved
    there too; the engine does that and moves its continuations back.

    ``controls``: the model reads, beside each event, three control classes (style, voices,
    density; see :mod:`osc_composer.music.texture`), each embedded and added to the event's
    embedding (:func:`conditioned_embedding_layer`); ``styles`` names the style classes
    1…n (class 0 is ``auto``). The input is then (batch, time, 4): event id and the three
    control classes.
    """

    architecture: str = "lstm"
    embedding_dim: int = 128
    units: int = 256
    layers: int = 2
    dropout: float = 0.2
    pitch_classes: bool = True
    key_normalized: bool = False
    controls: bool = False
    styles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "styles", tuple(str(s) for s in self.styles))
        if self.controls and self.architecture == "seed":
            raise ValueError("the seed architecture takes no controls")
        if self.architecture not in ARCHITECTURES:
            raise ValueError(
                f"unknown architecture {self.architecture!r}; choose from {sorted(ARCHITECTURES)}"
            )
        if self.units < 1 or self.layers < 1 or self.embedding_dim < 1:
            raise ValueError("units, layers and embedding_dim must be positive")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError("dropout must be in [0, 1)")

    @property
    def output(self) -> str:
        """``logits`` or ``probabilities``: what the last layer emits."""
        return ARCHITECTURES[self.architecture]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelConfig:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        # files from before these options were made without them
        values.setdefault("pitch_classes", False)
        values.setdefault("key_normalized", False)
        values["styles"] = tuple(values.get("styles", ()))
        return cls(**values)

    @property
    def control_sizes(self) -> tuple[int, int, int]:
        """Classes of each control (style, voices, density), ``auto`` included."""
        from ..music.texture import DENSITY_CLASSES, VOICE_CLASSES

        return (len(self.styles) + 1, len(VOICE_CLASSES) + 1, len(DENSITY_CLASSES) + 1)


# architecture name → what its last layer emits
ARCHITECTURES = {"lstm": "logits", "seed": "probabilities"}


@dataclass
class ModelMetadata:
    """Everything a model file says about itself besides its weights."""

    name: str
    vocabulary: Vocabulary
    config: ModelConfig
    training: dict[str, Any] = field(default_factory=dict)  # corpus, command, files, epochs…
    metrics: dict[str, Any] = field(default_factory=dict)  # held-out loss/accuracy…

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "name": self.name,
                "vocabulary": self.vocabulary.to_dict(),
                "config": asdict(self.config),
                "output": self.config.output,
                "training": self.training,
                "metrics": self.metrics,
            },
            indent=2,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ModelMetadata:
        data = json.loads(text)
        if data.get("format") != FORMAT_NAME:
            raise ValueError(f"not an osc-composer model (format {data.get('format')!r})")
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise ValueError(f"made by a newer osc-composer (format version {data['format_version']})")
        return cls(
            name=str(data["name"]),
            vocabulary=Vocabulary.from_dict(data["vocabulary"]),
            config=ModelConfig.from_dict(data["config"]),
            training=dict(data.get("training", {})),
            metrics=dict(data.get("metrics", {})),
        )
