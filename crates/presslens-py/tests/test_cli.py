"""The package's reports are the CLI's: same JSON for every line of ../shared/eval."""

import json
import subprocess

import presslens
import pytest
from conftest import EVAL_FILES, check_offsets, eval_docs


def cli_reports(cli, path):
    out = subprocess.run(
        [str(cli), "annotate", "--jsonl", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    reports = {}
    for line in out.splitlines():
        r = json.loads(line)
        reports[r.pop("id")] = r
    return reports


def test_eval_files_are_there():
    assert len(EVAL_FILES) >= 3, EVAL_FILES


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.name)
def test_same_report_as_the_cli(cli, path):
    docs = eval_docs(path)
    want = cli_reports(cli, path)
    assert len(want) == len(docs)
    many = presslens.annotate_many([t for _, t in docs])
    for (doc_id, text), got_many in zip(docs, many):
        got = presslens.annotate(text)
        assert got == want[doc_id], doc_id
        assert got_many == got, doc_id
        check_offsets(text, got)


def test_single_text_same_as_the_cli(cli, seed_text):
    out = subprocess.run(
        [str(cli), "annotate"], input=seed_text.encode(), capture_output=True, check=True
    ).stdout
    assert presslens.annotate(seed_text) == json.loads(out)
