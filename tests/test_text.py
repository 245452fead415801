"""html_to_text: paragraph and list breaks kept, entities and escaped HTML undone, hostile input cheap."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobtrends.text import _strip_spaces_at_newlines, html_to_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("Lead<p>Body one<p>Body two", "Lead\n\nBody one\n\nBody two"),
        ("<ul><li>Python</li><li>SQL</li></ul>", "- Python\n- SQL"),
        ("<ul><li><p>nested p</p></li><li><p>second</p></li></ul>", "- nested p\n- second"),
        ("<p>Intro</p><ol><li>a</li><li>b</li></ol><p>Outro</p>", "Intro\n\n- a\n- b\n\nOutro"),
        ("line<br>break<br/>again", "line\nbreak\nagain"),
        (
            "Tom &amp; Jerry &#x2F; &#x27;quoted&#x27; &quot;x&quot; &nbsp;end",
            "Tom & Jerry / 'quoted' \"x\" end",
        ),
        (
            "&lt;p&gt;Escaped &amp;amp; once more&lt;/p&gt;&lt;ul&gt;&lt;li&gt;k8s&lt;/li&gt;&lt;/ul&gt;",
            "Escaped & once more\n\n- k8s",
        ),
        ("<script>alert('x')</script><style>p{}</style>Visible<!-- hidden -->", "Visible"),
        ("<p>  spaced \t out  </p>", "spaced out"),
        ("a\u200bb\u00a0c", "ab c"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        ('<p>Cut off mid-tag</p><span class="x" style="overflow: hid', "Cut off mid-tag"),
        ("<p>Cut before a closing</p></s", "Cut before a closing"),
        ("x <5 and y <y", "x <5 and y"),
        ("HN text\n- bullet one\n- bullet two", "HN text\n- bullet one\n- bullet two"),
        ("<div><br></div><div><br></div><div>far</div>", "far"),
        ("", ""),
    ],
)
def test_html_to_text_cases(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_none_is_empty() -> None:
    assert html_to_text(None) == ""


def test_unclosed_script_hides_the_rest_like_a_browser() -> None:
    assert html_to_text("kept<script>never closed <p>gone") == "kept"


@pytest.mark.parametrize(
    "hostile",
    [
        "<" * 300_000,
        "<a " * 100_000,
        "<script>" * 50_000,
        "<!--" * 100_000,
        "&lt;p" * 60_000,
        "<li>" * 60_000,
        "&amp;" * 60_000,
    ],
)
def test_hostile_input_is_linear(hostile: str) -> None:
    started = time.process_time()
    result = html_to_text(hostile)
    assert isinstance(result, str)
    assert time.process_time() - started < 1.5


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#xp li=\"'ab\n\t\u200b\u202e😀")), max_size=300))
def test_never_raises_and_leaves_no_markers(html: str) -> None:
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "\x02" not in text and "\x03" not in text
    assert text == text.strip()
    assert "\n\n\n" not in text


@settings(max_examples=1_000, deadline=None)
@given(text=st.text(alphabet=" \n ab\t", max_size=40))
def test_spaces_at_line_breaks_go_as_the_regular_expression_drops_them(text: str) -> None:
    assert _strip_spaces_at_newlines(text) == re.sub(" +\n *|\n +", "\n", text)


@pytest.mark.parametrize("odd", ["\u2060", "\ufeff", "\u200d", "\u3000", "\u2009", "\u00a0", "\t"])
def test_every_odd_space_and_zero_width_mark_goes_from_accented_text(odd: str) -> None:
    assert html_to_text(f"Café{odd}Zürich") in ("Café Zürich", "CaféZürich")
    assert odd not in html_to_text(f"Café{odd}Zürich")
