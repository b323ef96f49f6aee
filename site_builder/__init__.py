"""Contest as code: build and judge a public software contest from a Git repository."""
