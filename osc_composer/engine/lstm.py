"""The LSTM arithmetic in numpy: one step for a batch of rows, and priming a batch of seeds.

Why numpy and not Keras at inference time: the tutorial way (``model.predict`` on a
sliding window for every event) costs seconds per phrase on a small CPU, and even one
compiled TF call per event pays ~0.6 ms of framework overhead, while one numpy LSTM step
of a 2×256 network is ~0.1 ms. So the engine copies the weights out of the Keras model
(which stays the source of truth; a test checks the logits agree to 1e-5) and carries
the LSTM state itself.
"""

from __future__ import annotations

import numpy as np

from .weights import LstmWeights


def _cell(z: np.ndarray, c: np.ndarray, units: int) -> tuple[np.ndarray, np.ndarray]:
    """New (h, c) from fused pre-activations ``z`` (4·units, rows), which it overwrites."""
    np.tanh(z, out=z)
    sigmoids = z[: 3 * units]
    sigmoids *= 0.5
    sigmoids += 0.5  # rows (i, f, o) now hold the sigmoid gates, rows g the tanh one
    c = z[units : 2 * units] * c
    c += z[:units] * z[3 * units :]
    h = np.tanh(c)
    h *= z[2 * units : 3 * units]
    return h, c


class LstmState:
    """Hidden and cell states of every layer for a batch of rows, as columns (units, rows).

    ``controls`` (models with controls): each row's control classes' share of the first
    layer's input, (4·units₁, rows), added at every step: the row's style and texture.
    """

    def __init__(self, h: list[np.ndarray], c: list[np.ndarray], controls: np.ndarray | None = None) -> None:
        self.h = h
        self.c = c
        self.controls = controls

    @classmethod
    def zeros(cls, weights: LstmWeights, batch: int) -> LstmState:
        return cls(
            [np.zeros((layer.units, batch), np.float32) for layer in weights.layers],
            [np.zeros((layer.units, batch), np.float32) for layer in weights.layers],
        )

    def row(self, index: int) -> LstmState:
        """A one-row copy of row ``index``."""
        return LstmState(
            [h[:, index : index + 1].copy() for h in self.h],
            [c[:, index : index + 1].copy() for c in self.c],
            None if self.controls is None else self.controls[:, index : index + 1].copy(),
        )

    def repeat(self, rows: int) -> LstmState:
        """A batch of ``rows`` copies of a one-row state."""
        return LstmState(
            [np.repeat(h, rows, axis=1) for h in self.h],
            [np.repeat(c, rows, axis=1) for c in self.c],
            None if self.controls is None else np.repeat(self.controls, rows, axis=1),
        )

    @classmethod
    def stack(cls, states: list[LstmState]) -> LstmState:
        layers = range(len(states[0].h))
        controls = [s.controls for s in states]
        return cls(
            [np.concatenate([s.h[i] for s in states], axis=1) for i in layers],
            [np.concatenate([s.c[i] for s in states], axis=1) for i in layers],
            None if any(c is None for c in controls) else np.concatenate(controls, axis=1),
        )


def lstm_step(weights: LstmWeights, tokens: np.ndarray, state: LstmState) -> np.ndarray:
    """Advance ``state`` in place by one token per row; returns logits (rows, vocab)."""
    fused = weights.fused
    x = None
    for index, layer in enumerate(fused.layers):
        z = layer.recurrent_t @ state.h[index]
        if layer.kernel_t is None:
            z += fused.input_table[tokens].T
            if state.controls is not None:
                z += state.controls
        else:
            z += layer.kernel_t @ x
            z += layer.bias
        x, state.c[index] = _cell(z, state.c[index], layer.units)
        state.h[index] = x
    logits = fused.dense_t @ x
    logits += fused.dense_bias
    return logits.T


def prime(
    weights: LstmWeights, sequences: list[np.ndarray], controls: np.ndarray | None = None
) -> list[tuple[LstmState, np.ndarray]]:
    """Prime several seeds in one batch: (one-row state, logits (1, vocab)) for each.

    Layer by layer rather than token by token: each layer's recurrence is a loop over
    one matrix that stays in cache, the next layer's input projection for the whole
    seed is one matrix-matrix product, and the output layer runs for the last token only.
    Seeds of different lengths are right-aligned; a row keeps its zero state until its
    first token, so every row's result is exactly what priming it alone gives.
    ``controls`` (models with controls): each row's control vector, (4·units₁, rows).
    """
    fused = weights.fused
    lengths = np.asarray([len(s) for s in sequences], np.int64)
    steps, rows = int(lengths.max(initial=0)), len(sequences)
    starts = steps - lengths
    tokens = np.zeros((steps, rows), np.int64)
    for row, sequence in enumerate(sequences):
        tokens[starts[row] :, row] = sequence
    started = np.arange(steps)[:, None] >= starts[None, :]  # (time, rows)
    all_started = started.all(axis=1)
    state = LstmState.zeros(weights, rows)
    inputs = fused.input_table[tokens]  # (time, rows, 4·units): input projections, biases included
    if controls is not None:
        inputs += controls.T[None]
    layers = fused.layers
    for index, layer in enumerate(layers):
        h, c = state.h[index], state.c[index]
        outputs = np.zeros((steps, rows, layer.units), np.float32)
        for t in range(steps):
            z = layer.recurrent_t @ h
            z += inputs[t].T
            new_h, new_c = _cell(z, c, layer.units)
            if all_started[t]:
                h, c = new_h, new_c
            else:  # rows whose seed has not begun stay at zero
                h, c = np.where(started[t], new_h, h), np.where(started[t], new_c, c)
            outputs[t] = h.T
        state.h[index], state.c[index] = h, c
        if index + 1 < len(layers):
            # the next layer's input: one matrix-matrix product for every step and row of this one
            above = layers[index + 1]
            inputs = (outputs.reshape(steps * rows, -1) @ above.kernel_t.T).reshape(steps, rows, -1)
            inputs += above.bias[:, 0]
    logits = fused.dense_t @ state.h[-1]
    logits += fused.dense_bias
    logits[:, lengths == 0] = 0.0
    state.controls = controls
    return [(state.row(r), logits.T[r : r + 1]) for r in range(rows)]
