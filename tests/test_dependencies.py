"""The locks: every runtime and test dependency pinned with hashes, in step with the requirements files,
and installed hash-checked by the README's commands and the test script."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def direct_pins(path: Path) -> dict[str, str]:
    """Return the ``name==version`` lines of a requirements file (not the files it includes)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line.strip())
        if m:
            pins[canonicalize_name(m.group(1))] = m.group(2)
    return pins


def locked(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Return each package of a lock with its version and hashes."""
    entries: dict[str, tuple[str, frozenset[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8")):
        m = PIN.match(block)
        if m:
            hashes = frozenset(re.findall(r"--hash=(sha256:[0-9a-f]{64})", block))
            entries[canonicalize_name(m.group(1))] = (m.group(2), hashes)
    return entries


def test_every_pin_of_the_requirements_files_is_in_its_lock_at_the_same_version() -> None:
    for source, lock in (("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")):
        pins, entries = direct_pins(ROOT / source), locked(ROOT / lock)
        assert pins, source
        for name, version in pins.items():
            assert name in entries, f"{name} is in {source} but not in {lock}: run bash scripts/lock.sh"
            assert entries[name][0] == version, f"{name}: {source} says {version}, {lock} {entries[name][0]}"


def test_every_locked_package_is_pinned_with_hashes() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        entries = locked(ROOT / lock)
        lines = [ln for ln in (ROOT / lock).read_text(encoding="utf-8").splitlines() if ln and ln[0].isalnum()]
        assert len(entries) == len(lines) > 10  # every requirement line is an exact pin
        assert all(hashes for _, hashes in entries.values()), lock
    # the runtime's own dependencies are there too, not only what requirements.txt names
    assert {"werkzeug", "jinja2", "click", "limits"} <= set(locked(ROOT / "requirements.lock"))


def test_the_tests_install_the_versions_and_files_production_installs() -> None:
    runtime, dev = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-dev.lock")
    for name, (version, hashes) in runtime.items():
        assert name in dev and dev[name][0] == version, name
        assert hashes <= dev[name][1], name


def test_the_readme_and_the_test_script_install_hash_checked_from_the_locks() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run_sh = (ROOT / "tests" / "run.sh").read_text(encoding="utf-8")
    assert re.search(r"^ +python3 -m venv \.venv && \.venv/bin/pip install --require-hashes -r requirements\.lock "
                     r"&& \.venv/bin/python app\.py$", readme, re.M)
    install = [ln for ln in run_sh.splitlines() if "pip install" in ln]
    assert install and all("--require-hashes -r requirements-dev.lock" in ln for ln in install)
    assert "pip install -r requirements" not in readme
