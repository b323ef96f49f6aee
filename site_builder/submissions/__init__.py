"""Entries: manifests, their checks, pull-request mode, the issue form, and `contest validate`."""
