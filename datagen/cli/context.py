"""What every command gets from the `datagen` group: settings, the lazily opened driver, output flags.

Why a module of its own: the commands need the type, and the group (`cli.main`) needs the commands;
with `Context` here both import it from below. Commands receive it through `pass_context`
(`click.make_pass_decorator`), typed, with no `assert isinstance` that `python -O` would drop.
"""

from __future__ import annotations

import click
from neo4j import Driver

from datagen.config import Settings
from datagen.db.connection import open_driver


class Context:
    """Settings, the one driver of the process (opened on first use), and the `--quiet` flag."""

    def __init__(self, settings: Settings, quiet: bool) -> None:
        self.settings = settings
        self.quiet = quiet
        self._driver: Driver | None = None

    def driver(self) -> Driver:
        """Open (once) and return the driver; the managed server is started if needed."""
        if self._driver is None:
            self._driver = open_driver(self.settings, autostart=True, announce=self._announce)
        return self._driver

    @property
    def database(self) -> str:
        return self.settings.neo4j_database

    def _announce(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None


pass_context = click.make_pass_decorator(Context)
"""Decorator: call the command with the group's `Context` as its first argument."""
