"""Training on several devices or machines: tf.distribute strategies, the chief, the custom training loop."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from .config import (
    TrainConfig,
    TrainingError,
)

if TYPE_CHECKING:
    import keras
    import tensorflow as tf


def make_strategy(name: str) -> tf.distribute.Strategy:
    """``default`` (one device), ``mirrored`` (all local devices, e.g. logical CPUs or GPUs),
    or ``multiworker`` (several machines, described by the ``TF_CONFIG`` environment variable)."""
    import tensorflow as tf

    if name == "default":
        return tf.distribute.get_strategy()
    if name == "mirrored":
        devices = [d.name for d in tf.config.list_logical_devices("GPU")] or [
            d.name for d in tf.config.list_logical_devices("CPU")
        ]
        return tf.distribute.MirroredStrategy(devices=devices)
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    raise TrainingError(f"unknown strategy {name!r}")


def split_cpu(devices: int) -> None:
    """Expose the CPU as ``devices`` logical devices (before TF runs anything), so the
    distributed strategies can be used and tested on one machine."""
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * devices)


def is_chief() -> bool:
    """In multi-worker training one task writes the model and the card: the chief, or worker 0."""
    spec = json.loads(os.environ.get("TF_CONFIG") or "{}")
    task = spec.get("task") or {}
    kind = task.get("type")
    if kind is None or kind == "chief":
        return True
    return kind == "worker" and int(task.get("index", 0)) == 0 and "chief" not in spec.get("cluster", {})


def fit_distributed(
    model: keras.Model,
    strategy: tf.distribute.Strategy,
    train_data: tf.data.Dataset,
    val_data: tf.data.Dataset | None,
    config: TrainConfig,
    steps_per_epoch: int,
    initial_epoch: int,
    callback: Any,
    *,
    from_logits: bool,
) -> None:
    """A minimal equivalent of ``model.fit`` for tf.distribute strategies: strategy.run per
    step, gradients all-reduced by the optimizer, the same callback hooks and logs."""
    import keras
    import tensorflow as tf

    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits, reduction=None)
    optimizer = model.optimizer
    global_batch = float(config.batch_size)
    iterator = iter(strategy.experimental_distribute_dataset(train_data))

    def replica_step(inputs: tf.Tensor, targets: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        with tf.GradientTape() as tape:
            scores = model(inputs, training=True)
            per_window = tf.reduce_mean(loss_fn(targets, scores), axis=1)
            loss = tf.reduce_sum(per_window) / global_batch
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables, strict=False))
        hits = tf.reduce_mean(
            tf.cast(tf.equal(tf.argmax(scores, -1, output_type=tf.int32), targets), tf.float32), 1
        )
        return loss, tf.reduce_sum(hits) / global_batch

    @tf.function
    def train_step(it: Any) -> tuple[tf.Tensor, tf.Tensor]:
        loss, accuracy = strategy.run(replica_step, args=next(it))
        return strategy.reduce("SUM", loss, axis=None), strategy.reduce("SUM", accuracy, axis=None)

    @tf.function
    def evaluate_batch(inputs: tf.Tensor, targets: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        scores = model(inputs, training=False)
        hits = tf.cast(tf.equal(tf.argmax(scores, -1, output_type=tf.int32), targets), tf.float32)
        return tf.reduce_sum(loss_fn(targets, scores)), tf.reduce_sum(hits)

    callback.set_model(model)
    model.stop_training = False
    for epoch in range(initial_epoch, config.epochs):
        callback.on_epoch_begin(epoch)
        loss_sum = accuracy_sum = 0.0
        for step in range(steps_per_epoch):
            loss, accuracy = train_step(iterator)
            loss_sum += float(loss)
            accuracy_sum += float(accuracy)
            callback.on_train_batch_end(step, {"loss": loss_sum / (step + 1)})
        logs = {"loss": loss_sum / steps_per_epoch, "accuracy": accuracy_sum / steps_per_epoch}
        if val_data is not None:
            # every worker evaluates the same held-out data locally: same numbers, no collectives
            total_loss = total_hits = count = 0.0
            for inputs, targets in val_data:
                batch_loss, batch_hits = evaluate_batch(inputs, targets)
                total_loss += float(batch_loss)
                total_hits += float(batch_hits)
                count += float(tf.size(targets))
            logs.update(val_loss=total_loss / count, val_accuracy=total_hits / count)
        callback.on_epoch_end(epoch, logs)
        if model.stop_training:
            break
