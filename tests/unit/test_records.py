"""Every ``kiosk.records.record`` class behaves as the dataclass it is declared as.

``record`` writes a dataclass's methods once instead of compiling them class by class at every
start (kiosk/records.py). Each record here is compared with the same class made by
``dataclasses.dataclass`` itself: arguments and their errors, defaults, repr (the config's keys
the remembered pack titles), equality, hash and freezing."""
from __future__ import annotations

import copy
import dataclasses
import importlib
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.records import MADE, record

# the modules whose classes are records (importing them fills MADE)
MODULES = ("kiosk.config", "kiosk.app", "kiosk.core.event_choice", "kiosk.pack.files",
           "kiosk.pack.text", "kiosk.pack.head", "kiosk.visit.pin_gate", "kiosk.visit.flow",
           "kiosk.media.rendering")
for _module in MODULES:
    importlib.import_module(_module)


@record
class _Mutable:
    """A mutable record with two required fields, a default and a factory."""
    a: int
    b: str
    c: float = 1.5
    d: list[int] = dataclasses.field(default_factory=list)
    e: str = dataclasses.field(default="hidden", repr=False, compare=False)


@record(frozen=True)
class _Frozen:
    """A frozen record with three required fields and one left out of the hash."""
    a: int
    b: str
    c: tuple[int, ...]
    d: str = dataclasses.field(default="x", hash=False)


RECORDS = [*MADE]


def _as_dataclass(cls: type) -> Any:
    """The same class made by dataclasses.dataclass itself."""
    specs = []
    for f in dataclasses.fields(cls):
        options: dict[str, Any] = {"repr": f.repr, "compare": f.compare, "hash": f.hash}
        if f.default is not dataclasses.MISSING:
            options["default"] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            options["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**options)))
    frozen = cls.__setattr__ is not object.__setattr__
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=frozen,
                                      namespace={"__qualname__": cls.__qualname__})


def _failure(call: Callable[[Any], object], cls: Any) -> tuple[type[BaseException], str] | None:
    try:
        call(cls)
    except Exception as exc:  # noqa: BLE001 - what each kind of class raises is compared
        return type(exc), str(exc)
    return None


def test_the_first_frames_classes_and_the_config_are_records() -> None:
    names = {f"{c.__module__}.{c.__qualname__}" for c in MADE}
    assert {"kiosk.config.Config", "kiosk.config.FlowConfig", "kiosk.app.KioskApp",
            "kiosk.pack.head.PackHead", "kiosk.visit.flow.StateChanged"} <= names
    assert {c.__module__ for c in MADE} >= set(MODULES)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_behaves_as_the_dataclass_it_is_declared_as(cls: Any) -> None:
    reference = _as_dataclass(cls)
    own = dataclasses.fields(cls)
    assert [f.name for f in own] == [f.name for f in dataclasses.fields(reference)]
    # distinct values for every field (a field's type is not checked at run time)
    values = [f"value {i}" for i in range(len(own))]
    changed = [*values[:-1], "changed"]
    ours, theirs = cls(*values), reference(*values)
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert repr(cls(*changed)) == repr(reference(*changed))
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert cls(*values) == ours and cls(**dict(zip([f.name for f in own], values))) == ours
    assert (cls(*changed) == ours) == (reference(*changed) == theirs)
    assert ours.__eq__(theirs) is NotImplemented and ours != theirs
    assert dataclasses.replace(ours, **{own[0].name: "other"}) == cls("other", *values[1:])
    # hashable exactly when the dataclass is, with the same hash
    assert (cls.__hash__ is None) == (reference.__hash__ is None)
    if reference.__hash__ is not None:
        assert hash(ours) == hash(theirs)
        assert hash(cls(*changed)) == hash(reference(*changed))
    if cls.__module__ != __name__:   # the kiosk's own, importable by name
        assert pickle.loads(pickle.dumps(ours)) == copy.deepcopy(ours) == ours
    required = [f for f in own if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]
    if not required:   # all defaults: the same object as the dataclass's defaults
        assert repr(cls()) == repr(reference())
    for call in (lambda c: c(*values, "one too many"), lambda c: c(zzz=1),
                 lambda c: c(*values[:1], **{own[0].name: values[0]}),
                 lambda c: c(*values[:len(required) - 1]),
                 lambda c: c(**{f.name: "v" for f in own[len(required):]}),
                 lambda c: setattr(c(*values), own[0].name, 1),
                 lambda c: delattr(c(*values), own[0].name),
                 lambda c: setattr(c(*values), "new", 1)):
        assert _failure(call, cls) == _failure(call, reference)


def test_records_of_every_shape_answer_as_dataclasses() -> None:
    # the two test records above, whose fields use every option record supports
    for cls in (_Mutable, _Frozen):
        test_a_record_behaves_as_the_dataclass_it_is_declared_as(cls)
    mutable = _Mutable(1, "b")
    mutable.c = 2.0   # a mutable record takes assignments, as a dataclass does
    assert mutable == _Mutable(1, "b", 2.0, [], "other e") and mutable.d is not _Mutable(1, "b").d
    with pytest.raises(TypeError, match="unhashable"):
        hash(mutable)
    assert hash(_Frozen(1, "b", (2,), "x")) == hash(_Frozen(1, "b", (2,), "y"))
    with pytest.raises(TypeError, match="defines __eq__"):
        record(type("Own", (), {"__eq__": lambda self, other: True,
                                "__annotations__": {"a": "int"}}))
