"""Training: a folder of MIDI files → a ``.keras`` model with its card.

Next-event prediction with categorical cross-entropy, by backpropagation through time
over windows of ``sequence_length`` events. The split into training and validation is
by file (a piece never leaks into both), transposition augmentation is random per
window, and every epoch leaves a checkpoint so ``--resume`` continues where an
interrupted run stopped.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import platform
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .encoding import DEFAULT_VOCABULARY, Vocabulary, notes_to_tokens
from .midi import MidiFileError, find_midi_files, read_midi
from .model import (
    MODEL_FILENAME,
    ModelConfig,
    ModelMetadata,
    build_model,
    conditioned_embedding_layer,
    fold_pitch_classes,
    pitch_class_layers,
    save_model,
)
from .notes import Note, transpose_notes
from .texture import measure_texture, stretch_notes
from .theory import key_shift

if TYPE_CHECKING:
    import keras
    import tensorflow as tf

CHECKPOINT_FILENAME = "checkpoint.keras"
STATE_FILENAME = "train_state.json"
STRATEGIES = ("default", "mirrored", "multiworker")
DEFAULT_MODEL_CONFIG = ModelConfig()


class TrainingError(RuntimeError):
    """Training cannot start or go on (no usable files, a checkpoint that does not fit…)."""


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides what a training run computes."""

    epochs: int = 20
    batch_size: int = 64
    sequence_length: int = 128
    learning_rate: float = 2e-3
    schedule: str = "cosine"  # "cosine": decay to 5% over all epochs; "constant"
    validation_percent: float = 10.0
    transpose: int = 5  # random transposition in -transpose..+transpose semitones (0 = off)
    velocity_shift: int = 8  # random shift of velocity bins in -n..+n (0 = off)
    patience: int = 4  # early stopping: epochs without a better validation loss
    steps_per_epoch: int | None = None  # cap, for quick runs
    seed: int = 1234
    strategy: str = "default"
    include_drums: bool = False
    # models with controls: the chance that a window hides each control (shows it as auto),
    # so the model also learns to infer style and texture from the music itself
    control_dropout: float = 0.25
    # also train on each file at double and half speed, where the result stays musical
    # (see stretched_versions); texture varies with it, so the controls learn density
    time_stretch: bool = True

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}")
        if self.epochs < 1 or self.batch_size < 1 or self.sequence_length < 2:
            raise ValueError("epochs and batch_size must be >= 1 and sequence_length >= 2")
        if self.schedule not in ("cosine", "constant"):
            raise ValueError("schedule must be cosine or constant")
        if not 0 <= self.validation_percent < 100:
            raise ValueError("validation_percent must be in [0, 100)")
        if not 0 <= self.control_dropout <= 1:
            raise ValueError("control_dropout must be in [0, 1]")


@dataclass
class Corpus:
    """Event streams of the readable files, split by file, and what was skipped.

    Each file is ``(relative name, events)``, events being (n, 4) int32: the event id and
    the file's three control classes (style, voices, density; :mod:`osc_composer.texture`)
    repeated on every row. ``styles`` names style classes 1…n: the first-level subfolders
    of the training folder that hold music (none: every file is style 0, ``auto``).
    """

    train: list[tuple[str, np.ndarray]] = field(default_factory=list)
    validation: list[tuple[str, np.ndarray]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    styles: tuple[str, ...] = ()
    stretched: int = 0  # time-stretched copies added to the training side

    def tokens(self, part: str) -> int:
        return sum(len(t) for _, t in getattr(self, part))


def split_key(relative_name: str) -> str:
    """What decides a file's side of the split: versions of one piece (``bwv269~satb.mid``,
    ``chorale-melody/bwv269~s.mid``) share the stem before ``~`` and so one side."""
    stem = relative_name.rsplit("/", 1)[-1]
    return stem.split("~", 1)[0] if "~" in stem else relative_name


def is_validation_file(relative_name: str, percent: float) -> bool:
    """A stable split: the same file lands on the same side on every machine and run
    (:func:`load_corpus` passes the group's name, see :func:`split_groups`)."""
    digest = hashlib.sha1(split_key(relative_name).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 10_000 < percent * 100


MELODY_SIGNATURE_INTERVALS = 24


def melody_signature(notes: list[Note]) -> tuple[int, ...] | None:
    """The first intervals of a piece's top line (the highest pitch at each onset), or None
    for a piece too short to tell: one tune harmonised twice, or printed in two books,
    shares it, whatever its key or file name."""
    top: dict[float, int] = {}
    for note in notes:
        top[note.start_beats] = max(top.get(note.start_beats, -1), note.pitch)
    pitches = [top[t] for t in sorted(top)][: MELODY_SIGNATURE_INTERVALS + 1]
    if len(pitches) <= MELODY_SIGNATURE_INTERVALS:
        return None
    return tuple(int(b - a) for a, b in itertools.pairwise(pitches))


def split_groups(files: list[tuple[str, list[Note]]]) -> dict[str, str]:
    """File → the name that decides its side of the split: files that share a
    :func:`split_key` or a :func:`melody_signature` share a side (union-find), so neither
    another texture of a held-out chorale nor another book's print of a held-out tune is
    trained on."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a: str, b: str) -> None:
        first, second = sorted((find(a), find(b)))
        parent[second] = first

    for name, notes in files:
        union("file:" + name, "key:" + split_key(name))
        signature = melody_signature(notes)
        if signature is not None:
            union("file:" + name, "melody:" + ",".join(map(str, signature)))
    # the group's representative: its smallest split key, a plain name hashed as before
    keys: dict[str, str] = {}
    for name, _ in files:
        root = find("file:" + name)
        key = split_key(name)
        keys[root] = min(keys.get(root, key), key)
    return {name: keys[find("file:" + name)] for name, _ in files}


def style_of(relative_name: str) -> str | None:
    """The style a file trains: its first-level subfolder (None for a file at the top)."""
    parts = relative_name.split("/")
    return parts[0] if len(parts) > 1 else None


def stretched_versions(notes: list[Note], vocab: Vocabulary) -> list[list[Note]]:
    """The file at double speed and at half speed, each only where it stays musical: at
    double speed the median time between onsets stays at least a sixteenth and every onset
    and length stays on the grid; at half speed that median stays at most two beats."""
    starts = sorted({n.start_beats for n in notes})
    if len(starts) < 2:
        return []
    gaps = np.diff(starts)
    median = float(np.median(gaps))
    versions = []
    steps = [vocab.beats_to_steps(x) for n in notes for x in (n.start_beats, n.duration_beats)]
    if median / 2 >= 0.25 and all(s % 2 == 0 for s in steps):
        versions.append(stretch_notes(notes, 0.5))
    if median * 2 <= 2.0:
        versions.append(stretch_notes(notes, 2.0))
    return versions


def events_with_controls(tokens: np.ndarray, style: int, notes: list[Note]) -> np.ndarray:
    """(n, 4) rows of event id, style, voices class and density class of ``notes``."""
    texture = measure_texture(notes)
    rows = np.empty((len(tokens), 4), np.int32)
    rows[:, 0] = tokens
    rows[:, 1:] = (style, texture.voice_class, texture.density_class)
    return rows


def load_corpus(
    midi_dir: str | os.PathLike,
    vocab: Vocabulary,
    *,
    validation_percent: float = 10.0,
    include_drums: bool = False,
    key_normalized: bool = False,
    time_stretch: bool = False,
    styles: tuple[str, ...] | None = None,
    on_file: Callable[[Path, str | None], None] | None = None,
) -> Corpus:
    """Read every MIDI file under ``midi_dir``; broken or empty files are reported and skipped.

    ``key_normalized``: each file is moved to C major / A minor (by its
    :func:`~osc_composer.theory.key_shift`), as key-normalised models learn and hear music.
    ``time_stretch``: training files also at double and half speed (:func:`stretched_versions`).
    ``styles``: the style names to number files by (a model's, when evaluating it); by
    default the subfolders found here."""
    midi_dir = Path(midi_dir)
    corpus = Corpus()
    read: list[tuple[str, list[Note]]] = []
    for path in find_midi_files(midi_dir):
        relative = path.relative_to(midi_dir).as_posix()
        try:
            notes = read_midi(path, include_drums=include_drums).notes
            if not notes:
                raise MidiFileError(path, "contains no notes")
        except MidiFileError as exc:
            corpus.skipped.append((relative, exc.reason))
            if on_file:
                on_file(path, exc.reason)
            continue
        if key_normalized:
            notes = transpose_notes(notes, key_shift(notes))
        read.append((relative, notes))
        if on_file:
            on_file(path, None)
    found = tuple(sorted({s for name, _ in read if (s := style_of(name)) is not None}))
    corpus.styles = found if styles is None else tuple(styles)
    style_ids = {name: index for index, name in enumerate(corpus.styles, start=1)}
    groups = split_groups(read)
    for relative, notes in read:
        style = style_ids.get(style_of(relative) or "", 0)
        tokens = notes_to_tokens(notes, vocab, bos=True)
        held_out = is_validation_file(groups[relative], validation_percent)
        side = corpus.validation if held_out else corpus.train
        side.append((relative, events_with_controls(tokens, style, notes)))
    # A tiny corpus may hash every file to one side; keep at least one file on each.
    if validation_percent > 0 and not corpus.validation and len(corpus.train) > 1:
        corpus.validation.append(corpus.train.pop())
    if not corpus.train and len(corpus.validation) > 1:
        corpus.train.append(corpus.validation.pop())
    if time_stretch:
        training = {name for name, _ in corpus.train}
        for relative, notes in read:
            if relative not in training:
                continue
            style = style_ids.get(style_of(relative) or "", 0)
            for version in stretched_versions(notes, vocab):
                tokens = notes_to_tokens(version, vocab, bos=True)
                corpus.train.append((relative, events_with_controls(tokens, style, version)))
                corpus.stretched += 1
    return corpus


def _stream(files: list[tuple[str, np.ndarray]]) -> np.ndarray:
    if not files:
        return np.zeros((0, 4), np.int32)
    return np.concatenate([t for _, t in files]).astype(np.int32)


def make_dataset(
    stream: np.ndarray,
    vocab: Vocabulary,
    config: TrainConfig,
    *,
    training: bool,
    controls: bool = False,
) -> tf.data.Dataset:
    """Windows of ``sequence_length + 1`` events → (inputs, next-event targets), batched.

    ``stream`` is (n, 4): event ids and their control classes (:class:`Corpus`), or (n,) ids
    with every control ``auto``. Inputs are
    the ids alone, or with ``controls`` the (length, 4) rows. Training windows start at a
    random offset each epoch, are shuffled, and are transposed by a random interval that
    keeps every pitch inside 0..127; their velocity bins move by a random offset too, so a
    model trained on music of one loudness (Bach encodings have none) still reads seeds
    played at any velocity; each control is hidden (set to ``auto``) in
    ``control_dropout`` of the windows.
    """
    import tensorflow as tf

    length = config.sequence_length + 1
    if len(stream) < length + 1:
        raise TrainingError(f"corpus too small: {len(stream)} events for windows of {length}")
    stream = np.asarray(stream, np.int32)
    if stream.ndim == 1:  # event ids alone: every control auto
        stream = np.column_stack([stream, np.zeros((len(stream), 3), np.int32)])
    data = tf.constant(stream)
    count = (len(stream) - 1) // length
    pitch_of = tf.constant(vocab.pitch_of_token.astype(np.int32))
    velocity_of = np.full(vocab.size, -1, np.int32)
    velocity_of[vocab.velocity_offset : vocab.pitch_offset] = np.arange(vocab.velocity_bins)
    velocity_of = tf.constant(velocity_of)

    def window(index: tf.Tensor, offset: tf.Tensor) -> tf.Tensor:
        start = index * length + offset
        return data[start : start + length]

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

    indices = tf.data.Dataset.range(count)
    if training:
        # a fresh offset per epoch so window boundaries move; shuffling reseeds each epoch
        offsets = tf.data.Dataset.random(seed=config.seed).map(
            lambda r: tf.cast(r % tf.cast(len(stream) - count * length, tf.int64), tf.int64)
        )
        dataset = indices.shuffle(count, seed=config.seed, reshuffle_each_iteration=True)
        dataset = tf.data.Dataset.zip(dataset, offsets.take(count))
        dataset = dataset.map(lambda i, o: window(i, o), num_parallel_calls=tf.data.AUTOTUNE)
        dataset = dataset.map(augment, num_parallel_calls=tf.data.AUTOTUNE)
    else:
        dataset = indices.map(lambda i: window(i, tf.constant(0, tf.int64)))
    if controls:
        dataset = dataset.map(lambda w: (w[:-1], w[1:, 0]))
    else:
        dataset = dataset.map(lambda w: (w[:-1, 0], w[1:, 0]))
    return dataset.batch(config.batch_size, drop_remainder=training).prefetch(tf.data.AUTOTUNE)


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


@dataclass
class TrainState:
    """What must survive an interruption besides the weights: the epoch count, the best
    validation loss and early-stopping patience, the history and the time spent."""

    epoch: int = 0
    best_val_loss: float | None = None
    best_epoch: int = 0
    wait: int = 0
    history: list[dict[str, float]] = field(default_factory=list)
    seconds: float = 0.0
    stopped_early: bool = False

    @classmethod
    def load(cls, path: Path) -> TrainState:
        return cls(**json.loads(path.read_text()))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2))
        os.replace(tmp, path)


@dataclass
class TrainResult:
    model_path: Path
    metadata: ModelMetadata
    corpus: Corpus
    state: TrainState


def train(
    midi_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    config: TrainConfig | None = None,
    model_config: ModelConfig = DEFAULT_MODEL_CONFIG,
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    resume: bool = False,
    name: str | None = None,
    command: str = "",
    corpus_info: dict[str, Any] | None = None,
    cpu_devices: int = 0,
    reporter: TrainingReporter | None = None,
) -> TrainResult:
    """Train a model on ``midi_dir`` into ``out_dir`` (``model.keras``, checkpoint, state, card)."""
    config = config or TrainConfig()
    from . import tf_setup

    tf_setup.configure()
    import keras
    import tensorflow as tf

    if cpu_devices > 1:
        split_cpu(cpu_devices)
    reporter = reporter or TrainingReporter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    checkpoint_path = out_dir / CHECKPOINT_FILENAME
    state_path = out_dir / STATE_FILENAME
    chief = is_chief()

    corpus = load_corpus(
        midi_dir,
        vocab,
        validation_percent=config.validation_percent,
        include_drums=config.include_drums,
        key_normalized=model_config.key_normalized,
        time_stretch=config.time_stretch,
        on_file=reporter.file_read,
    )
    reporter.corpus_loaded(corpus)
    if model_config.controls:
        model_config = replace(model_config, styles=corpus.styles)
    if not corpus.train:
        raise TrainingError(f"{midi_dir}: no readable MIDI files with notes ({len(corpus.skipped)} skipped)")

    keras.utils.set_random_seed(config.seed)
    strategy = make_strategy(config.strategy)
    train_stream = _stream(corpus.train)
    val_stream = _stream(corpus.validation)
    controls = model_config.controls
    train_data = make_dataset(train_stream, vocab, config, training=True, controls=controls)
    val_data = (
        make_dataset(val_stream, vocab, config, training=False, controls=controls)
        if len(val_stream) > config.sequence_length + 2
        else None
    )
    windows = (len(train_stream) - 1) // (config.sequence_length + 1) // config.batch_size
    steps_per_epoch = min(windows, config.steps_per_epoch or windows)
    if steps_per_epoch < 1:
        raise TrainingError(
            f"corpus too small: {len(train_stream)} training events give no full batch of "
            f"{config.batch_size} windows of {config.sequence_length + 1}"
        )
    train_data = train_data.repeat()

    state = TrainState()
    with strategy.scope():
        if resume and checkpoint_path.exists() and state_path.exists():
            pitch_class_layers()  # registers the training layers a checkpoint may hold
            conditioned_embedding_layer()
            model = keras.saving.load_model(checkpoint_path, compile=True, safe_mode=True)
            state = TrainState.load(state_path)
            reporter.resumed(state)
        else:
            if resume:
                reporter.message("no checkpoint to resume from; starting from scratch")
            model = build_model(vocab, model_config)
            model.compile(
                optimizer=keras.optimizers.Adam(
                    learning_rate=_learning_rate(config, steps_per_epoch), clipnorm=1.0
                ),
                loss=keras.losses.SparseCategoricalCrossentropy(from_logits=model_config.output == "logits"),
                metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")],
            )

    metadata = ModelMetadata(
        name=name or out_dir.name,
        vocabulary=vocab,
        config=model_config,
        training={
            "corpus": corpus_info or {"folder": str(midi_dir)},
            "command": command,
            "files_train": len(corpus.train),
            "files_validation": len(corpus.validation),
            "files_skipped": len(corpus.skipped),
            "files_time_stretched": corpus.stretched,
            "events_train": corpus.tokens("train"),
            "events_validation": corpus.tokens("validation"),
            "config": asdict(config),
            "parameters": int(model.count_params()),
            "date": training_date(),
            "machine": f"{os.cpu_count()} CPU cores, {platform.machine()}, {platform.system()}",
            "tensorflow": tf.__version__,
            "keras": keras.__version__,
        },
    )
    if state.epoch >= config.epochs or state.stopped_early:
        reporter.message(f"already trained {state.epoch} epochs; nothing to do")
    else:
        callback = _bookkeeping_class()(
            state=state,
            config=config,
            metadata=metadata,
            out_dir=out_dir,
            chief=chief,
            tokens_per_step=config.batch_size * config.sequence_length,
            reporter=reporter,
        )
        reporter.training_started(config, steps_per_epoch, state.epoch, int(model.count_params()))
        if config.strategy == "multiworker":
            # Keras 3's fit() fails under MultiWorkerMirroredStrategy (keras-team/keras#20585),
            # so multi-worker runs use a plain distributed loop with the same callback.
            _fit_distributed(
                model,
                strategy,
                train_data,
                val_data,
                config,
                steps_per_epoch,
                state.epoch,
                callback,
                from_logits=model_config.output == "logits",
            )
        else:
            # our tf.data pipeline shuffles itself; Keras warns that its own shuffle is ignored
            warnings.filterwarnings("ignore", message=".*shuffle=True.*was passed", category=UserWarning)
            model.fit(
                train_data,
                epochs=config.epochs,
                initial_epoch=state.epoch,
                steps_per_epoch=steps_per_epoch,
                validation_data=val_data,
                callbacks=[callback],
                verbose=0,
            )
    model_path = out_dir / MODEL_FILENAME
    if not model_path.exists() and chief:
        # no validation set: the last weights are the result
        _save_inference_model(model, model_path, metadata, state)
    final = ModelMetadata.from_json(metadata.to_json())
    final.metrics = _metrics(state)
    reporter.finished(state, model_path)
    return TrainResult(model_path, final, corpus, state)


def _learning_rate(config: TrainConfig, steps_per_epoch: int) -> Any:
    import keras

    if config.schedule == "constant":
        return config.learning_rate
    # the schedule lives in the optimizer's step count, so a resumed run continues it exactly
    return keras.optimizers.schedules.CosineDecay(
        config.learning_rate, decay_steps=config.epochs * steps_per_epoch, alpha=0.05
    )


def _fit_distributed(
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


def _metrics(state: TrainState) -> dict[str, Any]:
    if not state.history:
        return {}
    best = state.history[state.best_epoch - 1] if state.best_epoch else state.history[-1]
    metrics = {"epochs_trained": state.epoch, "best_epoch": state.best_epoch or state.epoch}
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if key in best:
            metrics[key] = round(float(best[key]), 4)
    metrics["training_seconds"] = round(state.seconds, 1)
    return metrics


def _save_inference_model(model: keras.Model, path: Path, metadata: ModelMetadata, state: TrainState) -> None:
    """The shipped file: weights without optimizer state (a third of the size), in the
    plain layout (pitch-class layers folded)."""
    # a fresh, uncompiled copy: saving the trained model itself would include Adam's state
    bare = fold_pitch_classes(model, metadata.vocabulary, metadata.config)
    metadata.metrics = _metrics(state)
    save_model(path, bare, metadata)


@functools.cache
def _bookkeeping_class() -> type:
    """The Keras callback class, defined on first use so importing this module needs no TF."""
    import keras

    class EpochBookkeeping(keras.callbacks.Callback):
        """Checkpoint every epoch, keep the best model, stop early, report progress."""

        def __init__(self, *, state, config, metadata, out_dir, chief, tokens_per_step, reporter) -> None:
            super().__init__()
            self.state: TrainState = state
            self.config: TrainConfig = config
            self.metadata: ModelMetadata = metadata
            self.out_dir: Path = out_dir
            self.chief = chief
            self.tokens_per_step = tokens_per_step
            self.reporter: TrainingReporter = reporter
            self._epoch_started = 0.0

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch_started = time.perf_counter()
            self.reporter.epoch_started(epoch + 1, self.config.epochs)

        def on_train_batch_end(self, batch, logs=None):
            elapsed = time.perf_counter() - self._epoch_started
            tokens_per_second = (batch + 1) * self.tokens_per_step / max(elapsed, 1e-9)
            self.reporter.batch_done(
                batch + 1, float((logs or {}).get("loss", float("nan"))), tokens_per_second
            )

        def on_epoch_end(self, epoch, logs=None):
            logs = {k: float(v) for k, v in (logs or {}).items()}
            seconds = time.perf_counter() - self._epoch_started
            state = self.state
            state.epoch = epoch + 1
            state.seconds += seconds
            state.history.append({**logs, "epoch": epoch + 1, "seconds": round(seconds, 2)})
            monitored = logs.get("val_loss", logs.get("loss"))
            improved = state.best_val_loss is None or monitored < state.best_val_loss - 1e-4
            if improved:
                state.best_val_loss = monitored
                state.best_epoch = epoch + 1
                state.wait = 0
            else:
                state.wait += 1
            if state.wait >= self.config.patience:
                state.stopped_early = True
                self.model.stop_training = True
            if self.chief:
                if improved:
                    _save_inference_model(self.model, self.out_dir / MODEL_FILENAME, self.metadata, state)
                # checkpoint (weights + optimizer) before the state that points at it
                self.model.save(self.out_dir / CHECKPOINT_FILENAME)
                state.save(self.out_dir / STATE_FILENAME)
            self.reporter.epoch_done(state, logs, seconds, improved)

    return EpochBookkeeping


class TrainingReporter:
    """Receives progress events; the CLI's rich display subclasses it. Silent by default."""

    def file_read(self, path: Path, error: str | None) -> None: ...
    def corpus_loaded(self, corpus: Corpus) -> None: ...
    def resumed(self, state: TrainState) -> None: ...
    def message(self, text: str) -> None: ...
    def training_started(
        self, config: TrainConfig, steps_per_epoch: int, first_epoch: int, params: int
    ) -> None: ...
    def epoch_started(self, epoch: int, epochs: int) -> None: ...
    def batch_done(self, step: int, loss: float, tokens_per_second: float) -> None: ...
    def epoch_done(
        self, state: TrainState, logs: dict[str, float], seconds: float, improved: bool
    ) -> None: ...
    def finished(self, state: TrainState, model_path: Path) -> None: ...


def training_date() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")
