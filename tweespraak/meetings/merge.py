"""Three-way merge of two edits of a note, on exact positions (used by Note.save_edit)."""

from __future__ import annotations

from typing import Any


def _edits(engine: Any, base: str, text: str) -> list[tuple[int, int, str]]:
    """What `text` changed in `base`: (start, end, new text) in base positions.

    An insertion has start == end. Semantic cleanup widens edits to whole words,
    so two edits of the same word count as touching.
    """
    diffs = engine.diff_main(base, text)
    engine.diff_cleanupSemantic(diffs)
    edits: list[tuple[int, int, str]] = []
    position = 0
    for operation, chunk in diffs:
        if operation == engine.DIFF_EQUAL:
            position += len(chunk)
            continue
        if edits and edits[-1][1] == position and operation == engine.DIFF_INSERT:
            start, end, new = edits.pop()  # a deletion followed by its replacement
            edits.append((start, end, new + chunk))
        elif operation == engine.DIFF_DELETE:
            edits.append((position, position + len(chunk), ""))
            position += len(chunk)
        else:
            edits.append((position, position, chunk))
    return edits


def merge_edits(engine: Any, base: str, mine: str, theirs: str) -> str | None:
    """Both edits of `base` in one text, or None when they touch the same words.

    A three-way merge on exact positions: diff-match-patch's fuzzy patching would
    let "A -> C" land on the other's "B" and silently replace it. Two insertions
    at the same place are both kept (theirs first).
    """
    my_edits, their_edits = _edits(engine, base, mine), _edits(engine, base, theirs)
    # An edit both made (the same save sent twice, or the same fix typed by both) counts once.
    my_edits = [edit for edit in my_edits if edit not in their_edits]
    for my_start, my_end, _new in my_edits:
        for their_start, their_end, _theirs in their_edits:
            both_insert = my_start == my_end and their_start == their_end
            if not both_insert and my_start <= their_end and their_start <= my_end:
                return None
    ordered = sorted(
        [(start, 0, end, new) for start, end, new in their_edits]
        + [(start, 1, end, new) for start, end, new in my_edits]
    )
    parts: list[str] = []
    position = 0
    for start, _order, end, new in ordered:
        parts.append(base[position:start])
        parts.append(new)
        position = max(position, end)
    parts.append(base[position:])
    return "".join(parts)
