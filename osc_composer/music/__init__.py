"""Notes, the token encoding, music theory, texture and MIDI files.

Pure functions over the note list (:class:`~osc_composer.music.notes.Note`); only
:mod:`~osc_composer.music.midi` touches files (through mido). Imports nothing else of the package.
"""
