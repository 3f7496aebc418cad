"""The model file: save with metadata, load safely, read the weights without TensorFlow.

A model file is an ordinary Keras ``.keras`` archive (a zip) with one extra member,
``osc_composer.json``: the vocabulary, architecture, training corpus and metrics.
:func:`read_metadata` reads it with ``zipfile`` alone, so listing models never imports
TensorFlow. TensorFlow is imported lazily by the functions that need it.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .builder import fold_pitch_classes
from .metadata import METADATA_MEMBER, ModelMetadata

if TYPE_CHECKING:
    import keras

MODEL_FILENAME = "model.keras"
# A model file is read into memory: refuse what could not be a model of this project before
# reading it (the default is 4 MB; a 2 MB zip can declare gigabytes, and so can an HDF5 dataset).
MAX_MODEL_BYTES = 256 * 1024 * 1024  # the archive, each member as declared, and all weights together
MAX_METADATA_BYTES = 1024 * 1024


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def save_model(path: str | os.PathLike, model: keras.Model, metadata: ModelMetadata) -> Path:
    """Save weights, architecture and metadata in one ``.keras`` file, atomically.

    Pitch-class training layers are saved folded (:func:`fold_pitch_classes`), so every
    model file has the plain layout the engine reads."""
    if any(hasattr(layer, "folded_weights") for layer in model.layers):
        model = fold_pitch_classes(model, metadata.vocabulary, metadata.config)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename, so an interrupted save never leaves half a file.
    fd, tmp_name = tempfile.mkstemp(suffix=".keras", dir=path.parent)
    os.close(fd)
    try:
        model.save(tmp_name)
        with zipfile.ZipFile(tmp_name, "a") as archive:
            archive.writestr(METADATA_MEMBER, metadata.to_json())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes it private; a model file is not
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.remove(tmp_name)
    return path


def resolve_model_path(path: str | os.PathLike) -> Path:
    """Accept a model folder (``models/NAME``) or the ``.keras`` file itself."""
    path = Path(path)
    return path / MODEL_FILENAME if path.is_dir() else path


def _too_big(path: Path, what: str, size: int, limit: int = MAX_MODEL_BYTES) -> ModelFileError:
    return ModelFileError(path, f"{what} {size / 2**20:.1f} MB, over the {limit / 2**20:g} MB limit")


def open_model_file(path: Path) -> io.BufferedReader:
    """Open a model file for reading: a regular file of at most :data:`MAX_MODEL_BYTES`.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device (a
    symlink to ``/dev/zero``) or a folder is refused at once instead of hanging the reader.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ModelFileError(path, "not a regular file")
        if info.st_size > MAX_MODEL_BYTES:
            raise _too_big(path, "the file is", info.st_size)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int = MAX_MODEL_BYTES) -> bytes:
    """A member of the archive, refused when it declares more than ``limit`` bytes (the
    declared size bounds what zipfile will inflate)."""
    size = archive.getinfo(name).file_size
    if size > limit:
        raise _too_big(path, f"{name} declares", size, limit)
    return archive.read(name)


def read_metadata(path: str | os.PathLike) -> ModelMetadata:
    """Read a model's metadata without TensorFlow. Raises :class:`ModelFileError`."""
    path = resolve_model_path(path)
    try:
        with open_model_file(path) as file, zipfile.ZipFile(file) as archive:
            text = _read_member(path, archive, METADATA_MEMBER, MAX_METADATA_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ModelFileError(path, "no such model file") from None
    except KeyError:
        raise ModelFileError(
            path, f"a Keras file without osc-composer metadata ({METADATA_MEMBER})"
        ) from None
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as exc:
        raise ModelFileError(path, f"not a .keras model file ({exc})") from None
    try:
        return ModelMetadata.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(path, f"unreadable metadata ({exc})") from None


def load_model(path: str | os.PathLike, *, compile: bool = False) -> tuple[keras.Model, ModelMetadata]:
    """Load a model file in Keras safe mode (no arbitrary code) and check it fits its metadata."""
    path = resolve_model_path(path)
    metadata = read_metadata(path)
    from . import tf_setup

    tf_setup.configure()
    import keras

    try:
        model = keras.saving.load_model(path, compile=compile, safe_mode=True)
    except Exception as exc:  # Keras raises many types for damaged archives
        raise ModelFileError(path, f"Keras could not load it ({type(exc).__name__}: {exc})") from None
    outputs = model.output_shape[-1]
    if outputs != metadata.vocabulary.size:
        raise ModelFileError(
            path, f"model predicts {outputs} classes but its vocabulary has {metadata.vocabulary.size}"
        )
    return model, metadata


class UnknownLayoutError(ModelFileError):
    """A model file whose archive is not laid out as :func:`read_saved_layers` expects
    (Keras itself may still read it)."""


@dataclass(frozen=True)
class SavedLayer:
    """One layer of a ``.keras`` archive as stored: Keras class name, config and weights."""

    class_name: str
    config: dict[str, Any]
    weights: tuple[Any, ...]  # numpy arrays in Keras's variable order


def read_saved_layers(path: str | os.PathLike) -> tuple[ModelMetadata, list[SavedLayer]]:
    """The layers of a model file, read with ``zipfile`` and ``h5py`` only (no TensorFlow).

    This is plain data reading (JSON and HDF5 arrays, never code), so it is as safe as
    Keras's safe mode. It only understands a chain of layers (what :func:`build_model`
    makes); for anything else it raises :class:`ModelFileError` and callers load with Keras.
    Keras 3 stores each layer's variables under ``layers/<snake_case class name>[_N]``,
    numbered in the order of ``model.layers``, which is the order of the config's layer list.
    """
    import h5py
    import numpy as np

    path = resolve_model_path(path)
    metadata = read_metadata(path)
    try:
        with open_model_file(path) as file, zipfile.ZipFile(file) as archive:
            declared = sum(info.file_size for info in archive.infolist())
            if declared > MAX_MODEL_BYTES:  # Keras, the fallback, would unpack every member
                raise _too_big(path, "its members declare", declared)
            config = json.loads(_read_member(path, archive, "config.json", MAX_METADATA_BYTES))
            weights_file = io.BytesIO(_read_member(path, archive, "model.weights.h5"))
        used: dict[str, int] = {}
        layers: list[SavedLayer] = []
        with h5py.File(weights_file, "r") as store:
            _check_declared_sizes(path, store)  # before anything is read, and before a Keras fallback
            layer_configs = config["config"]["layers"]
            for previous, layer in zip([None, *layer_configs], layer_configs, strict=False):
                inbound = [call["args"][0]["config"]["keras_history"][0] for call in layer["inbound_nodes"]]
                if previous is not None and inbound != [previous["name"]]:
                    raise ModelFileError(path, "its layers are not a simple chain")
                base = _snake_case(layer["class_name"])
                name = base if base not in used else f"{base}_{used[base]}"
                used[base] = used.get(base, 0) + 1
                group = store.get(f"layers/{name}")
                variables = []
                if group is not None:
                    holder = group["cell/vars"] if "cell" in group else group["vars"]
                    variables = [np.asarray(holder[str(i)]) for i in range(len(holder))]
                layers.append(SavedLayer(layer["class_name"], layer["config"], tuple(variables)))
    except ModelFileError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise UnknownLayoutError(path, f"unexpected layout ({type(exc).__name__}: {exc})") from None
    return metadata, layers


def _check_declared_sizes(path: Path, store: Any) -> None:
    """Refuse an HDF5 file whose datasets declare more than :data:`MAX_MODEL_BYTES` in all
    (a dataset can declare gigabytes of fill value in a few bytes of file)."""
    import h5py

    sizes: list[int] = []

    def add(_: str, item: Any) -> None:
        if isinstance(item, h5py.Dataset):
            sizes.append(int(item.size) * item.dtype.itemsize)

    store.visititems(add)
    if sum(sizes) > MAX_MODEL_BYTES:
        raise _too_big(path, "its weights declare", sum(sizes))


def _snake_case(name: str) -> str:
    """Keras's ``naming.to_snake_case`` (how saved variables are named)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def list_models(folder: str | os.PathLike) -> dict[str, Path]:
    """Model name → file, for every readable model in ``folder`` (``NAME/model.keras`` or ``NAME.keras``)."""
    folder = Path(folder)
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for candidate in sorted([*folder.glob(f"*/{MODEL_FILENAME}"), *folder.glob("*.keras")]):
        try:
            read_metadata(candidate)
        except ModelFileError:
            continue
        name = candidate.parent.name if candidate.name == MODEL_FILENAME else candidate.stem
        found.setdefault(name, candidate)
    return found
