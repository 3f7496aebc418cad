"""Build the client patches in this folder from the server's protocol table.

    python max_patches/build_patches.py          # write every patch
    python max_patches/build_patches.py --check  # exit 1 if a committed patch is out of date

Every parameter control (its name, OSC type, range, default) and every address a patch
sends comes from :mod:`osc_composer.server.protocol` and :mod:`osc_composer.engine.params`, so a patch
never drifts from the server: rename an address or change a range and the patches change
with it (``tests/test_patches.py`` checks both the files and what they send).

One module per client format in ``builders/`` (``common`` holds what they share).
Outputs: ``osc-composer.pd`` (Pure Data vanilla), ``osc-composer.maxpat`` (Max),
``osc-composer.amxd`` (Max for Live MIDI effect, with the parameter table of
``osc-composer-m4l.js`` regenerated in place) and ``osc-composer.tosc`` (TouchOSC).
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
from builders.m4l import amxd_bytes, build_amxd_patcher, build_m4l_js  # noqa: E402
from builders.max import build_max  # noqa: E402
from builders.pd import build_pd  # noqa: E402
from builders.sketch import max_sketch, tosc_sketch  # noqa: E402
from builders.touchosc import build_tosc_xml, tosc_bytes  # noqa: E402

PICTURES = HERE / "pictures"


def build_all() -> dict[Path, bytes]:
    max_patch = build_max()
    return {
        PD_PATH: build_pd().encode(),
        MAX_PATH: (json.dumps(max_patch, indent=2) + "\n").encode(),
        M4L_JS_PATH: build_m4l_js().encode(),
        AMXD_PATH: amxd_bytes(build_amxd_patcher()),
        TOSC_PATH: tosc_bytes(),
        # pictures for the README, drawn from the presentation rectangles and the layout's frames
        PICTURES / "osc-composer-max.svg": max_sketch(
            max_patch["patcher"], "osc-composer.maxpat in presentation mode"
        ).encode(),
        PICTURES / "osc-composer-tosc.svg": tosc_sketch(build_tosc_xml(), "osc-composer.tosc").encode(),
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
