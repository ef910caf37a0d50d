"""Are these still the very files of a saved snapshot? One folder walk and a stat per file.

Finding a snapshot the usual way (:meth:`medtui.cache.docs.DocCache.warm_key`) lists
the folders into :class:`~medtui.corpus.reader.InputFile` objects, looks every file up
in the SQLite document cache and hashes the corpus key again: about half a second of
CPU at 25,000 files. Here, once a snapshot is known to hold exactly the files under
some paths, a *files table* is saved for those paths: every file's path and the
stamp (size, mtime_ns, ctime_ns) the document cache holds for it, and the key of
the snapshot, with the stamp of every folder listed. The next time a ``stat`` of
each folder and file is compared with the table (no listing: a file added, removed
or renamed changes its folder's mtime); any difference and the table is not used:
the caller then takes the usual way, which re-reads what changed. Equal stamps mean
equal bytes on the same grounds as the document cache's own shortcut (any write
changes the ctime, which no tool can set back). A folder changed in the last two
seconds is not trusted (its next change might fall in the same clock step): no
table is saved then.

The walk that makes a table chooses files as
:func:`medtui.corpus.reader.discover_files` does (hidden names skipped, supported
suffixes, links followed, a folder read once), and a table is only saved when the
walk finds exactly the files the snapshot was made of.

Tables live in the snapshot folder's parent as ``files-<inputs>.<snapshot key>.bin``,
where ``<inputs>`` hashes the paths as given, the working directory (shown paths and
so story ids depend on it) and :func:`quick_fingerprint`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from collections.abc import Sequence
from pathlib import Path

from medtui.cache.docs import Stamp

FORMAT = 1
PREFIX = "files-"
USER_GAZETTEER = "gazetteer.yaml"
USER_CONFIG = "config.yaml"
"""medtui.config's USER_GAZETTEER_FILE and CONFIG_FILE (a test checks): importing
medtui.config for them would import yaml, a fair part of a search's time."""


def quick_fingerprint() -> str:
    """A hash of medtui's loading and search code and of every gazetteer file's bytes.

    It changes whenever the document cache's fingerprint
    (:func:`medtui.pipeline.cache_fingerprint`) does, and more often (any edit of a
    user's gazetteer file, curation included), without importing the extraction
    code or parsing the gazetteer: that alone would cost a search 0.2 s.
    """
    import medtui
    from medtui.cache import code_fingerprint
    from medtui.cache.docs import PIPELINE_CODE
    from medtui.paths import config_dir

    digest = hashlib.blake2b(code_fingerprint(*PIPELINE_CODE, "search").encode(), digest_size=16)
    files = [Path(medtui.__file__).parent / "data" / "gazetteer.yaml", config_dir() / USER_GAZETTEER]
    if (config_dir() / USER_CONFIG).exists():  # it may name more gazetteer files
        from medtui.config import load_config

        files += load_config().gazetteer_paths
    for path in dict.fromkeys(files):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0(none)"
        digest.update(os.fsencode(path) + b"\0" + data + b"\0")
    return digest.hexdigest()


def inputs_name(paths: Sequence[str | Path] | None) -> str:
    """The ``<inputs>`` part of a table's name for ``paths`` (None: the bundled seeds)."""
    digest = hashlib.blake2b(digest_size=12)
    head = f"{FORMAT}\0{quick_fingerprint()}\0{os.getcwd()}\0"
    digest.update(head.encode("utf-8", "surrogateescape"))
    for raw in paths if paths else [""]:
        digest.update(os.fsencode(raw) + b"\0")
    return digest.hexdigest()


def walk_stamps(roots: Sequence[str | Path]) -> tuple[dict[str, Stamp], dict[str, Stamp]] | None:
    """Path -> stamp of every file a load of ``roots`` reads, and of every folder listed
    (its inode, mtime_ns and ctime_ns, taken before it is listed); None if a root
    cannot be read."""
    from medtui.corpus.reader import SUPPORTED_SUFFIXES

    found: dict[str, Stamp] = {}
    folders: dict[str, Stamp] = {}
    seen: set[tuple[int, int]] = set()
    for raw in roots:
        base = str(Path(os.fsdecode(raw)))
        try:
            st = os.stat(base)
        except OSError:
            return None
        if not stat.S_ISDIR(st.st_mode):
            found[base] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            continue
        stack = [base]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
                ident = (st.st_dev, st.st_ino)
                if ident in seen:
                    continue
                seen.add(ident)
                folders[folder] = _folder_stamp(st)
                with os.scandir(folder) as entries:
                    listed = list(entries)
            except OSError:
                continue
            for entry in listed:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        stack.append(entry.path)
                        continue
                    if os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                        continue
                    st = entry.stat()
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode):
                    found[entry.path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return found, folders


def _folder_stamp(st: os.stat_result) -> Stamp:
    return (st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


RACY_NS = 2_000_000_000
"""A folder changed less than this long ago (2 s: the coarsest file-time step, FAT's)
may change again within the same clock step without its mtime showing it."""


def remember(
    root: Path, inputs: str, snapshot_key: str, stamps: Sequence[tuple[str, Stamp]],
    roots: Sequence[str | Path],
) -> bool:
    """Save the files table of ``inputs``: these (path, stamp) pairs make ``snapshot_key``.

    The folders under ``roots`` are walked once more: only when they hold exactly
    those files, and none of them changed in the last :data:`RACY_NS`, is the table
    saved, with each folder's stamp (a file added, removed or renamed later changes
    its folder's mtime, so the next check need not list the folders at all).
    Best effort: returns False when no table was saved (the usual way next time).
    """
    import time

    from medtui.cache.snapshot import write_atomic

    now = time.time_ns()
    walked = walk_stamps(roots)
    if walked is None or walked[0] != dict(stamps) or len(walked[0]) != len(stamps):
        return False
    folders = walked[1]
    if any(now - mtime < RACY_NS for _, mtime, _ in folders.values()):
        return False
    name = f"{PREFIX}{inputs}.{snapshot_key}.bin"
    table = (FORMAT, list(folders), list(folders.values()), [p for p, _ in stamps],
             [s for _, s in stamps])
    try:
        write_atomic(root / name, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
        for old in root.glob(f"{PREFIX}{inputs}.*.bin"):
            if old.name != name:
                old.unlink()
    except OSError:
        return False
    return True


def recall(root: Path, inputs: str) -> str | None:
    """The snapshot key whose files are exactly those of the table of ``inputs``, else None.

    A ``stat`` per folder and per file, no listing: see :func:`remember`.
    """
    from medtui.cache.docs import load_result

    try:
        tables = sorted(root.glob(f"{PREFIX}{inputs}.*.bin"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return None
    if not tables:
        return None
    table = tables[-1]
    try:
        fmt, folders, folder_stamps, paths, stamps = load_result(table.read_bytes())
        if fmt != FORMAT or len(paths) != len(stamps) or len(folders) != len(folder_stamps):
            return None
        stat_of = os.stat
        for folder, (ino, mtime, ctime) in zip(folders, folder_stamps, strict=True):
            st = stat_of(folder)
            if st.st_mtime_ns != mtime or st.st_ctime_ns != ctime or st.st_ino != ino:
                return None
        for path, (size, mtime, ctime) in zip(paths, stamps, strict=True):
            st = stat_of(path)
            if st.st_mtime_ns != mtime or st.st_ctime_ns != ctime or st.st_size != size:
                return None
    except Exception:  # noqa: BLE001 - unreadable, damaged, a file gone: the usual way
        return None
    return table.name[len(PREFIX) + len(inputs) + 1 : -len(".bin")]


def drop_unused(root: Path, wanted_keys: set[str]) -> None:
    """Remove the files tables of snapshots that are gone (called by the snapshot pruner)."""
    for table in root.glob(f"{PREFIX}*.bin"):
        key = table.name[:-len(".bin")].split(".", 1)[-1]
        if key not in wanted_keys:
            with contextlib.suppress(OSError):
                table.unlink()
