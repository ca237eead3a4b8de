"""One PDF page rendered to an image: the export lays out as a real document."""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.urls import reverse

from tests.exports_data import hold_meeting, move_and_skip


def test_the_first_pdf_page_renders_to_a_non_trivial_png(cast, series, tmp_path: Path):
    for number in range(1, 4):
        hold_meeting(cast, series, number)
        move_and_skip(cast, series)
    response = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": "pdf"}
    )
    pdf = tmp_path / "series.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    png = pages[0].read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 10_000  # text, headings and a table, not a blank page
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    assert "Pages:" in info.stdout


def test_page_header_and_footer_carry_title_and_page_numbers_even_with_quotes(cast, series):
    cast.bram.name = 'Bram "B" O\'Neill-Jansen </style>'
    cast.bram.save(update_fields=["name"])
    for number in range(1, 4):
        hold_meeting(cast, series, number)
    response = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": "pdf"}
    )
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Page 1 / " in text
    assert "Page 2 / " in text
    second_page_header = text.split("\f")[1].strip().splitlines()[0]
    assert 'of Anouk de Vries and Bram "B" O\'Neill-Jansen </style>' in second_page_header
    assert "Team outing 3" in text
