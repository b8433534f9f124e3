"""A town as it lives apart from the product: the product built as a wheel, installed into the town's own fresh
virtual environment from local wheel files only (`make test` downloads them into build/wheelhouse/ beforehand), and
the town's repository written by `catalogue new-town`. No PYTHONPATH and no product checkout reach the town."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WHEELHOUSE = REPO / "build" / "wheelhouse"


def product_version() -> str:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


LEAKING_VARIABLES = ("PYTHONPATH", "VIRTUAL_ENV", "PYTEST_CURRENT_TEST", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")


def offline_environment(*find_links: Path) -> dict[str, str]:
    """The environment a town's commands run in here: pip takes packages from local folders only, and nothing of
    the product's checkout or test run leaks in."""
    environment = {key: value for key, value in os.environ.items() if key not in LEAKING_VARIABLES}
    environment.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=" ".join(str(path) for path in find_links), PIP_DISABLE_PIP_VERSION_CHECK="1",
                       NO_MKDOCS_2_WARNING="1")
    return environment


def build_wheel(source: Path, target: Path) -> Path:
    """The product at source built as a wheel into target (the build backend from this test run's environment)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(target), str(source)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    return next(target.glob("bildungskatalog-*.whl"))


@pytest.fixture(scope="session")
def product_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (WHEELHOUSE / ".downloaded").is_file():
        pytest.fail("build/wheelhouse/ is missing: run the tests with `make test` (it downloads the pinned wheels first)")
    return build_wheel(REPO, tmp_path_factory.mktemp("dist"))
