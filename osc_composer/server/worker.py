"""The engine worker: cost-based admission, round-robin by client host, the engine thread.

Admission counts work, not jobs: a request costs about ``variations × length × 12``
events plus its seed (:func:`request_cost`). Queued work is capped per client host and in
total; over a cap the request is refused as busy at once. Each session has at most one
request queued: a newer one replaces it (turning a knob never builds a backlog).

Batches are filled round-robin across client hosts, one request per host in turn, up to
``batch_cost``; a request bigger than that runs alone. So a host that floods delays
another host's request by at most the batch that is running when it arrives.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..engine.generate import MAX_SEED_TOKENS, Continuation, Engine, GenerationRequest
from ..engine.streaming import LiveStream
from .sessions import Session
from .transport import ReplyAddress, safe_text

log = logging.getLogger("osc_composer.server")

MAX_HOSTS_REMEMBERED = 4096  # for the serving order; the longest-unserved are forgotten first
EVENTS_PER_BEAT = 12  # cost estimate: the grid's steps per beat (the default model emits ~9 events a beat)


def request_cost(request: GenerationRequest) -> int:
    """Estimated network steps: every variation samples ~``EVENTS_PER_BEAT`` events a beat,
    and the seed is primed once (~3 events a note, at most :data:`MAX_SEED_TOKENS`)."""
    params = request.params
    sampled = params.variations * math.ceil(params.length * EVENTS_PER_BEAT)
    return sampled + min(3 * len(request.seed) + 1, MAX_SEED_TOKENS)


def largest_cost(max_length: float, max_variations: int) -> int:
    """The cost of the biggest request a server with these caps accepts (longest seed too)."""
    return max_variations * math.ceil(max_length * EVENTS_PER_BEAT) + MAX_SEED_TOKENS


@dataclass(eq=False)
class Job:
    session: Session
    reply_to: ReplyAddress
    request_id: int
    request: GenerationRequest
    received: float
    cost: int = 0  # 0: estimated from the request
    live: tuple[float, int] | None = None  # a live answer: (clock beat where it starts, notes heard)
    stream: LiveStream | None = None  # a live answer's fork of the session's stream (see _generate)
    host: str = field(init=False, default="")  # the client host it is queued and served under

    def __post_init__(self) -> None:
        self.host = self.session.host
        self.cost = self.cost or request_cost(self.request)


class Busy(Exception):
    """The request was not queued; the text says which limit it hit."""


class FairQueue:
    """Queued jobs, one per session, grouped by client host and taken round-robin by host."""

    def __init__(self, *, max_jobs: int, max_cost_per_host: int, max_cost: int) -> None:
        self.max_jobs = max_jobs
        self.max_cost_per_host = max_cost_per_host
        self.max_cost = max_cost
        self._cond = threading.Condition()
        self._hosts: dict[str, OrderedDict[Session, Job]] = {}  # queued jobs by host, oldest first
        # when each host was last served: the host served longest ago comes first, also when it
        # had nothing queued meanwhile (a client that asks now and then never queues behind a flood)
        self._served: OrderedDict[str, None] = OrderedDict()  # least recently served first
        self._host_cost: dict[str, int] = {}
        self._cost = 0
        self._jobs = 0
        self._closed = False

    def put(self, job: Job) -> Job | None:
        """Queue ``job``; returns the job of its session it replaced. Raises :class:`Busy`."""
        with self._cond:
            replaced = self._remove(job.host, job.session)
            host_cost = self._host_cost.get(job.host, 0)
            reason = None
            if host_cost + job.cost > self.max_cost_per_host and host_cost:
                reason = (
                    f"busy: {host_cost} queued from {job.host} (each host may queue {self.max_cost_per_host})"
                )
            elif self._cost + job.cost > self.max_cost and self._cost:
                reason = "busy: the server has too much work queued, try again"
            elif self._jobs >= self.max_jobs:
                reason = "busy: too many requests queued, try again"
            if reason is not None:
                if replaced is not None:  # the older request keeps its place
                    self._add(replaced)
                raise Busy(reason)
            self._add(job)
            self._cond.notify()
            return replaced

    def take(self, batch_cost: int, window: float = 0.0) -> list[Job]:
        """Wait for work, then take a batch: one job per host in turn, up to ``batch_cost``
        (a bigger job alone). Empty when closed."""
        with self._cond:
            while not self._jobs and not self._closed:
                self._cond.wait()
            if not self._jobs:
                return []
            if window > 0:
                self._cond.wait(window)
            batch: list[Job] = []
            cost = 0
            while self._jobs and cost < batch_cost:
                taken = False
                for host in self._in_turn():
                    job = next(iter(self._hosts[host].values()))
                    if batch and cost + job.cost > batch_cost:
                        continue
                    self._remove(host, job.session)
                    self._served.pop(host, None)
                    self._served[host] = None  # served now: every other host comes first
                    batch.append(job)
                    cost += job.cost
                    taken = True
                    if cost >= batch_cost:
                        break
                if not taken:
                    break
            while len(self._served) > MAX_HOSTS_REMEMBERED:
                self._served.popitem(last=False)
            return batch

    def _in_turn(self) -> list[str]:
        """Hosts with jobs queued, the one served longest ago (or never) first."""
        never = [host for host in self._hosts if host not in self._served]
        return never + [host for host in self._served if host in self._hosts]

    def discard(self, session: Session) -> None:
        with self._cond:
            self._remove(session.host, session)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def queued(self) -> tuple[int, int]:
        """(jobs, cost) queued now."""
        with self._cond:
            return self._jobs, self._cost

    def _add(self, job: Job) -> None:
        self._hosts.setdefault(job.host, OrderedDict())[job.session] = job
        self._host_cost[job.host] = self._host_cost.get(job.host, 0) + job.cost
        self._cost += job.cost
        self._jobs += 1

    def _remove(self, host: str, session: Session) -> Job | None:
        jobs = self._hosts.get(host)
        job = jobs.pop(session, None) if jobs is not None else None
        if job is None:
            return None
        if not jobs:
            del self._hosts[host]
        left = self._host_cost[host] - job.cost
        if left:
            self._host_cost[host] = left
        else:
            del self._host_cost[host]
        self._cost -= job.cost
        self._jobs -= 1
        return job


Deliver = Callable[[Job, Continuation | Exception], None]


class Worker:
    """The engine thread: takes batches from a :class:`FairQueue`; ``deliver`` gets each job's
    result (or the exception that stopped it) on this thread.

    One thread: measured on 2 cores with 16 clients, two engine threads (each with its own
    prime cache) answered 135–140 requests/s against 220–230 for one, which batches all 16
    requests in one pass of the network; the GIL serialises the rest.
    """

    def __init__(
        self,
        engine: Engine,
        queue: FairQueue,
        deliver: Deliver,
        *,
        batch_cost: int,
        window: float = 0.0,
    ) -> None:
        self.queue = queue
        self.deliver = deliver
        self.batch_cost = batch_cost
        self.window = window
        self._lock = threading.Lock()  # guards the current engine
        self._engine = engine
        self._thread = threading.Thread(target=self._loop, name="osc-engine", daemon=True)

    @property
    def engine(self) -> Engine:
        with self._lock:
            return self._engine

    def swap(self, engine: Engine) -> None:
        """Use ``engine`` from the next batch on (a batch running finishes on the old one)."""
        with self._lock:
            self._engine = engine

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while jobs := self.queue.take(self.batch_cost, self.window):
            for job, result in zip(jobs, _generate(self.engine, jobs), strict=True):
                try:
                    self.deliver(job, result)
                except Exception as exc:  # a bug here must not stop every later reply
                    log.error("could not deliver request %d: %s", job.request_id, safe_text(exc))
                    log.debug("delivery failed", exc_info=True)


def _generate(engine: Engine, jobs: list[Job]) -> list[Continuation | Exception]:
    """The batch's results. A live answer whose stream is on this engine goes on from that
    stream; the rest are primed in one batch, and when that fails, each request alone, so
    one bad request (an unknown style, a NaN from the model) costs only its own answer."""
    results: dict[int, Continuation | Exception] = {}
    primed = []
    for index, job in enumerate(jobs):
        if job.stream is not None and job.stream.engine is engine and job.live is not None:
            results[index] = _attempt(lambda job=job: _answer_from_stream(engine, job))
        else:
            primed.append(index)
    if primed:
        requests = [jobs[index].request for index in primed]
        try:
            for index, result in zip(primed, engine.generate(requests), strict=True):
                results[index] = result
        except Exception as exc:
            if len(primed) > 1:
                log.debug("a batch of %d failed (%s): each request alone", len(primed), safe_text(exc))
            for index in primed:
                results[index] = (
                    exc
                    if len(primed) == 1
                    else _attempt(lambda index=index: engine.generate([jobs[index].request])[0])
                )
    return [results[index] for index in range(len(jobs))]


def _attempt(work: Callable[[], Continuation]) -> Continuation | Exception:
    try:
        return work()
    except Exception as exc:
        return exc


def _answer_from_stream(engine: Engine, job: Job) -> Continuation:
    """A live answer from the fork of the session's stream: moved on to the beat the answer
    starts at, steered by the texture of the notes it answers (``controls_for`` the heard
    seed, as a primed answer would be)."""
    assert job.stream is not None and job.live is not None
    stream = job.stream
    stream.advance(stream.steps_of(job.live[0]))
    params = job.request.params
    controls = engine.controls_for(job.request.seed, params) if engine.has_controls else None
    return stream.answer(params, controls)
