"""Errors a user can act on. The CLI prints their message on one line and exits 2; anything else is a bug."""


class InputError(Exception):
    """The input cannot be read or analysed: missing, empty, not English, not a supported format."""


class StoreError(Exception):
    """The corpus store cannot be used: locked by another writer, read-only, full, corrupt, or of another version."""
