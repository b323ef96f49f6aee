"""Contest as code: run a public software contest from a Git repository.

The package is the contest's machinery; the contest itself (contest.yml,
schema/, entries/, scores/, results/) lives in the repository that uses it.
"""

__version__ = "0.1.0"
