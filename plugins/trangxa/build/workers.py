"""The one loop over communes: each commune's work in a process of its own, a few at a time.

A commune's files may be hostile or broken in ways no parser should have to survive (a front matter that crashes
libyaml, a text that makes a parser run for minutes). Each commune is therefore read, checked and built in a
forked process with a time limit: a crash or a hang ends that process only, and becomes a finding for that
commune, located at the file it was reading (the process notes each file before it reads it); the others go on,
and the run always ends. Each process also has a ceiling on its memory (``MEMORY``): a file that would make a
parser allocate without end makes that process fail, not the machine. Results come back through a file, pickled (they may be large: every item read).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Generic, TypeVar

MEMORY = 2 << 30  # bytes of address space for one commune's process (the demo's peak: 120 MB; a 89-megapixel photo: 360 MB)

Task = TypeVar("Task")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Failure:
    """Why a task's process gave no result: ``crashed`` (a signal or an exit), or ``timeout``."""

    kind: str
    detail: str
    file: str  # what the process was reading when it stopped ("" when unknown)


Progress = Callable[[str], None]


@dataclass
class _Running(Generic[Task]):
    task: Task
    process: multiprocessing.Process
    started: float
    result: Path
    progress: Path


def run_each(tasks: list[Task], work: Callable[[Task, Progress], Result], failed: Callable[[Task, Failure], Result],
             jobs: int, timeout: float, memory: int = MEMORY) -> list[Result]:
    """``work(task, progress)`` for every task in a forked process, at most ``jobs`` at a time, each stopped after
    ``timeout`` seconds and refused more than ``memory`` bytes of address space (a MemoryError there, or the
    kernel's answer); a task whose process gives no result gets ``failed(task, why)``. Results in task order."""
    results: dict[int, Result] = {}
    pending = list(enumerate(tasks))
    running: dict[int, _Running] = {}
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory(prefix="trangxa-work-") as scratch:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                number, task = pending.pop(0)
                running[number] = _start(context, Path(scratch), number, task, work, memory)
            _wait(running, timeout)
            for number in [n for n, run in running.items() if not run.process.is_alive()]:
                results[number] = _collect(running.pop(number), failed)
            for number in [n for n, run in running.items() if time.monotonic() - run.started > timeout]:
                run = running.pop(number)
                _stop(run.process)
                results[number] = failed(run.task, Failure("timeout", f"quá {timeout:g} giây", _last_file(run)))
    return [results[number] for number in range(len(tasks))]


def _start(context, scratch: Path, number: int, task, work, memory: int) -> _Running:
    result, progress = scratch / f"{number}.pickle", scratch / f"{number}.progress"
    process = context.Process(target=_child, args=(work, task, result, progress, memory), daemon=True)
    process.start()
    return _Running(task, process, time.monotonic(), result, progress)


def _child(work, task, result: Path, progress: Path, memory: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C stops the parent, which stops its children
    _limit_memory(memory)

    def note(rel: str) -> None:
        progress.write_text(rel, encoding="utf-8")

    try:
        value = work(task, note)
        scratch = result.with_suffix(".tmp")
        with scratch.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, result)  # whole or not at all
    except BaseException as err:  # noqa: BLE001 - reported by the parent as this task's failure, not as a traceback
        _note_error(result, err)
        os._exit(3)


def _note_error(result: Path, err: BaseException) -> None:
    """Why the task failed, for the parent (the disk may be full: then the exit code says it)."""
    try:
        result.with_suffix(".error").write_text(f"{type(err).__name__}: {err}"[:300], encoding="utf-8")
    except OSError:
        pass


def _limit_memory(memory: int) -> None:
    """Lower this process's address-space limit to ``memory`` (never raise it; the programs it starts, such as
    the search indexer, inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = min(value for value in (memory, soft, hard) if value != resource.RLIM_INFINITY)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _wait(running: dict[int, _Running], timeout: float) -> None:
    """Until a process ends, or the soonest time limit passes."""
    now = time.monotonic()
    soonest = min(run.started + timeout for run in running.values())
    wait([run.process.sentinel for run in running.values()], timeout=max(0.0, soonest - now) + 0.01)


def _collect(run: _Running, failed):
    run.process.join()
    if run.process.exitcode == 0 and run.result.is_file():
        with run.result.open("rb") as handle:
            return pickle.load(handle)
    code, error = run.process.exitcode, run.result.with_suffix(".error")
    if error.is_file():
        detail = error.read_text(encoding="utf-8")
    elif code and code < 0:
        detail = f"tín hiệu {signal.Signals(-code).name}"
    else:
        detail = f"mã thoát {code}"
    return failed(run.task, Failure("crashed", detail, _last_file(run)))


def _last_file(run: _Running) -> str:
    try:
        return run.progress.read_text(encoding="utf-8")
    except OSError:
        return ""


def _stop(process: multiprocessing.Process) -> None:
    process.kill()
    process.join()
