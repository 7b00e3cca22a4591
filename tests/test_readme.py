"""README's two commands stay true: CI runs the very test command README gives, both run from the virtual
environment .ci/setup makes (a distribution's python3 refuses system-wide pip: PEP 668)."""

from helpers import ROOT

TEST_COMMAND = "bash .ci/setup && .venv/bin/python -m pytest"
DEMO_COMMAND = "bash .ci/setup --demo && .venv/bin/invoke serve"


def test_ci_runs_the_test_command_of_the_readme():
    command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert command == TEST_COMMAND
    assert f"\n{TEST_COMMAND}\n" in (ROOT / "README.md").read_text(encoding="utf-8")
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in setup and ".venv/bin/python -m pip install" in setup and "npm ci" in setup
    assert "python3-venv" in setup and "chromium" in setup and "nodejs npm" in setup  # installed when missing
    assert "--loglevel=error" in setup and "legacy-peer-deps=true" in (ROOT / ".npmrc").read_text(encoding="utf-8")


def test_readme_demo_command_serves_the_demo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\n{DEMO_COMMAND}\n" in readme
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert "def serve(" in tasks and "def build(" in tasks and "def clean(" in tasks


def test_setup_says_in_one_line_what_to_install_when_it_cannot(tmp_path):
    """A machine without Node.js where apt-get cannot be used (not Debian, no sudo): one clear line, no
    "command not found" halfway."""
    import os
    import shutil
    import subprocess

    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("bash", "dirname", "id", "python3", "head"):
        found = shutil.which(name, path="/usr/bin:/bin")
        assert found, name
        os.symlink(found, tools / name)
    result = subprocess.run(["bash", str(ROOT / ".ci" / "setup"), "--demo"], env={"PATH": str(tools)},
                            capture_output=True, text=True, timeout=60, check=False)
    said = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode == 1 and len(said) == 1, said
    assert "Thiếu: nodejs npm" in said[0] and "sudo apt-get install nodejs npm" in said[0]
    assert "command not found" not in said[0]
