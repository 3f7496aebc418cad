"""MIDI out through mido: what the server plays can also go to a MIDI port a DAW listens to.

mido needs a backend (python-rtmidi, ``pip install "osc-composer[midi]"``) to reach real
ports. Without one the server says so once and plays over OSC only.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import mido

from .playback import PlayEvent

log = logging.getLogger("osc_composer.live.midi_out")

VIRTUAL_PORT_NAME = "osc-composer"
ALL_NOTES_OFF = 123  # MIDI control change


class MidiSink:
    """Sends played events to a mido output port (anything with mido's ``send(message)``)."""

    def __init__(self, port: Any, channel: int = 0) -> None:
        self.port = port
        self.channel = channel
        self._lock = threading.Lock()  # panic comes from the receive thread, notes from the scheduler

    def send(self, events: list[PlayEvent]) -> None:
        with self._lock:
            for event in events:
                if event.is_on:
                    message = mido.Message(
                        "note_on", channel=self.channel, note=event.pitch, velocity=event.velocity
                    )
                else:
                    message = mido.Message("note_off", channel=self.channel, note=event.pitch, velocity=0)
                self.port.send(message)

    def panic(self) -> None:
        with self._lock:
            self.port.send(mido.Message("control_change", channel=self.channel, control=ALL_NOTES_OFF))
            for pitch in range(128):  # some synths ignore CC 123
                self.port.send(mido.Message("note_off", channel=self.channel, note=pitch, velocity=0))

    def close(self) -> None:
        close = getattr(self.port, "close", None)
        if close is not None:
            close()


def open_midi_output(name: str | None) -> MidiSink | None:
    """A sink on port ``name``, or on a new virtual port "osc-composer" when ``name`` is None.

    Returns None (after logging why) when mido has no backend or the port cannot be opened:
    the server then keeps serving, over OSC only.
    """
    try:
        port = mido.open_output(VIRTUAL_PORT_NAME, virtual=True) if name is None else mido.open_output(name)
    except ImportError as exc:
        log.warning(
            'MIDI out disabled: mido has no MIDI backend (%s); pip install "osc-composer[midi]" '
            "for python-rtmidi. Playing over OSC only.",
            exc,
        )
        return None
    except (OSError, NotImplementedError, ValueError) as exc:
        # NotImplementedError: a backend without virtual ports (Windows' MultiMedia API)
        try:
            names = ", ".join(mido.get_output_names()) or "none"
        except Exception:  # listing needs the same backend that just failed
            names = "unknown"
        log.warning(
            "MIDI out disabled: cannot open %s (%s); output ports: %s", name or "a virtual port", exc, names
        )
        return None
    log.info("MIDI out on port %r", getattr(port, "name", name or VIRTUAL_PORT_NAME))
    return MidiSink(port)
