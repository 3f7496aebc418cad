"""What of music21's corpus may train a shipped model, and why: the terms found on disk, quoted.

:data:`CORPUS_DECISIONS` records, for every directory of music21's corpus, whether it may
train a shipped model (``train``), only evaluate one (``evaluation only``) or is not used,
quoting the licence texts found on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

# Quoted verbatim from music21/corpus/license.txt (music21 10.5); tests check the quote.


# Quoted verbatim from music21/corpus/license.txt (music21 10.5); tests check the quote.
MUSIC21_CORPUS_LICENSE = (
    "The BSD licensed music21 software is distributed with a corpus of encoded compositions "
    "which are distributed with the permission of the encoders (and, where needed, the "
    "composers or arrangers) and where permitted under United States copyright law. "
    "Some encodings included in the corpus may not be used for commercial uses or have "
    "other restrictions: please see the licenses embedded in individual compositions or "
    "directories for more details."
)
MUSIC21_CORPUS_STATUS = (
    "To the best of our knowledge, the each piece of music in the corpus is "
    "either out of copyright in the United States or is licensed for use, though there may be "
    "restrictions on commercial use."
)
# Quoted verbatim from music21/corpus/essenFolksong/license.txt; tests check the quotes.
ESSEN_STATUS = (
    "The legal status of the Essen folksong database is unclear, as the data has been input by many people."
)
ESSEN_PERMISSION = (
    "The project was taken over by Prof. AMU Dr. Habil. Ewa Dahlig-Turek, who has given "
    "permission for non-commercial distribution and use of these files in music21."
)


# --- terms: what may train a shipped model ------------------------------------------------

TRAIN = "train"
EVALUATION_ONLY = "evaluation only"
NOT_USED = "not used"


@dataclass(frozen=True)
class TermsDecision:
    """Whether some files of music21's corpus may train a shipped model, and why."""

    directories: tuple[str, ...]  # directories of music21's corpus
    files: str  # which of their files, in words
    verdict: str  # TRAIN, EVALUATION_ONLY or NOT_USED
    reason: str  # why, quoting the terms (or their absence) found on disk

    def text(self) -> str:
        return f"- {', '.join(self.directories)} ({self.files}): {self.verdict}. {self.reason}"


_NO_LICENCE = "no licence is embedded in the files, so music21's corpus licence governs them"

# The rest of music21's corpus directories (music21 10.5): art music that no set draws from.
# fmt: off
_OTHER_DIRECTORIES = (
    "beach", "beethoven", "chopin", "ciconia", "corelli", "cpebach", "demos", "handel", "haydn",
    "johnson_j_r", "joplin", "liliuokalani", "luca", "lusitano", "monteverdi", "mozart",
    "schoenberg", "schubert", "schumann_clara", "schumann_robert", "theoryExercises", "trecento",
    "verdi", "weber", "webern",
)
# fmt: on

CORPUS_DECISIONS: tuple[TermsDecision, ...] = (
    TermsDecision(
        ("bach",),
        "the chorales' MusicXML files, .mxl and .xml",
        TRAIN,
        "Music by J. S. Bach (1685-1750), public domain. Encodings from Margaret Greentree's "
        "jsbchorales.net, whose title pages read 'PDF © 2004 Margaret Greentree'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("bach",),
        "bwv277.krn, bwv281.krn, bwv366.krn",
        NOT_USED,
        "Each says '!!!YEC: Copyright 1994, Center for Computer Assisted Research in the "
        "Humanities' and '!!!YEM: Rights to all derivative electronic formats reserved.'",
    ),
    TermsDecision(
        ("oneills1850",),
        "all 39 .abc files",
        TRAIN,
        "O'Neill's Music of Ireland (Chicago, 1903), public-domain melodies. ABC transcriptions "
        "by volunteers named in Z: fields ('Transcribed by Norbert Paap', '1997 by John "
        "Chambers'); " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("ryansMammoth",),
        "all 1,059 .abc files",
        TRAIN,
        "Ryan's Mammoth Collection (Boston, 1883), public domain ('B:Ryan's Mammoth "
        "Collection'); 264 files were transcribed from its 1940 reprint of the same tunes "
        "('B:Cole's 1000 Fiddle Tunes'). Contributors in Z: fields ('Contributed by Ray "
        "Davies', 'Bob Puckette', 'John B. Walsh'); " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("airdsAirs",),
        "book1.abc to book6.abc",
        TRAIN,
        "James Aird's 'A Selection of Scotch, English, Irish and Foreign Airs adapted to the "
        "Fife, Violin, or German-Flute' (Glasgow, '1778 (often cited as 1782)' onwards), public "
        "domain; every tune says 'Z:Jack Campin * www.campin.me.uk * 2009'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("miscFolk",),
        "northumbrianminstrelsyopus.abc",
        TRAIN,
        "'Tunes from Bruce and Stokoe, \"Northumbrian Minstrelsy\", 1882', public domain; "
        "'Z:Jack Campin, http://www.campin.me.uk/'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("miscFolk",),
        "americanfifeopus.abc",
        NOT_USED,
        "Provenance unclear: its encoder writes 'I downloaded this from a site that has now "
        "disappeared' and 'I have no clear recollection of the context for these tunes'; "
        "many tunes are two voices ('splitting chordally notated music into two linear voices').",
    ),
    TermsDecision(
        ("nottingham-dataset",),
        "reelsa-c.abc (two tunes)",
        NOT_USED,
        "The only provenance is '% Nottingham Music Database' with 'S:Scottish, via EF' and "
        "'S:Joy, via EF': no composer, date or terms, and two tunes would not change the mixture.",
    ),
    TermsDecision(
        ("leadSheet",),
        "berlinAlexandersRagtime.mxl, fosterBrownHair.mxl",
        NOT_USED,
        "The Berlin lead sheet's rights field says 'All Rights Reserved'; the Foster one says "
        "'Public Domain' but is a single song with chord symbols.",
    ),
    TermsDecision(
        ("essenFolksong",),
        "all .abc files",
        EVALUATION_ONLY,
        f"Not for training a shipped model: license.txt says '{ESSEN_STATUS}' and "
        f"'{ESSEN_PERMISSION}' The set 'essen' exports a selection to evaluate models on.",
    ),
    TermsDecision(
        ("palestrina",),
        "all 1,318 .krn files",
        NOT_USED,
        "Not for training: each says '!!!YEC: Copyright 2000, John Miller', '!!!YEM: Rights to "
        "all derivative electronic formats reserved.' and '!!!YEM: This file must be accompanied "
        "by the licensing agreement.'",
    ),
    TermsDecision(
        ("josquin",),
        "all 8 .abc files",
        NOT_USED,
        "Each says 'Copyright (C) 1999  Laura E. Conrad' and is licensed under the 'GNU General "
        "Public License' version 2 or later, whose reach over a trained model is unsettled; "
        "Renaissance polyphony is outside this mixture anyway.",
    ),
    TermsDecision(
        _OTHER_DIRECTORIES,
        "all files",
        NOT_USED,
        "Art music outside this mixture's styles; their per-file terms were not reviewed, and "
        "music21's licence warns that 'Some encodings included in the corpus may not be used for "
        "commercial uses or have other restrictions'.",
    ),
)
"""The terms decision for every directory of music21's corpus (music21 10.5)."""


def decisions_text() -> str:
    """:data:`CORPUS_DECISIONS` as text for a model card or ``corpus --list``."""
    lines = [d.text() for d in CORPUS_DECISIONS]
    return "Which parts of music21's corpus may train a shipped model (terms read on disk):\n" + "\n".join(
        lines
    )
