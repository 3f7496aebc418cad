"""The numpy inference engine: agreement with Keras, the continuation grammar, sampling.

Fast and deterministic: tiny models, fixed random seeds, no wall-clock assertions.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import broken_models
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osc_composer.engine.generate import MAX_SEED_TOKENS, Engine, GenerationRequest
from osc_composer.engine.loader import load_engine
from osc_composer.engine.lstm import LstmState, lstm_step
from osc_composer.engine.params import SamplingParams
from osc_composer.engine.sampler import GenerationError, sample_rows
from osc_composer.engine.weights import LstmLayer, LstmWeights
from osc_composer.model.files import ModelConfig, ModelMetadata, build_model, list_models
from osc_composer.music.encoding import BOS, DURATION_ENCODING, NOTE_OFF_ENCODING, Vocabulary, notes_to_tokens
from osc_composer.music.notes import Note, transpose_notes
from osc_composer.music.theory import SCALES, allowed_pitches

VOCAB = Vocabulary()
GRAMMAR = settings(max_examples=100, deadline=None)


# --- fixtures and helpers ------------------------------------------------------------------
def random_weights(vocab: Vocabulary, units: tuple[int, ...] = (24, 16), scale: float = 0.5, seed: int = 0):
    """An engine network with random weights, no Keras needed (any vocabulary)."""
    rng = np.random.default_rng(seed)

    def normal(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    layers = [LstmLayer(None, normal(units[0], 4 * units[0]), normal(4 * units[0]))]
    for previous, current in pairwise(units):
        gates = 4 * current
        layers.append(LstmLayer(normal(previous, gates), normal(current, gates), normal(gates)))
    table = normal(vocab.size, 4 * units[0])
    return LstmWeights(table, tuple(layers), normal(units[-1], vocab.size), normal(vocab.size))


@pytest.fixture(scope="module")
def engine(small_model_path: Path) -> Engine:
    """The conftest model (2×32 LSTM, random weights) through the real file format."""
    return load_engine(str(small_model_path))


@pytest.fixture(scope="module")
def peaked_engine() -> Engine:
    """Large random weights: a confident network (the likeliest event has >= 5 % everywhere)."""
    return Engine(random_weights(VOCAB, units=(32, 32), scale=1.0, seed=1), VOCAB, "peaked")


TINY_VOCAB = Vocabulary(steps_per_beat=4, max_shift_steps=3, max_duration_steps=5, velocity_bins=7)


@pytest.fixture(scope="module")
def tiny_engine() -> Engine:
    """Tiny limits: long rests need chained shifts, long notes are impossible."""
    return Engine(random_weights(TINY_VOCAB, scale=0.3), TINY_VOCAB, "tiny")


def phrase(count: int = 12, start: float = 0.0, step: float = 0.5, velocity: int = 80) -> list[Note]:
    return [Note(60 + (i * 5) % 17, velocity, start + i * step, step) for i in range(count)]


def steps(beats: float, vocab: Vocabulary) -> int:
    value = beats * vocab.steps_per_beat
    assert abs(value - round(value)) < 1e-6, f"{beats} beats is off the grid"
    return round(value)


def check_continuation(
    notes: list[Note],
    params: SamplingParams,
    vocab: Vocabulary = VOCAB,
    held: list[tuple[int, int]] = (),
) -> None:
    """Everything a continuation promises, checked in grid steps.

    ``held``: (pitch, end step) of seed notes still sounding at the origin; they count for
    polyphony and block their pitch.
    """
    total = int(np.floor(params.length * vocab.steps_per_beat + 1e-9))
    ok = allowed_pitches(params.key, params.scale, params.low, params.high)
    spans = [(n.pitch, steps(n.start_beats, vocab), steps(n.duration_beats, vocab)) for n in notes]
    for note, (pitch, start, length) in zip(notes, spans, strict=True):
        assert start >= 0 and note.start_beats >= 0
        assert length >= 1, note
        assert start + length <= total, (note, params.length)
        assert note.end_beats <= params.length + 1e-9, (note, params.length)
        assert ok[pitch], f"pitch {pitch} outside {params.key} {params.scale} {params.low}..{params.high}"
        assert 1 <= note.velocity <= 127
    intervals = [(p, s, s + d) for p, s, d in spans] + [(p, 0, end) for p, end in held if end > 0]
    by_pitch = defaultdict(list)
    for pitch, start, end in intervals:
        by_pitch[pitch].append((start, end))
    for pitch, spans_of_pitch in by_pitch.items():
        spans_of_pitch.sort()
        for (_, end), (start, _) in pairwise(spans_of_pitch):
            assert start >= end, f"two notes of pitch {pitch} overlap"
    for _, start, _ in intervals:
        sounding = sum(1 for _, s, e in intervals if s <= start < e)
        held_now = sum(1 for _, e in held if e > start)
        assert sounding <= max(params.polyphony, held_now), f"{sounding} notes sounding at step {start}"


def check_result(result, params: SamplingParams, vocab: Vocabulary = VOCAB) -> None:
    assert len(result.variations) == params.variations
    assert result.length_beats == params.length
    for notes in result.variations:
        check_continuation(notes, params, vocab)


# --- the network against Keras -------------------------------------------------------------
def keras_model_with_random_weights(config: ModelConfig, seed: int = 0):
    import keras

    keras.utils.set_random_seed(seed)
    model = build_model(VOCAB, config)
    # all weights random, biases included (Keras initialises them to 0/1): every term counts
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(0, 0.3, w.shape).astype(np.float32) for w in model.get_weights()])
    return model


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def test_logits_match_keras_lstm_two_layers() -> None:
    config = ModelConfig(units=48, layers=2, embedding_dim=24, dropout=0.2)
    model = keras_model_with_random_weights(config)
    engine = Engine.from_keras(model, ModelMetadata("t", VOCAB, config))
    tokens = np.random.default_rng(1).integers(0, VOCAB.size, 60)
    expected = np.asarray(model(tokens[None].astype(np.int32), training=False))[0]
    assert np.abs(expected).max() > 0.5  # a meaningful comparison, not near-zero outputs
    np.testing.assert_allclose(engine.logits(tokens), expected, atol=1e-5, rtol=1e-5)
    _, last = engine.prime(tokens)
    np.testing.assert_allclose(last[0], expected[-1], atol=1e-5, rtol=1e-5)


def test_probabilities_match_keras_seed_architecture() -> None:
    config = ModelConfig(architecture="seed")
    model = keras_model_with_random_weights(config, seed=2)
    engine = Engine.from_keras(model, ModelMetadata("t", VOCAB, config))
    assert [layer.units for layer in engine.weights.layers] == [128]
    tokens = np.random.default_rng(3).integers(0, VOCAB.size, 40)
    expected = np.asarray(model(tokens[None].astype(np.int32), training=False))[0]
    np.testing.assert_allclose(expected.sum(axis=-1), 1.0, atol=1e-5)  # Keras gives probabilities
    np.testing.assert_allclose(softmax(engine.logits(tokens)), expected, atol=1e-6, rtol=1e-4)
    _, last = engine.prime(tokens)
    np.testing.assert_allclose(softmax(last[0]), expected[-1], atol=1e-6, rtol=1e-4)


def test_model_file_round_trip_matches_keras(small_model_path: Path, engine: Engine) -> None:
    from osc_composer.model.files import load_model

    model, _ = load_model(small_model_path)
    tokens = np.random.default_rng(4).integers(0, VOCAB.size, 30)
    events = np.zeros((1, len(tokens), 4), np.int32)  # controls auto
    events[0, :, 0] = tokens
    expected = np.asarray(model(events, training=False))[0]
    np.testing.assert_allclose(engine.logits(tokens), expected, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("architecture", ["lstm", "seed"])
def test_weights_read_without_tensorflow_match_keras(architecture: str, tmp_path: Path) -> None:
    """load_engine reads the archive with zip + HDF5; the Keras model stays the reference."""
    import keras

    from osc_composer.model.files import load_model, read_saved_layers, save_model

    keras.utils.set_random_seed(3)
    config = ModelConfig(architecture=architecture, units=24, layers=1, embedding_dim=8, dropout=0.1)
    path = save_model(tmp_path / "m.keras", build_model(VOCAB, config), ModelMetadata("m", VOCAB, config))
    _, layers = read_saved_layers(path)
    from_file = Engine(LstmWeights.from_layers(layers), VOCAB, "m")
    model, _ = load_model(path)
    tokens = np.random.default_rng(8).integers(0, VOCAB.size, 20)
    expected = np.asarray(model(tokens[None].astype(np.int32), training=False))[0]
    if architecture == "seed":  # softmax output: compare log-probabilities
        expected = np.log(expected)
        got = from_file.logits(tokens)
        got = (
            got
            - np.log(np.exp(got - got.max(1, keepdims=True)).sum(1, keepdims=True))
            - got.max(1, keepdims=True)
        )
        np.testing.assert_allclose(got, expected, atol=1e-4, rtol=1e-4)
    else:
        np.testing.assert_allclose(from_file.logits(tokens), expected, atol=1e-5, rtol=1e-5)


def test_controls_match_keras_and_change_the_answer(small_model_path: Path, engine: Engine) -> None:
    """A model with controls: the engine's control vectors give Keras's logits for any
    (style, voices, density), and another style or texture changes them."""
    from osc_composer.model.files import load_model

    model, _ = load_model(small_model_path)
    assert engine.has_controls and engine.styles == ("chorale", "dance")
    tokens = np.random.default_rng(5).integers(0, VOCAB.size, 25)
    answers = []
    for classes in [(0, 0, 0), (1, 4, 2), (2, 1, 3)]:
        events = np.zeros((1, len(tokens), 4), np.int32)
        events[0, :, 0] = tokens
        events[0, :, 1:] = classes
        expected = np.asarray(model(events, training=False))[0]
        state, first = engine.prime(tokens[:1], engine.control_vector(classes))
        got = [first[0]] + [lstm_step(engine.weights, np.asarray([t]), state)[0] for t in tokens[1:]]
        np.testing.assert_allclose(np.stack(got), expected, atol=1e-5, rtol=1e-5)
        answers.append(expected)
    assert not np.allclose(answers[0], answers[1]) and not np.allclose(answers[1], answers[2])


def test_auto_controls_are_the_seeds_texture_and_unknown_styles_are_refused(engine: Engine) -> None:
    from osc_composer.engine.params import ParamError

    melody = phrase(8)
    chords = [Note(p, 80, float(b), 1.0) for b in range(8) for p in (48, 55, 64, 72)]
    assert engine.controls_for(melody, SamplingParams()) == (0, 1, 3)  # one voice, eighth notes
    assert engine.controls_for(chords, SamplingParams()) == (0, 4, 2)  # four voices, quarters
    assert engine.controls_for(chords, SamplingParams.create(style="dance", voices=2)) == (2, 2, 2)
    assert engine.controls_for([], SamplingParams()) == (0, 0, 0)
    with pytest.raises(ParamError, match="chorale, dance"):
        engine.controls_for(melody, SamplingParams.create(style="polka"))
    a = engine.continue_notes(chords, SamplingParams.create(seed=4, style="chorale", length=16))
    b = engine.continue_notes(chords, SamplingParams.create(seed=4, style="dance", length=16))
    assert a.variations != b.variations


def test_the_seeds_voices_cap_the_answer_unless_asked_otherwise(engine: Engine) -> None:
    from osc_composer.music.texture import most_sounding

    melody = phrase(8)
    for seed in range(6):
        loose = SamplingParams.create(seed=seed, length=16.0, temperature=2.0)
        assert most_sounding(engine.continue_notes(melody, loose).variations[0]) <= 1
        two = SamplingParams.create(seed=seed, length=16.0, temperature=2.0, voices=2)
        assert most_sounding(engine.continue_notes(melody, two).variations[0]) <= 2
    free = SamplingParams.create(seed=0, length=32.0, temperature=2.0, voices=4, variations=8)
    assert max(most_sounding(v) for v in engine.continue_notes(melody, free).variations) > 2


def test_held_seed_notes_end_where_the_seed_ends_them(engine: Engine) -> None:
    """Note-off encoding: a seed note sounding past the origin is ended by the engine at the
    seed's own end, never earlier (the model does not choose it), so polyphony counts it
    until then."""
    held = [Note(60, 90, 0.0, 5.0), Note(64, 90, 0.0, 7.0)]
    for seed in range(8):
        params = SamplingParams.create(polyphony=2, length=4.0, seed=seed, temperature=2.0)
        notes = engine.generate([GenerationRequest(held, params, origin_beats=4.0)])[0].variations[0]
        assert all(n.start_beats >= 1.0 for n in notes), notes  # two voices held for one beat
        check_continuation(notes, params, held=[(60, 12), (64, 36)])


def test_server_path_loads_models_without_importing_tensorflow(small_model_path: Path) -> None:
    code = (
        "import sys; from osc_composer.engine.loader import load_engine; "
        f"e = load_engine({str(small_model_path)!r}); "
        "print(e.vocab.size, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(VOCAB.size), "False", "False"]


def test_a_layer_the_engine_cannot_run_is_refused_by_name(tmp_path: Path) -> None:
    import keras

    from osc_composer.model.files import ModelFileError, read_saved_layers, save_model

    tokens = keras.Input((None,), dtype="int32")
    x = keras.layers.Embedding(VOCAB.size, 8)(tokens)
    x = keras.layers.LSTM(16, return_sequences=True)(x)
    x = keras.layers.LayerNormalization()(x)  # the engine cannot run this: refused, not ignored
    model = keras.Model(tokens, keras.layers.Dense(VOCAB.size)(x))
    path = save_model(tmp_path / "odd.keras", model, ModelMetadata("odd", VOCAB, ModelConfig()))
    _, layers = read_saved_layers(path)
    with pytest.raises(ValueError, match="LayerNormalization"):
        LstmWeights.from_layers(layers)
    with pytest.raises(ValueError, match="LayerNormalization"):
        load_engine(str(path))  # refused without loading Keras: Keras would not change the answer
    path.write_bytes(b"not a zip")
    with pytest.raises(ModelFileError, match=r"not a \.keras"):
        load_engine(str(path))


# --- hostile model files: refused before use, never a hang -------------------------------------
@pytest.mark.parametrize(
    ("breaker", "reason"),
    [
        (broken_models.with_nan_weights, "NaN or infinite"),
        (broken_models.with_wrong_shape, "recurrent has shape"),
        (broken_models.with_huge_declared_dataset, "its weights declare 204.* MB, over the 256 MB limit"),
        (broken_models.with_zip_bomb, "its members declare 30"),
        (lambda source, target: broken_models.as_fifo(target), "not a regular file"),
        (lambda source, target: broken_models.as_link_to_dev_zero(target), "not a regular file"),
    ],
    ids=["nan", "shape", "huge-dataset", "zip-bomb", "fifo", "dev-zero"],
)
def test_hostile_model_files_are_refused_with_a_reason(
    small_model_path: Path, tmp_path: Path, breaker, reason: str
) -> None:
    path = breaker(small_model_path / "model.keras", tmp_path / "hostile.keras")
    with pytest.raises(ValueError, match=reason) as caught:
        load_engine(path)
    assert "\n" not in str(caught.value)
    if reason == "not a regular file":  # listing the folder skips them at once too
        assert list_models(tmp_path) == {}


@pytest.mark.parametrize("encoding", [DURATION_ENCODING, NOTE_OFF_ENCODING])
def test_nan_logits_are_an_error_not_an_endless_loop(encoding: str) -> None:
    vocab = Vocabulary(encoding=encoding)
    weights = random_weights(vocab)
    # built directly, past check(): NaN scores reaching the sampler used to pick a token that
    # moves no row on, forever
    poisoned = LstmWeights(
        weights.input_table,
        weights.layers,
        np.full_like(weights.dense_kernel, np.nan),
        weights.dense_bias,
    )
    with pytest.raises(ValueError, match="NaN or infinite"):
        poisoned.check()
    request = GenerationRequest(phrase(), SamplingParams.create(length=4.0, seed=1))
    with pytest.raises(GenerationError, match="no finite score"):
        Engine(poisoned, vocab).generate([request])


def test_flops_per_token_counts_every_matrix(engine: Engine) -> None:
    w = engine.weights
    # 2×32 LSTM: recurrent 32×128 twice, layer-2 input 32×128, dense 32×vocab (the input is a lookup)
    assert w.flops_per_token == 2 * (3 * 32 * 128 + 32 * VOCAB.size)


def test_batch_rows_are_independent(engine: Engine) -> None:
    rng = np.random.default_rng(5)
    sequences = rng.integers(0, VOCAB.size, (4, 25))
    batch_state = LstmState.zeros(engine.weights, 4)
    row_states = [LstmState.zeros(engine.weights, 1) for _ in range(4)]
    for t in range(sequences.shape[1]):
        together = lstm_step(engine.weights, sequences[:, t], batch_state)
        alone = np.concatenate(
            [lstm_step(engine.weights, sequences[r : r + 1, t], row_states[r]) for r in range(4)]
        )
        np.testing.assert_allclose(together, alone, atol=1e-5, rtol=1e-5)


def test_prime_equals_stepping_and_state_continues(engine: Engine) -> None:
    tokens = np.random.default_rng(6).integers(0, VOCAB.size, 70)
    state, last = engine.prime(tokens[:50])
    np.testing.assert_allclose(last[0], engine.logits(tokens[:50])[-1], atol=1e-5, rtol=1e-5)
    for token in tokens[50:]:
        last = lstm_step(engine.weights, np.asarray([token]), state)
    np.testing.assert_allclose(last[0], engine.logits(tokens)[-1], atol=1e-5, rtol=1e-5)


def test_priming_seeds_of_different_lengths_together_equals_priming_each(engine: Engine) -> None:
    rng = np.random.default_rng(9)
    seeds = [rng.integers(0, VOCAB.size, n) for n in (1, 37, 5, 60, 60)]
    together = engine.prime_many(seeds)
    for seed, (state, logits) in zip(seeds, together, strict=True):
        alone_state, alone_logits = engine.prime(seed)
        np.testing.assert_allclose(logits, alone_logits, atol=1e-5, rtol=1e-5)
        np.testing.assert_allclose(logits[0], engine.logits(seed)[-1], atol=1e-5, rtol=1e-5)
        for mine, theirs in zip(state.h + state.c, alone_state.h + alone_state.c, strict=True):
            np.testing.assert_allclose(mine, theirs, atol=1e-5, rtol=1e-5)


def test_cached_priming_gives_the_same_continuations(small_model_path: Path) -> None:
    cached, uncached = load_engine(str(small_model_path)), load_engine(str(small_model_path))
    uncached.prime_cache_size = 0
    seed = [Note(60 + i % 5, 90, i * 0.5, 0.5) for i in range(12)]
    other = [Note(48, 70, 0, 2.0)]
    requests = [
        GenerationRequest(seed, SamplingParams.create(seed=s, variations=2, length=4)) for s in range(3)
    ] + [GenerationRequest(other, SamplingParams.create(seed=5, length=4))]
    first = cached.generate(requests)
    again = cached.generate(requests)  # every seed now comes from the cache (and must not be mutated)
    reference = uncached.generate(requests)
    assert len(cached._prime_cache) == 2 and not uncached._prime_cache
    for a, b, c in zip(first, again, reference, strict=True):
        assert a.variations == b.variations == c.variations


# --- the continuation grammar --------------------------------------------------------------
params_strategy = st.builds(
    SamplingParams.create,
    temperature=st.sampled_from([0.05, 0.5, 1.0, 2.0, 5.0]),
    top_k=st.sampled_from([0, 0, 1, 3, 40]),
    top_p=st.sampled_from([1.0, 1.0, 0.5, 0.01]),
    length=st.one_of(st.sampled_from([0.25, 1.0, 4.0, 16.0]), st.floats(0.25, 12.0)),
    variations=st.integers(1, 3),
    seed=st.integers(0, 2**31 - 1),
    key=st.integers(0, 11),
    scale=st.sampled_from(sorted(SCALES)),
    low=st.integers(0, 100),
    polyphony=st.integers(1, 5),
)


@st.composite
def params_and_seeds(draw):
    params = draw(params_strategy)
    params = params.with_values(high=draw(st.integers(params.low, 127)))
    seed = draw(
        st.lists(
            st.builds(
                Note,
                pitch=st.integers(0, 127),
                velocity=st.integers(1, 127),
                start_beats=st.floats(0, 20, allow_nan=False),
                duration_beats=st.floats(0, 10, allow_nan=False),
            ),
            max_size=30,
        )
    )
    return params, seed


@GRAMMAR
@given(case=params_and_seeds())
def test_continuations_follow_the_grammar_and_constraints(engine: Engine, case) -> None:
    params, seed = case
    check_result(engine.continue_notes(seed, params), params)


@GRAMMAR
@given(case=params_and_seeds())
def test_grammar_with_tiny_vocabulary_limits(tiny_engine: Engine, case) -> None:
    params, seed = case
    check_result(tiny_engine.continue_notes(seed, params), params, TINY_VOCAB)


@pytest.mark.parametrize("scale", ["major", "minor", "blues", "whole_tone", "major_pentatonic", "dorian"])
def test_key_and_range_constraint_for_many_seeds(engine: Engine, peaked_engine: Engine, scale: str) -> None:
    notes_seen = 0
    for seed in range(12):
        params = SamplingParams.create(
            key=seed % 12,
            scale=scale,
            low=48 + seed,
            high=72 + seed,
            length=6.0,
            seed=seed,
            temperature=[0.3, 1.0, 3.0][seed % 3],
            polyphony=1 + seed % 4,
        )
        for chosen in (engine, peaked_engine):
            result = chosen.continue_notes(phrase(10), params)
            check_result(result, params)
            notes_seen += sum(len(v) for v in result.variations)
    assert notes_seen > 50  # the check ran on real notes, not on empty continuations


@pytest.mark.parametrize("length", [0.25, 0.3, 1.0, 2.9, 7.77, 16.0, 64.0])
def test_length_is_exactly_respected_even_off_the_grid(engine: Engine, length: float) -> None:
    for seed in range(6):
        params = SamplingParams.create(length=length, seed=seed, variations=2)
        result = engine.continue_notes(phrase(6), params)
        check_result(result, params)


def test_durations_and_rests_of_any_size_are_reachable(engine: Engine) -> None:
    lengths, starts = set(), set()
    for seed in range(10):
        # four voices: no texture cap (a melody seed would cap the answer at one voice)
        params = SamplingParams.create(length=16.0, seed=seed, variations=4, polyphony=16, voices=4)
        for notes in engine.continue_notes(phrase(8), params).variations:
            lengths |= {steps(n.duration_beats, VOCAB) for n in notes}
            starts |= {steps(n.start_beats, VOCAB) for n in notes}
    assert min(lengths) == 1 and max(lengths) > 48
    assert len(starts) > 50


def test_polyphony_counts_seed_notes_still_sounding(engine: Engine) -> None:
    # three seed notes held 2 beats past the origin; polyphony 4 leaves one voice meanwhile
    held = [Note(p, 90, 0.0, 6.0) for p in (60, 64, 67)]
    for seed in range(10):
        params = SamplingParams.create(polyphony=4, length=4.0, seed=seed, temperature=2.0)
        result = engine.generate([GenerationRequest(held, params, origin_beats=4.0)])[0]
        assert result.origin_beats == 4.0
        check_continuation(result.variations[0], params, held=[(60, 24), (64, 24), (67, 24)])
    # polyphony 3: nothing may start while the three are held
    for seed in range(10):
        params = SamplingParams.create(polyphony=3, length=4.0, seed=seed, temperature=2.0)
        result = engine.generate([GenerationRequest(held, params, origin_beats=4.0)])[0]
        assert all(n.start_beats >= 2.0 for n in result.variations[0])


def test_seed_after_the_origin_is_ignored(engine: Engine) -> None:
    seed = phrase(8)  # 4 beats
    params = SamplingParams.create(seed=3)
    cut = engine.generate([GenerationRequest(seed, params, origin_beats=2.0)])[0]
    first_half = engine.generate([GenerationRequest(seed[:4], params, origin_beats=2.0)])[0]
    assert cut.variations == first_half.variations


def test_default_origin_is_the_seed_end_rounded_up_to_a_beat(engine: Engine) -> None:
    result = engine.continue_notes([Note(60, 90, 0.0, 2.5)], SamplingParams.create(seed=1))
    assert result.origin_beats == 3.0


# --- randomness, batches, parameters -------------------------------------------------------
def test_same_seed_same_result_and_different_seeds_differ(engine: Engine) -> None:
    params = SamplingParams.create(seed=1234, length=8.0)
    first = engine.continue_notes(phrase(), params)
    again = engine.continue_notes(phrase(), params)
    assert first.variations == again.variations
    others = [engine.continue_notes(phrase(), params.with_values(seed=s)).variations for s in range(5)]
    assert all(o != first.variations for o in others)
    assert len({str(o) for o in others}) == 5


def test_random_seed_minus_one_is_not_fixed(engine: Engine) -> None:
    params = SamplingParams.create(seed=-1, length=8.0)
    results = {str(engine.continue_notes(phrase(), params).variations) for _ in range(4)}
    assert len(results) > 1


def test_variations_come_back_as_a_batch(engine: Engine) -> None:
    params = SamplingParams.create(variations=7, seed=9, length=4.0)
    result = engine.continue_notes(phrase(), params)
    check_result(result, params)
    assert len({str(v) for v in result.variations}) == 7
    assert result.tokens_sampled >= 7


def test_requests_in_one_batch_each_follow_their_own_params(engine: Engine) -> None:
    params = [
        SamplingParams.create(scale="major", key=2, length=4.0, seed=1, polyphony=1, variations=2),
        SamplingParams.create(scale="minor_pentatonic", key=9, low=40, high=60, length=1.5, seed=2),
        SamplingParams.create(top_k=1, length=12.0, seed=3, variations=3, polyphony=3),
        SamplingParams.create(top_p=0.3, temperature=0.2, length=0.25, seed=4),
        SamplingParams.create(temperature=5.0, length=7.0, seed=5, polyphony=16, variations=4),
    ]
    seeds = [phrase(4), [], phrase(20, step=0.25), phrase(3, start=7.1), phrase(40, step=1 / 3)]
    together = engine.generate([GenerationRequest(s, p) for s, p in zip(seeds, params, strict=True)])
    assert len(together) == len(params)
    for result, p, s in zip(together, params, seeds, strict=True):
        check_result(result, p)
        # a request's result does not depend on what else was in the batch
        alone = engine.generate([GenerationRequest(s, p)])[0]
        assert alone.variations == result.variations
        assert alone.origin_beats == result.origin_beats


def test_a_key_normalised_model_hears_seeds_in_c_and_answers_in_their_key() -> None:
    weights = random_weights(VOCAB, units=(32, 32), scale=1.0, seed=4)
    normalised = Engine(weights, VOCAB, "normalised", key_normalized=True)
    plain = Engine(weights, VOCAB, "plain")
    d_major = [Note(p, 90, i * 0.5, 0.5) for i, p in enumerate((62, 66, 69, 74, 73, 71, 69, 67, 66, 64, 62))]
    assert normalised.key_shift(d_major, SamplingParams()) == -2
    f_major_in_range = SamplingParams.create(seed=3, length=8, key=5, scale="major", low=60, high=70)
    for asked, shift in ((SamplingParams.create(seed=3, length=8), -2), (f_major_in_range, -5)):
        answer = normalised.continue_notes(d_major, asked)
        # the same as moving the seed and the asked key/range by hand and the answer back
        moved = asked.with_values(
            key=(asked.key + shift) % 12,
            low=max(asked.low + shift, 0),  # what moves past 0..127 cannot come back
            high=min(asked.high + shift, 127),
        )
        by_hand = plain.continue_notes(transpose_notes(d_major, shift), moved)
        assert answer.variations[0] == transpose_notes(by_hand.variations[0], -shift)
        assert answer.variations[0], "the random model answered something"
        if asked.scale == "major":
            assert all(n.pitch % 12 in {(5 + s) % 12 for s in SCALES["major"]} for n in answer.variations[0])
            assert all(60 <= n.pitch <= 70 for n in answer.variations[0])


def test_generate_with_no_requests() -> None:
    assert Engine(random_weights(VOCAB), VOCAB).generate([]) == []


def test_top_k_one_is_greedy_whatever_the_seed(engine: Engine) -> None:
    outcomes = set()
    for seed in (-1, 0, 1, 99):
        params = SamplingParams.create(top_k=1, seed=seed, variations=2)
        outcomes |= {str(v) for v in engine.continue_notes(phrase(), params).variations}
    assert len(outcomes) == 1


def test_tiny_top_p_behaves_like_greedy_on_a_confident_model(peaked_engine: Engine) -> None:
    greedy = peaked_engine.continue_notes(phrase(), SamplingParams.create(top_k=1, length=8.0))
    for seed in range(4):
        params = SamplingParams.create(top_p=0.01, seed=seed, length=8.0)
        assert peaked_engine.continue_notes(phrase(), params).variations == greedy.variations
    assert greedy.variations[0]  # the greedy path does play notes


@pytest.mark.parametrize("temperature", [0.05, 5.0])
def test_temperature_extremes_stay_finite(peaked_engine: Engine, engine: Engine, temperature: float) -> None:
    for chosen in (engine, peaked_engine):
        params = SamplingParams.create(temperature=temperature, seed=1, length=16.0, variations=3)
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            result = chosen.continue_notes(phrase(), params)
        check_result(result, params)


def test_empty_seed_starts_from_bos(engine: Engine) -> None:
    tokens, decoder = engine.seed_tokens([], 0.0)
    assert tokens.tolist() == [BOS] and tokens.dtype == np.int64
    assert decoder.velocity_bin is None
    params = SamplingParams.create(seed=2, length=8.0, variations=2)
    result = engine.continue_notes([], params)
    check_result(result, params)
    assert result.origin_beats == 0.0


def test_very_long_seed_is_truncated_and_still_works(engine: Engine) -> None:
    seed = [Note(40 + i % 48, 30 + i % 90, i * 0.25, 0.5) for i in range(10_000)]
    tokens, decoder = engine.seed_tokens(seed, 2501.0)
    assert len(tokens) <= MAX_SEED_TOKENS
    assert engine._is_shift[tokens[0]] or engine._is_velocity[tokens[0]]  # an event boundary
    assert tokens.dtype == np.int64
    full = notes_to_tokens(seed, VOCAB, bos=True)
    assert decoder.velocity_bin == VOCAB.velocity_to_bin(seed[-1].velocity)
    assert len(full) > 20 * MAX_SEED_TOKENS
    params = SamplingParams.create(seed=3, length=4.0)
    result = engine.continue_notes(seed, params)
    check_result(result, params)
    assert result.origin_beats == 2501.0  # the seed ends at 2500.25


def test_long_seed_ending_on_the_origin_is_truncated(engine: Engine) -> None:
    # the origin falls on the last note's grid step: no SHIFT is appended to the seed
    seed = phrase(400)
    origin = seed[-1].start_beats + 0.01
    tokens, _ = engine.seed_tokens(seed, origin)
    assert len(tokens) <= MAX_SEED_TOKENS and tokens.dtype == np.int64
    params = SamplingParams.create(seed=5, length=2.0)
    result = engine.generate([GenerationRequest(seed, params, origin_beats=origin)])[0]
    check_result(result, params)


def test_exact_event_count_for_benchmarks(engine: Engine) -> None:
    params = SamplingParams.create(seed=4, variations=3, length=0.25)
    result = engine.generate([GenerationRequest(phrase(), params)], events=64)[0]
    assert result.tokens_sampled == 3 * 64
    for notes in result.variations:
        assert all(n.duration_beats >= 1 / VOCAB.steps_per_beat for n in notes)


# --- the sampling function -----------------------------------------------------------------
def draw_many(scores: np.ndarray, draws: int, top_k: int = 0, top_p: float = 1.0, needs_sort=None, seed=0):
    batch_scores = np.repeat(scores[None, :].astype(np.float32), draws, axis=0)
    k = np.full(draws, top_k, np.int64)
    p = np.full(draws, top_p, np.float32)
    sort = (top_k > 0 or top_p < 1.0) if needs_sort is None else needs_sort
    rng = np.random.default_rng(seed)
    return sample_rows(batch_scores, k, p, sort, [rng] * draws)


def chi_square(counts: np.ndarray, probs: np.ndarray) -> tuple[float, int]:
    """Pearson's statistic over the outcomes with positive probability, and its degrees of freedom."""
    support = probs > 0
    assert counts[~support].sum() == 0, "drew an outcome of probability zero"
    expected = probs[support] * counts.sum()
    return float(((counts[support] - expected) ** 2 / expected).sum()), int(support.sum()) - 1


def assert_matches(counts: np.ndarray, probs: np.ndarray) -> None:
    statistic, dof = chi_square(counts, probs)
    # far tail of chi²(dof): about 5 standard deviations; the draws are seeded, so never flaky
    assert statistic <= dof + 5 * np.sqrt(2 * dof), (statistic, dof)


LOGITS = np.array([2.0, 1.5, 1.4, 0.3, -0.5, -np.inf, 0.9, -1.0, 3.0, -np.inf, 0.0, 1.0], np.float32)


@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.5])
@pytest.mark.parametrize("sort", [False, True])
def test_sampling_matches_softmax(temperature: float, sort: bool) -> None:
    scores = LOGITS / temperature
    draws = draw_many(scores, 40_000, needs_sort=sort, seed=int(temperature * 10) + sort)
    counts = np.bincount(draws, minlength=len(LOGITS))
    assert_matches(counts, softmax(scores.astype(np.float64)))


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_top_k_never_leaves_the_top_k(k: int) -> None:
    draws = draw_many(LOGITS, 20_000, top_k=k, seed=k)
    top = np.argsort(-LOGITS, kind="stable")[:k]
    assert set(draws.tolist()) <= set(top.tolist())
    probs = np.zeros(len(LOGITS))
    probs[top] = softmax(LOGITS[top].astype(np.float64))
    assert_matches(np.bincount(draws, minlength=len(LOGITS)), probs)


@pytest.mark.parametrize("p", [0.01, 0.3, 0.5, 0.8, 0.95, 0.999])
def test_top_p_never_leaves_the_nucleus(p: float) -> None:
    draws = draw_many(LOGITS, 20_000, top_p=p, seed=int(p * 1000))
    full = softmax(LOGITS.astype(np.float64))
    order = np.argsort(-full, kind="stable")
    mass = np.cumsum(full[order])
    nucleus = order[: int(np.searchsorted(mass, p)) + 1]  # smallest prefix with mass >= p
    assert set(draws.tolist()) <= set(nucleus.tolist())
    probs = np.zeros(len(LOGITS))
    probs[nucleus] = full[nucleus] / full[nucleus].sum()
    assert_matches(np.bincount(draws, minlength=len(LOGITS)), probs)


def test_rows_mix_top_k_top_p_and_plain() -> None:
    rng = np.random.default_rng(11)
    scores = np.tile(LOGITS, (3, 1))
    top_k = np.array([2, 0, 0])
    top_p = np.array([1.0, 0.5, 1.0], np.float32)
    seen = [set(), set(), set()]
    for _ in range(3000):
        choice = sample_rows(scores, top_k, top_p, True, [rng, rng, rng])
        for row in range(3):
            seen[row].add(int(choice[row]))
    assert seen[0] == {8, 0}
    assert seen[1] == {8, 0}  # softmax mass of 3.0 is below 0.5, with 2.0 it crosses
    assert seen[2] == set(np.flatnonzero(np.isfinite(LOGITS)).tolist())


def test_masked_tokens_are_never_drawn_even_with_extreme_scores() -> None:
    scores = np.full(50, -np.inf, np.float32)
    scores[[3, 17]] = [1e30, -1e30]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        for sort in (False, True):
            draws = draw_many(scores, 500, needs_sort=sort)
            assert set(draws.tolist()) == {3}
    only = np.full(50, -np.inf, np.float32)
    only[49] = -3.0  # the last entry, alone
    assert set(draw_many(only, 200).tolist()) == {49}
