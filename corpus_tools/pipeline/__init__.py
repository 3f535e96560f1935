"""``ct run PIPELINE.toml``: a chain of stages over sharded JSONL folders, on one engine.

The pipeline file names the inputs, the output folder and the stages with their options (see
docs/run.md). The inputs are first cut into partitions (``records_per_shard`` records each, or
one per input file); each stage then reads the previous stage's parts and writes as many parts
of its own. Intermediate stages write under the work folder, the last one into the output
folder. Every part is written atomically and marked complete afterwards, so a run that was
interrupted can be started again and goes on where it stopped.
"""

from __future__ import annotations

import glob
import hashlib
import itertools
import json
import os
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CtError
from ..io import STDIN, Reader, expand_inputs
from ..parallel import chunked
from .engines import Engine
from .shards import ShardSet
from .stages import RUNNERS, check_options

__all__ = ["Pipeline", "StageReport", "load_pipeline", "run_pipeline"]

DEFAULT_RECORDS_PER_SHARD = 10_000


@dataclass
class Pipeline:
    """A parsed pipeline file, its relative paths resolved against the file's folder."""

    inputs: list[str]
    output: Path
    work: Path
    stages: list[tuple[str, dict[str, Any]]]
    records_per_shard: int = DEFAULT_RECORDS_PER_SHARD
    shard_by_file: bool = False
    compression: str = "gzip"


@dataclass
class StageReport:
    name: str
    folder: Path
    parts: int
    skipped: bool
    seconds: float
    summary: str = ""


@dataclass
class RunResult:
    stages: list[StageReport] = field(default_factory=list)
    skipped_inputs: int = 0


def load_pipeline(path: Path, output: Path | None = None) -> Pipeline:
    """Read and check a pipeline file; ``output`` overrides its ``[output] dir``."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CtError(f"{where}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CtError(f"{where}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CtError(f"{where}: not valid TOML ({exc})") from exc
    base = path.parent
    unknown = set(data) - {"input", "output", "stage"}
    if unknown:
        raise CtError(f"{where}: unknown section(s): {', '.join(sorted(unknown))}")
    source = _table(data, "input", where)
    target = _table(data, "output", where)
    _only_keys(source, {"paths", "records_per_shard", "shard_by_file"}, f"{where} [input]")
    _only_keys(target, {"dir", "work", "compression"}, f"{where} [output]")

    paths = source.get("paths")
    if isinstance(paths, str):
        paths = [paths]
    if not paths or not all(isinstance(p, str) for p in paths):
        raise CtError(f"{where}: [input] paths must be a list of files, folders or globs")
    inputs = [p if p == STDIN else _resolve(base, p) for p in paths]
    if STDIN in inputs:
        raise CtError(f"{where}: ct run reads files, not stdin (write stdin to a file first)")

    records_per_shard = source.get("records_per_shard", DEFAULT_RECORDS_PER_SHARD)
    if not isinstance(records_per_shard, int) or isinstance(records_per_shard, bool):
        raise CtError(f"{where}: [input] records_per_shard must be a whole number")
    if records_per_shard < 1:
        raise CtError(f"{where}: [input] records_per_shard must be at least 1")
    shard_by_file = source.get("shard_by_file", False)
    if not isinstance(shard_by_file, bool):
        raise CtError(f"{where}: [input] shard_by_file must be true or false")

    if output is None:
        if not isinstance(target.get("dir"), str):
            raise CtError(f"{where}: [output] dir is missing (or give -o DIR)")
        output = Path(_resolve(base, target["dir"]))
    work_value = target.get("work")
    work = Path(_resolve(base, work_value) if isinstance(work_value, str) else f"{output}.work")
    compression = target.get("compression", "gzip")
    if compression not in ("gzip", "none"):
        raise CtError(f"{where}: [output] compression must be gzip or none")

    stages = []
    raw_stages = data.get("stage", [])
    if not isinstance(raw_stages, list) or not raw_stages:
        raise CtError(f'{where}: no [[stage]] tables (e.g. [[stage]] run = "clean")')
    for number, raw in enumerate(raw_stages, start=1):
        options = dict(raw)
        name = options.pop("run", None)
        stage_where = f"{where} stage {number}"
        if not isinstance(name, str):
            raise CtError(f'{stage_where}: missing run = "clean" | "dedup" | "normalize"')
        options = check_options(name, options, stage_where)
        if "names_files" in options:
            options["names_files"] = [_resolve(base, name) for name in options["names_files"]]
        stages.append((name, options))
    pipeline = Pipeline(inputs, output, work, stages, records_per_shard, shard_by_file, compression)
    _refuse_overlaps(pipeline)
    return pipeline


def _resolve(base: Path, path: str) -> str:
    """A path from the pipeline file: relative ones start at the file's folder."""
    return os.path.normpath(path if os.path.isabs(path) else os.path.join(base, path))


def _table(data: dict, name: str, where: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise CtError(f"{where}: [{name}] must be a table")
    return table


def _only_keys(table: dict, allowed: set[str], where: str) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise CtError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))} (allowed: "
            f"{', '.join(sorted(allowed))})"
        )


def _refuse_overlaps(pipeline: Pipeline) -> None:
    """Outputs never inside an input folder (a re-run would read them) and never holding an
    input (pruning old parts would delete it)."""
    outputs = [pipeline.output.resolve(), pipeline.work.resolve()]
    for spec in pipeline.inputs:
        source = _glob_root(spec).resolve()
        for output in outputs:
            if output == source or output.is_relative_to(source) or source.is_relative_to(output):
                raise CtError(
                    f"output folder {output} overlaps the input {spec}; choose another -o"
                )


def _glob_root(spec: str) -> Path:
    """The folder a glob searches (``corpus/**/*.txt`` -> ``corpus``); a plain path itself."""
    parts = Path(spec).parts
    plain = list(itertools.takewhile(lambda part: not glob.has_magic(part), parts))
    return Path(*plain) if plain else Path(".")


# ----------------------------------------------------------------------------- running


def run_pipeline(
    pipeline: Pipeline,
    engine: Engine,
    report: Callable[[str], None] = lambda message: None,
    on_error: str = "skip",
    warn: Callable[[str], None] | None = None,
) -> RunResult:
    """Run every stage that is not already complete; return what each did."""
    result = RunResult()
    started = time.perf_counter()
    paths, fingerprint, skipped, parts_done = _partition_inputs(pipeline, on_error, warn)
    result.skipped_inputs = skipped
    if not pipeline.shard_by_file:
        result.stages.append(
            StageReport(
                "input",
                pipeline.work / "00-input",
                len(paths),
                parts_done,
                time.perf_counter() - started,
                "" if parts_done else f"{len(paths)} partitions written",
            )
        )
        report(_describe(result.stages[-1]))
    if not paths:
        raise CtError("no input records: nothing to run")
    for number, (name, options) in enumerate(pipeline.stages, start=1):
        last = number == len(pipeline.stages)
        folder = pipeline.output if last else pipeline.work / f"{number:02d}-{name}"
        fingerprint = _digest(fingerprint, name, json.dumps(options, sort_keys=True))
        target = ShardSet(folder, len(paths), pipeline.compression, fingerprint)
        started = time.perf_counter()
        if target.done():
            stage = StageReport(name, folder, len(paths), True, 0.0)
        else:
            target.prune()
            summary = RUNNERS[name](engine, paths, target, options)
            target.mark_done()
            stage = StageReport(
                name, folder, len(paths), False, time.perf_counter() - started, summary
            )
        result.stages.append(stage)
        report(_describe(stage))
        paths = [str(path) for path in target.paths()]
    return result


def _describe(stage: StageReport) -> str:
    where = f"{stage.folder} ({stage.parts} parts)"
    if stage.skipped:
        return f"{stage.name}: already complete in {where}, skipped"
    return f"{stage.name}: {stage.summary} -> {where}, {stage.seconds:.1f}s"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def _input_files(pipeline: Pipeline) -> list[str]:
    return [path for path, _root in expand_inputs(pipeline.inputs)]


def _inputs_fingerprint(pipeline: Pipeline, files: list[str]) -> str:
    """Changes when an input file is added, removed, resized or touched, or sharding changes."""
    stats = []
    for name in files:
        try:
            info = os.stat(name)
            stats.append(f"{os.path.abspath(name)}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stats.append(f"{name}:missing")
    layout = "files" if pipeline.shard_by_file else str(pipeline.records_per_shard)
    return _digest(layout, *stats)


def _partition_inputs(
    pipeline: Pipeline, on_error: str, warn: Callable[[str], None] | None
) -> tuple[list[str], str, int, bool]:
    """The partitions' paths, their fingerprint, inputs skipped, and whether it was done before.

    With ``shard_by_file`` every input file is one partition, read where it is; otherwise the
    inputs are read once, in order, and cut into parts of ``records_per_shard`` records.
    """
    files = _input_files(pipeline)
    fingerprint = _inputs_fingerprint(pipeline, files)
    if pipeline.shard_by_file:
        missing = [name for name in files if not os.path.isfile(name)]
        if missing:
            raise CtError(f"{missing[0]}: no such file or directory")
        return files, fingerprint, 0, False
    folder = pipeline.work / "00-input"
    recorded = _recorded_parts(folder, fingerprint, pipeline.compression)
    if recorded is not None:
        return [str(path) for path in recorded.paths()], fingerprint, 0, True
    reader = Reader(pipeline.inputs, on_error=on_error, report=warn)  # type: ignore[arg-type]
    shards = ShardSet(folder, 0, pipeline.compression, fingerprint)  # counted as parts are cut
    for part, chunk in enumerate(chunked(reader, pipeline.records_per_shard)):
        shards.write_part(part, chunk)
        shards.parts = part + 1
    shards.prune()
    shards.mark_done()
    return [str(path) for path in shards.paths()], fingerprint, reader.skipped, False


def _recorded_parts(folder: Path, fingerprint: str, compression: str) -> ShardSet | None:
    """The input partitions of an earlier run with the same inputs, if it completed."""
    try:
        success = json.loads((folder / ".complete" / "_SUCCESS").read_text(encoding="utf-8"))
        shards = ShardSet(folder, int(success["parts"]), compression, fingerprint)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return shards if shards.done() else None
