"""Training: a folder of MIDI files → a ``.keras`` model with its card.

Next-event prediction with categorical cross-entropy, by backpropagation through time
over windows of ``sequence_length`` events. The split into training and validation is
by file (a piece never leaks into both; with fewer than ``min_files_by_file`` files the
last part of every file is held out instead), transposition augmentation is random per
window, and every epoch leaves a checkpoint so ``--resume`` continues where an
interrupted run stopped.

Fine-tuning (``base``) continues from a model file instead of random weights: its
vocabulary, architecture, key normalisation and controls are kept, and settings suited to
a few minutes of music are chosen (:func:`fine_tuning_config`). Reading the folder is
done by :mod:`osc_composer.training.prepare` (in parallel, cached by content, streamed).
"""

from __future__ import annotations

import functools
import json
import os
import platform
import time
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model.files import (
    MODEL_FILENAME,
    ModelConfig,
    ModelFileError,
    ModelMetadata,
    build_model,
    conditioned_embedding_layer,
    fold_pitch_classes,
    pitch_class_layers,
    read_metadata,
    resolve_model_path,
    save_model,
)
from ..music.encoding import DEFAULT_VOCABULARY, Vocabulary
from ..music.midi import MIDI_SUFFIXES, find_midi_files
from .prepare import PreparedCorpus, ReadSettings, prepare_corpus

if TYPE_CHECKING:
    import keras
    import tensorflow as tf

CHECKPOINT_FILENAME = "checkpoint.keras"
STATE_FILENAME = "train_state.json"
STRATEGIES = ("default", "mirrored", "multiworker")
DEFAULT_MODEL_CONFIG = ModelConfig()
# what `osc-composer train` builds unless told otherwise (ModelConfig's own defaults describe
# files from before these options, which said nothing of them)
NEW_MODEL = ModelConfig(key_normalized=True, controls=True)
# Fine-tuning starts from weights that already know music: large steps would wash that out
# in the first few batches of a few minutes of music, so the rate is a quarter of training's.
FINE_TUNE_LEARNING_RATE_FACTOR = 0.25
# The shortest window worth backpropagating through (about ten notes), the fewest windows
# worth training on, and the steps an epoch should have before windows and batches shrink.
MIN_WINDOW = 32
MIN_WINDOWS = 8
MIN_STEPS_PER_EPOCH = 8
# validation windows shorter than this say too little to stop on
MIN_VALIDATION_WINDOW = 16


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
    # a corpus too small for batch_size windows of sequence_length gets shorter windows and
    # smaller batches (fit_to_corpus); off when the user chose them
    fit_to_corpus: bool = True
    # with fewer files than this a split by file would hold out most of the music (or train
    # on almost none): every file trains on its head and its last holdout_tail is held out
    min_files_by_file: int = 5
    holdout_tail: float = 0.15

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
        if not 0 <= self.holdout_tail < 1:
            raise ValueError("holdout_tail must be in [0, 1)")
        if self.learning_rate <= 0 or self.patience < 1:
            raise ValueError("learning_rate must be positive and patience at least 1")


def default_learning_rate(*, fine_tuning: bool) -> float:
    """Training's learning rate, lowered for fine-tuning (:data:`FINE_TUNE_LEARNING_RATE_FACTOR`)."""
    rate = TrainConfig.learning_rate
    return rate * FINE_TUNE_LEARNING_RATE_FACTOR if fine_tuning else rate


def default_transpose(key_normalized: bool) -> int:
    """Key-normalised music needs no random transposition; music as written gets
    ``TrainConfig.transpose``."""
    return 0 if key_normalized else TrainConfig.transpose


def windows_in(events: int, sequence_length: int) -> int:
    """Whole training windows (``sequence_length`` + 1 events each) in a stream."""
    return max(0, (events - 1) // (sequence_length + 1))


def fit_to_corpus(config: TrainConfig, train_events: int) -> TrainConfig:
    """Windows and batches for the corpus at hand: the configured ones when an epoch has
    :data:`MIN_STEPS_PER_EPOCH` full batches of them (any corpus of a few hundred pieces);
    else windows halved down to :data:`MIN_WINDOW` events, then batches shrunk, so a few
    minutes of music still give an epoch of several steps. Raises :class:`TrainingError`
    for too little music, or (``fit_to_corpus`` off) for sizes it cannot fill."""
    length, batch = config.sequence_length, config.batch_size
    if not config.fit_to_corpus:
        if windows_in(train_events, length) < batch:
            raise TrainingError(
                f"corpus too small for --sequence-length {length} and --batch-size {batch}: "
                f"{train_events:,} training events make {windows_in(train_events, length)} windows "
                f"of {length + 1}, not one batch; leave both options out to fit them to the music"
            )
        return config
    if windows_in(train_events, min(length, MIN_WINDOW)) < MIN_WINDOWS:
        needed = MIN_WINDOWS * (min(length, MIN_WINDOW) + 1) + 1
        raise TrainingError(
            f"too little music: {train_events:,} events to train on, at least {needed:,} are "
            f"needed (about {needed // 3:,} notes); add MIDI files"
        )
    while length > MIN_WINDOW and windows_in(train_events, length) < batch * MIN_STEPS_PER_EPOCH:
        length = max(MIN_WINDOW, length // 2)
    batch = min(batch, max(1, windows_in(train_events, length) // MIN_STEPS_PER_EPOCH))
    return replace(config, sequence_length=length, batch_size=batch)


def resolve_base(base: str | os.PathLike) -> Path:
    """The model file a ``--from`` names: a model folder, a ``.keras`` file, or the name
    of a model in the models folder (``mixture``)."""
    from ..model.paths import models_dir

    path = Path(base)
    if not path.exists() and len(path.parts) == 1 and (models_dir() / path).exists():
        path = models_dir() / path
    return resolve_model_path(path)


def read_base(base: str | os.PathLike) -> tuple[Path, ModelMetadata]:
    """The base model's file and metadata; :class:`TrainingError` for anything not a model."""
    path = resolve_base(base)
    try:
        return path, read_metadata(path)
    except ModelFileError as exc:
        where = f" ({exc.path})" if Path(exc.path) != Path(base) else ""
        raise TrainingError(f"--from {base}: {exc.reason}{where}") from None


def transfer_weights(model: keras.Model, base: keras.Model) -> None:
    """Set a freshly built training model to a saved (folded) model's weights, layer by layer
    (the layouts share layer names). A training layer with pitch-class or octave tables
    (:func:`~osc_composer.model.files.pitch_class_layers`) holds its own weights first, then the
    shared tables; a folded file's weights are exactly the own weights with shared tables at
    zero, so the training model starts out computing what the base model computes."""
    for layer in model.layers:
        current = layer.get_weights()
        if not current:
            continue
        try:
            saved = base.get_layer(layer.name).get_weights()
        except ValueError:
            raise TrainingError(f"the base model has no layer {layer.name!r}") from None
        own = [w.shape for w in current[: len(saved)]]
        if len(saved) > len(current) or own != [w.shape for w in saved]:
            raise TrainingError(f"the base model's layer {layer.name!r} does not fit its own architecture")
        layer.set_weights(saved + [np.zeros_like(w) for w in current[len(saved) :]])


def check_out_dir(out_dir: Path, base: Path | None) -> None:
    """Fail before any work when the model cannot be written, or would overwrite its base."""
    if base is not None and out_dir.resolve() == base.parent.resolve():
        raise TrainingError(f"--out {out_dir} is the base model's folder: fine-tune into a new one")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise TrainingError(f"--out {out_dir}: cannot write there ({exc.strerror or exc})") from None


def check_midi_dir(midi_dir: Path) -> None:
    if not midi_dir.is_dir():
        raise TrainingError(f"{midi_dir}: not a folder")
    if not find_midi_files(midi_dir):
        raise TrainingError(f"{midi_dir}: no MIDI files ({', '.join(MIDI_SUFFIXES)}) in it or its subfolders")


def run_identity(vocab: Vocabulary, model_config: ModelConfig, base: ModelMetadata | None) -> dict[str, Any]:
    """What a checkpoint must share with a run that resumes it."""
    return json.loads(
        json.dumps(
            {
                "vocabulary": vocab.to_dict(),
                "model": asdict(model_config),
                "base": base.name if base is not None else None,
            }
        )
    )


def describe_mismatch(saved: dict[str, Any], current: dict[str, Any]) -> str:
    """The differences between a checkpoint's run and this one, in option terms."""
    if saved.get("base") != current.get("base"):
        before = f"fine-tuned from {saved['base']!r}" if saved.get("base") else "trained from scratch"
        now = f"fine-tunes from {current['base']!r}" if current.get("base") else "trains from scratch"
        return f"the checkpoint was {before}, this run {now}"
    differences = []
    for part in ("vocabulary", "model"):
        for key in sorted(set(saved.get(part, {})) | set(current.get(part, {}))):
            old, new = saved.get(part, {}).get(key), current.get(part, {}).get(key)
            if old != new:
                differences.append(f"{key} {old!r} → {new!r}")
    return "the checkpoint differs: " + ", ".join(differences)


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
    start_val_loss: float | None = None  # fine-tuning: the base model's, before any step
    run: dict[str, Any] = field(default_factory=dict)  # run_identity: what --resume must match

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
    corpus: PreparedCorpus
    state: TrainState


def train(
    midi_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    config: TrainConfig | None = None,
    model_config: ModelConfig = DEFAULT_MODEL_CONFIG,
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    base: str | os.PathLike | None = None,
    resume: bool = False,
    name: str | None = None,
    command: str = "",
    corpus_info: dict[str, Any] | None = None,
    cpu_devices: int = 0,
    jobs: int = 1,
    cache_dir: Path | None = None,
    reporter: TrainingReporter | None = None,
) -> TrainResult:
    """Train a model on ``midi_dir`` into ``out_dir`` (``model.keras``, checkpoint, state, card).

    ``base``: fine-tune that model (a folder, a ``.keras`` file or a bundled model's name):
    its vocabulary and architecture replace ``vocab`` and ``model_config``, files in a
    subfolder named like one of its styles train as that style, any other as ``auto``.
    ``jobs`` processes read the MIDI files, ``cache_dir`` keeps what they read
    (:func:`~osc_composer.training.prepare.prepare_corpus`). User errors raise :class:`TrainingError`
    before TensorFlow is imported wherever they can be known by then."""
    config = config or TrainConfig()
    reporter = reporter or TrainingReporter()
    midi_dir, out_dir = Path(midi_dir), Path(out_dir)
    base_path, base_metadata = read_base(base) if base is not None else (None, None)
    if base_metadata is not None:
        vocab, model_config = base_metadata.vocabulary, base_metadata.config
    check_midi_dir(midi_dir)
    check_out_dir(out_dir, base_path)
    checkpoint_path = out_dir / CHECKPOINT_FILENAME
    state_path = out_dir / STATE_FILENAME
    chief = is_chief()

    corpus = prepare_corpus(
        midi_dir,
        ReadSettings(vocab, config.include_drums, model_config.key_normalized, config.time_stretch),
        validation_percent=config.validation_percent,
        # a fine-tuned model keeps its base's styles: a subfolder named like one trains as it
        styles=model_config.styles if base_metadata is not None else None,
        holdout_tail=config.holdout_tail,
        min_files_by_file=config.min_files_by_file,
        jobs=jobs,
        cache_dir=cache_dir,
        on_file=reporter.file_read,
        on_progress=reporter.files_progress,
    )
    reporter.corpus_loaded(corpus)
    if not corpus.train_files:
        raise TrainingError(f"{midi_dir}: no readable MIDI files with notes ({len(corpus.skipped)} skipped)")
    if model_config.controls and base_metadata is None:
        model_config = replace(model_config, styles=corpus.styles)
    config = fit_to_corpus(config, len(corpus.train))

    identity = run_identity(vocab, model_config, base_metadata)
    resuming = resume and checkpoint_path.exists() and state_path.exists()
    state = TrainState.load(state_path) if resuming else TrainState()
    if resuming and state.run and state.run != identity:
        raise TrainingError(
            f"--resume: {describe_mismatch(state.run, identity)}; give the options it was trained "
            "with, or train into another --out"
        )
    state.run = identity

    from ..model import tf_setup

    tf_setup.configure()
    import keras
    import tensorflow as tf

    if cpu_devices > 1:
        split_cpu(cpu_devices)
    keras.utils.set_random_seed(config.seed)
    strategy = make_strategy(config.strategy)
    controls = model_config.controls
    train_data = make_dataset(corpus.train, vocab, config, training=True, controls=controls)
    val_data = None
    if len(corpus.validation) >= MIN_VALIDATION_WINDOW + 2:
        # held-out tails can be shorter than a training window: cut them shorter
        length = min(config.sequence_length, len(corpus.validation) - 2)
        val_config = replace(config, sequence_length=length)
        val_data = make_dataset(corpus.validation, vocab, val_config, training=False, controls=controls)
    windows = windows_in(len(corpus.train), config.sequence_length) // config.batch_size
    steps_per_epoch = min(windows, config.steps_per_epoch or windows)

    with strategy.scope():
        if resuming:
            pitch_class_layers()  # registers the training layers a checkpoint may hold
            conditioned_embedding_layer()
            try:
                model = keras.saving.load_model(checkpoint_path, compile=True, safe_mode=True)
            except Exception as exc:  # Keras raises many types for a damaged archive
                raise TrainingError(
                    f"--resume: the checkpoint {checkpoint_path} cannot be read ({type(exc).__name__}); "
                    "train without --resume"
                ) from None
            _check_checkpoint_fits(model, vocab, model_config)
            reporter.resumed(state)
        else:
            if resume:
                start = f"from {base_metadata.name}" if base_metadata is not None else "from scratch"
                reporter.message(f"no checkpoint to resume from; starting {start}")
            model = build_model(vocab, model_config)
            if base_path is not None:
                from ..model.files import load_model

                try:
                    base_model, _ = load_model(base_path)
                except ModelFileError as exc:
                    raise TrainingError(f"--from {base}: {exc.reason}") from None
                transfer_weights(model, base_model)
            model.compile(
                optimizer=keras.optimizers.Adam(
                    learning_rate=_learning_rate(config, steps_per_epoch), clipnorm=1.0
                ),
                loss=keras.losses.SparseCategoricalCrossentropy(from_logits=model_config.output == "logits"),
                metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")],
            )
    # the base model's loss on this held-out music, for the card (Keras 3's evaluate shares
    # fit's multi-worker bug, so multi-worker runs go without)
    if (
        base_path is not None
        and state.start_val_loss is None
        and val_data is not None
        and config.strategy != "multiworker"
    ):
        state.start_val_loss = float(model.evaluate(val_data, verbose=0, return_dict=True)["loss"])

    training_info: dict[str, Any] = {
        "corpus": corpus_info or {"folder": str(midi_dir)},
        "command": command,
        "files_train": len(corpus.train_files),
        "files_validation": len(corpus.validation_files),
        "files_skipped": len(corpus.skipped),
        "files_time_stretched": corpus.stretched,
        "events_train": corpus.tokens("train"),
        "events_validation": corpus.tokens("validation"),
        "holdout": corpus.holdout,
        "config": asdict(config),
        "parameters": int(model.count_params()),
        "date": training_date(),
        "machine": f"{os.cpu_count()} CPU cores, {platform.machine()}, {platform.system()}",
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
    }
    if base_metadata is not None:
        training_info["fine_tuned_from"] = {
            "name": base_metadata.name,
            "path": str(base_path),
            "corpus": base_metadata.training.get("corpus", {}),
            "metrics": base_metadata.metrics,
            "files": sorted(set(corpus.train_files) | set(corpus.validation_files)),
            "skipped": [name for name, _ in corpus.skipped],
        }
    metadata = ModelMetadata(
        name=name or out_dir.name, vocabulary=vocab, config=model_config, training=training_info
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
        try:
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
        except KeyboardInterrupt:
            # the last finished epoch's checkpoint and state are on disk (written atomically)
            reporter.interrupted(state, out_dir)
            raise
    model_path = out_dir / MODEL_FILENAME
    if not model_path.exists() and chief:
        # no validation set: the last weights are the result
        _save_inference_model(model, model_path, metadata, state)
    final = ModelMetadata.from_json(metadata.to_json())
    final.metrics = training_metrics(state)
    reporter.finished(state, model_path)
    return TrainResult(model_path, final, corpus, state)


def _check_checkpoint_fits(model: keras.Model, vocab: Vocabulary, model_config: ModelConfig) -> None:
    """A checkpoint from before runs were recorded in the state file: compare its weights'
    shapes with the model this run would build."""
    expected = [tuple(w.shape) for w in build_model(vocab, model_config).weights]
    found = [tuple(w.shape) for w in model.weights]
    if expected != found:
        raise TrainingError(
            "--resume: the checkpoint's architecture, vocabulary or controls differ from this run's; "
            "give the options it was trained with, or train into another --out"
        )


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


def training_metrics(state: TrainState) -> dict[str, Any]:
    """The card's metrics of a run so far: its best epoch's losses, epochs, time."""
    if not state.history:
        return {}
    best = state.history[state.best_epoch - 1] if state.best_epoch else state.history[-1]
    metrics = {"epochs_trained": state.epoch, "best_epoch": state.best_epoch or state.epoch}
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if key in best:
            metrics[key] = round(float(best[key]), 4)
    metrics["training_seconds"] = round(state.seconds, 1)
    if state.start_val_loss is not None:  # fine-tuning: the base model on the same held-out music
        metrics["base_val_loss"] = round(state.start_val_loss, 4)
    return metrics


def _save_inference_model(model: keras.Model, path: Path, metadata: ModelMetadata, state: TrainState) -> None:
    """The shipped file: weights without optimizer state (a third of the size), in the
    plain layout (pitch-class layers folded)."""
    # a fresh, uncompiled copy: saving the trained model itself would include Adam's state
    bare = fold_pitch_classes(model, metadata.vocabulary, metadata.config)
    metadata.metrics = training_metrics(state)
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
                # checkpoint (weights + optimizer) before the state that points at it, each
                # replaced whole: Ctrl-C during a save must not spoil the last good one
                partial = self.out_dir / f"{CHECKPOINT_FILENAME}.partial.keras"
                self.model.save(partial)
                os.replace(partial, self.out_dir / CHECKPOINT_FILENAME)
                state.save(self.out_dir / STATE_FILENAME)
            self.reporter.epoch_done(state, logs, seconds, improved)

    return EpochBookkeeping


class TrainingReporter:
    """Receives progress events; the CLI's rich display subclasses it. Silent by default."""

    def file_read(self, path: Path, error: str | None) -> None: ...
    def files_progress(self, done: int, total: int, cached: int) -> None: ...
    def corpus_loaded(self, corpus: PreparedCorpus) -> None: ...
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
    def interrupted(self, state: TrainState, out_dir: Path) -> None: ...
    def finished(self, state: TrainState, model_path: Path) -> None: ...


def training_date() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")
