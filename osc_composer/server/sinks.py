"""Where played notes go: a client's reply address as OSC (and the server's MIDI port)."""

from __future__ import annotations

from ..live.playback import NoteSink, PlayEvent
from .transport import ReplyAddress, Transport, message
from .wire import pack_bundles


class OscSink:
    """One playback's notes to a client as /composer/play/noteon and noteoff (and to MIDI out).

    Within the byte budget, exactly: a note-on is sent only if its host's budget pays for it
    and for its note-off too, so the note-off goes out whatever the budget by then (no hanging
    note); a note-on the budget refused is dropped, and so is its note-off.
    """

    NOTE_OFF_BYTES = 16 + 4 + 24  # at most: a bundle header, the element size, the message

    def __init__(self, transport: Transport, midi: NoteSink | None, reply_to: ReplyAddress) -> None:
        self.transport = transport
        self.midi = midi  # everything played also goes here (the server's --midi-out port)
        self.reply_to = reply_to
        self._paid: dict[int, int] = {}  # pitch → note-offs paid for and not yet sent

    def send(self, events: list[PlayEvent]) -> None:
        offs = []
        for event in events:
            if not event.is_on and self._paid.get(event.pitch, 0):
                self._paid[event.pitch] -= 1
                offs.append(message("/play/noteoff", event.pitch))
        ons = [message("/play/noteon", e.pitch, e.velocity) for e in events if e.is_on]
        transport = self.transport
        if ons:
            size = sum(len(d) for d in pack_bundles(ons, transport.max_datagram))
            if transport.pay(self.reply_to, size + len(ons) * self.NOTE_OFF_BYTES):
                for event in events:
                    if event.is_on:
                        self._paid[event.pitch] = self._paid.get(event.pitch, 0) + 1
            else:
                ons = []
        # a moment's events come note-offs first (PlayEvent's order): a repeated pitch retriggers
        transport.send(self.reply_to, offs + ons, prepaid=True)
        if self.midi is not None:
            self.midi.send(events)

    def panic(self) -> None:
        self.transport.send(self.reply_to, [message("/play/noteoff", p) for p in range(128)])
        if self.midi is not None:
            self.midi.panic()
