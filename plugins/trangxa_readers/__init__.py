"""Pelican plugin: read commune items — Markdown with YAML front matter, and YAML record files.

The category of an item is the folder it sits in (matched against the legal profile), its fields are
converted as the profile's record type declares, and what was wrong travels with the item as problems.
"""

from pelican import signals

from trangxa_readers.reader import ItemReader


def add_reader(readers) -> None:
    for extension in ItemReader.file_extensions:
        readers.reader_classes[extension] = ItemReader


def register() -> None:
    signals.readers_init.connect(add_reader)
