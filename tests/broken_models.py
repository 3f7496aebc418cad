"""Broken copies of a good model file, each broken in one way a hostile models folder could be.

Used by the engine's unit tests and by the server tests (which put them in a models folder).
Every copy keeps the good file's metadata, so it is listed and only fails when loaded.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import h5py
import numpy as np

WEIGHTS = "model.weights.h5"


def _rewrite(source: Path, target: Path, edit_weights) -> Path:
    """``target``: ``source`` with its weights file changed in memory by ``edit_weights(store)``."""
    with zipfile.ZipFile(source) as original:
        members = {info.filename: original.read(info.filename) for info in original.infolist()}
    buffer = io.BytesIO(members[WEIGHTS])
    with h5py.File(buffer, "r+") as store:
        edit_weights(store)
    members[WEIGHTS] = buffer.getvalue()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as broken:
        for name, data in members.items():
            broken.writestr(name, data)
    return target


def _lstm_vars(store: h5py.File) -> h5py.Group:
    """The variables of the first LSTM layer (kernel, recurrent kernel, bias)."""
    return store["layers/lstm/cell/vars"]


def with_nan_weights(source: Path, target: Path) -> Path:
    def poison(store: h5py.File) -> None:
        recurrent = _lstm_vars(store)["1"]
        values = recurrent[()]
        values[0, 0] = np.nan
        recurrent[...] = values

    return _rewrite(source, target, poison)


def with_wrong_shape(source: Path, target: Path) -> Path:
    """The first LSTM's recurrent kernel one row short: Keras-shaped enough to be read."""

    def truncate(store: h5py.File) -> None:
        holder = _lstm_vars(store)
        values = holder["1"][()]
        del holder["1"]
        holder.create_dataset("1", data=values[:-1])

    return _rewrite(source, target, truncate)


def with_huge_declared_dataset(source: Path, target: Path) -> Path:
    """An extra dataset declaring 2 GiB that holds no data (a few bytes in the file)."""

    def add(store: h5py.File) -> None:
        store.create_dataset("vars/huge", shape=(2**29,), dtype="f4", chunks=(2**20,), compression="gzip")

    return _rewrite(source, target, add)


def with_zip_bomb(source: Path, target: Path, megabytes: int = 300) -> Path:
    """An extra member of ``megabytes`` zeros, deflated to a fraction of a megabyte."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            bomb.writestr(info.filename, original.read(info.filename))
        with bomb.open("assets/padding", "w", force_zip64=True) as member:
            block = bytes(2**20)
            for _ in range(megabytes):
                member.write(block)
    return target


def as_fifo(target: Path) -> Path:
    os.mkfifo(target)
    return target


def as_link_to_dev_zero(target: Path) -> Path:
    target.symlink_to("/dev/zero")
    return target
