"""What every part of the contest shares.

The strict loader, schemas, problems and messages, the contest model, git and file access.
"""
