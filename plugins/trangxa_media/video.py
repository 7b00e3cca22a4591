"""Videos: which YouTube video a link names, and local MP4 files with their poster and captions."""

from __future__ import annotations

import re

YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^#]*&)?v=|embed/|shorts/)|youtu\.be/|"
    r"youtube-nocookie\.com/embed/)(?P<id>[\w-]{11})(?![\w-])"
)


def youtube_id(url: str) -> str | None:
    """The 11-character id of a YouTube video from any of the addresses people paste, else None."""
    match = YOUTUBE.match(url.strip())
    return match["id"] if match else None
