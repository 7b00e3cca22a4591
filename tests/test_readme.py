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
