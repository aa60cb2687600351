"""``record``: a dataclass whose methods are written once, not compiled at every start.

For each class, ``@dataclass`` compiles its ``__init__``, ``__repr__`` and ``__eq__`` (and, frozen,
``__hash__``, ``__setattr__`` and ``__delattr__``) from generated source when the module is
imported: about 0.8 ms of CPU a class, some 30 ms for the classes imported before attract's first
frame (the config's sections, the pack's head, the visit's events, the app's parts). ``record``
gives a class the same methods, written here once and reading the class's fields; dataclasses
still records the fields, so ``fields()``, ``replace()`` and ``asdict()`` work as before.

To type checkers ``record`` is ``dataclasses.dataclass``. It takes the one option these classes
use, ``frozen``; anything more (ordering, slots, keyword-only fields, ``__post_init__``) is a
plain ``@dataclass``. tests/unit/test_records.py compares every record with the dataclass it is
declared as: arguments, defaults, repr, equality, hash and freezing.
"""
from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import TYPE_CHECKING, Any

__all__ = ["MADE", "record"]

MADE: list[type] = []   # every record class, for the test that compares them with dataclasses


def _names(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])}{',' if len(quoted) > 2 else ''} and {quoted[-1]}"


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    # the checks and the words of Python's own call of a generated __init__ (which counts self)
    own, call = fields(self), f"{type(self).__qualname__}.__init__()"
    if len(args) > len(own):
        least = 1 + sum(f.default is MISSING and f.default_factory is MISSING for f in own)
        most, given = 1 + len(own), 1 + len(args)
        takes = f"{most}" if least == most else f"from {least} to {most}"
        raise TypeError(f"{call} takes {takes} positional arguments but {given} were given")
    values = {f.name: value for f, value in zip(own, args)}
    known = {f.name for f in own}
    for name, value in kwargs.items():
        if name not in known:
            raise TypeError(f"{call} got an unexpected keyword argument '{name}'")
        if name in values:
            raise TypeError(f"{call} got multiple values for argument '{name}'")
        values[name] = value
    missing = [f.name for f in own if f.name not in values and f.default is MISSING
               and f.default_factory is MISSING]
    if missing:
        s = "s" if len(missing) > 1 else ""
        raise TypeError(f"{call} missing {len(missing)} required positional argument{s}: "
                        f"{_names(missing)}")
    for f in own:
        if f.name in values:
            value = values[f.name]
        elif f.default is not MISSING:
            value = f.default
        else:
            value = f.default_factory()   # type: ignore[operator]  # not MISSING: checked above
        object.__setattr__(self, f.name, value)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _compared(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, f.name) for f in fields(self) if f.compare)


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is self.__class__:
        return _compared(self) == _compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, f.name) for f in fields(self)
                      if (f.compare if f.hash is None else f.hash)))


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make(cls: type, frozen: bool) -> type:
    methods: dict[str, Any] = {"__init__": _init, "__repr__": _repr, "__eq__": _eq}
    # as dataclass: a frozen record hashes by its fields, a mutable one is unhashable
    methods["__hash__"] = _hash if frozen else None
    if frozen:
        methods |= {"__setattr__": _setattr, "__delattr__": _delattr}
    for name, method in methods.items():
        if name in cls.__dict__ or (name == "__init__" and hasattr(cls, "__post_init__")):
            raise TypeError(f"{cls.__name__} defines {name}: make it a plain dataclass")
        setattr(cls, name, method)
    MADE.append(cls)
    return dataclass(init=False, repr=False, eq=False)(cls)   # records the fields, keeps these


if TYPE_CHECKING:   # to a type checker a record is the dataclass it behaves as
    from dataclasses import dataclass as record
else:
    def record(cls: type | None = None, /, *, frozen: bool = False) -> Any:
        if cls is None:
            return lambda c: _make(c, frozen)
        return _make(cls, frozen)
