"""The native module (Rust, PyO3): reports as JSON text, code-point offsets."""

from typing import Iterable, Optional

ENGINE_VERSION: str

def annotate_json(text: str) -> str: ...
def annotate_many_json(texts: Iterable[str], threads: Optional[int] = None) -> str: ...
def annotate_html_json(html: str, url: Optional[str] = None) -> str: ...
def annotate_html_many_json(
    htmls: Iterable[str],
    urls: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
) -> str: ...
