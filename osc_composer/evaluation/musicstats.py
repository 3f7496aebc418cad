"""Musical statistics for evaluation: Yang & Lerch's features and overlap, keys, verbatim copies.

* :func:`excerpt_features` computes, for one excerpt of notes, the features of Yang & Lerch
  (2018, "On the evaluation of generative models in music", Neural Computing and
  Applications): pitch count, pitch-class histogram, pitch-class transition matrix, pitch
  range, average pitch interval, average inter-onset interval, note-length histogram and
  note density (notes per beat).
* :func:`compare_sets` is their comparison: for each feature, the distances between every
  pair of reference excerpts (intra-set) and between every generated and every reference
  excerpt (inter-set), each smoothed with a Gaussian kernel density estimate; the
  **overlap area** of the two densities (1 = the generated excerpts sit among the real ones
  as closely as the real ones sit among themselves) and the **KL divergence**
  KL(intra ‖ inter).
* :func:`infer_key` is the Krumhansl-Schmuckler key finder (correlation of a
  duration-weighted pitch-class histogram with the Krumhansl-Kessler profiles).
* :class:`CopyIndex` finds verbatim copies of training data (see its docstring).

Pure numpy, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..music.encoding import NOTE_OFF, PITCH, SPECIAL, VELOCITY, Vocabulary, notes_to_tokens
from ..music.notes import Note, shift_notes
from ..music.theory import SCALES, Key

# Yang & Lerch's twelve note-length classes, in beats: whole, half, quarter, 8th, 16th, their
# dotted forms, and half-, quarter- and 8th-note triplets.
NOTE_LENGTH_CLASSES = (4.0, 2.0, 1.0, 0.5, 0.25, 3.0, 1.5, 0.75, 0.375, 4 / 3, 2 / 3, 1 / 3)
FEATURES = (
    "pitch_count",
    "pitch_class_histogram",
    "pitch_class_transition_matrix",
    "pitch_range",
    "average_pitch_interval",
    "inter_onset_interval",
    "note_length_histogram",
    "note_density",
)
SCALAR_FEATURES = frozenset(
    {"pitch_count", "pitch_range", "average_pitch_interval", "inter_onset_interval", "note_density"}
)


# --- features ------------------------------------------------------------------------------
def melody(notes: Iterable[Note]) -> list[Note]:
    """The skyline: the highest note starting at each onset, in time order."""
    highest: dict[float, Note] = {}
    for note in notes:
        kept = highest.get(note.start_beats)
        if kept is None or note.pitch > kept.pitch:
            highest[note.start_beats] = note
    return [highest[start] for start in sorted(highest)]


def excerpt_features(notes: Sequence[Note], length_beats: float) -> dict[str, np.ndarray]:
    """Yang & Lerch's features of one excerpt of ``length_beats`` beats.

    Histograms and the transition matrix are normalised to sum 1 (all zeros when empty).
    The transition matrix and the average interval follow the melody (:func:`melody`,
    the highest note at each onset), so chords do not count as leaps; everything else
    uses every note. The inter-onset interval is the mean time between successive
    distinct onsets (``length_beats`` with fewer than two onsets).
    """
    pitches = np.asarray([n.pitch for n in notes], np.int64)
    count = len(pitches)
    line = np.asarray([n.pitch for n in melody(notes)], np.int64)
    onsets = np.unique([n.start_beats for n in notes]) if count else np.zeros(0)
    pitch_classes = np.bincount(pitches % 12, minlength=12).astype(np.float64)
    transitions = np.zeros((12, 12))
    if len(line) > 1:
        np.add.at(transitions, (line[:-1] % 12, line[1:] % 12), 1.0)
    lengths = np.zeros(len(NOTE_LENGTH_CLASSES))
    if count:
        durations = np.maximum([n.duration_beats for n in notes], 1e-3)
        nearest = np.abs(np.log2(durations)[:, None] - np.log2(NOTE_LENGTH_CLASSES)[None, :]).argmin(1)
        lengths = np.bincount(nearest, minlength=len(NOTE_LENGTH_CLASSES)).astype(np.float64)
    return {
        "pitch_count": np.asarray([len(np.unique(pitches))], np.float64),
        "pitch_class_histogram": _normalised(pitch_classes),
        "pitch_class_transition_matrix": _normalised(transitions).ravel(),
        "pitch_range": np.asarray([float(pitches.max() - pitches.min()) if count else 0.0]),
        "average_pitch_interval": np.asarray([float(np.abs(np.diff(line)).mean()) if len(line) > 1 else 0.0]),
        "inter_onset_interval": np.asarray(
            [float(np.diff(onsets).mean()) if len(onsets) > 1 else float(length_beats)]
        ),
        "note_length_histogram": _normalised(lengths),
        "note_density": np.asarray([count / length_beats if length_beats > 0 else 0.0]),
    }


def _normalised(counts: np.ndarray) -> np.ndarray:
    total = counts.sum()
    return counts / total if total > 0 else counts


def excerpt(notes: Iterable[Note], start_beats: float, length_beats: float) -> list[Note]:
    """The notes starting in [start, start + length), moved to start at 0 (durations kept)."""
    inside = [n for n in notes if start_beats <= n.start_beats < start_beats + length_beats]
    return shift_notes(inside, -start_beats)


# --- Yang & Lerch's comparison ------------------------------------------------------------------
@dataclass(frozen=True)
class FeatureComparison:
    """How one feature of the generated set compares with the reference set."""

    overlap: float  # overlap area of the intra-set and inter-set distance densities, 0..1
    kl_divergence: float  # KL(intra ‖ inter) in nats
    intra_mean: float  # mean distance between reference excerpts
    inter_mean: float  # mean distance between generated and reference excerpts
    reference_mean: float | None  # mean value for scalar features, else None
    generated_mean: float | None

    def as_dict(self) -> dict[str, float | None]:
        return {k: (None if v is None else round(float(v), 4)) for k, v in self.__dict__.items()}


def set_distances(reference: np.ndarray, generated: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Euclidean distances: every pair of reference rows (intra), every generated × reference pair (inter)."""
    reference = np.asarray(reference, np.float64).reshape(len(reference), -1)
    generated = np.asarray(generated, np.float64).reshape(len(generated), -1)
    first, second = np.triu_indices(len(reference), k=1)
    intra = np.linalg.norm(reference[first] - reference[second], axis=1)
    inter = np.linalg.norm(generated[:, None, :] - reference[None, :, :], axis=2).ravel()
    return intra, inter


_trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy 2 renamed it


def _bandwidth(sample: np.ndarray, floor: float) -> float:
    """Scott's rule (what scipy's gaussian_kde uses in one dimension), kept above ``floor``."""
    spread = float(np.std(sample, ddof=1)) if len(sample) > 1 else 0.0
    return max(spread * len(sample) ** (-1 / 5), floor)


def _kde(sample: np.ndarray, grid: np.ndarray, bandwidth: float) -> np.ndarray:
    density = np.zeros_like(grid)
    for start in range(0, len(sample), 2048):  # (grid × chunk) blocks keep memory small
        chunk = sample[start : start + 2048]
        density += np.exp(-0.5 * ((grid[:, None] - chunk[None, :]) / bandwidth) ** 2).sum(axis=1)
    return density / (len(sample) * bandwidth * np.sqrt(2 * np.pi))


def overlap_and_kl(intra: np.ndarray, inter: np.ndarray, points: int = 2000) -> tuple[float, float]:
    """Overlap area ∫ min(p, q) and KL(p ‖ q) of the kernel density estimates p (intra), q (inter).

    1 and 0 for identical samples; near 0 and large for samples far apart.
    """
    intra = np.asarray(intra, np.float64)
    inter = np.asarray(inter, np.float64)
    if not len(intra) or not len(inter):
        return float("nan"), float("nan")
    pooled = np.concatenate([intra, inter])
    floor = 1e-3 * (float(pooled.max() - pooled.min()) or 1.0)
    h_intra, h_inter = _bandwidth(intra, floor), _bandwidth(inter, floor)
    reach = 5 * max(h_intra, h_inter)
    grid = np.linspace(pooled.min() - reach, pooled.max() + reach, points)
    p, q = _kde(intra, grid, h_intra), _kde(inter, grid, h_inter)
    overlap = float(_trapezoid(np.minimum(p, q), grid))
    tiny = 1e-12
    kl = float(_trapezoid(p * np.log((p + tiny) / (q + tiny)), grid))
    return min(max(overlap, 0.0), 1.0), max(kl, 0.0)


def compare_sets(
    reference: Sequence[dict[str, np.ndarray]], generated: Sequence[dict[str, np.ndarray]]
) -> dict[str, FeatureComparison]:
    """Yang & Lerch's comparison, feature by feature (needs ≥ 2 reference and ≥ 1 generated excerpts)."""
    if len(reference) < 2 or not generated:
        raise ValueError("comparing sets needs at least two reference excerpts and one generated one")
    result = {}
    for name in FEATURES:
        ref = np.stack([f[name] for f in reference])
        gen = np.stack([f[name] for f in generated])
        intra, inter = set_distances(ref, gen)
        overlap, kl = overlap_and_kl(intra, inter)
        scalar = name in SCALAR_FEATURES
        result[name] = FeatureComparison(
            overlap,
            kl,
            float(intra.mean()),
            float(inter.mean()),
            float(ref.mean()) if scalar else None,
            float(gen.mean()) if scalar else None,
        )
    return result


# --- keys ------------------------------------------------------------------------------------
def in_key_ratio(notes: Sequence[Note], key: Key) -> tuple[int, int]:
    """(notes in the key's scale, all notes)."""
    scale = set(SCALES[key.scale])
    inside = sum(1 for n in notes if (n.pitch - key.tonic) % 12 in scale)
    return inside, len(notes)


# --- verbatim copies ---------------------------------------------------------------------------
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_SEPARATOR = -1


def copy_events(tokens: np.ndarray, vocab: Vocabulary) -> np.ndarray:
    """The event stream copy detection compares: VELOCITY, PAD and BOS events dropped, and
    every PITCH (note-on) replaced by its interval from the previous one (so transpositions
    compare equal), every NOTE_OFF by its interval from the latest note-on; the first
    PITCH of the stream becomes a marker ``vocab.size + 255``."""
    tokens = np.asarray(tokens, np.int64)
    kinds = vocab.kinds[tokens]
    keep = (kinds != SPECIAL) & (kinds != VELOCITY)
    tokens, kinds = tokens[keep], kinds[keep]
    pitch = vocab.pitch_of_token[tokens]
    is_on = kinds == PITCH
    is_off = kinds == NOTE_OFF
    ons = pitch[is_on]
    intervals = np.diff(ons, prepend=ons[:1]) + vocab.size + 127
    if len(intervals):
        intervals[0] = vocab.size + 255
    out = tokens.copy()
    out[is_on] = intervals
    if is_off.any():
        # the latest note-on before each note-off (its own pitch if none came before)
        latest = np.maximum.accumulate(np.where(is_on, np.arange(len(tokens)), -1))
        reference = np.where(latest >= 0, pitch[np.maximum(latest, 0)], pitch)
        out[is_off] = (pitch - reference)[is_off] + vocab.size + 512 + 127
    return out


def _window_hashes(values: np.ndarray, width: int) -> np.ndarray:
    """Polynomial hashes (mod 2⁶⁴) of every window of ``width`` values."""
    count = len(values) - width + 1
    if count <= 0:
        return np.zeros(0, np.uint64)
    values = values.astype(np.uint64)  # the separator wraps to 2⁶⁴ - 1: it never equals an event
    hashes = np.zeros(count, np.uint64)
    for offset in range(width):
        hashes = hashes * _HASH_MULTIPLIER + values[offset : offset + count]
    return hashes


class CopyIndex:
    """Verbatim-copy detection against training streams.

    A passage *copies* the training data when its events (its notes encoded with
    :func:`~osc_composer.music.encoding.notes_to_tokens` from its first note on) occur as one
    contiguous run inside some training stream, with VELOCITY events ignored (dynamics do
    not make music new) and **transposition-invariant** (pitches compared as intervals, so a
    copy moved by any number of semitones counts; the model is trained on transposed
    pieces). Timing and durations must match exactly, on the encoding's grid.

    Search: every run of ``width`` events in the training streams is hashed (polynomial
    hash mod 2⁶⁴) and the hashes sorted; a passage's first ``width`` events find the
    candidate positions by binary search, and each candidate is then compared event by
    event, so hash collisions cannot cause false matches.
    """

    def __init__(self, streams: Iterable[np.ndarray], vocab: Vocabulary, width: int = 24) -> None:
        self.vocab = vocab
        self.width = width
        parts: list[np.ndarray] = []
        for stream in streams:
            parts += [copy_events(stream, vocab), np.asarray([_SEPARATOR], np.int64)]
        self.events = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        self._pitch_positions = np.flatnonzero(self.events >= vocab.size)
        # hash of the ``width`` events after each position (the position itself holds the pitch
        # whose interval is free: it is the passage's first note)
        hashes = _window_hashes(self.events[1:], width)
        self._positions = np.argsort(hashes, kind="stable")
        self._hashes = hashes[self._positions]

    def passage_events(self, notes: Sequence[Note]) -> np.ndarray:
        """A passage's events as compared (first note moved to 0, so no leading rest)."""
        if not notes:
            return np.zeros(0, np.int64)
        first = min(n.start_beats for n in notes)
        return copy_events(notes_to_tokens(shift_notes(notes, -first), self.vocab), self.vocab)

    def find(self, notes: Sequence[Note]) -> int | None:
        """Where in the concatenated training events the passage occurs, or None."""
        query = self.passage_events(notes)
        if not len(query):
            return None
        body = query[1:]  # query[0] is the first-pitch marker: any pitch matches it
        if len(body) < self.width:  # too short for the index: compare with every run directly
            if len(body) >= len(self.events):
                return None
            runs = np.lib.stride_tricks.sliding_window_view(self.events[1:], len(body)) if len(body) else None
            starts = self._pitch_positions
            if runs is not None:
                starts = starts[starts < len(runs)]
                starts = starts[(runs[starts] == body).all(axis=1)]
            return int(starts[0]) if len(starts) else None
        key = _window_hashes(body[: self.width], self.width)[0]
        low = np.searchsorted(self._hashes, key, side="left")
        high = np.searchsorted(self._hashes, key, side="right")
        for position in np.sort(self._positions[low:high]):
            if self.events[position] < self.vocab.size:
                continue  # the run must start on a pitch
            end = position + 1 + len(body)
            if end <= len(self.events) and np.array_equal(self.events[position + 1 : end], body):
                return int(position)
        return None

    def contains(self, notes: Sequence[Note]) -> bool:
        return self.find(notes) is not None
