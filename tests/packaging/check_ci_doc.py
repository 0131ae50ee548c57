#!/usr/bin/python3
"""docs/ci.md's workflows are valid YAML and do what the page says: a matrix with one scan job per
repository that writes SARIF and sends it to code scanning (REST API for the central matrix, the
upload-sarif action in the per-repository variant)."""
import pathlib
import re
import sys

import yaml

doc = pathlib.Path(__file__).resolve().parents[2] / "docs" / "ci.md"
blocks = re.findall(r"```yaml\n(.*?)```", doc.read_text(), re.S)
assert len(blocks) == 2, f"expected 2 workflows in {doc}, found {len(blocks)}"
central, local = (yaml.safe_load(b) for b in blocks)

scan = central["jobs"]["scan"]
repos = scan["strategy"]["matrix"]["repo"]
assert isinstance(repos, list) and len(repos) >= 2, "the matrix lists the repositories"
runs = "\n".join(step.get("run", "") for step in scan["steps"])
assert "sanctum scan" in runs and "--format sarif" in runs, "the scan writes SARIF"
assert "|| [ $? -eq 1 ]" in runs, "findings (exit 1) do not fail the job, errors (exit 2) do"
assert "code-scanning/sarifs" in runs and "${{ matrix.repo }}" in str(scan), "upload per repository"
assert "--no-redact" not in runs, "CI never prints whole secrets"
local_steps = local["jobs"]["scan"]["steps"]
assert any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif") for s in local_steps)
assert local["permissions"]["security-events"] == "write"
print(f"ok: docs/ci.md workflows parse; matrix of {len(repos)} repositories, SARIF uploaded per repository")
sys.exit(0)
