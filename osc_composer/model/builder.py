"""The Keras model: built from a :class:`~osc_composer.model.metadata.ModelConfig`, with the
training-time pitch-class and control layers (defined on first use, so importing this
module needs no TensorFlow, and registered, so checkpoints load in Keras safe mode)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..music.encoding import Vocabulary
from .metadata import ModelConfig

if TYPE_CHECKING:
    import keras


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
