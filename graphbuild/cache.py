"""A cache of per-article extractions, so a rebuild parses only what changed.

An entry is keyed by the SHA-256 of the text the model reads and by the pipeline's
fingerprint (:func:`pipeline_fingerprint`): ``PIPELINE_VERSION``, graphbuild's version,
the gazetteer's data (shipped and user files), spaCy's and the model's versions, and a
hash of the rule code itself. A
change to any of them misses every entry made before it; the text's hash alone decides
for one article, so a renamed or moved file is still a hit (its metadata is taken from
the article being built, not from the cache).

The cache is one SQLite file (``extractions.sqlite`` in the cache folder): each write
is a transaction, so a build killed at any moment leaves whole entries only. An entry
that cannot be read back (a damaged row, JSON that is not an extraction) counts as a
miss and is written again; a file that is not a SQLite database is moved aside
(``extractions.sqlite.corrupt``) and a new one started. Entries of other fingerprints
are kept for the :data:`KEEP_FINGERPRINTS` most recently used ones (switching back
and forth between two gazetteers stays fast), older ones are pruned.

>>> import tempfile
>>> from graphbuild.articles import Article
>>> from graphbuild.extract import ArticleExtraction, ArticleInfo
>>> article = Article(id="a1", text="Talks failed.", source_path="<text>")
>>> with tempfile.TemporaryDirectory() as tmp:
...     with ExtractionCache(tmp, fingerprint="f1") as cache:
...         cache.put(article, ArticleExtraction(ArticleInfo.of(article)))
...         hit = cache.get(article)
...     with ExtractionCache(tmp, fingerprint="f2") as other:
...         miss = other.get(article)
>>> hit.article.id, miss
('a1', None)
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from graphbuild.errors import GraphbuildError
from graphbuild.extract import ArticleExtraction, ArticleInfo

#: File name of the cache inside the cache folder.
CACHE_FILE = "extractions.sqlite"
#: Default cache folder, beside the output file.
DEFAULT_DIR = ".graphbuild-cache"
#: How many pipeline fingerprints keep their entries.
KEEP_FINGERPRINTS = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (
    fingerprint TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (fingerprint, text_hash)
);
CREATE TABLE IF NOT EXISTS fingerprint (
    fingerprint TEXT PRIMARY KEY,
    last_used REAL NOT NULL
);
"""


class CacheError(GraphbuildError):
    """The cache folder cannot be created or written."""


def text_hash(article) -> str:
    """The SHA-256 of the text the model reads for ``article`` (the cache key)."""
    from graphbuild.engine.model import MAX_DOC_CHARS

    return hashlib.sha256(article.text[:MAX_DOC_CHARS].encode("utf-8", "surrogatepass")).hexdigest()


def pipeline_fingerprint(gazetteer_files: Iterable[str] = ()) -> str:
    """A hash of everything besides the text that decides an article's extraction.

    >>> len(pipeline_fingerprint())
    64
    """
    import spacy

    from graphbuild import __version__
    from graphbuild.engine.model import MAX_DOC_CHARS
    from graphbuild.nlp.ruler import MAX_EXPANSION
    from graphbuild.gazetteer import load_gazetteer
    from graphbuild.nlp.pipeline import MODEL, PIPELINE_VERSION

    try:
        from importlib.metadata import version

        model_version = version(MODEL.replace("_", "-"))
    except Exception:  # not installed as a distribution: the model's own meta
        model_version = spacy.util.get_package_version(MODEL) or "unknown"
    parts = {
        "pipeline": PIPELINE_VERSION,
        "graphbuild": __version__,
        "gazetteer": load_gazetteer(extra=tuple(str(g) for g in gazetteer_files)).fingerprint(),
        "spacy": spacy.__version__,
        "model": f"{MODEL}=={model_version}",
        "limits": [MAX_DOC_CHARS, MAX_EXPANSION],
        "rules": _rules_digest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _rules_digest() -> str:
    """A hash of the code that turns a Doc into an extraction (``graphbuild/nlp/*.py``,
    ``extract.py``, ``engine/model.py``): an edited rule invalidates the cache even
    before ``PIPELINE_VERSION`` is bumped."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.joinpath("nlp").glob("*.py"), package / "extract.py",
                        package / "engine" / "model.py"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    """Per-article extractions on disk (see the module docstring).

    ``directory`` is created when missing. Use as a context manager, or call
    :meth:`close`.
    """

    def __init__(self, directory: str | Path, *, fingerprint: str):
        self.directory = Path(directory)
        self.path = self.directory / CACHE_FILE
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0
        self.corrupt = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CacheError(f"Cannot create the cache folder {self.directory}: {err.strerror}; "
                             "give another with --cache DIR, or --no-cache.") from err
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = self._open_db()
        except sqlite3.DatabaseError:
            # not a database (or damaged beyond reading): keep it for inspection, start afresh
            self.path.replace(self.path.with_name(CACHE_FILE + ".corrupt"))
            db = self._open_db()
        return db

    def _open_db(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            db.execute("INSERT INTO fingerprint VALUES (?, ?) ON CONFLICT(fingerprint) "
                       "DO UPDATE SET last_used = excluded.last_used", (self.fingerprint, time.time()))
            stale = [row[0] for row in db.execute(
                "SELECT fingerprint FROM fingerprint ORDER BY last_used DESC LIMIT -1 OFFSET ?",
                (KEEP_FINGERPRINTS,))]
            for old in stale:
                db.execute("DELETE FROM extraction WHERE fingerprint = ?", (old,))
                db.execute("DELETE FROM fingerprint WHERE fingerprint = ?", (old,))
        except sqlite3.OperationalError as err:
            raise CacheError(f"Cannot use the cache {self.path}: {err}; give another folder "
                             "with --cache DIR, or --no-cache.") from err
        return db

    # ------------------------------------------------------------------ reading
    def get(self, article) -> ArticleExtraction | None:
        """The cached extraction of ``article`` (with its own metadata), or None."""
        return self.get_many([article]).get(0)

    def get_many(self, articles: list) -> dict[int, ArticleExtraction]:
        """Cached extractions of ``articles`` by their index in the list."""
        found: dict[int, ArticleExtraction] = {}
        hashes = [text_hash(a) for a in articles]
        rows: dict[str, bytes] = {}
        unique = sorted(set(hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows.update(self._db.execute(
                    f"SELECT text_hash, data FROM extraction WHERE fingerprint = ? AND text_hash IN ({marks})",
                    (self.fingerprint, *chunk)))
            except sqlite3.DatabaseError:
                self.corrupt += 1
        for index, (article, digest) in enumerate(zip(articles, hashes)):
            data = rows.get(digest)
            extraction = _decode(data, article) if data is not None else None
            if data is not None and extraction is None:
                self.corrupt += 1
            if extraction is None:
                self.misses += 1
            else:
                self.hits += 1
                found[index] = extraction
        return found

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM extraction WHERE fingerprint = ?",
                                (self.fingerprint,)).fetchone()[0]

    # ------------------------------------------------------------------ writing
    def put(self, article, extraction: ArticleExtraction) -> None:
        """Store the extraction of ``article``."""
        self.put_many([(article, extraction)])

    def put_many(self, pairs: Iterable[tuple[object, ArticleExtraction]]) -> None:
        """Store extractions in one transaction (all or none)."""
        rows = [(self.fingerprint, text_hash(article), _encode(extraction)) for article, extraction in pairs]
        if not rows:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as err:
            raise CacheError(f"Cannot write to the cache {self.path}: {err}; remove the folder "
                             "or build with --no-cache.") from err

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _encode(extraction: ArticleExtraction) -> bytes:
    payload = {"entities": extraction.entities, "relations": extraction.relations}
    return zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode(data: bytes, article) -> ArticleExtraction | None:
    try:
        payload = json.loads(zlib.decompress(data).decode("utf-8"))
        entities, relations = payload["entities"], payload["relations"]
        if not (isinstance(entities, list) and isinstance(relations, list)
                and all(isinstance(e, dict) and "id" in e and "type" in e and "name" in e for e in entities)
                and all(isinstance(r, dict) and "subject" in r and "object" in r for r in relations)):
            return None
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return ArticleExtraction(ArticleInfo.of(article), entities, relations)


def iter_chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size``."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Ledger:
    """The extractions of the articles a store holds (``graphbuild-ledger.sqlite`` in
    the store's folder), so that adding articles resolves entities against everything
    already in the store without parsing it again. Keyed by the text's hash.
    """

    FILE = "graphbuild-ledger.sqlite"

    def __init__(self, store_dir: str | Path):
        self.path = Path(store_dir) / self.FILE
        try:
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._db.execute("CREATE TABLE IF NOT EXISTS article (text_hash TEXT PRIMARY KEY, data BLOB NOT NULL)")
        except sqlite3.DatabaseError as err:
            raise CacheError(f"Cannot read the store's ledger {self.path}: {err}; rebuild the "
                             "store from its articles into a new folder.") from err

    def extractions(self) -> dict[str, ArticleExtraction]:
        """Every extraction in the ledger by text hash (unreadable rows are left out)."""
        out = {}
        for digest, data in self._db.execute("SELECT text_hash, data FROM article ORDER BY text_hash"):
            try:
                out[digest] = ArticleExtraction.from_dict(json.loads(zlib.decompress(data)))
            except (zlib.error, ValueError, KeyError, TypeError):
                continue
        return out

    def add(self, pairs: Iterable[tuple[str, ArticleExtraction]]) -> None:
        """Record extractions by text hash, in one transaction."""
        rows = [(digest, zlib.compress(json.dumps(ex.to_dict(), ensure_ascii=False).encode("utf-8"), 1))
                for digest, ex in pairs]
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()
