"""Play along event by event: one live LSTM state per session, advanced as notes happen.

Call-and-response re-primes the network on the last bars every time it answers. Playing
*with* the model cannot wait for that: every note the player starts or ends is fed to
the network the moment it arrives (a SHIFT for the time since the last event, a VELOCITY
if it changed, a NOTE_ON or NOTE_OFF: one to three LSTM steps, O(1) per event), and the
model is asked what comes next under per-query constraints, like Notochord's:

* :meth:`LiveStream.harmonize`: notes to start *now*, with the player's (up to ``count``;
  the model may stop earlier by preferring time to move on);
* :meth:`LiveStream.propose` / :meth:`LiveStream.commit`: the model's own next event
  (a note-on, a note-off, or how long to wait), for a voice that plays by itself
  (``duet``, ``continue``). A proposed wait is only committed when its time comes; if
  the player plays first, the stream moves to the player's moment instead and the model
  thinks again.

It needs a model in the note-off encoding (the default since the ``mixture`` model):
the duration encoding would want a note's length before the note has ended.

Every note this stream lets the model start has a step it must end by (``max_steps``
after its start), and :meth:`LiveStream.release_all` ends every model note at once, so
callers can guarantee that no note is left hanging (stop, mode change, model change, a
client that goes away). Pure numpy; not thread-safe: the caller's session lock guards it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..music.encoding import BOS, NOTE_OFF, PITCH, SHIFT
from ..music.texture import AUTO
from .generate import Continuation, Engine
from .lstm import LstmState, lstm_step
from .params import SamplingParams
from .sampler import NEG_INF, sample_rows


class StreamError(ValueError):
    """A live stream cannot do what was asked (a model without note-offs, say)."""


@dataclass(frozen=True)
class Constraints:
    """What the model may play in one query (pitches in the player's key, not the model's)."""

    pitches: np.ndarray  # (128,) bool: key, scale and range
    polyphony: int = 8  # most notes of the model's own voice sounding at once
    min_steps: int = 1  # shortest note of the model's, in grid steps
    max_steps: int = 96  # longest note of the model's, in grid steps
    min_gap: int = 1  # fewest steps the model waits at once
    max_gap: int = 96  # most steps the model waits before it must play (or end) something
    velocity_low: int = 1
    velocity_high: int = 127
    temperature: float = 1.0


@dataclass
class Sounding:
    start: int  # grid step
    velocity: int
    by_model: bool


@dataclass(frozen=True)
class Proposal:
    """The model's next event: ``"on"`` / ``"off"`` a pitch, or ``"wait"`` ``steps``."""

    kind: str
    pitch: int = -1
    velocity: int = 0
    steps: int = 0
    token: int = -1


@dataclass
class LiveStream:
    """One session's live state (see the module docstring). ``shift``: semitones between the
    player's pitches and the model's (a key-normalised model hears music moved to C)."""

    engine: Engine
    controls: tuple[int, int, int] = (AUTO, AUTO, AUTO)
    shift: int = 0
    seed: int | None = None
    cursor: int = 0  # grid step of the latest event fed
    sounding: dict[int, Sounding] = field(default_factory=dict)  # by the model's pitch
    events: int = 0  # tokens fed so far
    _velocity_bin: int = -1
    _onset_now: bool = False  # a note started at the cursor: note-offs must wait for a SHIFT
    # tokens decided but not yet fed (a harmony's last notes): fed before the network is next
    # used, or by settle() once the notes are sent, so sending does not wait for them
    _unfed: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.engine.vocab.note_offs:
            raise StreamError(
                f"model {self.engine.name!r} uses the duration encoding; playing along needs a "
                "note-off model (the default model is one)"
            )
        self.vocab = self.engine.vocab
        self.rng = np.random.default_rng(self.seed)
        self.state = LstmState.zeros(self.engine.weights, 1)
        self.state.controls = self.engine.control_vector(self.controls)
        self.logits = self._step(BOS)

    # --- feeding what happened ---------------------------------------------------------
    def _step(self, token: int) -> np.ndarray:
        self.settle()
        return self._feed(token)

    def _feed(self, token: int) -> np.ndarray:
        self.events += 1
        return lstm_step(self.engine.weights, np.asarray([token]), self.state)[0]

    def settle(self) -> None:
        """Feed the tokens :meth:`harmonize` left unfed (cheap when there are none)."""
        while self._unfed:
            self.logits = self._feed(self._unfed.pop(0))

    def steps_of(self, beats: float) -> int:
        return self.vocab.beats_to_steps(beats)

    def advance(self, step: int) -> None:
        """Move time on to grid step ``step`` (never back: late events count as now)."""
        while step > self.cursor:
            move = min(step - self.cursor, self.vocab.max_shift_steps)
            self.logits = self._step(self.vocab.shift_token(move))
            self.cursor += move
            self._onset_now = False

    def note_on(
        self, pitch: int, velocity: int, step: int, *, by_model: bool = False, defer: bool = False
    ) -> None:
        """A note starts at ``step`` (player's pitch). A pitch already sounding ends first.
        ``defer``: its tokens wait in :attr:`_unfed` (see :meth:`settle`)."""
        self.advance(step)
        model_pitch = pitch + self.shift
        if not 0 <= model_pitch <= 127:
            return  # outside what the model can hear after its key move
        if model_pitch in self.sounding:
            self._off(model_pitch)
        tokens = []
        velocity_bin = self.vocab.velocity_to_bin(velocity)
        if velocity_bin != self._velocity_bin:
            tokens.append(self.vocab.velocity_token(velocity_bin))
            self._velocity_bin = velocity_bin
        tokens.append(self.vocab.pitch_token(model_pitch))
        if defer:
            self._unfed += tokens
        else:
            for token in tokens:
                self.logits = self._step(token)
        self.sounding[model_pitch] = Sounding(self.cursor, velocity, by_model)
        self._onset_now = True

    def note_off(self, pitch: int, step: int) -> None:
        """A note ends at ``step`` (player's pitch); a pitch that is not sounding is ignored."""
        self.advance(step)
        model_pitch = pitch + self.shift
        if model_pitch in self.sounding:
            if self._onset_now:  # the encoding puts a moment's note-offs first: end it a step later
                self.advance(self.cursor + 1)
            self._off(model_pitch)

    def _off(self, model_pitch: int) -> None:
        self.logits = self._step(self.vocab.note_off_token(model_pitch))
        del self.sounding[model_pitch]

    # --- asking the model --------------------------------------------------------------
    def _pitch_mask(self, constraints: Constraints) -> np.ndarray:
        """The constraint's pitches moved into the model's key, minus what sounds."""
        mask = np.zeros(128, bool)
        if self.shift >= 0:
            mask[self.shift :] = constraints.pitches[: 128 - self.shift]
        else:
            mask[: 128 + self.shift] = constraints.pitches[-self.shift :]
        for pitch in self.sounding:
            mask[pitch] = False
        return mask

    def _sample(self, allowed: np.ndarray, temperature: float) -> int:
        self.settle()
        scores = np.where(allowed, self.logits / temperature, NEG_INF)[None]
        return int(sample_rows(scores, np.zeros(1, np.int64), np.ones(1, np.float32), False, [self.rng])[0])

    def harmonize(
        self,
        count: int,
        constraints: Constraints,
        around: int | None = None,
        interval_low: int = -24,
        interval_high: int = 24,
        minimum: int | None = None,
    ) -> list[int]:
        """Up to ``count`` pitches (player's) the model would start now, with the notes just
        fed, each fed back as it is chosen (the last one's tokens wait for :meth:`settle`,
        so the caller can send the notes first); ``around`` (a player's pitch) limits them to
        ``interval_low``..``interval_high`` semitones from it. After ``minimum`` notes
        (default: ``count``) the model may stop early: a SHIFT (time moving on) among its
        choices means "no more notes now". Fewer come when the constraints leave no pitch."""
        minimum = count if minimum is None else minimum
        chosen: list[int] = []
        vocab = self.vocab
        for _ in range(count):
            mask = self._pitch_mask(constraints)
            if around is not None:
                near = np.zeros(128, bool)
                low = max(around + self.shift + interval_low, 0)
                high = min(around + self.shift + interval_high, 127)
                near[low : high + 1] = True
                near[around + self.shift] = False
                mask &= near
            if not mask.any() or self._own_sounding() >= constraints.polyphony:
                break
            allowed = np.zeros(vocab.size, bool)
            allowed[vocab.pitch_offset : vocab.pitch_offset + 128] = mask
            allowed[vocab.shift_offset :] = len(chosen) >= minimum  # "stop here"
            token = self._sample(allowed, constraints.temperature)
            if vocab.kinds[token] != PITCH:
                break
            pitch = int(vocab.pitch_of_token[token]) - self.shift
            velocity = self._velocity_within(constraints)
            self.note_on(pitch, velocity, self.cursor, by_model=True, defer=True)
            chosen.append(pitch)
        return chosen

    def _own_sounding(self) -> int:
        return sum(1 for s in self.sounding.values() if s.by_model)

    def _velocity_within(self, constraints: Constraints) -> int:
        velocity = self.vocab.bin_to_velocity(max(self._velocity_bin, 0))
        return min(max(velocity, constraints.velocity_low), constraints.velocity_high)

    def due(self, constraints: Constraints) -> list[int]:
        """The model's notes (player's pitches) that have reached their longest length."""
        return [
            pitch - self.shift
            for pitch, s in self.sounding.items()
            if s.by_model and self.cursor - s.start >= constraints.max_steps
        ]

    def propose(self, constraints: Constraints) -> Proposal:
        """The model's next event for its own voice, not yet committed (see :meth:`commit`).

        Note-offs end only the model's notes that have sounded ``min_steps`` (a due note
        must end now); waits are ``min_gap``..``max_gap`` steps and never past the moment
        the first model note is due; note-ons stay within the constraints and the voice's
        polyphony."""
        vocab = self.vocab
        allowed = np.zeros(vocab.size, bool)
        own = {p: s for p, s in self.sounding.items() if s.by_model}
        due = [p for p, s in own.items() if self.cursor - s.start >= constraints.max_steps]
        if due:
            allowed[[vocab.note_off_token(p) for p in due]] = True
        else:
            if not self._onset_now:
                for pitch, s in own.items():
                    if self.cursor - s.start >= constraints.min_steps:
                        allowed[vocab.note_off_token(pitch)] = True
            if len(own) < constraints.polyphony:
                allowed[vocab.pitch_offset : vocab.pitch_offset + 128] = self._pitch_mask(constraints)
            reach = min((s.start + constraints.max_steps - self.cursor for s in own.values()), default=10**9)
            longest = min(constraints.max_gap, reach, vocab.max_shift_steps)
            shortest = min(constraints.min_gap, longest)
            steps = vocab.steps_of_token[vocab.shift_offset :]
            allowed[vocab.shift_offset :] = (steps >= shortest) & (steps <= longest)
        token = self._sample(allowed, constraints.temperature)
        kind = vocab.kinds[token]
        if kind == SHIFT:
            return Proposal("wait", steps=int(vocab.steps_of_token[token]), token=token)
        pitch = int(vocab.pitch_of_token[token]) - self.shift
        if kind == NOTE_OFF:
            return Proposal("off", pitch=pitch, token=token)
        return Proposal("on", pitch=pitch, velocity=self._velocity_within(constraints), token=token)

    def commit(self, proposal: Proposal) -> None:
        """Feed a proposal (a wait moves time on by its steps)."""
        if proposal.kind == "wait":
            self.advance(self.cursor + proposal.steps)
        elif proposal.kind == "on":
            self.note_on(proposal.pitch, proposal.velocity, self.cursor, by_model=True)
        elif proposal.kind == "off":
            self.note_off(proposal.pitch, self.cursor)

    def fork(self) -> LiveStream:
        """A copy that can be moved on and asked without touching this stream (an answer is
        computed on the engine thread while the player goes on feeding this one)."""
        self.settle()
        copy = LiveStream.__new__(LiveStream)
        copy.__dict__.update(self.__dict__)
        copy.state = self.state.row(0)
        copy.sounding = dict(self.sounding)
        copy._unfed = []
        copy.rng = np.random.default_rng(self.seed)
        return copy

    def answer(self, params: SamplingParams, controls: tuple[int, int, int] | None = None) -> Continuation:
        """A phrase continuing what was heard, from this state (no re-priming), starting at
        the cursor; its pitches are the player's. The stream itself does not move.

        ``controls`` (style, voices, density classes, e.g. :meth:`Engine.controls_for` of
        the notes heard) steer the answer from here on, and their voices cap its
        polyphony as a primed request's do; None keeps the stream's."""
        self.settle()
        sounding = {pitch: self.cursor - s.start for pitch, s in self.sounding.items()}
        return self.engine.continue_state(
            self.state, self.logits, sounding, self._velocity_bin, params, shift=self.shift, controls=controls
        )

    def release_all(self) -> list[int]:
        """End every note the model started (player's pitches); the caller sends the note-offs."""
        ended = [pitch - self.shift for pitch, s in self.sounding.items() if s.by_model]
        for pitch in ended:
            self.note_off(pitch, self.cursor)
        return ended


__all__ = ["Constraints", "LiveStream", "Proposal", "StreamError"]
