"""The OSC server: UDP in, protocol table, per-client sessions, a fair engine worker, bundles out.

Threads and locks: the receive thread only parses packets and runs cheap handlers, handing
anything slow (MIDI files, model folders, big seeds) to the tasks thread and requests to the
engine thread, while the loader thread loads models and the scheduler thread plays; every
thread that touches a client's state holds that :class:`~.sessions.Session`'s own lock. Locks
are only ever taken in one order, a session's, then one of its playbacks', then any one of the
rest (session table, queues, budgets, stats, scheduler, MIDI port: each held for a few lines,
taking nothing else), so no two threads can wait for each other.

The parts, in the order a packet meets them:

- :mod:`.transport`: the socket, the allowlist, :class:`~.transport.Source` and
  :class:`~.transport.ReplyAddress`, bundles out, the byte budget per destination host and
  the error and log budget per source host;
- :mod:`.sessions`: a client's seed, parameters, request ids, results and playbacks, and the
  bounded table of them;
- :mod:`.handlers`: one plain function per address, session + arguments → replies;
  :mod:`.sinks`: where played notes go (the client, as OSC within its byte budget, and the
  MIDI port);
- :mod:`.tasks`: slow messages in each client's order, and the model loader;
- :mod:`.worker`: cost-based admission, round-robin by client host, the engine thread;
- :mod:`.app`: :class:`ComposerServer`, which wires them; :mod:`.command`: ``osc-composer serve``.
"""

from ..engine.loader import warm_up
from .app import ComposerServer
from .command import add_serve_arguments, serve_from_args
from .config import ServerConfig
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
