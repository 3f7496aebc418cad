"""The Keras model: build, save with metadata, load safely.

A model file is an ordinary Keras ``.keras`` archive (a zip) with one extra member,
``osc_composer.json``: the vocabulary, architecture, training corpus and metrics.
:func:`read_metadata` reads it with ``zipfile`` alone, so listing models never imports
TensorFlow. TensorFlow is imported lazily by the functions that need it.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..music.encoding import Vocabulary

if TYPE_CHECKING:
    import keras

METADATA_MEMBER = "osc_composer.json"
FORMAT_NAME = "osc-composer-model"
FORMAT_VERSION = 1
MODEL_FILENAME = "model.keras"
# A model file is read into memory: refuse what could not be a model of this project before
# reading it (the default is 4 MB; a 2 MB zip can declare gigabytes, and so can an HDF5 dataset).
MAX_MODEL_BYTES = 256 * 1024 * 1024  # the archive, each member as declared, and all weights together
MAX_METADATA_BYTES = 1024 * 1024


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


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


def build_model(
    vocab: Vocabulary, config: ModelConfig = ModelConfig(), *, folded: bool = False
) -> keras.Model:
    """A fresh, uncompiled model mapping token ids (batch, time) to next-token scores.

    ``folded=True`` builds the plain layout a trained model is saved in: with
    ``config.pitch_classes`` the training model has pitch-class layers, the saved one the
    plain Embedding and Dense they fold into (same layer names, same outputs).
    """
    import keras

    if config.controls:
        # event id and its three control classes, one row per time step
        tokens = keras.Input(shape=(None, 4), dtype="int32", name="events")
    else:
        tokens = keras.Input(shape=(None,), dtype="int32", name="tokens")
    if config.architecture == "seed":
        # One-hot input as a frozen identity embedding: the same vectors, and unlike
        # CategoryEncoding it trains on windows of unknown length in graph mode.
        x = keras.layers.Embedding(
            vocab.size, vocab.size, embeddings_initializer="identity", trainable=False, name="one_hot"
        )(tokens)
        x = keras.layers.LSTM(128, return_sequences=True, name="lstm_1")(x)
        scores = keras.layers.Dense(vocab.size, activation="softmax", name="next_token")(x)
        return keras.Model(tokens, scores, name="seed_article_lstm")
    shared = config.pitch_classes and not folded
    blocks = pitch_blocks(vocab) if shared else ()
    if config.controls:
        conditioned = conditioned_embedding_layer()
        x = conditioned(
            vocab.size, config.embedding_dim, config.control_sizes, pitch_offsets=blocks, name="embedding"
        )(tokens)
    elif shared:
        embedding, _ = pitch_class_layers()
        x = embedding(vocab.size, config.embedding_dim, blocks, name="embedding")(tokens)
    else:
        x = keras.layers.Embedding(vocab.size, config.embedding_dim, name="embedding")(tokens)
    for index in range(config.layers):
        x = keras.layers.LSTM(config.units, return_sequences=True, name=f"lstm_{index + 1}")(x)
        if config.dropout:
            x = keras.layers.Dropout(config.dropout, name=f"dropout_{index + 1}")(x)
    if shared:
        _, dense = pitch_class_layers()
        scores = dense(vocab.size, blocks, name="next_token")(x)
    else:
        scores = keras.layers.Dense(vocab.size, name="next_token")(x)
    return keras.Model(tokens, scores, name="event_lstm")


def pitch_blocks(vocab: Vocabulary) -> tuple[int, ...]:
    """Offsets of the 128-token blocks that name a pitch: PITCH (note-on), and NOTE_OFF
    in the note-off encoding. Each block shares pitch-class and octave vectors of its own."""
    return (vocab.pitch_offset, vocab.note_off_offset) if vocab.note_offs else (vocab.pitch_offset,)


def fold_pitch_classes(model: keras.Model, vocab: Vocabulary, config: ModelConfig) -> keras.Model:
    """The plain-layout copy of a trained model (see :class:`ModelConfig`), without its
    optimizer state: pitch-class layers contribute their folded weights, every other layer
    its own."""
    bare = build_model(vocab, config, folded=True)
    for layer in bare.layers:
        source = model.get_layer(layer.name)
        weights = source.folded_weights() if hasattr(source, "folded_weights") else source.get_weights()
        layer.set_weights(weights)
    return bare


def _pitch_tables(vocab_size: int, pitch_offsets: Any) -> tuple[Any, Any, Any]:
    """For every token: 1.0 if it names a pitch (else 0.0), the row of its pitch class and
    the row of its octave in the shared tables (each block of ``pitch_offsets`` has its own
    12 pitch-class and ``OCTAVES`` octave rows)."""
    import numpy as np

    if isinstance(pitch_offsets, int):  # checkpoints from before note-off blocks
        pitch_offsets = (pitch_offsets,)
    is_pitch = np.zeros(vocab_size, "float32")
    pitch_class = np.zeros(vocab_size, "int32")
    octave = np.zeros(vocab_size, "int32")
    for block, offset in enumerate(pitch_offsets):
        pitch = np.arange(128)
        ids = offset + pitch
        is_pitch[ids] = 1.0
        pitch_class[ids] = block * 12 + pitch % 12
        octave[ids] = block * OCTAVES + pitch // 12
    return is_pitch, pitch_class, octave


OCTAVES = 11  # MIDI pitches 0..127 span octaves 0..10


@functools.cache
def pitch_class_layers() -> tuple[type, type]:
    """The two training-time layers, defined on first use (importing this module needs no
    TF) and registered so a training checkpoint loads in safe mode."""
    import keras
    from keras import ops

    @keras.saving.register_keras_serializable(package="osc_composer")
    class PitchClassEmbedding(keras.layers.Layer):
        """An Embedding whose PITCH rows are own + pitch-class + octave vectors."""

        folds_into = "Embedding"

        def __init__(self, input_dim: int, output_dim: int, pitch_offset: Any, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.input_dim, self.output_dim = input_dim, output_dim
            self.pitch_offset = [pitch_offset] if isinstance(pitch_offset, int) else list(pitch_offset)
            self._is_pitch, self._pitch_class, self._octave = _pitch_tables(input_dim, self.pitch_offset)

        def build(self, input_shape: Any) -> None:
            uniform = keras.initializers.RandomUniform(-0.05, 0.05)  # Embedding's default
            self.embeddings = self.add_weight(
                shape=(self.input_dim, self.output_dim), initializer=uniform, name="embeddings"
            )
            # zeros: the layer starts as a plain Embedding and learns what pitches share
            blocks = len(self.pitch_offset)
            self.pitch_class_embeddings = self.add_weight(
                shape=(12 * blocks, self.output_dim), initializer="zeros", name="pitch_class_embeddings"
            )
            self.octave_embeddings = self.add_weight(
                shape=(OCTAVES * blocks, self.output_dim), initializer="zeros", name="octave_embeddings"
            )

        def table(self) -> Any:
            shared = ops.take(self.pitch_class_embeddings, self._pitch_class, axis=0) + ops.take(
                self.octave_embeddings, self._octave, axis=0
            )
            return self.embeddings + self._is_pitch[:, None] * shared

        def call(self, tokens: Any) -> Any:
            return ops.take(self.table(), ops.cast(tokens, "int32"), axis=0)

        def compute_output_shape(self, input_shape: Any) -> tuple:
            return (*input_shape, self.output_dim)

        def folded_weights(self) -> list[Any]:
            return [ops.convert_to_numpy(self.table())]

        def get_config(self) -> dict[str, Any]:
            return {
                **super().get_config(),
                "input_dim": self.input_dim,
                "output_dim": self.output_dim,
                "pitch_offset": self.pitch_offset,
            }

    @keras.saving.register_keras_serializable(package="osc_composer")
    class PitchClassDense(keras.layers.Layer):
        """A Dense over the vocabulary whose PITCH columns are own + pitch-class + octave
        weights (and biases)."""

        folds_into = "Dense"

        def __init__(self, units: int, pitch_offset: Any, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.units = units
            self.pitch_offset = [pitch_offset] if isinstance(pitch_offset, int) else list(pitch_offset)
            self._is_pitch, self._pitch_class, self._octave = _pitch_tables(units, self.pitch_offset)

        def build(self, input_shape: Any) -> None:
            width = input_shape[-1]
            self.kernel = self.add_weight(
                shape=(width, self.units), initializer="glorot_uniform", name="kernel"
            )
            self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")
            blocks = len(self.pitch_offset)
            self.pitch_class_kernel = self.add_weight(
                shape=(width, 12 * blocks), initializer="zeros", name="pc_kernel"
            )
            self.pitch_class_bias = self.add_weight(shape=(12 * blocks,), initializer="zeros", name="pc_bias")
            self.octave_kernel = self.add_weight(
                shape=(width, OCTAVES * blocks), initializer="zeros", name="octave_kernel"
            )
            self.octave_bias = self.add_weight(
                shape=(OCTAVES * blocks,), initializer="zeros", name="octave_bias"
            )

        def effective(self) -> tuple[Any, Any]:
            kernel = self.kernel + self._is_pitch * (
                ops.take(self.pitch_class_kernel, self._pitch_class, axis=1)
                + ops.take(self.octave_kernel, self._octave, axis=1)
            )
            bias = self.bias + self._is_pitch * (
                ops.take(self.pitch_class_bias, self._pitch_class) + ops.take(self.octave_bias, self._octave)
            )
            return kernel, bias

        def call(self, inputs: Any) -> Any:
            kernel, bias = self.effective()
            return ops.matmul(inputs, kernel) + bias

        def compute_output_shape(self, input_shape: Any) -> tuple:
            return (*input_shape[:-1], self.units)

        def folded_weights(self) -> list[Any]:
            return [ops.convert_to_numpy(w) for w in self.effective()]

        def get_config(self) -> dict[str, Any]:
            return {**super().get_config(), "units": self.units, "pitch_offset": self.pitch_offset}

    return PitchClassEmbedding, PitchClassDense


@functools.cache
def conditioned_embedding_layer() -> type:
    """The input layer of a model with controls (:attr:`ModelConfig.controls`), defined on
    first use and registered, so model files with it load in Keras safe mode.

    Input (batch, time, 4) int: event id, style, voices and density class. Output: the
    event's embedding plus one embedding per control. With ``pitch_offsets`` (training
    only) the event rows that name a pitch also add shared pitch-class and octave vectors,
    as :func:`pitch_class_layers`; the saved file has them folded (``pitch_offsets`` empty).
    Weights, in order: event table, the three control tables[, pitch-class, octave].
    """
    import keras
    from keras import ops

    @keras.saving.register_keras_serializable(package="osc_composer")
    class ConditionedEmbedding(keras.layers.Layer):
        folds_into = "ConditionedEmbedding"  # with its pitch-class vectors summed in

        def __init__(
            self,
            input_dim: int,
            output_dim: int,
            control_sizes: Any,
            pitch_offsets: Any = (),
            **kwargs: Any,
        ) -> None:
            super().__init__(**kwargs)
            self.input_dim, self.output_dim = input_dim, output_dim
            self.control_sizes = [int(n) for n in control_sizes]
            self.pitch_offsets = [int(n) for n in pitch_offsets]
            self._is_pitch, self._pitch_class, self._octave = _pitch_tables(input_dim, self.pitch_offsets)

        def build(self, input_shape: Any) -> None:
            uniform = keras.initializers.RandomUniform(-0.05, 0.05)  # Embedding's default
            self.embeddings = self.add_weight(
                shape=(self.input_dim, self.output_dim), initializer=uniform, name="embeddings"
            )
            # zeros: an unknown control adds nothing until the model learns what it means
            self.control_embeddings = [
                self.add_weight(shape=(size, self.output_dim), initializer="zeros", name=f"control_{i}")
                for i, size in enumerate(self.control_sizes)
            ]
            blocks = len(self.pitch_offsets)
            if blocks:
                self.pitch_class_embeddings = self.add_weight(
                    shape=(12 * blocks, self.output_dim), initializer="zeros", name="pitch_class_embeddings"
                )
                self.octave_embeddings = self.add_weight(
                    shape=(OCTAVES * blocks, self.output_dim), initializer="zeros", name="octave_embeddings"
                )

        def table(self) -> Any:
            if not self.pitch_offsets:
                return self.embeddings
            shared = ops.take(self.pitch_class_embeddings, self._pitch_class, axis=0) + ops.take(
                self.octave_embeddings, self._octave, axis=0
            )
            return self.embeddings + self._is_pitch[:, None] * shared

        def call(self, events: Any) -> Any:
            events = ops.cast(events, "int32")
            x = ops.take(self.table(), events[..., 0], axis=0)
            for index, table in enumerate(self.control_embeddings):
                x = x + ops.take(table, events[..., index + 1], axis=0)
            return x

        def compute_output_shape(self, input_shape: Any) -> tuple:
            return (*input_shape[:-1], self.output_dim)

        def folded_weights(self) -> list[Any]:
            return [ops.convert_to_numpy(self.table())] + [
                ops.convert_to_numpy(t) for t in self.control_embeddings
            ]

        def get_config(self) -> dict[str, Any]:
            return {
                **super().get_config(),
                "input_dim": self.input_dim,
                "output_dim": self.output_dim,
                "control_sizes": self.control_sizes,
                "pitch_offsets": self.pitch_offsets,
            }

    return ConditionedEmbedding


def save_model(path: str | os.PathLike, model: keras.Model, metadata: ModelMetadata) -> Path:
    """Save weights, architecture and metadata in one ``.keras`` file, atomically.

    Pitch-class training layers are saved folded (:func:`fold_pitch_classes`), so every
    model file has the plain layout the engine reads."""
    if any(hasattr(layer, "folded_weights") for layer in model.layers):
        model = fold_pitch_classes(model, metadata.vocabulary, metadata.config)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename, so an interrupted save never leaves half a file.
    fd, tmp_name = tempfile.mkstemp(suffix=".keras", dir=path.parent)
    os.close(fd)
    try:
        model.save(tmp_name)
        with zipfile.ZipFile(tmp_name, "a") as archive:
            archive.writestr(METADATA_MEMBER, metadata.to_json())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes it private; a model file is not
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.remove(tmp_name)
    return path


def resolve_model_path(path: str | os.PathLike) -> Path:
    """Accept a model folder (``models/NAME``) or the ``.keras`` file itself."""
    path = Path(path)
    return path / MODEL_FILENAME if path.is_dir() else path


def _too_big(path: Path, what: str, size: int, limit: int = MAX_MODEL_BYTES) -> ModelFileError:
    return ModelFileError(path, f"{what} {size / 2**20:.1f} MB, over the {limit / 2**20:g} MB limit")


def open_model_file(path: Path) -> io.BufferedReader:
    """Open a model file for reading: a regular file of at most :data:`MAX_MODEL_BYTES`.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device (a
    symlink to ``/dev/zero``) or a folder is refused at once instead of hanging the reader.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ModelFileError(path, "not a regular file")
        if info.st_size > MAX_MODEL_BYTES:
            raise _too_big(path, "the file is", info.st_size)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int = MAX_MODEL_BYTES) -> bytes:
    """A member of the archive, refused when it declares more than ``limit`` bytes (the
    declared size bounds what zipfile will inflate)."""
    size = archive.getinfo(name).file_size
    if size > limit:
        raise _too_big(path, f"{name} declares", size, limit)
    return archive.read(name)


def read_metadata(path: str | os.PathLike) -> ModelMetadata:
    """Read a model's metadata without TensorFlow. Raises :class:`ModelFileError`."""
    path = resolve_model_path(path)
    try:
        with open_model_file(path) as file, zipfile.ZipFile(file) as archive:
            text = _read_member(path, archive, METADATA_MEMBER, MAX_METADATA_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ModelFileError(path, "no such model file") from None
    except KeyError:
        raise ModelFileError(
            path, f"a Keras file without osc-composer metadata ({METADATA_MEMBER})"
        ) from None
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as exc:
        raise ModelFileError(path, f"not a .keras model file ({exc})") from None
    try:
        return ModelMetadata.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(path, f"unreadable metadata ({exc})") from None


def load_model(path: str | os.PathLike, *, compile: bool = False) -> tuple[keras.Model, ModelMetadata]:
    """Load a model file in Keras safe mode (no arbitrary code) and check it fits its metadata."""
    path = resolve_model_path(path)
    metadata = read_metadata(path)
    from . import tf_setup

    tf_setup.configure()
    import keras

    try:
        model = keras.saving.load_model(path, compile=compile, safe_mode=True)
    except Exception as exc:  # Keras raises many types for damaged archives
        raise ModelFileError(path, f"Keras could not load it ({type(exc).__name__}: {exc})") from None
    outputs = model.output_shape[-1]
    if outputs != metadata.vocabulary.size:
        raise ModelFileError(
            path, f"model predicts {outputs} classes but its vocabulary has {metadata.vocabulary.size}"
        )
    return model, metadata


class UnknownLayoutError(ModelFileError):
    """A model file whose archive is not laid out as :func:`read_saved_layers` expects
    (Keras itself may still read it)."""


@dataclass(frozen=True)
class SavedLayer:
    """One layer of a ``.keras`` archive as stored: Keras class name, config and weights."""

    class_name: str
    config: dict[str, Any]
    weights: tuple[Any, ...]  # numpy arrays in Keras's variable order


def read_saved_layers(path: str | os.PathLike) -> tuple[ModelMetadata, list[SavedLayer]]:
    """The layers of a model file, read with ``zipfile`` and ``h5py`` only (no TensorFlow).

    This is plain data reading (JSON and HDF5 arrays, never code), so it is as safe as
    Keras's safe mode. It only understands a chain of layers (what :func:`build_model`
    makes); for anything else it raises :class:`ModelFileError` and callers load with Keras.
    Keras 3 stores each layer's variables under ``layers/<snake_case class name>[_N]``,
    numbered in the order of ``model.layers``, which is the order of the config's layer list.
    """
    import h5py
    import numpy as np

    path = resolve_model_path(path)
    metadata = read_metadata(path)
    try:
        with open_model_file(path) as file, zipfile.ZipFile(file) as archive:
            declared = sum(info.file_size for info in archive.infolist())
            if declared > MAX_MODEL_BYTES:  # Keras, the fallback, would unpack every member
                raise _too_big(path, "its members declare", declared)
            config = json.loads(_read_member(path, archive, "config.json", MAX_METADATA_BYTES))
            weights_file = io.BytesIO(_read_member(path, archive, "model.weights.h5"))
        used: dict[str, int] = {}
        layers: list[SavedLayer] = []
        with h5py.File(weights_file, "r") as store:
            _check_declared_sizes(path, store)  # before anything is read, and before a Keras fallback
            layer_configs = config["config"]["layers"]
            for previous, layer in zip([None, *layer_configs], layer_configs, strict=False):
                inbound = [call["args"][0]["config"]["keras_history"][0] for call in layer["inbound_nodes"]]
                if previous is not None and inbound != [previous["name"]]:
                    raise ModelFileError(path, "its layers are not a simple chain")
                base = _snake_case(layer["class_name"])
                name = base if base not in used else f"{base}_{used[base]}"
                used[base] = used.get(base, 0) + 1
                group = store.get(f"layers/{name}")
                variables = []
                if group is not None:
                    holder = group["cell/vars"] if "cell" in group else group["vars"]
                    variables = [np.asarray(holder[str(i)]) for i in range(len(holder))]
                layers.append(SavedLayer(layer["class_name"], layer["config"], tuple(variables)))
    except ModelFileError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise UnknownLayoutError(path, f"unexpected layout ({type(exc).__name__}: {exc})") from None
    return metadata, layers


def _check_declared_sizes(path: Path, store: Any) -> None:
    """Refuse an HDF5 file whose datasets declare more than :data:`MAX_MODEL_BYTES` in all
    (a dataset can declare gigabytes of fill value in a few bytes of file)."""
    import h5py

    sizes: list[int] = []

    def add(_: str, item: Any) -> None:
        if isinstance(item, h5py.Dataset):
            sizes.append(int(item.size) * item.dtype.itemsize)

    store.visititems(add)
    if sum(sizes) > MAX_MODEL_BYTES:
        raise _too_big(path, "its weights declare", sum(sizes))


def _snake_case(name: str) -> str:
    """Keras's ``naming.to_snake_case`` (how saved variables are named)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def list_models(folder: str | os.PathLike) -> dict[str, Path]:
    """Model name → file, for every readable model in ``folder`` (``NAME/model.keras`` or ``NAME.keras``)."""
    folder = Path(folder)
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for candidate in sorted([*folder.glob(f"*/{MODEL_FILENAME}"), *folder.glob("*.keras")]):
        try:
            read_metadata(candidate)
        except ModelFileError:
            continue
        name = candidate.parent.name if candidate.name == MODEL_FILENAME else candidate.stem
        found.setdefault(name, candidate)
    return found
