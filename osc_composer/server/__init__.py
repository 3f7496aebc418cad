"""The OSC server: UDP in, protocol table, per-client sessions, a fair engine worker, bundles out.

Threads and locks: the receive thread only parses packets and runs cheap handlers, handing
anything slow (MIDI files, model folders, big seeds) to the tasks thread and requests to the
engine threads, while the loader thread loads models and the scheduler thread plays; every
thread that touches a client's state holds that :class:`~.sessions.Session`'s own lock,
and every other lock (session table, queues, budgets, stats, a playback) is a leaf that is
held for a few lines, only ever taken after a session lock, never before one.

The parts, in the order a packet meets them:

- :mod:`.transport`: the socket, the allowlist, :class:`~.transport.Source` and
  :class:`~.transport.ReplyAddress`, bundles out, the byte budget per destination host and
  the error and log budget per source host;
- :mod:`.sessions`: a client's seed, parameters, request ids, results and playbacks, and the
  bounded table of them;
- :mod:`.handlers`: one plain function per address, session + arguments → replies;
- :mod:`.tasks`: slow messages in each client's order, and the model loader;
- :mod:`.worker`: cost-based admission, round-robin by client host, the engine threads;
- :mod:`.app`: :class:`ComposerServer`, which wires them; :mod:`.command`: ``osc-composer serve``.
"""

from .app import ComposerServer, ServerConfig
from .command import add_serve_arguments, serve_from_args, warm_up
from .stats import RequestRecord, Stats

__all__ = [
    "ComposerServer",
    "RequestRecord",
    "ServerConfig",
    "Stats",
    "add_serve_arguments",
    "serve_from_args",
    "warm_up",
]
