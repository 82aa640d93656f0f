"""The SDK is an installable package: pyproject builds a wheel holding the client."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_builds_a_wheel(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    [wheel] = tmp_path.glob("arbiter_client-0.1.0-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"arbiter_client/client.py", "arbiter_client/models.py", "arbiter_client/webhooks.py", "arbiter_client/py.typed"} <= set(names)
    metadata = next(n for n in names if n.endswith("METADATA"))
    requires = [line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines() if line.startswith("Requires-Dist")]
    assert any("httpx" in r for r in requires) and any("pydantic" in r for r in requires)
