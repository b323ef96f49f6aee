"""The public showcase: the contest's MkDocs Material site, built from the repository.

collect (impure: files, git, images) -> SiteInput -> pages.generate (pure) -> SiteOutput,
which the MkDocs hooks serve as virtual files and `contest generate` writes out as plain
Markdown for engines that run no hooks.
"""
