"""Build the client patches in this folder from the server's protocol table.

    python max_patches/build_patches.py          # write every patch
    python max_patches/build_patches.py --check  # exit 1 if a committed patch is out of date

Every parameter control (its name, OSC type, range, default) and every address a patch
sends comes from :mod:`osc_composer.server.protocol` and :mod:`osc_composer.engine.params`, so a patch
never drifts from the server: rename an address or change a range and the patches change
with it (``tests/test_patches.py`` checks both the files and what they send).

One module per client format in ``builders/`` (``common`` holds what they share).
Outputs: ``osc-composer.pd`` (Pure Data vanilla), ``osc-composer.maxpat`` (Max),
``osc-composer.amxd`` (Max for Live MIDI effect) and ``osc-composer-generator.amxd``
(Live 12 MIDI Generator), each frozen with its script (the protocol block of
``osc-composer-m4l.js`` and ``osc-composer-miditool.js`` is regenerated in place),
``pictures/*.svg`` (the devices' presentation views) and ``osc-composer.tosc`` (TouchOSC).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a clone without installing

from builders.common import AMXD_PATH, M4L_JS_PATH, MAX_PATH, PD_PATH, TOSC_PATH  # noqa: E402
from builders.m4l import DEVICE_HEIGHT, M4L_WIDTH, build_amxd, build_amxd_patcher, build_m4l_js  # noqa: E402
from builders.max import MAX_PRESENTATION_SIZE, build_max  # noqa: E402
from builders.miditool import (  # noqa: E402
    GENERATOR_HEIGHT,
    GENERATOR_JS_PATH,
    GENERATOR_PATH,
    GENERATOR_WIDTH,
    build_generator,
    build_generator_js,
    build_generator_patcher,
)
from builders.pd import build_pd, pd_picture  # noqa: E402
from builders.picture import max_boxes, render_svg  # noqa: E402
from builders.touchosc import tosc_bytes, tosc_picture  # noqa: E402

PICTURES = HERE / "pictures"


def build_all() -> dict[Path, bytes]:
    m4l_js, generator_js = build_m4l_js(), build_generator_js()
    m4l_view = max_boxes(build_amxd_patcher(m4l_js)["patcher"])
    generator_view = max_boxes(build_generator_patcher(generator_js)["patcher"])
    max_patch = build_max()
    return {
        PD_PATH: build_pd().encode(),
        PICTURES / "osc-composer-pd.svg": pd_picture().encode(),
        MAX_PATH: (json.dumps(max_patch, indent=2) + "\n").encode(),
        PICTURES / "osc-composer-max.svg": render_svg(
            max_boxes(max_patch["patcher"]), *MAX_PRESENTATION_SIZE
        ).encode(),
        M4L_JS_PATH: m4l_js.encode(),
        AMXD_PATH: build_amxd(m4l_js),
        GENERATOR_JS_PATH: generator_js.encode(),
        GENERATOR_PATH: build_generator(generator_js),
        PICTURES / "osc-composer-m4l.svg": render_svg(m4l_view, M4L_WIDTH, DEVICE_HEIGHT).encode(),
        PICTURES / "osc-composer-generator.svg": render_svg(
            generator_view, GENERATOR_WIDTH, GENERATOR_HEIGHT
        ).encode(),
        TOSC_PATH: tosc_bytes(),
        PICTURES / "osc-composer-tosc.svg": tosc_picture().encode(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a patch on disk is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build_all().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    if stale:
        print("out of date (run python max_patches/build_patches.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
