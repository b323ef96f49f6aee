"""Judging: the /score comment, the score ledger, the recorder and the coverage status."""
