"""Interpolated modified Kneser-Ney n-grams over event tokens."""

from __future__ import annotations

import math

import numpy as np
import pytest

from osc_composer.evaluation.ngram import NGramModel, augment_transpositions, fit_ngrams, score_ngrams
from osc_composer.music.encoding import BOS, Vocabulary, transpose_tokens

VOCAB = Vocabulary()


def pattern_stream(repeats: int, pattern: tuple[int, ...] = (40, 50, 60, 50, 40, 70, 80, 90)) -> np.ndarray:
    tokens = [VOCAB.pitch_token(60 + p % 12) if i % 2 == 0 else VOCAB.shift_token(1 + p % 7)
              for i, p in enumerate(pattern)]  # fmt: skip
    return np.asarray([BOS, *tokens * repeats], np.int64)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_every_distribution_sums_to_one_and_gives_every_event_a_chance(order: int) -> None:
    rng = np.random.default_rng(order)
    streams = [np.concatenate([[BOS], rng.integers(2, VOCAB.size, 300)]) for _ in range(5)]
    model = NGramModel.fit(streams, order, VOCAB.size)
    seen = np.stack([streams[0][i : i + 3] for i in range(0, 30, 3)])  # histories from the data
    unseen = rng.integers(2, VOCAB.size, (10, 3))
    probs = model.distributions(np.concatenate([seen, unseen]))
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-9)
    assert probs.min() > 0
    assert model.probability([BOS], int(streams[0][1])) == pytest.approx(
        model.distributions(np.asarray([[BOS] * 3]))[0, streams[0][1]]
    )


def test_higher_orders_beat_uniform_and_lower_orders_on_repetitive_data() -> None:
    models = fit_ngrams([pattern_stream(40), pattern_stream(25)], (1, 2, 3, 4), VOCAB.size)
    scores = score_ngrams(models, [pattern_stream(10)])
    uniform = math.log(VOCAB.size)
    assert all(score.nll < uniform for score in scores.values())
    assert scores[4].nll < scores[2].nll < scores[1].nll
    assert scores[4].nll < 0.1 and scores[4].accuracy > 0.95
    assert scores[1].events == len(pattern_stream(10)) - 1  # every token after BOS is a target


def test_scoring_one_model_equals_scoring_it_among_others() -> None:
    streams = [pattern_stream(20)]
    models = fit_ngrams(streams, (2, 3), VOCAB.size)
    together = score_ngrams(models, [pattern_stream(3)])
    assert models[3].score([pattern_stream(3)]).nll == pytest.approx(together[3].nll)


def test_transposed_copies_stay_inside_the_midi_range() -> None:
    # a note at pitch 2 and its end (the default vocabulary ends notes with NOTE_OFF)
    stream = np.asarray([BOS, VOCAB.pitch_token(2), VOCAB.shift_token(1), VOCAB.note_off_token(2)], np.int64)
    copies = augment_transpositions([stream], 5, VOCAB)
    assert len(copies) == 8  # -2 … +5
    assert any(np.array_equal(c, transpose_tokens(stream, 5, VOCAB)) for c in copies)


def test_bad_orders_and_empty_data_are_refused() -> None:
    with pytest.raises(ValueError, match="orders"):
        fit_ngrams([pattern_stream(2)], (0,), VOCAB.size)
    with pytest.raises(ValueError, match="no training events"):
        fit_ngrams([np.asarray([BOS])], (2,), VOCAB.size)


def test_a_bigram_matches_interpolated_modified_kneser_ney_written_out_by_hand() -> None:
    """Chen & Goodman's formulas with dictionaries, against the vectorised model."""
    from collections import Counter

    rng = np.random.default_rng(0)
    size = 40
    zipf = 1 / np.arange(1, size - 1)  # skewed, so counts of 1 to 4 all occur at both levels
    streams = [
        np.concatenate([[BOS], 2 + rng.choice(size - 2, n, p=zipf / zipf.sum())]) for n in (150, 100, 200)
    ]
    pairs = Counter((int(s[i - 1]), int(s[i])) for s in streams for i in range(1, len(s)))

    def discounts(counts: list[int]) -> tuple[float, float, float]:
        n1, n2, n3, n4 = (counts.count(i) for i in (1, 2, 3, 4))
        y = n1 / (n1 + 2 * n2)
        return 1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3

    def discount(count: int, table: tuple[float, float, float]) -> float:
        return table[min(count, 3) - 1]

    continuation = Counter(w for (_, w) in pairs)  # in how many contexts each event follows
    d_low = discounts(list(continuation.values()))
    low_total = sum(continuation.values())
    gamma_low = sum(discount(c, d_low) for c in continuation.values()) / low_total
    unigram = np.full(size, gamma_low / size)
    for w, c in continuation.items():
        unigram[w] += (c - discount(c, d_low)) / low_total

    d_top = discounts(list(pairs.values()))
    model = NGramModel.fit(streams, 2, size)
    for h in range(size):
        history_total = sum(c for (v, _), c in pairs.items() if v == h)
        if not history_total:
            expected = unigram
        else:
            left = sum(discount(c, d_top) for (v, _), c in pairs.items() if v == h)
            expected = unigram * left / history_total
            for (v, w), c in pairs.items():
                if v == h:
                    expected[w] += (c - discount(c, d_top)) / history_total
        np.testing.assert_allclose(model.distributions(np.asarray([[h]]))[0], expected, rtol=1e-12)
