"""`govgraph keys` (API keys with a role) and `govgraph audit-log` (who read
personal data). Registered on the main group in govgraph/cli.py; see docs/security.md."""

from __future__ import annotations

import sys

import click

from .access import AuditLog, KeyError_, KeyStore
from .queries.persons import Role
from .render import csv_option, emit, table, to_json
from .settings import Settings


def _settings() -> Settings:
    # The main group's Context (govgraph/cli.py) carries the settings.
    settings = getattr(click.get_current_context().obj, "settings", None)
    return settings if isinstance(settings, Settings) else Settings()


def _keys() -> KeyStore:
    return KeyStore(_settings().keys_path)


def _fail(e: Exception) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(2)


@click.group()
def keys() -> None:
    """API keys with a role (public needs none; analyst; admin), kept hashed in the
    key file (GOVGRAPH_KEYS_FILE, default keys.json in the data directory).

    \b
    Example:
      govgraph keys create --role analyst --name "planning office"
      govgraph keys list
      govgraph keys rotate 3f9a1c2b7d4e
      govgraph keys revoke 3f9a1c2b7d4e
    """


@keys.command("create")
@click.option("--role", type=click.Choice([Role.ANALYST.value, Role.ADMIN.value]), required=True,
              help="analyst: aggregates, registry answers, read-only Cypher; admin: everything.")
@click.option("--name", default="", help="Whom the key is for (shown by `keys list`).")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
def keys_create(role: str, name: str, as_json: bool) -> None:
    """Make a key and print it once: it is stored only as a scrypt hash.

    \b
    Example:
      govgraph keys create --role analyst --name "planning office"
    """
    key_id, key = _keys().create(Role(role), name)
    if as_json:
        click.echo(to_json({"id": key_id, "role": role, "name": name, "key": key}))
        return
    click.echo(f"key {key_id} ({role}) — shown once, keep it safe:")
    click.echo(key)


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@csv_option("key: id, role, name, created, rotated, revoked")
def keys_list(as_json: bool, as_csv: bool) -> None:
    """Every key's id, role, name and dates (never a secret or its hash).

    \b
    Example:
      govgraph keys list --json
    """
    rows = _keys().records()
    if emit(rows, as_json, as_csv):
        return
    click.echo(table(["id", "role", "name", "created", "rotated", "revoked"],
                     [(r["id"], r["role"], r.get("name", ""), r.get("created"), r.get("rotated"),
                       r.get("revoked")) for r in rows]))


@keys.command("rotate")
@click.argument("key_id")
def keys_rotate(key_id: str) -> None:
    """Give a key a new secret (same id and role) and print it once; the old secret
    is refused from now on, by running servers too.

    \b
    Example:
      govgraph keys rotate 3f9a1c2b7d4e
    """
    try:
        key = _keys().rotate(key_id)
    except KeyError_ as e:
        _fail(e)
        return
    click.echo(f"key {key_id} rotated — the new key, shown once:")
    click.echo(key)


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke a key: every request with it is refused (401) from now on.

    \b
    Example:
      govgraph keys revoke 3f9a1c2b7d4e
    """
    try:
        _keys().revoke(key_id)
    except KeyError_ as e:
        _fail(e)
        return
    click.echo(f"key {key_id} revoked")


@click.command("audit-log")
@click.option("--key", "key_id", default=None, metavar="ID",
              help="Only reads with this key (cli:USER for the command line).")
@click.option("--since", default=None, metavar="TIME", help="Only reads at or after this ISO time.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@csv_option("read: time, key, role, channel, what was asked, persons (their ids as a JSON list)")
def audit_log(key_id: str | None, since: str | None, as_json: bool, as_csv: bool) -> None:
    """Every read that returned personal data (names, Party membership): when, which
    key and role, through the API or the CLI, what was asked, how many persons.

    \b
    Example:
      govgraph audit-log --since 2025-01-01 --json
    """
    entries = list(AuditLog(_settings().audit_path).entries(key_id, since))
    if emit(entries, as_json, as_csv):
        return
    click.echo(table(["time", "key", "role", "channel", "what", "persons"],
                     [(e["time"], e.get("key_id"), e.get("role"), e.get("channel"), e.get("what"),
                       e.get("persons")) for e in entries], max_col=60))
