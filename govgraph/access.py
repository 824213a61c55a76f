"""Who may ask what: API keys with a role, the audit log of personal reads, and
per-key rate limits. Used by the HTTP API and by the CLI (docs/security.md).

- **Keys** live in a JSON file (``GOVGRAPH_KEYS_FILE``, default ``keys.json`` in
  the data directory), readable by its owner only, holding for each key its id,
  role, name and dates and a scrypt hash of its secret, never the secret. A key
  is ``ggk_<id>_<secret>``; the id picks the record and the secret is checked
  against its hash in constant time. The file is read again whenever it changes,
  so a key revoked or rotated from the CLI is refused by a running server at once.
  ``GOVGRAPH_API_TOKEN``, when set, is one more admin key (id ``env-token``).
- **The audit log** (``GOVGRAPH_AUDIT_LOG``, default ``audit.jsonl`` in the data
  directory) gets one JSON line per read that returned personal data: when, which
  key and role, what (the endpoint and its query, or a query's hash) and how many
  persons, with their opaque ids. Lines are only ever appended.
- **Rate limits**: a token bucket per key (per client address without one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .queries.persons import Role

KEY_PREFIX = "ggk_"
ENV_KEY_ID = "env-token"
# scrypt's cost: 16 MiB and some tens of milliseconds per check; a verified key
# is remembered in memory (by a digest of the token) so only its first use pays.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class KeyError_(ValueError):
    """A key id the key file does not hold, or a key file that cannot be read."""


@dataclass(frozen=True)
class Principal:
    """Who is asking: a key's id and role, or the public (identified by address)."""

    key_id: str | None
    role: Role
    identity: str  # what rate limits count by

    @classmethod
    def public(cls, address: str) -> Principal:
        return cls(key_id=None, role=Role.PUBLIC, identity=f"address:{address}")


def _hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          dklen=32, maxmem=64 * 1024 * 1024)


def hash_secret(secret: str) -> str:
    salt = os.urandom(16)
    digest = _hash(secret, salt)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=32, maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` at once, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


class KeyStore:
    """The key file: create, list, rotate, revoke, and check a presented key."""

    def __init__(self, path: Path, env_token: str | None = None) -> None:
        self.path = Path(path)
        self.env_token = env_token or None
        self._lock = threading.Lock()
        self._signature: tuple[int, int, int] | None = None
        self._records: dict[str, dict[str, Any]] = {}
        # sha256(token) -> (key id, stored hash) for keys already checked with scrypt.
        self._verified: dict[bytes, tuple[str, str]] = {}

    # -- the file ---------------------------------------------------------
    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self._signature, self._records = None, {}
            return self._records
        sig = (st.st_mtime_ns, st.st_size, st.st_ino)
        if sig != self._signature:
            try:
                data = json.loads(self.path.read_text("utf-8") or "{}")
            except (OSError, ValueError) as e:
                raise KeyError_(f"cannot read the key file {self.path}: {e}") from e
            self._records = {k["id"]: k for k in data.get("keys", [])}
            self._signature = sig
        return self._records

    def _save(self, records: dict[str, dict[str, Any]]) -> None:
        _write_private(self.path, json.dumps({"keys": list(records.values())}, indent=1,
                                             ensure_ascii=False) + "\n")
        self._signature = None

    def records(self) -> list[dict[str, Any]]:
        """Every key's record without its hash."""
        with self._lock:
            return [{k: v for k, v in r.items() if k != "hash"} for r in self._load().values()]

    def has_admin(self) -> bool:
        with self._lock:
            return bool(self.env_token) or any(
                r["role"] == Role.ADMIN and not r.get("revoked") for r in self._load().values())

    def create(self, role: Role, name: str = "") -> tuple[str, str]:
        """A new key: its id and the key itself (shown once, never stored)."""
        with self._lock:
            records = dict(self._load())
            key_id = secrets.token_hex(6)
            while key_id in records:
                key_id = secrets.token_hex(6)
            secret = secrets.token_urlsafe(32)
            records[key_id] = {"id": key_id, "role": str(Role(role)), "name": name,
                               "created": _now(), "rotated": None, "revoked": None,
                               "hash": hash_secret(secret)}
            self._save(records)
            return key_id, f"{KEY_PREFIX}{key_id}_{secret}"

    def rotate(self, key_id: str) -> str:
        """A new secret for a key (same id and role); the old one is refused from now on."""
        with self._lock:
            records = dict(self._load())
            rec = records.get(key_id)
            if rec is None or rec.get("revoked"):
                raise KeyError_(f"no active key with id {key_id!r}")
            secret = secrets.token_urlsafe(32)
            records[key_id] = {**rec, "hash": hash_secret(secret), "rotated": _now()}
            self._save(records)
            return f"{KEY_PREFIX}{key_id}_{secret}"

    def revoke(self, key_id: str) -> None:
        with self._lock:
            records = dict(self._load())
            rec = records.get(key_id)
            if rec is None:
                raise KeyError_(f"no key with id {key_id!r}")
            records[key_id] = {**rec, "revoked": rec.get("revoked") or _now()}
            self._save(records)

    # -- checking a presented key ----------------------------------------
    def verify(self, token: str) -> tuple[str, Role] | None:
        """The (key id, role) of a valid, unrevoked key, or None."""
        if self.env_token is not None:
            # Compared as digests, so the time taken says nothing of either length.
            a = hashlib.sha256(token.encode("utf-8")).digest()
            b = hashlib.sha256(self.env_token.encode("utf-8")).digest()
            if hmac.compare_digest(a, b):
                return ENV_KEY_ID, Role.ADMIN
        if not token.startswith(KEY_PREFIX):
            return None
        key_id, _, secret = token[len(KEY_PREFIX):].partition("_")
        if not key_id or not secret:
            return None
        with self._lock:
            rec = self._load().get(key_id)
        if rec is None or rec.get("revoked"):
            return None
        memo = hashlib.sha256(token.encode("utf-8")).digest()
        known = self._verified.get(memo)
        if known is not None and hmac.compare_digest(known[1], rec["hash"]) and known[0] == key_id:
            return key_id, Role(rec["role"])
        if not check_secret(secret, rec["hash"]):
            return None
        if len(self._verified) > 10_000:
            self._verified.clear()
        self._verified[memo] = (key_id, rec["hash"])
        return key_id, Role(rec["role"])


class AuditLog:
    """Append-only JSON lines: one per read that returned personal data."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, *, key_id: str | None, role: Role | str, what: str, person_ids: list[str],
               channel: str = "api") -> dict[str, Any]:
        entry = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "key_id": key_id,
                 "role": str(role), "channel": channel, "what": what,
                 "persons": len(person_ids), "person_ids": person_ids}
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            # O_APPEND: every line lands at the end, whole, whoever else writes.
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)
        return entry

    def entries(self, key_id: str | None = None, since: str | None = None) -> Iterator[dict]:
        try:
            fh = self.path.open(encoding="utf-8")
        except FileNotFoundError:
            return
        with fh:
            for line in fh:
                try:
                    e = json.loads(line)
                except ValueError:
                    continue
                if key_id is not None and e.get("key_id") != key_id:
                    continue
                if since is not None and str(e.get("time", "")) < since:
                    continue
                yield e


def query_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class RateLimiter:
    """A token bucket per identity: ``per_minute`` requests a minute on average,
    as many at once. 0 means no limit."""

    def __init__(self, max_identities: int = 50_000) -> None:
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_identities = max_identities

    def take(self, identity: str, per_minute: int) -> float:
        """0 when the request may go ahead, else seconds until it could."""
        if per_minute <= 0:
            return 0.0
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, at = self._buckets.pop(identity, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - at) * rate)
            if tokens >= 1.0:
                self._buckets[identity] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[identity] = (tokens, now)
                wait = (1.0 - tokens) / rate
            while len(self._buckets) > self.max_identities:
                self._buckets.popitem(last=False)
        return wait
