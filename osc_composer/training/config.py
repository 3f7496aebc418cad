"""Training settings: :class:`TrainConfig`, its defaults and how they fit a corpus's size."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model.metadata import ModelConfig

if TYPE_CHECKING:
    pass


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
