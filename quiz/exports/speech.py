"""Answers read aloud in Arabic for Anki decks, made offline with Debian's espeak-ng.

``speak_all`` turns each distinct text into a WAV file named after a hash of the text and the voice
settings, so the same answer is one media file in a student's collection however often it is
exported, and a change of voice gives new files instead of silently replacing old ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess  # runs espeak-ng, found on PATH, on texts given on its standard input  # nosec B404
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

VOICE = "ar"
WORDS_PER_MINUTE = 140
TIMEOUT_SECONDS = 30


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed (Debian: ``apt-get install espeak-ng``) or could not speak."""


def media_name(text: str) -> str:
    """Return the file name of ``text`` read aloud: stable for the same text and voice settings."""
    digest = hashlib.sha256(f"{VOICE}|{WORDS_PER_MINUTE}|{text}".encode("utf-8")).hexdigest()[:20]
    return f"fahim-{digest}.wav"


def available() -> bool:
    """True when this server can read answers aloud (espeak-ng is installed)."""
    return shutil.which("espeak-ng") is not None


def _espeak() -> str:
    path = shutil.which("espeak-ng")
    if path is None:
        raise SpeechUnavailable("espeak-ng is not installed (Debian: apt-get install espeak-ng)")
    return path


def speak(text: str) -> bytes:
    """Return ``text`` read aloud in Arabic as WAV bytes."""
    done = subprocess.run(  # a fixed argument list; the text goes to standard input  # nosec B603
        [_espeak(), "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "--stdout", "--stdin"],
        input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
    )
    if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
        raise SpeechUnavailable(f"espeak-ng failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def speak_all(texts: Iterable[str]) -> dict[str, bytes]:
    """Return each distinct non-empty text's media file name and WAV bytes, spoken in parallel."""
    unique = sorted({t for t in texts if t.strip()})
    if not unique:
        return {}
    _espeak()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sounds = list(pool.map(speak, unique))
    return {media_name(t): wav for t, wav in zip(unique, sounds)}
