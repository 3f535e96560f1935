"""The stages ``ct run`` can chain, each over partitions on any engine.

A stage reads the parts of the previous stage (paths) and writes one part per partition into a
:class:`~corpus_tools.pipeline.shards.ShardSet`. It makes the same decisions as the matching
``ct`` command over the concatenated parts: ``clean`` counts site lines on every partition and
merges the counts before cleaning; ``dedup`` numbers documents across partitions and groups
them with a shuffle (:mod:`corpus_tools.dedup.sharded`); ``normalize`` is a plain map.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CtError
from .engines import Engine
from .shards import ShardSet, read_part


@dataclass(frozen=True)
class Option:
    """One setting a stage accepts in the pipeline file: its type and allowed values."""

    kind: type
    hint: str = ""
    check: Callable[[Any], bool] = lambda value: True


def _one_of(*choices: str) -> Option:
    return Option(str, "|".join(choices), lambda value: value in choices)


def _number(kind: type, low: float, high: float = float("inf")) -> Option:
    hint = f"{low} to {high}" if high != float("inf") else f"at least {low}"
    return Option(kind, hint, lambda value: low <= value <= high)


_STRINGS = Option(list, "a list of strings", lambda value: all(isinstance(v, str) for v in value))

OPTIONS: dict[str, dict[str, Option]] = {
    "clean": {
        "skip": _STRINGS,
        "site_key": _one_of("auto", "meta", "url", "folder", "none"),
        "min_site_docs": _number(int, 2),
    },
    "dedup": {
        "threshold": _number(float, 0.05, 1.0),
        "containment": _number(float, 0.05, 1.0),
        "shingle_size": _number(int, 1),
        "num_perm": _number(int, 8, 1024),
        "keep": _one_of("first", "longest", "earliest"),
    },
    "normalize": {
        "inline": Option(bool, "true or false"),
        "dates": Option(bool, "true or false"),
        "names": Option(bool, "true or false"),
        "morphology": Option(bool, "true or false"),
        "names_files": _STRINGS,
    },
}


def check_options(stage: str, options: dict[str, Any], where: str) -> dict[str, Any]:
    """The stage's options, validated: an unknown key or a wrong value is one clear error."""
    if stage not in OPTIONS:
        raise CtError(f"{where}: unknown stage {stage!r} (choose {', '.join(OPTIONS)})")
    known = OPTIONS[stage]
    checked = {}
    for key, value in options.items():
        option = known.get(key)
        if option is None:
            raise CtError(f"{where}: {stage} has no option {key!r} (options: {', '.join(known)})")
        if option.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        wrong_type = not isinstance(value, option.kind) or (
            isinstance(value, bool) and option.kind is not bool
        )
        if wrong_type or not option.check(value):
            raise CtError(f"{where}: {stage}.{key} = {value!r} is not valid ({option.hint})")
        checked[key] = value
    return checked


def write_pending(
    engine: Engine, task: Callable[..., int], paths: Sequence[str], target: ShardSet, **common: Any
) -> int:
    """Run ``task(path, part, target=..., **common)`` for every part not yet complete; the
    number of records written."""
    pending = target.pending()
    inputs = [paths[part] for part in pending]
    return sum(engine.gather(engine.map(task, inputs, pending, target=target, **common)))


# ----------------------------------------------------------------------------- clean


def count_site_lines(path: str, site_key: str) -> Any:
    from ..clean.site import LineCounts

    return LineCounts(site_key=site_key).add_all(read_part(path))  # type: ignore[arg-type]


def clean_part(path: str, part: int, target: ShardSet, skip: tuple[str, ...], index: Any) -> int:
    from ..clean import Cleaner

    cleaner = Cleaner(skip=skip, site_index=index)
    return target.write_part(part, map(cleaner.clean, read_part(path)))


def run_clean(engine: Engine, paths: Sequence[str], target: ShardSet, options: dict) -> str:
    from ..clean import Cleaner, SiteLineIndex

    skip = tuple(options.get("skip", ()))
    Cleaner(skip=skip)  # unknown rule names fail here, before any work
    site_key = options.get("site_key", "auto")
    index = None
    if SiteLineIndex.RULE not in skip and site_key != "none":
        index = SiteLineIndex(min_docs=options.get("min_site_docs", 3), site_key=site_key)
        for counts in engine.gather(engine.map(count_site_lines, list(paths), site_key=site_key)):
            index.merge(counts)
    written = write_pending(engine, clean_part, paths, target, skip=skip, index=engine.share(index))
    return f"{written} records cleaned"


# ----------------------------------------------------------------------------- dedup


def run_dedup(engine: Engine, paths: Sequence[str], target: ShardSet, options: dict) -> str:
    from ..dedup import MatchPolicy, MinHashParams
    from ..dedup.sharded import dedup_partitions

    params = MinHashParams(
        shingle_size=options.get("shingle_size", 5), num_perm=options.get("num_perm", 128)
    )
    policy = MatchPolicy(
        threshold=options.get("threshold", 0.7), containment=options.get("containment", 0.8)
    )
    summary = dedup_partitions(
        engine,
        paths,
        target,
        params,
        policy,
        keep=options.get("keep", "first"),
        only=target.pending(),
    )
    return (
        f"{summary.documents} documents, {summary.exact} exact and {summary.near} near"
        f" duplicates dropped, {summary.kept} kept"
    )


# ----------------------------------------------------------------------------- normalize


@functools.lru_cache(maxsize=4)
def _normalizer(options: tuple[tuple[str, Any], ...]) -> Any:
    """One normalizer per worker process and options (the gazetteer and morphology load once)."""
    from ..normalize import Normalizer

    settings = dict(options)
    return Normalizer(
        dates=settings.get("dates", True),
        names=settings.get("names", True),
        inline=settings.get("inline", False),
        names_files=settings.get("names_files", ()),
        morphology=settings.get("morphology", True),
    )


def normalize_part(
    path: str, part: int, target: ShardSet, options: tuple[tuple[str, Any], ...]
) -> int:
    normalizer = _normalizer(options)
    return target.write_part(part, map(normalizer.normalize, read_part(path)))


def run_normalize(engine: Engine, paths: Sequence[str], target: ShardSet, options: dict) -> str:
    settings = {key: tuple(v) if isinstance(v, list) else v for key, v in options.items()}
    missing = [name for name in settings.get("names_files", ()) if not Path(name).is_file()]
    if missing:
        raise CtError(f"normalize.names_files: {missing[0]}: no such file")
    options_key = tuple(sorted(settings.items()))
    written = write_pending(engine, normalize_part, paths, target, options=options_key)
    return f"{written} records normalised"


RUNNERS: dict[str, Callable[[Engine, Sequence[str], ShardSet, dict], str]] = {
    "clean": run_clean,
    "dedup": run_dedup,
    "normalize": run_normalize,
}
