"""Optional libraries: imported only where a feature needs one, with the fix named if missing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from followup_rules.errors import MissingExtraError

__all__ = ["requires_extra", "toml_text"]


@contextlib.contextmanager
def requires_extra(extra: str, *, needed_by: str) -> Iterator[None]:
    """Turn an ImportError of an optional library into a MissingExtraError naming the extra.

    The core never imports pandas, icalendar or matplotlib: the functions that need one
    import it inside this block, so a missing library fails there, with the fix in the message.
    """
    try:
        yield
    except ImportError as error:
        missing = error.name or extra
        raise MissingExtraError(
            f"{needed_by} needs {missing}, which is not installed: install the {extra!r} "
            f"extra with pip install 'followup-rules[{extra}]'",
            name=missing,
        ) from error


def toml_text(document: Mapping[str, Any], *, needed_by: str) -> str:
    """``document`` written as TOML: the standard library reads TOML but cannot write it."""
    with requires_extra("toml", needed_by=needed_by):
        import tomli_w
    return tomli_w.dumps(document)
