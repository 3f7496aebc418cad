"""Smoothed n-gram models over the event tokens: the honest Markov-chain baseline.

This is what a Max ``[anal]`` → ``[prob]`` patch does (a first-order Markov chain over
events), done properly: orders 1–4 (up to 7) over the very same event tokens the LSTM reads, with
**interpolated modified Kneser-Ney** smoothing (Chen & Goodman 1998, the scheme KenLM and
SRILM use by default):

* the top order uses raw counts, lower orders use continuation counts (in how many
  different contexts an event follows the shorter history);
* three discounts per order, D₁, D₂ and D₃₊, estimated from the counts of counts;
* every order is interpolated with the one below, and order 0 is the uniform
  distribution over the whole vocabulary, so **every token gets a nonzero probability**
  and each distribution sums to 1.

Streams are scored from their first token on: the token after ``BOS`` is the first
prediction, and histories reaching back before the start of a piece are filled with
``BOS`` (the same targets the LSTM is scored on). Counting is numpy throughout: n-grams
are packed into int64 codes (base = vocabulary size; four events of a 354-event
vocabulary fit easily, seven still do), counted with ``np.unique`` and looked up with ``searchsorted``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..music.encoding import BOS, Vocabulary, transpose_tokens

MAX_ORDER = 7  # with int64 codes: V**order < 2**62 holds up to order 7 for V = 354
CHUNK = 2048  # contexts per dense (chunk, vocabulary) block when scoring


@dataclass(frozen=True)
class NGramScore:
    """Per-event negative log-likelihood (nats) and next-event accuracy (argmax) on some streams."""

    order: int
    nll: float
    accuracy: float
    events: int

    @property
    def perplexity(self) -> float:
        return float(np.exp(self.nll))


@dataclass(frozen=True)
class _Level:
    """One history length (``k - 1`` events) of the interpolation.

    ``entry_codes`` are ``history * V + token`` codes, sorted, so the entries of one
    history are one contiguous run; ``entry_values`` are their discounted counts divided by
    the history's total; ``gamma`` is the mass each history leaves to the order below.
    """

    history_codes: np.ndarray  # (histories,) sorted int64
    gamma: np.ndarray  # (histories,) float64
    entry_codes: np.ndarray  # (entries,) sorted int64
    entry_values: np.ndarray  # (entries,) float64
    discounts: tuple[float, float, float]


def _codes(grams: np.ndarray, base: int) -> np.ndarray:
    """Pack rows of tokens into int64 codes (first token most significant); 0 for empty rows."""
    codes = np.zeros(len(grams), np.int64)
    for column in range(grams.shape[1]):
        codes = codes * base + grams[:, column]
    return codes


def _discounts(counts: np.ndarray) -> tuple[float, float, float]:
    """Chen & Goodman's D₁, D₂, D₃₊ from the counts of counts, kept in (0, k] for sparse data."""
    n1, n2, n3, n4 = (int(np.count_nonzero(counts == i)) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2) if n1 and n2 else 0.5
    d1 = 1 - 2 * y * n2 / n1 if n1 else 0.5
    d2 = 2 - 3 * y * n3 / n2 if n2 else 1.0
    d3 = 3 - 4 * y * n4 / n3 if n3 else 1.5
    # a discount of 0 would leave no mass for unseen events; above c it would go negative
    return tuple(float(np.clip(d, 0.05, limit)) for d, limit in ((d1, 1.0), (d2, 2.0), (d3, 3.0)))


def _level(codes: np.ndarray, counts: np.ndarray, base: int) -> _Level:
    """A level from its n-gram codes and (raw or continuation) counts."""
    discounts = _discounts(counts)
    discount = np.asarray(discounts)[np.minimum(counts, 3) - 1]
    histories, owner = np.unique(codes // base, return_inverse=True)
    total = np.bincount(owner, weights=counts).astype(np.float64)
    left = np.bincount(owner, weights=discount)  # Σ D(c) = D₁N₁ + D₂N₂ + D₃N₃₊
    return _Level(
        history_codes=histories,
        gamma=left / total,
        entry_codes=codes,  # np.unique sorted them, so histories are contiguous runs
        entry_values=(counts - discount) / total[owner],
        discounts=discounts,
    )


def _windows(streams: Iterable[np.ndarray], width: int) -> np.ndarray:
    """(targets, width) rows: the ``width - 1`` events before each target and the target.

    Every token after the first of each stream is a target; history before the start is BOS.
    """
    rows = []
    for stream in streams:
        stream = np.asarray(stream, np.int64)
        if len(stream) < 2:
            continue
        padded = np.concatenate([np.full(width - 1, BOS, np.int64), stream])
        rows.append(np.lib.stride_tricks.sliding_window_view(padded, width)[1:])
    return np.concatenate(rows) if rows else np.zeros((0, width), np.int64)


class NGramModel:
    """An interpolated modified Kneser-Ney model of one order (1 = unigram … 4)."""

    def __init__(self, order: int, vocab_size: int, levels: Sequence[_Level], events: int) -> None:
        self.order = order
        self.vocab_size = vocab_size
        self.levels = tuple(levels)  # levels[k - 1] has histories of k - 1 events
        self.events = events  # training targets counted

    @classmethod
    def fit(cls, streams: Iterable[np.ndarray], order: int, vocab_size: int) -> NGramModel:
        return fit_ngrams(streams, (order,), vocab_size)[order]

    @classmethod
    def _from_windows(cls, windows: np.ndarray, order: int, vocab_size: int) -> NGramModel:
        levels = []
        for k in range(1, order + 1):
            if k == order:  # the top order counts what happened
                codes, counts = np.unique(_codes(windows[:, -k:], vocab_size), return_counts=True)
            else:  # lower orders count in how many contexts it happened
                longer = np.unique(_codes(windows[:, -(k + 1) :], vocab_size))
                codes, counts = np.unique(longer % vocab_size**k, return_counts=True)
            levels.append(_level(codes, counts, vocab_size))
        return cls(order, vocab_size, levels, len(windows))

    def distributions(self, histories: np.ndarray) -> np.ndarray:
        """Next-event probabilities (rows, vocabulary) after each row of ``histories``.

        ``histories`` is (rows, h) with h ≥ order - 1; only the last ``order - 1`` columns
        are used. Each row sums to 1 and every entry is > 0.
        """
        histories = np.asarray(histories, np.int64).reshape(len(histories), -1)
        if histories.shape[1] < self.order - 1:
            raise ValueError(f"an order-{self.order} model needs {self.order - 1} events of history")
        rows = len(histories)
        base = self.vocab_size
        probs = np.full((rows, base), 1.0 / base)
        for k, level in enumerate(self.levels, start=1):
            codes = _codes(histories[:, histories.shape[1] - (k - 1) :], base)
            index = np.minimum(np.searchsorted(level.history_codes, codes), len(level.history_codes) - 1)
            found = level.history_codes[index] == codes
            probs *= np.where(found, level.gamma[index], 1.0)[:, None]
            if not found.any():
                continue
            hit_rows = np.flatnonzero(found)
            low = np.searchsorted(level.entry_codes, codes[hit_rows] * base)
            high = np.searchsorted(level.entry_codes, codes[hit_rows] * base + base)
            lengths = high - low
            # ragged gather: the entries of every found history, tagged with their row
            starts = np.repeat(low - np.cumsum(lengths) + lengths, lengths)
            entries = starts + np.arange(lengths.sum())
            probs[np.repeat(hit_rows, lengths), level.entry_codes[entries] % base] += level.entry_values[
                entries
            ]
        return probs

    def probability(self, history: Sequence[int], token: int) -> float:
        """P(token | history); a short history is padded with BOS on the left."""
        history = [BOS] * max(0, self.order - 1 - len(history)) + list(history)
        return float(self.distributions(np.asarray([history[len(history) - (self.order - 1) :]]))[0, token])

    def score(self, streams: Iterable[np.ndarray]) -> NGramScore:
        """NLL per event (nats) and argmax accuracy over every token after the first of each stream."""
        windows = _windows(streams, max(self.order, 1))
        return self._score_windows(windows)

    def _score_windows(self, windows: np.ndarray) -> NGramScore:
        total_nll = 0.0
        hits = 0
        for start in range(0, len(windows), CHUNK):
            block = windows[start : start + CHUNK]
            probs = self.distributions(block[:, :-1])
            targets = block[:, -1]
            total_nll -= float(np.log(probs[np.arange(len(block)), targets]).sum())
            hits += int((probs.argmax(axis=1) == targets).sum())
        events = len(windows)
        return NGramScore(self.order, total_nll / max(events, 1), hits / max(events, 1), events)


def augment_transpositions(
    streams: Iterable[np.ndarray], semitones: int, vocab: Vocabulary
) -> list[np.ndarray]:
    """Each stream in every transposition within ±``semitones`` that keeps it inside 0..127."""
    result = []
    for stream in streams:
        for shift in range(-semitones, semitones + 1):
            try:
                result.append(transpose_tokens(stream, shift, vocab))
            except ValueError:
                continue
    return result


def fit_ngrams(
    streams: Iterable[np.ndarray], orders: Sequence[int], vocab_size: int
) -> dict[int, NGramModel]:
    """Fit one model per order on the same streams (the windows are cut once)."""
    if not orders or any(not 1 <= order <= MAX_ORDER for order in orders):
        raise ValueError(f"orders must be in 1..{MAX_ORDER}, got {list(orders)}")
    if vocab_size ** max(orders) >= 2**62:
        raise ValueError(f"a vocabulary of {vocab_size} events is too large for order {max(orders)} codes")
    windows = _windows(streams, max(orders) + 1)  # one more column: continuation counts look left
    if not len(windows):
        raise ValueError("no training events: every stream is shorter than two tokens")
    return {order: NGramModel._from_windows(windows, order, vocab_size) for order in orders}


def score_ngrams(models: dict[int, NGramModel], streams: Sequence[np.ndarray]) -> dict[int, NGramScore]:
    """Score several models on the same held-out streams."""
    if not models:
        return {}
    windows = _windows(streams, max(max(models), 1))
    return {
        order: model._score_windows(windows[:, windows.shape[1] - max(order, 1) :])
        for order, model in models.items()
    }
