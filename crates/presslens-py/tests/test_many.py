"""presslens.annotate_many: order, threads, any iterable, bad items."""

import threading

import presslens
import pytest
from conftest import EVAL_FILES, eval_docs


@pytest.fixture(scope="module")
def texts(seed_text):
    docs = [t for path in EVAL_FILES for _, t in eval_docs(path)]
    return [seed_text, ""] + docs


def test_threads_give_the_same_result_as_one_thread(texts):
    one = presslens.annotate_many(texts, threads=1)
    assert len(one) == len(texts)
    assert presslens.annotate_many(texts, threads=4) == one
    assert presslens.annotate_many(texts) == one
    assert presslens.annotate_many(texts, threads=1000) == one
    assert one[0] == presslens.annotate(texts[0])
    assert one[1] == {"quotes": [], "parties": [], "figures": []}


def test_order_is_kept(texts):
    rev = list(reversed(texts[:40]))
    assert presslens.annotate_many(rev, threads=3) == list(
        reversed(presslens.annotate_many(texts[:40], threads=3))
    )


def test_any_iterable():
    words = ["“Yes,” she said.", "“No,” he said."]
    want = [presslens.annotate(w) for w in words]
    assert presslens.annotate_many(iter(words)) == want
    assert presslens.annotate_many(w for w in words) == want
    assert presslens.annotate_many(tuple(words), threads=2) == want
    assert presslens.annotate_many([]) == []


def test_bad_input():
    with pytest.raises(TypeError, match="not a str"):
        presslens.annotate_many("one text")
    with pytest.raises(TypeError, match="iterable of str, not int"):
        presslens.annotate_many(5)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not NoneType"):
        presslens.annotate_many(["fine", None])
    with pytest.raises(ValueError, match=r"texts\[2\] cannot be encoded as UTF-8"):
        presslens.annotate_many(["a", "b", "c\udc80"])
    with pytest.raises(ValueError, match="at least 1"):
        presslens.annotate_many(["a"], threads=0)
    with pytest.raises(TypeError, match="threads must be an int"):
        presslens.annotate_many(["a"], threads="2")


def test_an_exception_in_the_iterable_propagates():
    def gen():
        yield "a"
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        presslens.annotate_many(gen())


def test_the_gil_is_released(texts):
    # While one thread annotates, another Python thread runs.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        presslens.annotate_many(texts * 3, threads=1)
    finally:
        stop.set()
        t.join()
    assert len(ticks) > 5
