"""One plain function per incoming address: (server, session, message, arguments) → replies.

The protocol table names each address's handler; :data:`HANDLERS` maps those names to the
functions below. A handler runs with its session's lock held and returns the messages to
send back to the session's reply address; it refuses a message by raising
(:class:`~osc_composer.server.protocol.ProtocolError`, or :class:`Refused` when the error has a
request id), which changes nothing. The handlers in :data:`OFFLINE`
read files: they run on the tasks thread *without* the lock and take it only around the
session change.

Also here, because they answer requests: :func:`deliver` (a result from the engine
worker) and :func:`live_answer` (also run by a silence timer on the scheduler thread).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..engine.generate import Continuation, GenerationRequest
from ..engine.params import PARAM_SPECS, PARAMS_BY_NAME, ParamError, SamplingParams
from ..live.modes import LivePlayer
from ..live.playback import Clock, Playback, events_from_notes
from ..live.settings import LIVE_SPECS, LiveSettings
from ..model.files import list_models
from ..model.paths import models_dir
from ..music.midi import MidiFileError, read_midi
from ..music.notes import Note, end_beats
from .protocol import ADDRESSES, INCOMING, PREFIX, ProtocolError
from .sessions import MAX_PLAYBACKS_PER_SESSION, Session
from .sinks import OscSink
from .stats import RequestRecord
from .tasks import LoadRequest, Message
from .transport import ReplyAddress, message, safe_text
from .wire import build_message
from .worker import Busy, Job

if TYPE_CHECKING:
    from .app import ComposerServer

log = logging.getLogger("osc_composer.server")

Replies = list[bytes]
Handler = Callable[["ComposerServer", Session, Message, list[Any]], Replies]


class Refused(ProtocolError):
    """A refusal that names the request it refuses (``/composer/error id …``)."""

    def __init__(self, request_id: int, text: str) -> None:
        super().__init__(text)
        self.request_id = request_id


# --- seed ------------------------------------------------------------------------------------
def seed_clear(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.seed = []
    return [_seed_size(session)]


def seed_notes(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    return _set_seed(server, session, [Note(*args[i : i + 4]) for i in range(0, len(args), 4)])


def seed_add(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    return _set_seed(server, session, [*session.seed, Note(*args)])


def seed_pitches(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    params = session.params
    notes = [Note(p, params.velocity, i * params.step, params.step) for i, p in enumerate(args)]
    return _set_seed(server, session, notes)


def seed_midi(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    """Offline: the file is read without the session's lock."""
    path = _confined_midi_path(server, args[0])
    try:
        notes = read_midi(path).notes
    except MidiFileError as exc:
        raise ProtocolError(f"{args[0]}: {exc.reason}") from None
    with session.lock:
        return _set_seed(server, session, notes)


def _set_seed(server: ComposerServer, session: Session, notes: list[Note]) -> Replies:
    if len(notes) > server.config.max_seed_notes:
        raise ProtocolError(f"seed of {len(notes)} notes is over the limit of {server.config.max_seed_notes}")
    session.seed = notes
    return [_seed_size(session)]


def _seed_size(session: Session) -> bytes:
    return message("/seed/size", len(session.seed), end_beats(session.seed))


def _confined_midi_path(server: ComposerServer, name: str) -> Path:
    config = server.config
    if config.midi_dir is None:
        raise ProtocolError("no MIDI folder configured (start the server with --midi-dir)")
    root = config.midi_dir.resolve()
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or not name.strip() or "\0" in name:
        raise ProtocolError(f"{name!r}: give a file name inside the MIDI folder (no absolute paths or '..')")
    try:
        path = (root / relative).resolve()  # symlinks followed: where the file really is
        is_file = path.is_file()  # devices, fifos and folders are not
        size = path.stat().st_size if is_file else 0
    except (OSError, RuntimeError) as exc:  # name too long, symlink loop …
        shown = name if len(name) <= 80 else name[:40] + "…"
        raise ProtocolError(f"cannot be read ({exc.__class__.__name__}): {shown!r}") from None
    if root not in path.parents:
        raise ProtocolError(f"{name!r} leads outside the MIDI folder")
    if not is_file:
        raise ProtocolError(f"{name!r}: no such file in the MIDI folder")
    if size > config.max_midi_bytes:  # a whole song is typically under 100 KB
        raise ProtocolError(
            f"{name!r} is {size / 1024:.0f} KB; seeds are read from files of up to "
            f"{config.max_midi_bytes // 1024} KB"
        )
    return path


# --- parameters ------------------------------------------------------------------------------
def set_param(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    assert msg.address.param is not None
    session.params = session.params.with_values(**{msg.address.param.name: args[0]})
    return []


def params(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    replies = []
    for spec in PARAM_SPECS:
        value = getattr(session.params, spec.name)
        types = "s" if isinstance(value, str) else ("i" if isinstance(value, int) else "f")
        replies.append(build_message(f"{PREFIX}/param/{spec.name}", types, [value]))
    return replies


def reset(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.stop_player(forget=True)
    session.seed = []
    session.params = SamplingParams()
    session.live_settings = LiveSettings()
    session.clock = Clock()
    live_clear(server, session, msg, args)
    return [_seed_size(session)]


# --- requests --------------------------------------------------------------------------------
def generate(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    if args and isinstance(args[0], int) and not isinstance(args[0], bool):
        request_id, pairs = args[0], args[1:]
    else:
        request_id, pairs = session.new_id(), args
    if len(pairs) % 2:
        raise Refused(request_id, "parameter overrides come in name value pairs")
    overrides = {}
    for name, value in zip(pairs[::2], pairs[1::2], strict=True):
        if not isinstance(name, str) or name not in PARAMS_BY_NAME:
            raise Refused(request_id, f"unknown parameter {name!r} in overrides")
        overrides[name] = value
    try:
        request_params = session.params.with_values(**overrides)
    except ParamError as exc:
        raise Refused(request_id, str(exc)) from None
    _check_request(server, request_params, request_id)
    if not session.seed:
        raise Refused(
            request_id, "the seed is empty: send /composer/seed/notes or /composer/seed/pitches first"
        )
    request = GenerationRequest(list(session.seed), request_params)
    _submit(server, session, Job(session, session.key, request_id, request, time.monotonic()))
    return []


def _check_request(server: ComposerServer, params: SamplingParams, request_id: int) -> None:
    """This server's caps, and a style the model knows (the engine's own check, done now so
    that the refusal comes at once instead of after a failed batch)."""
    config = server.config
    if params.length > config.max_length:
        raise Refused(
            request_id, f"length {params.length:g} is over this server's cap of {config.max_length:g}"
        )
    if params.variations > config.max_variations:
        raise Refused(
            request_id, f"variations {params.variations} is over this server's cap of {config.max_variations}"
        )
    engine = server.worker.engine
    if params.style != "auto" and getattr(engine, "has_controls", False):
        try:  # voices and density fixed: only the style is looked at, not the seed
            engine.controls_for([], replace(params, voices=1, density=1))
        except ParamError as exc:
            raise Refused(request_id, str(exc)) from None


def _submit(server: ComposerServer, session: Session, job: Job) -> None:
    try:
        replaced = server.queue.put(job)
    except Busy as exc:
        server.stats.add("busy")
        raise Refused(job.request_id, str(exc)) from None
    session.pending_id = job.request_id
    server.stats.add("requests")
    if replaced is not None:
        server.stats.add("superseded")


def deliver(server: ComposerServer, job: Job, result: Continuation | Exception) -> None:
    """A job's result, on the engine thread: kept for /composer/play, then sent."""
    session = job.session
    if isinstance(result, Exception):
        with session.lock:
            if session.pending_id == job.request_id:
                session.pending_id = None
        server.error(job.reply_to, job.host, job.request_id, f"generation failed: {result}")
        return
    replies = []
    if job.live is not None:
        replies.append(message("/live/answer", job.request_id, job.live[0], job.live[1]))
    replies.append(message("/begin", job.request_id, len(result.variations), result.length_beats))
    for index, notes in enumerate(result.variations):
        for note in notes:
            replies.append(
                message(
                    "/note",
                    job.request_id,
                    index,
                    note.pitch,
                    note.velocity,
                    note.start_beats,
                    note.duration_beats,
                )
            )
        replies.append(message("/end", job.request_id, index, len(notes)))
    with session.lock:  # kept before it is sent: a /composer/play right after /composer/end finds it
        variation = session.keep_result(
            job.request_id, result, server.config.kept_results, server.config.kept_notes
        )
    sent = server.send(job.reply_to, replies, job.host, job.request_id)
    if variation is not None and variation < len(result.variations):
        start = job.live[0] if job.live is not None else None
        with session.lock:
            try:
                if not session.closed:
                    _start_playback(server, session, job.reply_to, job.request_id, result, variation, start)
            except Refused as exc:
                server.error(job.reply_to, job.host, job.request_id, str(exc))
    if not sent:
        return
    elapsed = (time.monotonic() - job.received) * 1000
    request_params = job.request.params
    record = RequestRecord(
        client=str(job.reply_to),
        request_id=job.request_id,
        params={
            "temperature": request_params.temperature,
            "length": request_params.length,
            "variations": request_params.variations,
            "key": request_params.key,
            "scale": request_params.scale,
        },
        notes=sum(len(v) for v in result.variations),
        milliseconds=elapsed,
        when=time.time(),
    )
    server.stats.record(record)
    log.info("request %d from %s: %d notes in %.1f ms", job.request_id, record.client, record.notes, elapsed)


# --- connection ------------------------------------------------------------------------------
def reply_port(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    server.sessions.set_reply_port(msg.source, args[0])
    return []


def ping(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    return [message("/pong", __version__)]


def describe(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    return server.description


def description(server: ComposerServer) -> Replies:
    """The answer to /composer/describe (built once: the table does not change)."""
    replies = [
        server.transport.fitted("/address", a.path, a.direction, a.signature, a.arg_names, a.doc)
        for a in ADDRESSES
    ]
    return [*replies, message("/describe/end", len(ADDRESSES))]


def _available_models(server: ComposerServer) -> dict[str, Path]:
    return list_models(server.config.models_dir or models_dir())


def models(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    """Offline: the folder is read without the session's lock."""
    current = server.worker.engine.name
    return [message("/model/available", name, int(name == current)) for name in _available_models(server)]


def model(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    """Offline: finds the file, then the loader thread loads it (one at a time)."""
    name = args[0]
    path = _available_models(server).get(name)
    if path is None:
        raise ProtocolError(f"no model named {name!r}; send /composer/models for the list")
    server.loader.request(LoadRequest(name, path, session.key, msg.source.host))
    return []


# --- live play: call-and-response (live/settings.py keeps the notes) -----------------------------
def live_note(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    pitch, velocity = args
    now = time.monotonic()
    beat = session.clock.beat_at(now)
    session.live.note(pitch, velocity, beat)
    _cancel_silence(session)
    if session.live_settings.mode_name != "answer":
        # play along: the note goes to the live stream at once (harmony comes back from it)
        _player(server, session).note(pitch, velocity, now)
        return []
    if server.worker.engine.vocab.note_offs:
        # the stream hears every note as it comes; an answer continues it (no re-priming)
        _player(server, session).note(pitch, velocity, now)
    silence = session.live_settings.silence
    if silence > 0 and session.live.sounding == 0:
        session.silence_timer = server.scheduler.call_at(
            session.clock.time_of(beat + silence),
            lambda: _answer_after_silence(server, session, beat),
        )
    return []


def live_respond(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    live_answer(server, session, args[0] if args else None)
    return []


def live_clear(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.live.clear()
    _cancel_silence(session)
    if session.live_settings.mode_name == "answer":
        session.stop_player(forget=True)  # the stream forgets too (no note of its own sounds)
    return []


def set_live_param(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    assert msg.address.param is not None
    before = session.live_settings
    session.live_settings = before.with_value(msg.address.param.name, args[0])
    if session.live_settings.mode != before.mode:
        session.stop_player(forget=True)  # a new mode starts from silence: no note left hanging
    return []


def live_start(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    if session.live_settings.mode_name not in ("duet", "continue"):
        raise Refused(
            -1, "/composer/live/start plays in duet and continue modes: set /composer/live/param/mode first"
        )
    _player(server, session).start()
    return []


def live_stop(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.stop_player()
    return []


def _player(server: ComposerServer, session: Session) -> LivePlayer:
    """The session's live player, made on first use, on the server's current model."""
    engine = server.worker.engine
    if session.player is not None and session.player.engine is not engine:
        session.stop_player(forget=True)  # the model changed: its stream cannot go on
    if session.player is None:
        if not engine.vocab.note_offs:
            raise Refused(
                -1,
                f"model {engine.name!r} cannot play along (it needs a note's length before the note ends); "
                "load a note-off model such as the default",
            )
        sink = OscSink(server.transport, server.midi, session.key)
        session.player = LivePlayer(
            engine,
            sink.send,
            server.scheduler.call_at,
            lambda: session.clock,
            lambda: (session.params, session.live_settings),
        )
    return session.player


def live_params(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    replies = []
    for spec in LIVE_SPECS:
        value = getattr(session.live_settings, spec.name)
        types = "i" if spec.kind == "int" else "f"
        replies.append(build_message(f"{PREFIX}/live/param/{spec.name}", types, [value]))
    return replies


def _cancel_silence(session: Session) -> None:
    if session.silence_timer is not None:
        session.silence_timer.cancel()
        session.silence_timer = None


def _answer_after_silence(server: ComposerServer, session: Session, beat: float) -> None:
    """The silence timer, on the scheduler thread."""
    with session.lock:
        session.silence_timer = None
        if session.closed:
            return
        try:
            live_answer(server, session, None, after_silence=beat)
        except ProtocolError as exc:
            request_id = exc.request_id if isinstance(exc, Refused) else -1
            server.error(session.key, session.host, request_id, f"{PREFIX}/live/respond: {exc}")


def live_answer(
    server: ComposerServer, session: Session, request_id: int | None, *, after_silence: float | None = None
) -> None:
    """Queue a continuation of what was heard, starting on the next beat (lock held): from
    the session's live stream when its model is the server's (every note heard, no
    re-priming), else by priming the last ``listen`` beats.

    Asked by /composer/live/respond, or by the silence timer (``after_silence``: the beat of
    the note-off that started the silence; a newer note makes the answer moot).
    """
    if after_silence is not None and (session.live.answered or session.live.last_event != after_silence):
        return
    now = session.clock.beat_at(time.monotonic())
    seed, origin = session.live.seed(now, session.live_settings.listen)
    if request_id is None:
        request_id = session.new_id()
    if not seed:
        if after_silence is None:
            raise Refused(request_id, "nothing heard to answer: send /composer/live/note first")
        return
    session.live.answered = True
    _check_request(server, session.params, request_id)
    start = float(math.ceil(now - 1e-9))
    request = GenerationRequest(
        seed[-server.config.max_seed_notes :], session.params, origin_beats=start - origin
    )
    stream = None
    if session.player is not None and session.player.engine is server.worker.engine:
        stream = session.player.fork_stream()
    job = Job(
        session, session.key, request_id, request, time.monotonic(), live=(start, len(seed)), stream=stream
    )
    _submit(server, session, job)
    if session.live_settings.autoplay:
        session.play_requested[request_id] = 0


# --- playback, locked to the client's clock (live/playback.py does the timing) -------------------
def clock(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.clock = Clock(args[0], args[1], time.monotonic())
    for playback in session.live_playbacks():
        playback.retime(session.clock)
    return []


def play(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    request_id = args[0] if args else None
    variation = args[1] if len(args) > 1 else 0
    if request_id is None:
        if session.pending_id is not None:
            request_id = session.pending_id
        elif session.results:
            request_id = next(reversed(session.results))
        else:
            raise ProtocolError("nothing to play yet: send /composer/generate first")
    result = session.results.get(request_id)
    if result is None:
        if request_id != session.pending_id:
            raise Refused(
                request_id, f"no result with id {request_id} (the last {server.config.kept_results} are kept)"
            )
        session.play_requested[request_id] = variation  # played as soon as it is ready
        return []
    if variation >= len(result.variations):
        raise Refused(request_id, f"result {request_id} has {len(result.variations)} variation(s)")
    _start_playback(server, session, session.key, request_id, result, variation)
    return []


def play_stop(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    for playback in session.live_playbacks():
        playback.stop()
    session.stop_player()
    return []


def panic(server: ComposerServer, session: Session, msg: Message, args: list[Any]) -> Replies:
    session.play_requested.clear()
    play_stop(server, session, msg, args)
    if server.midi is not None:
        server.midi.panic()
    return [message("/play/noteoff", pitch) for pitch in range(128)]


def _start_playback(
    server: ComposerServer,
    session: Session,
    reply_to: ReplyAddress,
    request_id: int,
    result: Continuation,
    variation: int,
    start: float | None = None,
) -> None:
    """Play from ``start`` (a clock beat) if it is still ahead, else from the next whole beat.

    Bounded: a session's fifth playback stops its oldest, and the server plays at most
    ``max_playbacks`` at once (beyond: refused as busy).
    """
    playing = session.live_playbacks()
    while len(playing) >= MAX_PLAYBACKS_PER_SESSION:
        playing.pop(0).stop()
    if not server.playback_slots.take():
        raise Refused(request_id, f"busy: {server.playback_slots.limit} results are playing on this server")
    latency = session.live_settings.latency_ms / 1000.0
    soonest = time.monotonic() + 0.005 - latency  # a few ms to get the first bundle out
    if start is None or session.clock.time_of(start) < soonest:
        start = session.clock.next_beat(soonest)
    server.send(reply_to, [message("/play/start", request_id, start)], reply_to.host)

    def ended() -> None:
        server.playback_slots.give_back()
        server.send(reply_to, [message("/play/end", request_id)], reply_to.host)

    events = events_from_notes(result.variations[variation], start)
    sink = OscSink(server.transport, server.midi, reply_to)
    session.playbacks.append(Playback(server.scheduler, sink, events, session.clock, latency, ended))


# handler name (the protocol table's ``handler``) → function
HANDLERS: dict[str, Handler] = {
    name: globals()[name] for name in sorted({a.handler for a in INCOMING.values()})
}
OFFLINE = frozenset(
    {seed_midi, models, model}
)  # read files: never on the receive thread, never under the lock
INLINE_VALUES = 1024  # a message with more values (a seed of over 256 notes) is parsed off the receive thread


def is_slow(msg: Message) -> bool:
    return HANDLERS[msg.address.handler] in OFFLINE or len(msg.values) > INLINE_VALUES


def request_id_of(msg: Message) -> int:
    """The id of a refused /composer/generate, so the client can match the error (else -1).
    Pd sends every number as a float, so a whole float counts as an id too."""
    if msg.address.path != PREFIX + "/generate" or not msg.values or msg.tags[:1] not in ("i", "f", "h", "d"):
        return -1
    try:
        number = float(msg.values[0])
    except (TypeError, ValueError):
        return -1
    if math.isfinite(number) and number == int(number) and -(2**31) <= number < 2**31:
        return int(number)
    return -1


def describe_error(exc: BaseException) -> str:
    """An internal error as one short line (never a traceback)."""
    return safe_text(f"internal error: {type(exc).__name__}: {exc}")
