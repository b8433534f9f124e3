"""Runs a step of the build in a short-lived child process and takes back only its result.

Loading a town's data parses and validates every YAML file with the positions of its values, and checks them
against each other. At 10,000 offers that takes the process to about 1.8 GB, most of which is freed again at the end
but kept by Python's allocator, scattered between the records that stay. The rendering workers, forked afterwards,
would each start from all of it. Loaded in a child, the records come back as one pickle and are laid out anew (the
build's main process then holds about 0.5 GB), and the child's memory goes with it (bench/RESULTS.md, "Memory").
"""

from __future__ import annotations

import copyreg
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from types import MappingProxyType
from typing import Any, TypeVar

T = TypeVar("T")

_step_in_child: Callable[[], Any] | None = None


def in_child_process(step: Callable[[], T]) -> T:
    """step() in a forked child process, its result sent back pickled; here and now where processes cannot be
    forked. An exception of the step is raised here. The result may hold read-only mappings (MappingProxyType),
    which pickle cannot send by itself."""
    global _step_in_child
    if "fork" not in multiprocessing.get_all_start_methods():
        return step()
    _step_in_child = step
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as executor:
            return executor.submit(_run_step).result()  # type: ignore[no-any-return]
    finally:
        _step_in_child = None


def _run_step() -> Any:
    assert _step_in_child is not None
    return _step_in_child()


def _mapping_proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Callable[..., Any], tuple[dict[Any, Any]]]:
    return _mapping_proxy, (dict(proxy),)


copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)
