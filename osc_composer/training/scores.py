"""music21 scores to note lists: ties, chords, grace notes, unisons, repeats played out.

Conversion rules (:func:`stream_to_notes`):

* tied notes become one note (per part and pitch, like music21's ``stripTies()`` but
  never across two different pitches); chords become one note per pitch; rests are
  skipped; chord symbols (ABC accompaniment such as ``"Am"``) are not notes;
* grace notes (zero duration in music21) are **dropped** and counted: they would otherwise
  sound as a simultaneous cluster at the main note's onset, which is not what they mean;
* pickups (anacrusis) start at beat 0: the first note of a piece is at its first offset,
  whether or not the first bar is complete;
* velocity is the note's own volume velocity when the encoding sets one, else
  :data:`~osc_composer.music.encoding.DEFAULT_VELOCITY`;
* two voices striking the same pitch at the same moment (a unison, common in chorales)
  become one note (the longer, louder of the two), so the single MIDI channel does not
  carry two overlapping note-ons of one key;
* time signatures that music21's ABC reader shares between measures (tunes with meter
  changes) are copied per measure before anything else touches the score.

:func:`expand_repeats` plays repeats out: an end-repeat with no start-repeat goes back to
the previous section (the previous end-repeat, double bar or last ending), as ABC and
printed music mean it, not to the top of the piece as music21 would assume.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..music.encoding import DEFAULT_VELOCITY  # music21's MIDI export writes 90 too
from ..music.notes import Note, sort_notes

# --- conversion ---------------------------------------------------------------------------

INSTALL_HINT = "pip install 'osc-composer[corpus]'"


class CorpusDependencyError(ImportError):
    """music21, which parses the corpus, is not installed."""


@dataclass(frozen=True)
class ConversionStats:
    grace_notes_dropped: int = 0
    unisons_merged: int = 0
    default_velocity_notes: int = 0
    parts_left_out: int = 0


def import_music21() -> Any:
    try:
        import music21
    except ImportError as exc:
        raise CorpusDependencyError(
            f"exporting a corpus needs music21, which is not installed: {INSTALL_HINT}"
        ) from exc
    return music21


def unshare_time_signatures(score: Any) -> None:
    """Give every measure its own TimeSignature object.

    music21's ABC reader reuses one TimeSignature object in several measures when a tune
    changes meter back and forth; an element living in several measures confuses
    operations that follow ``activeSite``. Copies are cheap.
    """
    music21 = import_music21()
    seen: set[int] = set()
    for measure in score.recurse().getElementsByClass(music21.stream.Measure):
        for ts in list(measure.getElementsByClass(music21.meter.TimeSignature)):
            if id(ts) in seen:
                measure.replace(ts, copy.deepcopy(ts))
            else:
                seen.add(id(ts))


_SECTION_BARS = {"double", "final", "light-light", "light-heavy", "heavy-light", "heavy-heavy", "heavy"}


def barline_kind(barline: Any) -> str:
    """ "start" or "end" (repeat signs), "section" (double bars), else ""."""
    if barline is None:
        return ""
    direction = getattr(barline, "direction", None)  # only music21.bar.Repeat has one
    if direction in ("start", "end"):
        return direction
    return "section" if barline.type in _SECTION_BARS else ""


def _complete_repeat_signs(part: Any) -> tuple[int, int]:
    """Make a part's repeat signs say what notation means; (starts added, starts removed).

    An end-repeat without a start-repeat repeats from the previous end-repeat, double bar
    or the end of the previous section's last ending (printed music and ABC alike);
    music21 would go back to the top of the piece, replaying earlier sections, so a start
    is added there. The end-repeats of second and later endings belong to their first
    ending's repeat. A start-repeat that no end-repeat closes (``|:`` before a final
    ``|]``, a typo common in ABC) makes music21 refuse the whole piece, so it is removed.
    """
    music21 = import_music21()
    measures = list(part.getElementsByClass(music21.stream.Measure))
    bracketed = {
        id(m)
        for bracket in part.spanners.getElementsByClass(music21.spanner.RepeatBracket)
        for m in bracket.getSpannedElements()
    }
    section = 0  # index of the measure the current section (and its repeat) starts at
    has_start = False  # measures[section] has an open start-repeat
    in_endings = False  # after an end-repeat inside an ending, until the endings are over
    added = removed = 0

    def close(next_index: int) -> None:
        # the repeated section ends just before measures[next_index]
        nonlocal section, has_start, in_endings, added
        in_ending = id(measures[next_index - 1]) in bracketed
        if in_ending and in_endings:
            return  # a later ending's end-repeat: same repeat as the first ending's
        if not has_start and section > 0:
            measures[section].leftBarline = music21.bar.Repeat(direction="start")
            added += 1
        has_start = False
        in_endings = in_ending
        section = next_index

    def drop_open_start() -> None:
        nonlocal removed
        measures[section].leftBarline = None
        removed += 1

    for i, measure in enumerate(measures):
        if in_endings and id(measure) not in bracketed:
            in_endings = False
            section = i
        kind = barline_kind(measure.leftBarline)
        if kind == "start":
            if has_start:
                drop_open_start()
            has_start, section = True, i
        elif kind == "end":
            close(i)
        elif kind == "section" and not in_endings and not has_start:
            section = i
        kind = barline_kind(measure.rightBarline)
        if kind == "end":
            close(i + 1)
        elif kind == "section" and not in_endings and not has_start and i + 1 < len(measures):
            section = i + 1
    if has_start:
        drop_open_start()
    return added, removed


def _has_repeats(part: Any) -> bool:
    music21 = import_music21()
    for measure in part.getElementsByClass(music21.stream.Measure):
        if (
            barline_kind(measure.leftBarline) in ("start", "end")
            or barline_kind(measure.rightBarline) == "end"
        ):
            return True
    return bool(part.recurse().getElementsByClass(music21.repeat.RepeatExpression))


@dataclass(frozen=True)
class RepeatExpansion:
    """What :func:`expand_repeats` did: the score to convert, and how it got there."""

    score: Any  # the expanded score, or the given one
    expanded: bool = False  # repeats were played out
    implicit_starts: int = 0  # start-repeats added (see _complete_repeat_signs)
    dangling_starts: int = 0  # start-repeats without an end, removed
    failure: str | None = None  # why repeats could not be expanded (score as written)


def expand_repeats(score: Any) -> RepeatExpansion:
    """Play the repeats of a music21 score out, with the section rule of the module docstring.

    A score without repeat signs is returned as it is. When music21 cannot expand the
    repeats (badly formed signs), the score is returned as written with the reason.
    """
    music21 = import_music21()
    parts = list(score.parts) if isinstance(score, music21.stream.Score) else [score]
    if not any(_has_repeats(p) for p in parts):
        return RepeatExpansion(score)
    fixes = [_complete_repeat_signs(p) for p in parts]
    added, removed = sum(f[0] for f in fixes), sum(f[1] for f in fixes)
    try:
        expanded = score.expandRepeats()
    except Exception as exc:  # music21.repeat.ExpanderException, or odd encodings
        reason = f"repeats not expanded ({type(exc).__name__}: {exc})"
        return RepeatExpansion(score, False, added, removed, reason)
    return RepeatExpansion(expanded, True, added, removed)


@dataclass
class _Sounding:
    pitch: int
    velocity: int | None  # None: the encoding gave none
    start: float
    end: float


@dataclass
class Voice:
    """One part's notes before unisons are merged."""

    word: str  # first word of the part name, lower case ("" if none)
    soundings: list[_Sounding]
    grace: int  # grace notes dropped


def score_voices(score: Any) -> tuple[list[Voice], bool]:
    """One :class:`Voice` per part of a Score (True), or one for a stream without parts."""
    music21 = import_music21()
    parts = list(score.parts) if isinstance(score, music21.stream.Score) else []
    if not parts:
        return [_voice(score, score)], False
    return [_voice(part, score) for part in parts], True


def _voice(part: Any, score: Any) -> Voice:
    """A part's notes in beats: ties merged per pitch, grace notes and chord symbols dropped."""
    music21 = import_music21()
    base = float(part.getOffsetBySite(score)) if part is not score else 0.0
    grace = 0
    sounding: list[_Sounding] = []
    tied: dict[int, _Sounding] = {}  # pitch -> the note whose tie is still open
    for element in part.flatten().notes:
        if isinstance(element, music21.harmony.Harmony) or not element.pitches:
            continue  # chord symbols and unpitched percussion are not pitched notes
        duration = float(element.quarterLength)
        if duration <= 0 or element.duration.isGrace:
            grace += len(element.pitches)
            continue
        start = base + float(element.offset)
        is_chord = isinstance(element, music21.chord.Chord)
        members = list(element.notes) if is_chord else [element]
        chord_tie = element.tie if is_chord and all(m.tie is None for m in members) else None
        for member in members:
            pitch = member.pitch.midi
            if not 0 <= pitch <= 127:
                continue
            tie = member.tie or chord_tie
            velocity = _velocity(member)
            if velocity is None and is_chord:
                velocity = _velocity(element)
            open_note = tied.get(pitch)
            if (
                tie is not None
                and tie.type in ("stop", "continue")
                and open_note is not None
                and abs(open_note.end - start) < 1e-6
            ):
                open_note.end = start + duration
                current = open_note
            else:
                current = _Sounding(pitch, velocity, start, start + duration)
                sounding.append(current)
            if tie is not None and tie.type in ("start", "continue"):
                tied[pitch] = current
            else:
                tied.pop(pitch, None)
    return Voice(_first_word(getattr(part, "partName", None)), sounding, grace)


def keep_named(voices: list[Voice], words: tuple[str, ...] | None) -> list[Voice]:
    """The voices whose word is among ``words``, or all when none is (or no words)."""
    if not words:
        return voices
    return [v for v in voices if v.word in words] or voices


def pick_voices(voices: list[Voice], words: tuple[str, ...]) -> list[Voice] | str:
    """The first voice named by each word, in the order of ``words``; or what is missing."""
    picked = []
    for word in words:
        voice = next((v for v in voices if v.word == word), None)
        if voice is None:
            return f"no {word} part"
        picked.append(voice)
    return picked


def stream_to_notes(
    score: Any, *, voices: tuple[str, ...] | None = None
) -> tuple[list[Note], ConversionStats]:
    """Convert a parsed music21 stream into notes in beats (see the module docstring).

    Ties are merged per part and pitch: a note whose tie stops or continues extends the
    tied note of the same pitch that ends exactly where it starts. Unlike music21's
    ``stripTies()``, this never merges a "tie" between two different pitches (which some
    ABC transcriptions write for a slur: ``G3-A``); ``stripTies()`` would swallow the
    second note. ``voices`` keeps only the parts whose name begins with one of these
    words, if any part does (see :attr:`CorpusSpec.voices`). The stream is changed in
    place (time signatures unshared). Repeats are not expanded here (:func:`expand_repeats`).
    """
    unshare_time_signatures(score)
    every, has_parts = score_voices(score)
    kept = keep_named(every, voices)
    notes, merged, defaults = unisons_merged(kept)
    left_out = len(every) - len(kept) if has_parts else 0
    return notes, ConversionStats(sum(v.grace for v in kept), merged, defaults, left_out)


def _first_word(name: str | None) -> str:
    words = re.findall(r"[a-z]+", (name or "").lower())
    return words[0] if words else ""


def unisons_merged(voices: Iterable[Voice]) -> tuple[list[Note], int, int]:
    """Notes with one pitch and start become one (longest, loudest); default velocities."""
    by_onset: dict[tuple[int, float], _Sounding] = {}
    merged = 0
    for s in (s for v in voices for s in v.soundings):
        key = (s.pitch, round(s.start, 6))
        other = by_onset.get(key)
        if other is None:
            by_onset[key] = s
            continue
        merged += 1
        velocities = [v for v in (s.velocity, other.velocity) if v is not None]
        by_onset[key] = _Sounding(s.pitch, max(velocities, default=None), s.start, max(s.end, other.end))
    shift = -min(min((s.start for s in by_onset.values()), default=0.0), 0.0)  # never > 0
    defaults = sum(1 for s in by_onset.values() if s.velocity is None)
    notes = [
        Note(
            s.pitch, DEFAULT_VELOCITY if s.velocity is None else s.velocity, s.start + shift, s.end - s.start
        )
        for s in by_onset.values()
    ]
    return sort_notes(notes), merged, defaults


def _velocity(element: Any) -> int | None:
    # hasVolumeInformation() first: reading .volume creates a Volume object.
    if not element.hasVolumeInformation():
        return None
    velocity = element.volume.velocity
    if velocity is None:
        return None
    return min(max(round(velocity), 1), 127)
