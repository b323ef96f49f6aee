"""Images an entrant attached to the issue form, fetched from GitHub and nowhere else.

When someone drops an image into a form field, GitHub stores it and writes its
address into the issue: ``https://github.com/user-attachments/assets/<uuid>``
(older issues: ``https://user-images.githubusercontent.com/<id>/<name>.png``),
as Markdown ``![..](..)`` or as an ``<img src="..">`` tag. The issue body is
the entrant's to write, though, so an address there may point anywhere: at an
internal service of the runner's network, at a tracker, at a huge file.

So only those two address forms are ever requested (`is_attachment`), over
https, without any credentials, with a time limit and a size cap. GitHub
answers an attachment address with a redirect to its storage (a presigned
address with a short-lived token), so redirects are followed, but only a few
and only to GitHub's own storage hosts (`STORAGE_HOSTS`); any other target
stops the download. What comes back is checked as an image by the caller
(`images.check_image`): the Content-Type header is not trusted.

The fetcher is a parameter of `intake.intake_issue`, so tests serve images
from a local server through their own fetcher while the address allow-list,
which `intake` applies before calling any fetcher, stays as it is.
"""

from __future__ import annotations

import http.client
import re
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPMessage
from typing import IO
from urllib.parse import SplitResult, urlsplit

TIMEOUT = 30.0
MAX_REDIRECTS = 3
STORAGE_HOSTS = frozenset({
    "private-user-images.githubusercontent.com",
    "objects.githubusercontent.com",
    "user-images.githubusercontent.com",
    "github-production-user-asset-6210df.s3.amazonaws.com",
})
"""Where GitHub redirects an attachment address to: its own storage, nothing else."""

_ASSET_PATH = re.compile(
    r"/user-attachments/assets/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
_USER_IMAGE_PATH = re.compile(
    r"/[0-9]{1,12}/[0-9A-Za-z][0-9A-Za-z._-]{0,200}\.(?:png|jpe?g|webp|gif)", re.IGNORECASE
)
_ATTACHMENT_PATHS = {
    "github.com": _ASSET_PATH,
    "user-images.githubusercontent.com": _USER_IMAGE_PATH,
}


Fetcher = Callable[[str, int], bytes]
"""Fetch a URL, returning at most ``limit + 1`` bytes (more means too large)."""


class FetchError(Exception):
    """The download failed. `permanent` when trying again will not help (404, a
    refused redirect): the entrant must attach the image again. Otherwise the
    network or GitHub failed, and the command cannot run now."""

    def __init__(self, detail: str, *, permanent: bool) -> None:
        super().__init__(detail)
        self.detail = detail
        self.permanent = permanent


def is_attachment(url: str) -> bool:
    """Whether `url` is, exactly, an image address that GitHub gives an upload."""
    parts = _https_parts(url)
    if parts is None or parts.query or parts.fragment:
        return False
    pattern = _ATTACHMENT_PATHS.get(parts.netloc)
    return pattern is not None and pattern.fullmatch(parts.path) is not None


def allowed_redirect(url: str) -> bool:
    """Whether a redirect may lead to `url`: an attachment address or GitHub's storage."""
    parts = _https_parts(url)
    if parts is None:
        return False
    return parts.netloc in STORAGE_HOSTS or is_attachment(url)


def _https_parts(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    # The host must be written exactly: no user, no port, no upper case, no
    # trailing dot, nothing a second parser could read another way.
    if parts.scheme != "https" or not parts.netloc or parts.netloc != parts.hostname:
        return None
    return parts


class _GitHubRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not allowed_redirect(newurl):
            raise FetchError("redirected to an address outside GitHub", permanent=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limit: int) -> bytes:
    """The production `Fetcher`: https to GitHub only, redirects only to its storage."""
    if not is_attachment(url):
        raise FetchError("not a GitHub attachment address", permanent=True)
    # Only what an https download needs: no file:, ftp: or data: handlers.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        _GitHubRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    request = urllib.request.Request(  # noqa: S310 - is_attachment allowed https only
        url, headers={"User-Agent": "contest-as-code-intake", "Accept": "image/*"}
    )
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            if not allowed_redirect(response.geturl()):
                raise FetchError("answered from an address outside GitHub", permanent=True)
            data: bytes = response.read(limit + 1)
            return data
    except urllib.error.HTTPError as exc:
        # 4xx: the upload is gone or was never public; 408/429 and 5xx pass.
        permanent = 400 <= exc.code < 500 and exc.code not in (408, 429)
        raise FetchError(f"HTTP {exc.code}", permanent=permanent) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        raise FetchError(type(exc).__name__, permanent=False) from None
