"""Job outputs on any Hadoop file system: written beside the target, then swapped in.

A job writes everything to a hidden sibling directory (``.<name>.tmp-<id>``); only when it has finished
is the old output moved aside, the new one renamed into place and the old one deleted. Readers see the
old output or the new one, never a mix or a half-written partition (on HDFS and local disks a rename is
atomic; on object stores such as s3a a rename is a copy, see docs/scale-out.md). A directory is only
replaced if a warta job wrote it (it holds ``_warta_job.json``), so a mistyped ``--output`` cannot
delete someone's data.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from warta.batch.rows import MANIFEST
from warta.errors import WartaError

log = logging.getLogger(__name__)


class OutputError(WartaError):
    """The output directory cannot be written or replaced."""

    type = "output_error"


class HadoopFS:
    """The few file-system calls the jobs need, through the JVM's Hadoop FileSystem."""

    def __init__(self, spark: Any, uri: str) -> None:
        jvm = spark.sparkContext._jvm
        self._jvm = jvm
        self._conf = spark.sparkContext._jsc.hadoopConfiguration()
        self.fs = jvm.org.apache.hadoop.fs.Path(uri).getFileSystem(self._conf)

    def path(self, uri: str) -> Any:
        return self._jvm.org.apache.hadoop.fs.Path(uri)

    def qualified(self, uri: str) -> str:
        return str(self.fs.makeQualified(self.path(uri)).toString())

    def exists(self, uri: str) -> bool:
        return bool(self.fs.exists(self.path(uri)))

    def is_dir(self, uri: str) -> bool:
        return bool(self.fs.exists(self.path(uri)) and self.fs.getFileStatus(self.path(uri)).isDirectory())

    def is_empty_dir(self, uri: str) -> bool:
        return self.is_dir(uri) and len(self.fs.listStatus(self.path(uri))) == 0

    def rename(self, src: str, dst: str) -> None:
        if not self.fs.rename(self.path(src), self.path(dst)):
            raise OutputError(f"cannot rename {src} to {dst}")

    def delete(self, uri: str) -> None:
        self.fs.delete(self.path(uri), True)

    def mkdirs(self, uri: str) -> None:
        self.fs.mkdirs(self.path(uri))

    def write_text(self, uri: str, text: str) -> None:
        out = self.fs.create(self.path(uri), True)
        try:
            out.write(bytearray(text.encode("utf-8")))
        finally:
            out.close()

    def list_files(self, uri: str) -> Iterator[tuple[str, bool]]:
        """(uri, named directly) for a file, or every file below a directory or matching a glob."""
        statuses = self.fs.globStatus(self.path(uri))
        for status in statuses or []:
            if status.isDirectory():
                files = self.fs.listFiles(status.getPath(), True)
                while files.hasNext():
                    yield str(files.next().getPath().toString()), False
            else:
                yield str(status.getPath().toString()), True


def _sibling(uri: str, tag: str) -> str:
    head, _, name = uri.rstrip("/").rpartition("/")
    return f"{head}/.{name}.{tag}-{uuid.uuid4().hex[:12]}" if head else f".{name}.{tag}-{uuid.uuid4().hex[:12]}"


@contextmanager
def replacing(spark: Any, output: str) -> Iterator[str]:
    """A fresh directory to write a job's output into; swapped in for ``output`` if the block succeeds."""
    fs = HadoopFS(spark, output)
    target = fs.qualified(output)
    if fs.exists(target) and not fs.is_empty_dir(target) and not fs.exists(f"{target}/{MANIFEST}"):
        raise OutputError(
            f"{output} exists and was not written by a warta job (no {MANIFEST}); not replacing it"
        )
    staging = _sibling(target, "tmp")
    fs.mkdirs(staging)
    try:
        yield staging
    except BaseException:
        fs.delete(staging)
        raise
    old = _sibling(target, "old") if fs.exists(target) else None
    if old:
        fs.rename(target, old)
    try:
        fs.rename(staging, target)
    except Exception:
        if old:
            fs.rename(old, target)
        fs.delete(staging)
        raise
    if old:
        fs.delete(old)
    log.info("wrote %s", target)


def write_manifest(spark: Any, directory: str, manifest: dict[str, Any]) -> None:
    HadoopFS(spark, directory).write_text(
        f"{directory}/{MANIFEST}", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    )

