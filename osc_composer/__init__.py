"""osc-composer: continue musical phrases with a Keras LSTM, over OSC.

Importing the package is cheap: TensorFlow is imported only by the modules that need it
(``model``, ``train``), so the encoding and MIDI layers stay fast to load and test.
"""

from .music.encoding import BOS, PAD, Vocabulary, notes_to_tokens, quantize_notes, tokens_to_notes
from .music.midi import MidiFileError, read_midi, write_midi
from .music.notes import Note, NoteError

__version__ = "0.1.0"

__all__ = [
    "BOS",
    "PAD",
    "MidiFileError",
    "Note",
    "NoteError",
    "Vocabulary",
    "notes_to_tokens",
    "quantize_notes",
    "read_midi",
    "tokens_to_notes",
    "write_midi",
]
