"""rich displays for the command line: training progress and result tables."""

from __future__ import annotations

import math
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .train import Corpus, TrainConfig, TrainingReporter, TrainState


class RichTrainingReporter(TrainingReporter):
    """Epoch and batch progress (loss, events/s, ETA), a table of skipped files, a summary."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self._epochs_task = None
        self._batch_task = None
        self._files = 0
        self._loss = math.nan
        self._speed = 0.0

    def file_read(self, path: Path, error: str | None) -> None:
        self._files += 1
        if error:
            self.console.print(f"[yellow]skipped[/] {path}: {error}")

    def corpus_loaded(self, corpus: Corpus) -> None:
        table = Table(title="corpus", show_header=True)
        table.add_column("part")
        table.add_column("files", justify="right")
        table.add_column("events", justify="right")
        table.add_row("train", str(len(corpus.train)), f"{corpus.tokens('train'):,}")
        table.add_row("validation", str(len(corpus.validation)), f"{corpus.tokens('validation'):,}")
        table.add_row("skipped", str(len(corpus.skipped)), "")
        self.console.print(table)

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
            f"{config.batch_size}×{config.sequence_length} events, strategy {config.strategy}"
        )
        self.progress.start()
        self._epochs_task = self.progress.add_task(
            "epochs", total=config.epochs, completed=first_epoch, status=""
        )
        self._batch_task = self.progress.add_task("epoch", total=steps_per_epoch, status="")

    def epoch_started(self, epoch: int, epochs: int) -> None:
        self.progress.reset(self._batch_task, description=f"epoch {epoch}/{epochs}", status="")

    def batch_done(self, step: int, loss: float, tokens_per_second: float) -> None:
        self.progress.update(
            self._batch_task, completed=step, status=f"loss {loss:.3f}  {tokens_per_second:,.0f} events/s"
        )

    def epoch_done(self, state: TrainState, logs: dict[str, float], seconds: float, improved: bool) -> None:
        val = (
            f"  val_loss {logs['val_loss']:.3f}  val_acc {logs.get('val_accuracy', 0):.3f}"
            if "val_loss" in logs
            else ""
        )
        mark = "  [green]best[/]" if improved else ""
        self.progress.update(
            self._epochs_task, completed=state.epoch, status=f"loss {logs.get('loss', 0):.3f}{val}"
        )
        self.progress.console.print(
            f"epoch {state.epoch}: loss {logs.get('loss', 0):.4f}{val}  ({seconds:.0f} s){mark}"
        )

    def finished(self, state: TrainState, model_path: Path) -> None:
        self.progress.stop()
        why = "stopped early" if state.stopped_early else f"{state.epoch} epochs"
        self.console.print(
            f"[bold green]done[/] ({why}, {state.seconds / 60:.1f} min): best epoch {state.best_epoch}, "
            f"validation loss {state.best_val_loss} → {model_path}"
        )
