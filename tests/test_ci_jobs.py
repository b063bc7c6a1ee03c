"""The CI jobs of docs/ci.md and the pre-commit hook, run as written.

A git repository with two commits: the base has a design doc in reStructuredText and
one in MyST, with a baseline for their findings; the head tightens a goal and adds a
finding. Each job's commands run in order (all but ``pip install``), with the CI
system's variables set and ``curl`` replaced by a stand-in that records the request.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

DOCS = Path(__file__).parent.parent / "docs"
ROOT = DOCS.parent

CONF = """\
extensions = ["sphinx_designdoc", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
designdoc_baseline = "designdoc-baseline.json"
"""
INDEX = "Design docs\n===========\n\n.. toctree::\n\n   retry\n   export\n"
RETRY = """\
Payment Retry
=============

.. design-doc::
   :id: payment-retry
   :status: draft

   Retries failed payments. [Description]

.. design-goals::

   .. goal:: Fast scheduling
      :id: p99
      :kind: performance
      :target: p99 < 120 ms
"""
EXPORT = """\
# Ledger Export

```{design-doc}
:id: ledger-export
:status: draft

Exports the ledger.
```

```{alternative} Nightly dump
:why-not: Too late for finance.
```
"""
NEW_ALTERNATIVE = "\n```{alternative} Stream every row\n```\n"


def code_block(name: str) -> dict[str, Any]:
    """The YAML of the code block of docs/ci.md with ``:name: NAME``."""
    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    match = re.search(r"```\{code-block\} yaml\n(?::[^\n]*\n)*?:name: " + name +
                      r"\n(?::[^\n]*\n)*\n(.*?)\n```", text, re.DOTALL)  # fmt: skip
    assert match, f"no code block named {name} in docs/ci.md"
    loaded: dict[str, Any] = yaml.safe_load(match[1])
    return loaded


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout.strip()


def run(repo: Path, command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One command as the CI runner runs it: bash, stopping at the first failure."""
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The repository at its head commit, and the base commit's sha."""
    repo = tmp_path_factory.mktemp("repo")
    docs = repo / "docs"
    docs.mkdir()
    for name, text in {"conf.py": CONF, "index.rst": INDEX, "retry.rst": RETRY,
                       "export.md": EXPORT}.items():  # fmt: skip
        (docs / name).write_text(text, encoding="utf-8")
    (repo / ".gitignore").write_text("_build/\n_base/\n", encoding="utf-8")
    env = ci_env(repo)
    built = run(repo, "sphinx-build -q -b designdoc docs _build/first", env)
    assert built.returncode == 0, built.stderr
    written = run(repo, "sphinx-designdoc baseline _build/first/designdoc.json "
                  "-o docs/designdoc-baseline.json", env)  # fmt: skip
    assert written.returncode == 0, written.stderr
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    (docs / "retry.rst").write_text(RETRY.replace("120 ms", "200 ms"), encoding="utf-8")
    (docs / "export.md").write_text(EXPORT + NEW_ALTERNATIVE, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "head")
    return repo, base


def ci_env(repo: Path, **extra: str) -> dict[str, str]:
    """The environment, with this Python's scripts first on the path, and a ``curl``
    that writes its arguments and the body it would send to ``curl.json``."""
    stand_ins = repo.parent / f"{repo.name}-bin"
    stand_ins.mkdir(exist_ok=True)
    curl = stand_ins / "curl"
    curl.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        "args = sys.argv[1:]\n"
        "body = next(a for a in args if a.startswith('body@'))[5:]\n"
        "record = {'args': args, 'body': open(body, encoding='utf-8').read()}\n"
        "open('curl.json', 'w', encoding='utf-8').write(json.dumps(record))\n",
        encoding="utf-8",
    )
    curl.chmod(0o755)
    path = os.pathsep.join([str(stand_ins), str(Path(sys.executable).parent), os.environ["PATH"]])
    return {**os.environ, "PATH": path, **extra}


def new_finding_line() -> int:
    return (EXPORT + NEW_ALTERNATIVE).splitlines().index("```{alternative} Stream every row") + 1


def test_the_github_job(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = repo
    summary = tmp_path / "summary.md"
    env = ci_env(path, GITHUB_STEP_SUMMARY=str(summary))
    steps = code_block("ci-github-workflow")["jobs"]["design-docs"]["steps"]
    commands = [step["run"] for step in steps if "run" in step and "pip install" not in step["run"]]
    results = []
    for command in commands:
        results.append(
            run(path, command.replace("${{ github.event.pull_request.base.sha }}", base), env)
        )
    *passing, last = results
    assert [r.returncode for r in passing] == [0] * len(passing), [r.stderr for r in passing]

    annotations = results[1].stdout.splitlines()
    assert annotations == [
        f"::warning file=docs/export.md,line={new_finding_line()},title=designdoc.missing::"
        "alternative 'Stream every row' has no :why-not:"
    ]
    text = summary.read_text(encoding="utf-8")
    assert "200 ms" in text
    assert "120 ms" in text
    assert "missing:ledger-export:alternative:stream-every-row:why-not" in text
    assert "https://docs.example.com/export.html" in text

    assert last.returncode == 1
    assert re.findall(r"\[designdoc\.\w+\]", last.stderr) == ["[designdoc.missing]"]
    assert "designdoc: 1 finding (1 missing); 1 in the baseline" in last.stdout


def test_the_gitlab_job(repo: tuple[Path, str]) -> None:
    path, base = repo
    variables = {
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
        "CI_API_V4_URL": "https://gitlab.invalid/api/v4",
        "CI_PROJECT_ID": "7",
        "CI_MERGE_REQUEST_IID": "3",
        "DESIGNDOC_NOTE_TOKEN": "secret",
    }
    env = ci_env(path, **variables)
    job = code_block("ci-gitlab-job")["design-docs"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    run(path, "rm -rf _build _base && git worktree prune", env)
    commands = [line for line in job["script"] if "pip install" not in line]
    *passing, last = [run(path, command, env) for command in commands]
    assert [r.returncode for r in passing] == [0] * len(passing), [r.stderr for r in passing]
    assert last.returncode == 1

    [issue] = json.loads((path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issue["check_name"] == "designdoc.missing"
    assert issue["location"] == {"path": "docs/export.md", "lines": {"begin": new_finding_line()}}
    assert issue["description"] == "alternative 'Stream every row' has no :why-not:"

    request = json.loads((path / "curl.json").read_text(encoding="utf-8"))
    assert request["args"][-1] == "https://gitlab.invalid/api/v4/projects/7/merge_requests/3/notes"
    assert "PRIVATE-TOKEN: secret" in request["args"]
    assert "200 ms" in request["body"]


def test_the_pre_commit_hook(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = repo
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "designdoc"
    assert hook["pass_filenames"] is False
    command = shlex.join([*shlex.split(hook["entry"]), *hook["args"]])
    env = ci_env(path)
    run(path, "rm -rf _build", env)
    head = run(path, command, env)
    assert head.returncode == 1
    assert re.findall(r"\[designdoc\.\w+\]", head.stderr) == ["[designdoc.missing]"]
    checkout = tmp_path / "base"
    git(path, "worktree", "add", "-q", str(checkout), base)
    at_base = run(checkout, command, env)
    assert at_base.returncode == 0, at_base.stderr
