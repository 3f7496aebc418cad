"""Playing along: the live buffer and its settings, the live modes, the clock and scheduler, MIDI out.

Uses the engine; the server drives it.
"""
