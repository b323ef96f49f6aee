"""The hook file mkdocs.yml names: MkDocs loads it by path; the work is in engine.py."""

from site_builder.site.engine import (
    on_config,
    on_files,
    on_post_build,
    on_post_page,
    on_serve,
    on_startup,
)

__all__ = ["on_config", "on_files", "on_post_build", "on_post_page", "on_serve", "on_startup"]
