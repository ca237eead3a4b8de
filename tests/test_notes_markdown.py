"""Notes are Markdown; what is shown is cleaned so that no script or HTML gets through."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from tweespraak.meetings.markdown import render_markdown


def test_markdown_becomes_the_small_set_of_allowed_tags():
    html = render_markdown(
        "### Progress\n\n**done** and *next*\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`code`"
    )
    for tag in ("<h3>", "<strong>done</strong>", "<em>next</em>", "<ul>", "<ol>", "<li>one</li>"):
        assert tag in html
    assert "<blockquote>" in html
    assert "<code>code</code>" in html


def test_a_script_tag_is_removed_with_its_content_left_as_harmless_text():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html
    assert "Hello" in html


def test_javascript_links_lose_their_href():
    html = render_markdown("[click](javascript:alert(1)) and <a href='javascript:alert(2)'>x</a>")
    assert "javascript:" not in html


def test_onerror_and_other_attributes_are_stripped():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">para</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html


@pytest.mark.parametrize(
    "raw",
    [
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
        "<div style='position:fixed'>overlay</div>",
        "<svg onload=alert(1)>",
        "<form action='https://evil.example'><input name=x></form>",
    ],
)
def test_raw_html_outside_the_allowed_set_is_dropped(raw):
    html = render_markdown(raw)
    for tag in ("<iframe", "<style", "<div", "style=", "<svg", "onload", "<form", "<input"):
        assert tag not in html


def test_web_and_mail_links_are_kept_with_a_safe_rel():
    html = render_markdown("[site](https://example.org) [mail](mailto:a@example.org)")
    assert 'href="https://example.org"' in html
    assert 'href="mailto:a@example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_relative_and_data_links_are_not_kept():
    html = render_markdown("[a](/account/logout/) [b](data:text/html;base64,PHNjcmlwdD4=)")
    assert "href" not in html


def test_empty_notes_render_as_nothing():
    assert render_markdown("") == ""


def test_the_template_filter_renders_safely():
    template = Template("{% load notes %}{{ body|markdown }}")
    html = template.render(Context({"body": "*hi* <script>x()</script>"}))
    assert "<em>hi</em>" in html
    assert "<script" not in html
    assert Template("{% load notes %}{{ body|markdown }}").render(Context({"body": None})) == ""
