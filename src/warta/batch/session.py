"""The Spark session: local runs made to work out of the box, cluster runs left to spark-submit.

pyspark is optional (``pip install 'warta[spark]'``); it is imported here, lazily, and nowhere at
module import time.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from warta.errors import WartaError

log = logging.getLogger(__name__)

INSTALL_HINT = "Spark jobs need pyspark: pip install 'warta[spark]' (pyspark[sql], and a Java 17+ runtime)"


class SparkUnavailableError(WartaError):
    """pyspark is not installed, or Java cannot be started."""

    type = "spark_unavailable"


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise SparkUnavailableError(INSTALL_HINT) from exc


def is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def _submitted() -> bool:
    """Whether spark-submit launched us (it passes the master to the Python driver this way)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def get_spark(
    master: str | None = None,
    *,
    app_name: str = "warta",
    driver_memory: str | None = None,
    conf: Mapping[str, str] | None = None,
    ship_code: bool | None = None,
) -> Any:
    """A SparkSession. ``master`` None: spark-submit's, else ``local[*]``.

    For local masters the workers run this interpreter, bind to 127.0.0.1 and print no progress bars.
    Driver memory must be fixed before the JVM starts, so it is a parameter here. ``ship_code`` (default:
    on for cluster masters) sends warta's own code to the executors as a zip; its dependencies must
    already be there (see docs/scale-out.md: a packed virtualenv or the wheel installed on the nodes).
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    if master is None and not _submitted():
        master = "local[*]"
    local = is_local(master) and not _submitted()
    if local:
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.sources.partitionOverwriteMode": "static",
    }
    if local:
        settings |= {
            "spark.driver.bindAddress": "127.0.0.1",
            "spark.driver.host": "127.0.0.1",
            "spark.ui.enabled": "false",
        }
    if driver_memory:
        settings["spark.driver.memory"] = driver_memory
    settings |= dict(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, or the JVM failed to start
        raise SparkUnavailableError(f"cannot start Spark ({type(exc).__name__}: {exc}); {INSTALL_HINT}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    if ship_code if ship_code is not None else not local:
        spark.sparkContext.addPyFile(str(package_zip()))
    return spark


def package_zip(directory: Path | None = None) -> Path:
    """A zip of the installed warta package (code and data), for ``SparkContext.addPyFile``."""
    import warta

    root = Path(warta.__file__).resolve().parent
    out = Path(directory or tempfile.mkdtemp(prefix="warta-code-")) / "warta.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(root.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                zf.write(file, Path("warta") / file.relative_to(root))
    log.info("shipping %s (%d bytes) to the executors", out, out.stat().st_size)
    return out
