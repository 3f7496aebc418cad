"""The training input: windows of the event stream, shuffled, with random transposition (tf.data)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from ..music.encoding import Vocabulary
from .config import (
    TrainConfig,
    TrainingError,
)

if TYPE_CHECKING:
    import tensorflow as tf


def make_dataset(
    stream: np.ndarray,
    vocab: Vocabulary,
    config: TrainConfig,
    *,
    training: bool,
    controls: bool = False,
) -> tf.data.Dataset:
    """Windows of ``sequence_length + 1`` events → (inputs, next-event targets), batched.

    ``stream`` is (n, 4): event ids and their control classes (:class:`PreparedCorpus`;
    a memory-mapped array is read a window at a time, never copied whole), or (n,) ids
    with every control ``auto``. Inputs are the ids alone, or with ``controls`` the
    (length, 4) rows. Training windows (an endless stream) start at a random offset, in a
    new random order on every pass, and are transposed by a random interval that keeps
    every pitch inside 0..127; their velocity bins move by a random offset too, so a model
    trained on music of one loudness (Bach encodings have none) still reads seeds played at
    any velocity; each control is hidden (set to ``auto``) in ``control_dropout`` of the
    windows. Validation windows are the stream cut in order, once.
    """
    import tensorflow as tf

    length = config.sequence_length + 1
    if len(stream) < length + 1:
        raise TrainingError(f"corpus too small: {len(stream)} events for windows of {length}")
    if np.ndim(stream) == 1:  # event ids alone: every control auto
        stream = np.column_stack([stream, np.zeros((len(stream), 3), np.int32)])
    count = (len(stream) - 1) // length
    spare = len(stream) - count * length  # >= 1: room to move the window boundaries

    # windows leave the generator a block at a time (one numpy gather, not a Python round
    # trip per window: measured 3x slower than the tf.constant pipeline it replaced)
    block = max(1, min(count, config.batch_size))
    span = np.arange(length)

    def gather(starts: np.ndarray) -> np.ndarray:
        return np.asarray(stream[starts[:, None] + span], np.int32)

    def shuffled() -> Iterator[np.ndarray]:
        rng = np.random.default_rng(config.seed)
        while True:
            starts = rng.permutation(count) * length + rng.integers(0, spare, count)
            for first in range(0, count, block):
                yield gather(starts[first : first + block])

    def in_order() -> Iterator[np.ndarray]:
        for first in range(0, count, block):
            yield gather(np.arange(first, min(count, first + block)) * length)

    pitch_of = tf.constant(vocab.pitch_of_token.astype(np.int32))
    velocity_of = np.full(vocab.size, -1, np.int32)
    velocity_of[vocab.velocity_offset : vocab.pitch_offset] = np.arange(vocab.velocity_bins)
    velocity_of = tf.constant(velocity_of)

    def shift_values(tokens: tf.Tensor, value_of: tf.Tensor, size: int, limit: int) -> tf.Tensor:
        """Move every token of one kind (pitches of note-ons and note-offs, velocity bins)
        by one random amount that keeps all their values inside 0..size-1."""
        values = tf.gather(value_of, tokens)
        is_kind = values >= 0
        present = tf.boolean_mask(values, is_kind)
        lowest = tf.reduce_min(tf.concat([present, [size - 1]], 0))
        highest = tf.reduce_max(tf.concat([present, [0]], 0))
        low = tf.maximum(-limit, -lowest)
        high = tf.minimum(limit, size - 1 - highest)
        shift = tf.random.uniform([], low, high + 1, dtype=tf.int32)
        return tf.where(is_kind, tokens + shift, tokens)

    def augment(rows: tf.Tensor) -> tf.Tensor:
        tokens = rows[:, 0]
        if config.transpose:
            tokens = shift_values(tokens, pitch_of, 128, config.transpose)
        if config.velocity_shift:
            tokens = shift_values(tokens, velocity_of, vocab.velocity_bins, config.velocity_shift)
        controls_ = rows[:, 1:]
        if controls and config.control_dropout:
            keep = tf.cast(tf.random.uniform([3]) >= config.control_dropout, tf.int32)
            controls_ = controls_ * keep[None, :]
        return tf.concat([tokens[:, None], controls_], 1)

    spec = tf.TensorSpec((None, length, 4), tf.int32)
    dataset = tf.data.Dataset.from_generator(shuffled if training else in_order, output_signature=spec)
    dataset = dataset.unbatch()
    # a generator's length is unknown to Keras, which then warns when validation runs out
    dataset = dataset.apply(
        tf.data.experimental.assert_cardinality(tf.data.INFINITE_CARDINALITY if training else count)
    )
    if training:
        dataset = dataset.map(augment, num_parallel_calls=tf.data.AUTOTUNE)
    if controls:
        dataset = dataset.map(lambda w: (w[:-1], w[1:, 0]))
    else:
        dataset = dataset.map(lambda w: (w[:-1, 0], w[1:, 0]))
    return dataset.batch(config.batch_size, drop_remainder=training).prefetch(tf.data.AUTOTUNE)
