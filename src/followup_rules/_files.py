"""Reading a file the user names, and writing one so that no failure costs the file it replaces.

Every file the library or the command line reads goes through :func:`read_text`: a regular
file only (opening a pipe would wait for a writer), read up to a size, in UTF-8, every failure
a ``LoadError`` naming the file. Every file it writes goes through :func:`write_text`. The text
goes to a temporary file in the target's folder, is flushed and synced to the disk, and only
then takes the target's place in one step (``os.replace``): a full disk, a size limit or a
crash midway leaves the old file whole, and the temporary file is removed. An existing file is
replaced only when the caller says so; a folder, a device or a pipe never is.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

from followup_rules.errors import InvalidArgumentError, LoadError, WriteError

__all__ = ["read_text", "write_text"]

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
"""A new file only (never one that is there already), and bytes as given on Windows too."""


def read_text(path: str | os.PathLike[str], *, name: str, max_bytes: int, what: str) -> str:
    """The UTF-8 text of the regular file at ``path`` (a byte-order mark dropped).

    ``name`` is the file as messages show it, ``what`` what it should be ("a tracker file").
    """
    try:
        kind = os.stat(path).st_mode
        if stat.S_ISREG(kind):
            with open(path, "rb") as stream:
                data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as error:
        raise LoadError(
            f"{name}: cannot be read ({getattr(error, 'strerror', None) or error}): "
            f"expected a readable file"
        ) from None
    if not stat.S_ISREG(kind):
        found = "a folder" if stat.S_ISDIR(kind) else "a device, a pipe or a socket"
        raise LoadError(f"{name}: {found}, not {what}: expected the path of one")
    if len(data) > max_bytes:
        raise LoadError(
            f"{name}: more than {max_bytes} bytes: expected {what} of at most {max_bytes} bytes"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(
            f"{name}: byte {error.start} ({data[error.start : error.start + 1]!r}) is not UTF-8: "
            f"expected a UTF-8 text file"
        ) from None


def write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    overwrite: bool,
    force: str = "overwrite=True",
) -> None:
    """Write ``text`` in UTF-8 to ``path``, replacing a file already there only if ``overwrite``.

    ``force`` is how the caller's user allows replacing a file (``overwrite=True`` in Python,
    ``--force`` on the command line), for the message that refuses to. A symbolic link is
    followed, so the link is kept and the file it points to is replaced.
    """
    if not isinstance(overwrite, bool):
        raise InvalidArgumentError(f"overwrite={overwrite!r}: expected True or False")
    name = os.fsdecode(path)
    target = os.path.realpath(path)
    mode = _replaced_mode(name, target, overwrite=overwrite, force=force)
    folder, base = os.path.split(target)
    temporary = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.tmp")
    try:
        _replace(temporary, target, text.encode("utf-8"), mode)
    except OSError as error:
        kept = "" if mode is None else ", so the file there is left as it was"
        raise WriteError(
            f"{name}: cannot be written ({error.strerror or error}){kept}: expected a folder "
            f"that exists, that you may write to and that has room for the file"
        ) from error
    _sync_folder(folder)


def _replaced_mode(name: str, target: str, *, overwrite: bool, force: str) -> int | None:
    """The permissions of the file that ``target`` replaces, kept for the new one; None if
    there is no file there yet."""
    try:
        found = os.stat(target).st_mode
    except OSError:
        # Nothing there, or nothing that can be looked at: writing says which.
        return None
    if stat.S_ISDIR(found):
        raise WriteError(f"{name}: a folder: expected the path of a file to write")
    if not stat.S_ISREG(found):
        raise WriteError(
            f"{name}: not a regular file (a device, a pipe or a socket): expected the path of "
            f"a file to write"
        )
    if not overwrite:
        raise WriteError(f"{name}: already exists: expected a new file, or {force} to replace it")
    return stat.S_IMODE(found)


def _replace(temporary: str, target: str, data: bytes, mode: int | None) -> None:
    """Write ``data`` to ``temporary``, sync it, then put it in ``target``'s place; whatever
    goes wrong, the temporary file does not stay behind."""
    descriptor = os.open(temporary, _CREATE, 0o666)
    try:
        with open(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def _sync_folder(folder: str) -> None:
    """Put the new name on the disk too: on POSIX, a rename lasts a power cut only once its
    folder is synced. Where a folder cannot be opened (Windows), the rename is synced already;
    the file is in place either way, so a failure here is no reason to report one."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
