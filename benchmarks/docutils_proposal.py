"""The two changes to docutils that the roadmap proposes, applied to this process.

1. ``nested_list_parse`` keeps its finished state machines for reuse, as
   ``nested_parse`` already does (``reuse_machines``).
2. ``State.unlink()`` also drops the state's transitions: they are bound methods of the
   state, so a state that keeps them stays in a reference cycle that only the garbage
   collector frees (``drop_transitions``).

``benchmarks/state_machine_reuse.py`` measures what they save a Sphinx build. This
module is also a pytest plugin that applies both, so docutils' own test suite can check
them (``docs/performance.md`` says how)::

    PYTHONPATH=benchmarks python -m pytest -p docutils_proposal <docutils source>/test
"""

from __future__ import annotations

from typing import Any

from docutils import statemachine
from docutils.parsers.rst import states


def reuse_machines() -> None:
    """Make ``nested_list_parse`` keep its finished machines for reuse, as ``nested_parse``
    does; a machine is taken off the pool while it runs, so nested lists get their own."""
    original = states.RSTState.nested_list_parse
    pool: dict[tuple[Any, ...], list[Any]] = {}

    def nested_list_parse(self: Any, block: Any, input_offset: int, node: Any,
                          initial_state: str, blank_finish: bool,
                          blank_finish_state: str | None = None,
                          extra_settings: dict[str, Any] | None = None,
                          *args: Any, **kwargs: Any) -> tuple[int, bool]:  # fmt: skip
        if (
            extra_settings
            or args
            or kwargs.get("state_machine_class")
            or kwargs.get("state_machine_kwargs")
        ):
            return original(  # type: ignore[no-any-return]
                self, block, input_offset, node, initial_state, blank_finish,
                blank_finish_state, extra_settings or {}, *args, **kwargs,
            )  # fmt: skip
        key = (self.nested_sm, id(self.nested_sm_kwargs["state_classes"]), initial_state)
        free = pool.setdefault(key, [])
        if free:
            machine = free.pop()
            machine.parent_state_machine = self.state_machine
        else:
            options = {**self.nested_sm_kwargs, "initial_state": initial_state}
            machine = self.nested_sm(
                debug=self.debug, parent_state_machine=self.state_machine, **options
            )
        finish_state = machine.states[blank_finish_state or initial_state]
        finish_state.blank_finish = blank_finish
        machine.run(block, input_offset, memo=self.memo, node=node,
                    match_titles=kwargs.get("match_titles", False))  # fmt: skip
        blank_finish = finish_state.blank_finish
        offset = machine.abs_line_offset()
        machine.observers = []
        for state in machine.states.values():
            state.__dict__.pop("blank_finish", None)
        free.append(machine)
        return offset, blank_finish

    states.RSTState.nested_list_parse = nested_list_parse  # type: ignore[method-assign]


def drop_transitions() -> None:
    """Make ``State.unlink()`` drop the state's transitions as well as its machine."""
    original = statemachine.State.unlink

    def unlink(self: Any) -> None:
        original(self)
        self.transitions = {}
        self.transition_order = []

    statemachine.State.unlink = unlink  # type: ignore[method-assign]


def pytest_configure() -> None:
    """As a pytest plugin: test with both changes."""
    reuse_machines()
    drop_transitions()
