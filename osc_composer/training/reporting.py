"""rich displays for the command line: training progress and result tables.

On a terminal a training run shows live bars (files read per second while the folder is
read; steps, events per second and the time left while it trains); in a log file or a
pipe the same run writes plain lines instead, one per phase and one per epoch.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .prepare import HOLDOUT_TAIL, PreparedCorpus
from .train import TrainConfig, TrainingReporter, TrainState

# off a terminal, a line about the files read at most this often (seconds)
PLAIN_FILES_INTERVAL = 10.0


def duration_text(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class RichTrainingReporter(TrainingReporter):
    """Progress of a training run: bars on a terminal, plain lines elsewhere; a table of
    the corpus, skipped files as they are met, a summary at the end."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self._files_task = None
        self._train_task = None
        self._steps_per_epoch = 0
        self._first_epoch = 0
        self._epochs = 0
        self._started = 0.0
        self._files_started = 0.0
        self._files_said = 0.0
        self._speed = math.nan

    # --- reading the folder ---------------------------------------------------------------
    def file_read(self, path: Path, error: str | None) -> None:
        if error:
            self.console.print(f"[yellow]skipped[/] {path}: {error}", markup=True, highlight=False)

    def files_progress(self, done: int, total: int, cached: int) -> None:
        now = time.perf_counter()
        if done == 1:
            self._files_started = self._files_said = now
            if self.live:
                self.progress.start()
                self._files_task = self.progress.add_task("reading MIDI", total=total, status="")
        rate = done / max(now - self._files_started, 1e-9)
        status = f"{rate:,.0f} files/s, {cached:,} from the cache"
        if self.live:
            self.progress.update(self._files_task, completed=done, status=status)
            if done == total:  # the bar goes; the training bar reuses the display
                self.progress.remove_task(self._files_task)
                self.progress.stop()
                self.console.print(f"read {total:,} MIDI files ({status})")
        elif done == total or now - self._files_said >= PLAIN_FILES_INTERVAL:
            self._files_said = now
            self.console.print(f"read {done:,}/{total:,} MIDI files ({status})")

    def corpus_loaded(self, corpus: PreparedCorpus) -> None:
        table = Table(title="corpus", show_header=True)
        table.add_column("part")
        table.add_column("files", justify="right")
        table.add_column("events", justify="right")
        held_out = "validation (last part of each file)" if corpus.holdout == HOLDOUT_TAIL else "validation"
        table.add_row("train", str(len(corpus.train_files)), f"{corpus.tokens('train'):,}")
        table.add_row(held_out, str(len(corpus.validation_files)), f"{corpus.tokens('validation'):,}")
        table.add_row("skipped", str(len(corpus.skipped)), "")
        self.console.print(table)

    # --- training --------------------------------------------------------------------------
    def resumed(self, state: TrainState) -> None:
        self.console.print(
            f"[cyan]resuming[/] after epoch {state.epoch} (best validation loss {state.best_val_loss})"
        )

    def message(self, text: str) -> None:
        self.console.print(text)

    def training_started(
        self, config: TrainConfig, steps_per_epoch: int, first_epoch: int, params: int
    ) -> None:
        self.console.print(
            f"training {params:,} parameters: {config.epochs} epochs × {steps_per_epoch} steps of "
            f"{config.batch_size}×{config.sequence_length} events, learning rate {config.learning_rate:g}, "
            f"strategy {config.strategy}"
        )
        self._steps_per_epoch, self._first_epoch, self._epochs = steps_per_epoch, first_epoch, config.epochs
        self._started = time.perf_counter()
        if self.live:
            self.progress.start()
            total = (config.epochs - first_epoch) * steps_per_epoch
            self._train_task = self.progress.add_task("training", total=total, status="")

    def epoch_started(self, epoch: int, epochs: int) -> None:
        if self.live:
            self.progress.update(self._train_task, description=f"epoch {epoch}/{epochs}")

    def batch_done(self, step: int, loss: float, tokens_per_second: float) -> None:
        self._speed = tokens_per_second
        if self.live:
            self.progress.advance(self._train_task)
            self.progress.update(
                self._train_task, status=f"loss {loss:.3f}  {tokens_per_second:,.0f} events/s"
            )

    def epoch_done(self, state: TrainState, logs: dict[str, float], seconds: float, improved: bool) -> None:
        val = (
            f"  val_loss {logs['val_loss']:.3f}  val_acc {logs.get('val_accuracy', 0):.3f}"
            if "val_loss" in logs
            else ""
        )
        mark = "  [green]best[/]" if improved else ""
        done = state.epoch - self._first_epoch
        left = (time.perf_counter() - self._started) / max(done, 1) * (self._epochs - state.epoch)
        speed = f", {self._speed:,.0f} events/s" if math.isfinite(self._speed) else ""
        eta = f", at most {duration_text(left)} left" if state.epoch < self._epochs else ""
        line = (
            f"epoch {state.epoch}/{self._epochs}: loss {logs.get('loss', 0):.4f}{val}  "
            f"({seconds:.0f} s{speed}{eta}){mark}"
        )
        if self.live:
            self.progress.console.print(line)
            # an early stop leaves the bar short of its end: keep it where training stopped
            self.progress.update(self._train_task, completed=done * self._steps_per_epoch)
        else:
            self.console.print(line)

    def interrupted(self, state: TrainState, out_dir: Path) -> None:
        if self.live:
            self.progress.stop()
        if state.epoch:
            self.console.print(
                f"[yellow]interrupted[/]: the checkpoint after epoch {state.epoch} is in {out_dir}; "
                "run the same command with --resume to continue"
            )
        else:
            self.console.print("[yellow]interrupted[/] before the first epoch ended: nothing to resume")

    def finished(self, state: TrainState, model_path: Path) -> None:
        if self.live:
            self.progress.stop()
        why = "stopped early" if state.stopped_early else f"{state.epoch} epochs"
        before = (
            f" (before fine-tuning: {state.start_val_loss:.4f})" if state.start_val_loss is not None else ""
        )
        best = f"{state.best_val_loss:.4f}" if state.best_val_loss is not None else "n/a"
        self.console.print(
            f"[bold green]done[/] ({why}, {state.seconds / 60:.1f} min): best epoch {state.best_epoch}, "
            f"validation loss {best}{before} → {model_path}"
        )
