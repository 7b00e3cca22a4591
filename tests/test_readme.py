"""README's two commands stay true: CI runs the very test command README gives."""

from helpers import ROOT


def test_ci_runs_the_test_command_of_the_readme():
    command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert command == "bash .ci/setup && python3 -m pytest"
    assert f"\n{command}\n" in (ROOT / "README.md").read_text(encoding="utf-8")
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    assert "python3 -m pip install -q -r requirements-dev.txt" in setup and "npm ci" in setup
    assert "chromium" in setup  # the browser tests' browser, from Debian


def test_readme_demo_command_serves_the_demo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\npython3 -m pip install -r requirements.txt && npm ci --no-audit --no-fund && python3 -m invoke serve\n" in readme
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert "def serve(" in tasks and "def build(" in tasks and "def clean(" in tasks
