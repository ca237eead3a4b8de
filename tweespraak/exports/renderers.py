"""Three small renderers of one ExportDocument: Markdown, DOCX and PDF.

Each only lays out what `build_export` collected; labels are translated in the
document's language. Notes are Markdown: the PDF shows them as cleaned HTML
(`render_markdown`), the DOCX maps that same HTML to headings, paragraphs, lists
and bold/italic runs, and the Markdown export keeps them as written.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any, Literal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tweespraak.exports.document import AgreementLine, ExportDocument, MeetingPart, Progress
from tweespraak.meetings.markdown import render_markdown

NO_DATE = "\u2013"  # en dash for an agreement without a date
Format = Literal["pdf", "docx", "md"]
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "md": ("text/markdown; charset=utf-8", "md"),
}


def render(document: ExportDocument, fmt: str, progress: Progress | None = None) -> bytes:
    """The file in `fmt`; `progress(done, total)` hears of meetings (DOCX) or pages (PDF)."""
    with translation.override(document.language):
        if fmt == "pdf":
            return render_pdf(document, progress)
        if fmt == "docx":
            return render_docx(document, progress)
        return render_markdown_export(document)


def file_name(document: ExportDocument, fmt: str) -> str:
    return f"{document.file_stem}.{FORMATS[fmt][1]}"


def _exported(document: ExportDocument) -> str:
    return _("Exported for %(name)s on %(date)s") % {
        "name": document.reader,
        "date": document.created,
    }


# Markdown -------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _md_agreements(lines: list[str], agreements: list[AgreementLine], heading: str) -> None:
    if not agreements:
        return
    lines += [heading, ""]
    lines += [f"| {_('Who')} | {_('What')} | {_('By when')} | {_('Status')} |", "|---|---|---|---|"]
    for one in agreements:
        cells = [one.owner, one.text, one.due or NO_DATE, one.status]
        lines.append("| " + " | ".join(_md_cell(cell) for cell in cells) + " |")
    lines.append("")


def _md_meeting(lines: list[str], meeting: MeetingPart) -> None:
    lines += [f"### {meeting.heading}", ""]
    lines.append(f"*{meeting.when}* · **{meeting.status}**")
    if meeting.location:
        lines.append(f"{_('Place')}: {meeting.location}")
    lines.append("")
    if meeting.points:
        lines += [f"#### {_('Talking points discussed')}", ""]
        for point in meeting.points:
            private = f" _({_('private')})_" if point.private else ""
            text = point.text.strip().replace("\n", "\n  ")
            lines.append(f"- {text} — {point.author}{private}")
        lines.append("")
    if meeting.shared_notes:
        lines += [f"#### {_('Shared notes')}", "", meeting.shared_notes, ""]
    if meeting.private_notes:
        lines += [f"#### {_('Your private notes')}", "", meeting.private_notes, ""]
    _md_agreements(lines, meeting.agreements, f"#### {_('Agreements')}")
    if meeting.changes:
        lines += [f"#### {_('Changes')}", ""]
        for change in meeting.changes:
            moved = f" ({change.moved})" if change.moved else ""
            by = f", {change.by}" if change.by else ""
            lines.append(f"- {change.when}{by}: {change.kind}{moved} — {change.reason}")
        lines.append("")


def render_markdown_export(document: ExportDocument) -> bytes:
    lines = [f"# {document.title}", ""]
    lines.append(f"{_('Participants')}: {', '.join(document.people)}  ")
    lines.append(_exported(document))
    lines.append("")
    for part in document.series:
        lines += [f"## {part.heading}", "", f"{part.period}", ""]
        if not part.meetings:
            lines += [_("No meetings yet."), ""]
        for meeting in part.meetings:
            _md_meeting(lines, meeting)
        _md_agreements(
            lines, part.loose_agreements, f"### {_('Agreements made outside a meeting')}"
        )
    return ("\n".join(lines).rstrip() + "\n").encode()


# DOCX -----------------------------------------------------------------------


def _add(docx: Any, style_id: str = "", text: str = "") -> Any:
    """A paragraph with a style of the default template, set by its id.

    python-docx looks a style name up among all styles on every paragraph (about
    4 ms each); setting the id directly keeps an 80-meeting export well under a second.
    """
    paragraph = docx.add_paragraph(text)
    if style_id:
        paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _heading(docx: Any, text: str, level: int) -> Any:
    return _add(docx, "Title" if level == 0 else f"Heading{level}", text)


class _DocxNotes(HTMLParser):
    """Cleaned note HTML (see meetings/markdown.py) to python-docx paragraphs and runs."""

    BLOCKS = {"p", "h3", "h4", "li", "blockquote", "pre"}

    def __init__(self, docx: Any) -> None:
        super().__init__()
        self.docx = docx
        self.paragraph: Any = None
        self.lists: list[str] = []
        self.bold = 0
        self.italic = 0
        self.code = 0

    def _start_paragraph(self, tag: str) -> None:
        if tag in ("h3", "h4"):
            self.paragraph = _heading(self.docx, "", 4 if tag == "h3" else 5)
        elif tag == "li":
            numbered = bool(self.lists) and self.lists[-1] == "ol"
            style = "ListNumber" if numbered else "ListBullet"
            if len(self.lists) > 1:
                style += "2"
            self.paragraph = _add(self.docx, style)
        elif tag == "blockquote":
            self.paragraph = _add(self.docx, "Quote")
        else:
            self.paragraph = _add(self.docx)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.lists.append(tag)
            self.paragraph = None
        elif tag in self.BLOCKS:
            if tag == "p" and self.paragraph is not None and self.lists:
                return  # a loose list item: keep its text in the item
            self._start_paragraph(tag)
        elif tag == "strong":
            self.bold += 1
        elif tag == "em":
            self.italic += 1
        elif tag == "code":
            self.code += 1
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.lists.pop()
            self.paragraph = None
        elif tag in self.BLOCKS and not (tag == "p" and self.lists):
            self.paragraph = None
        elif tag == "strong":
            self.bold -= 1
        elif tag == "em":
            self.italic -= 1
        elif tag == "code":
            self.code -= 1

    def handle_data(self, data: str) -> None:
        if self.paragraph is None:
            if not data.strip():
                return
            self._start_paragraph("p")
        run = self.paragraph.add_run(data)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None
        if self.code:
            run.font.name = "Courier New"


def _docx_table(docx: Any, agreements: list[AgreementLine]) -> None:
    table = docx.add_table(rows=1, cols=4)
    table._tbl.tblPr.style = "LightGrid-Accent1"  # by id, as in _add
    for cell, label in zip(
        table.rows[0].cells, [_("Who"), _("What"), _("By when"), _("Status")], strict=True
    ):
        cell.text = label
    for one in agreements:
        cells = table.add_row().cells
        for cell, value in zip(
            cells, [one.owner, one.text, one.due or NO_DATE, one.status], strict=True
        ):
            cell.text = value


def _docx_meeting(docx: Any, meeting: MeetingPart) -> None:
    _heading(docx, meeting.heading, 2)
    line = docx.add_paragraph()
    line.add_run(meeting.when).italic = True
    line.add_run(" · ")
    line.add_run(meeting.status).bold = True
    if meeting.location:
        docx.add_paragraph(f"{_('Place')}: {meeting.location}")
    if meeting.points:
        _heading(docx, _("Talking points discussed"), 3)
        for point in meeting.points:
            item = _add(docx, "ListBullet")
            item.add_run(f"{point.text} — {point.author}")
            if point.private:
                item.add_run(f" ({_('private')})").italic = True
    for label, body in [
        (_("Shared notes"), meeting.shared_notes),
        (_("Your private notes"), meeting.private_notes),
    ]:
        if body:
            _heading(docx, label, 3)
            parser = _DocxNotes(docx)
            parser.feed(str(render_markdown(body)))
            parser.close()
    if meeting.agreements:
        _heading(docx, _("Agreements"), 3)
        _docx_table(docx, meeting.agreements)
    if meeting.changes:
        _heading(docx, _("Changes"), 3)
        for change in meeting.changes:
            moved = f" ({change.moved})" if change.moved else ""
            by = f", {change.by}" if change.by else ""
            _add(docx, "ListBullet", f"{change.when}{by}: {change.kind}{moved} — {change.reason}")


def render_docx(document: ExportDocument, progress: Progress | None = None) -> bytes:
    import docx as python_docx
    from docx.shared import Pt

    docx = python_docx.Document()
    docx.core_properties.title = document.title
    docx.core_properties.author = document.reader
    docx.core_properties.language = document.language
    docx.styles["Normal"].font.size = Pt(10.5)
    done = 0
    _heading(docx, document.title, 0)
    docx.add_paragraph(f"{_('Participants')}: {', '.join(document.people)}")
    docx.add_paragraph(_exported(document))
    for part in document.series:
        _heading(docx, part.heading, 1)
        docx.add_paragraph(part.period)
        if not part.meetings:
            docx.add_paragraph(_("No meetings yet."))
        for meeting in part.meetings:
            _docx_meeting(docx, meeting)
            done += 1
            if progress is not None:
                progress(done, document.meeting_count)
        if part.loose_agreements:
            _heading(docx, _("Agreements made outside a meeting"), 2)
            _docx_table(docx, part.loose_agreements)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


# PDF ------------------------------------------------------------------------


PAGES_PER_MEETING = 0.6  # measured with full meetings (bench/export_series.py)
PAGE_DONE = re.compile(r"Creating layout - Page (\d+)$")


class _PageCounter(logging.Handler):
    """Hears WeasyPrint lay out each page (its 'weasyprint.progress' log) and reports it."""

    def __init__(self, progress: Progress, expected_pages: int) -> None:
        super().__init__(logging.INFO)
        self.progress = progress
        self.expected = expected_pages

    def emit(self, record: logging.LogRecord) -> None:
        found = PAGE_DONE.search(record.getMessage())
        if found:
            page = int(found.group(1))
            self.progress(min(page, self.expected), self.expected)


@contextmanager
def _count_pages(progress: Progress | None, meetings: int) -> Iterator[None]:
    if progress is None:
        yield
        return
    logger = logging.getLogger("weasyprint.progress")
    handler = _PageCounter(progress, max(1, round(meetings * PAGES_PER_MEETING)))
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # only our handler hears it, not the worker's log
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def render_pdf(document: ExportDocument, progress: Progress | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("exports/document_pdf.html", {"document": document})
    with _count_pages(progress, document.meeting_count):
        pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf
