"""Optional libraries: imported only where a feature needs one, with the fix named if missing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from followup_rules.errors import MissingExtraError

__all__ = ["requires_extra"]


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
