"""An endpoint name as plain words: API noise out, run-together tokens split where the pieces are words.

Names glue words (`getnextexdiv`, `searchpropertyforrent`). A split is kept only when every piece is
a plain word as a piece: a short piece (three letters) must be common on its own, since short
frequent strings (`div`, `cod`, `ams`) turn up inside any glued token. A split with a piece that is
not plain is said from the response instead when a response field spells that piece out (`div`
begins `exDividendDate`: "next ex dividend date"); else the token stays whole, as the name writes it,
and the request falls back to what the response holds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from datagen.generator.phrases import humanize
from datagen.registry.naming import PLAIN_WORD_ZIPF, snake

SHORT_WORDS = frozenset("by id of to in on at or an my up tv ip me ex".split())
"""Two-letter words and markers a name uses as words; the frequency test says nothing of them."""
NAME_NOISE = re.compile(r"\{[^}]*\}|\b(?:api|rest|v\d+|json|xml|endpoint|controller)\b|controller(?=_|$)", re.I)

PIECE_ZIPF = 3.0
"""Zipf frequency a piece of a split token needs (above the plain-word bar: a piece has no context)."""
SHORT_PIECE_ZIPF = 4.0
"""Zipf frequency a three-letter piece needs: `div` (3.4), `cod` (3.9), `ams` (3.1) are frequent
strings but read as debris when cut out of a glued name; `get`, `all`, `day` pass."""


def plain(word: str) -> bool:
    """Whether a word of a name is plain English (the project's wordfreq bar)."""
    return word in SHORT_WORDS or len(word) > 2 and zipf_frequency(word, "en") >= PLAIN_WORD_ZIPF


def plain_piece(piece: str) -> bool:
    """Whether a piece cut out of a glued token reads as a word of its own."""
    if piece in SHORT_WORDS:
        return True
    bar = SHORT_PIECE_ZIPF if len(piece) <= 3 else PIECE_ZIPF
    return len(piece) > 2 and zipf_frequency(piece, "en") >= bar


def _loose_piece(piece: str) -> bool:
    return piece in SHORT_WORDS or len(piece) > 2 and zipf_frequency(piece, "en") >= PIECE_ZIPF


def _split(token: str, strict: bool) -> tuple[str, ...] | None:
    """The fewest-pieces, most-frequent split of a token, or None when no split covers it."""
    ok = plain_piece if strict else _loose_piece
    best: list[tuple[int, float, tuple[str, ...]] | None] = [None] * (len(token) + 1)
    best[0] = (0, 0.0, ())
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 15), end):
            prev, piece = best[start], token[start:end]
            if prev is None or not ok(piece):
                continue
            cand = (prev[0] + 1, prev[1] - zipf_frequency(piece, "en"), prev[2] + (piece,))
            if best[end] is None or cand[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = cand
    found = best[len(token)]
    return found[2] if found is not None else None


@lru_cache(maxsize=8192)
def segment(token: str, spelled: tuple[tuple[str, ...], ...] = ()) -> tuple[str, ...]:
    """A run-together token split into plain words (`gethighlightbyid` → get highlight by id); a
    piece that is no word of its own is read from the response field it begins (`getnextexdiv` with
    `exDividendDate` → get next ex dividend date); else the token stays whole."""
    if plain(token) or len(token) < 6 or not token.isalpha():
        return (token,)
    strict = _split(token, strict=True)
    if strict is not None:
        return strict
    loose = _split(token, strict=False)
    return _spelled_out(loose, spelled) if loose is not None else (token,)


def _spelled_out(pieces: tuple[str, ...], spelled: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The pieces with each one that is not a word read from the field word it begins; the whole
    token when a piece has no such word."""
    out = _spell(list(pieces), spelled)
    return tuple(out) if all(plain_piece(p) for p in out) else ("".join(pieces),)


def _spell(words: list[str], spelled: tuple[tuple[str, ...], ...]) -> list[str]:
    """Each word that is no word of its own (`div`) replaced by the response field word it begins
    (`dividend`, never a mere plural: `url` stays, not `urls`); a last word takes the rest of its
    field's name (`div` in `ex_dividend_date` → dividend date). Words without one stay."""
    out: list[str] = []
    for i, word in enumerate(words):
        found = None if plain_piece(word) or len(word) < 3 else next(
            ((field, j) for field in spelled for j, w in enumerate(field)
             if len(w) > len(word) + 2 and w.startswith(word) and plain(w)), None)
        if found is None:
            out.append(word)
            continue
        field, j = found
        out += list(field[j:]) if i == len(words) - 1 else [field[j]]
    return out


def field_words(paths: list[str]) -> tuple[tuple[str, ...], ...]:
    """The snake words of every key of a response's field paths (`data.exDividendDate` → (ex,
    dividend, date)), without repeats, in order."""
    keys = dict.fromkeys(snake(key.replace("[]", "")) for path in paths for key in path.split("."))
    return tuple(tuple(k.split("_")) for k in keys if k)


def name_words(name: str, spelled: tuple[tuple[str, ...], ...] = ()) -> list[str]:
    """An endpoint name as lower-case plain words: API noise and version tokens out, glued tokens
    split, a word cut short read from the response field (`spelled`, from `field_words`) it begins."""
    words = [w for t in humanize(NAME_NOISE.sub(" ", name)).lower().split() for w in segment(t, spelled)]
    words = _spell(words, spelled)  # `getNextExDiv` writes `div` apart: still short for `dividend`
    while words and re.fullmatch(r"v\d+|\d+", words[0]):
        words = words[1:]  # `2.Getavailablecurrencies`, `v1_list`
    return words
