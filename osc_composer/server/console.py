"""The server's console: a rich live dashboard, or plain log lines when not on a terminal.

The console only reads :class:`~osc_composer.server.Stats`; it never sits in the
request path, so a slow terminal cannot slow a reply.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from .app import ComposerServer
    from .stats import Stats


def setup_plain_logging(level: int = logging.INFO, stream=None) -> None:
    """Timestamped log lines on stderr (or ``stream``), for services and non-terminals."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root = logging.getLogger("osc_composer")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def render_dashboard(stats: Stats, *, reply_port: int | None = None) -> Group:
    """One frame of the dashboard, built from a snapshot of the stats."""
    with stats.lock:
        recent = list(stats.recent)
        errors = list(stats.recent_errors)
        now = time.monotonic()
        clients = sorted(((c, now - t) for c, t in stats.clients.items()), key=lambda item: item[1])[:8]
        counters = {
            "packets": stats.packets,
            "requests": stats.requests,
            "replies": stats.replies,
            "superseded": stats.superseded,
            "errors": stats.errors,
            "errors not sent (rate limit)": stats.errors_suppressed,
            "busy": stats.busy,
            "dropped (not allowed)": stats.dropped_not_allowed,
            "dropped (inbox full)": stats.dropped_inbox_full,
            "KB out": stats.bytes_out // 1024,
            "KB not sent (byte budget)": stats.bytes_refused // 1024,
        }
        model_name, model_info, listening = stats.model_name, dict(stats.model_info), stats.listening
        uptime = now - stats.started
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    header.add_row("listening", listening + (f"   replies → port {reply_port}" if reply_port else ""))
    card = ", ".join(
        f"{k} {model_info[k]}"
        for k in ("architecture", "corpus", "val_loss", "val_accuracy")
        if k in model_info
    )
    header.add_row("model", f"{model_name}  {card}")
    header.add_row("uptime", f"{uptime:.0f} s   {stats.requests_per_second():.1f} requests/s (10 s)")
    header.add_row("counts", "  ".join(f"{k} {v}" for k, v in counters.items()))

    requests = Table(title="last requests", expand=True)
    for column in ("time", "client", "id", "parameters", "notes", "latency"):
        requests.add_column(column, justify="right" if column in ("id", "notes", "latency") else "left")
    for record in reversed(recent):
        params = " ".join(f"{k}={v}" for k, v in record.params.items())
        requests.add_row(
            time.strftime("%H:%M:%S", time.localtime(record.when)),
            record.client,
            str(record.request_id),
            params,
            str(record.notes),
            f"{record.milliseconds:.1f} ms",
        )
    client_table = Table(title="clients", expand=True)
    client_table.add_column("client (host:reply port)")
    client_table.add_column("last seen", justify="right")
    for client, age in clients:
        client_table.add_row(client, f"{age:.0f} s ago")
    error_text = Text()
    for when, client, message in reversed(errors):
        error_text.append(f"{time.strftime('%H:%M:%S', time.localtime(when))} {client} ", style="dim")
        error_text.append(message + "\n", style="red")
    return Group(
        Panel(header, title="osc-composer", border_style="cyan"),
        requests,
        client_table,
        Panel(error_text or Text("none", style="dim"), title="errors"),
    )


def run_with_console(server: ComposerServer, stop: threading.Event, console: Console | None = None) -> None:
    """Show the dashboard until ``stop`` is set (Ctrl-C or SIGTERM)."""
    console = console or Console()
    logging.getLogger("osc_composer").setLevel(logging.ERROR)  # the dashboard shows the rest
    with Live(render_dashboard(server.stats), console=console, refresh_per_second=4, screen=False) as live:
        while not stop.wait(0.25):
            live.update(render_dashboard(server.stats, reply_port=server.config.reply_port))
