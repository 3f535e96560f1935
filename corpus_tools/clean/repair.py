"""Character-level repair that never changes the number of lines.

Each repair is one small function ``str -> str`` so that line numbers reported by the noise rules
still point at the input. Re-joining lines broken inside a sentence changes the line structure and
therefore runs last, on the kept text (``rejoin_broken_lines``).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# ftfy's defaults also straighten quotes and fold full-width forms; an article's «ёлочки» and
# “typographic quotes” are part of the text, so only encoding damage is repaired.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)

# UTF-8 decoded as Windows-1252/Latin-1 shows a lead byte (Ã Â Ð Ñ ...) followed by a
# continuation byte's character; a lone «ó» or «é» in Polish or French text does not.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000\t]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Latin letters that look exactly like Cyrillic ones, and back.
_LATIN_TO_CYRILLIC = str.maketrans("AaBCcEeHKMOoPpTXxyi", "АаВСсЕеНКМОоРрТХхуі")
_CYRILLIC_TO_LATIN = str.maketrans("АаВСсЕеНКМОоРрТХху", "AaBCcEeHKMOoPpTXxy")
_LATIN_LOOKALIKES = set("AaBCcEeHKMOoPpTXxyi")
_CYRILLIC_LOOKALIKES = set("АаВСсЕеНКМОоРрТХху")
_CYR = "а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
# Only words where a Latin and a Cyrillic letter touch are looked at: the scan stays in C.
_SCRIPT_BOUNDARY = re.compile(rf"[A-Za-z](?=[{_CYR}])|[{_CYR}](?=[A-Za-z])")
_LETTERS = re.compile(r"[^\W\d_]+")


# Entities and inline formatting tags left by a scraper that took the HTML source, not the
# rendered text: '&laquo;ремонт&raquo;', 'жителями&nbsp;района', '<br>', '<b>…</b>'. Links and
# block or script tags ('<a href=…>', '<div class="ad">') stay, for markup_code to remove the
# line: a raw link inside a paragraph is far more often a spam comment than an article.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BREAK_TAG = re.compile(r"</?(?:br|p)\b[^<>]{0,200}>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|sup|sub|small|big|mark|abbr|cite|q|ins|del|nobr|wbr)"
    r"\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_LINE_BREAKS = str.maketrans("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " " * 10)


def unescape_markup(text: str) -> str:
    """HTML entities decoded (&laquo; → «, &nbsp; → a no-break space) and inline tags dropped
    (<br> and <p> leave a space), so a paragraph the scraper left them in reads as prose."""
    if "<" in text:
        stripped = _INLINE_TAG.sub("", _BREAK_TAG.sub(" ", text))
        if "<" not in stripped:  # other tags left: code, for markup_code to take whole
            text = stripped
    if "&" in text and ";" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text).translate(_LINE_BREAKS)
    return text


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/Windows-1252 («ÐŸÑ€Ð¸Ð²ÐµÑ‚» → «Привет») with ftfy.

    ftfy's own detector is slow on megabytes, so only lines holding a character that mojibake
    produces (Latin-1 letters, C1 controls, Windows-1252 punctuation) are handed to it."""
    if _MOJIBAKE_HINT.search(text) is None:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line) and is_bad(line):
            lines[number] = ftfy.fix_text(line, config=_FTFY_CONFIG)
    return "\n".join(lines)


def normalize_unicode(text: str) -> str:
    """NFC, so «й» is one code point whether the site typed it composed or not."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def fix_spaces(text: str) -> str:
    """No-break, thin and other exotic spaces become a plain space; zero-width marks and soft
    hyphens, which split words for search, disappear; control characters go."""
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def _fix_word(word: str) -> str:
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in word)
    latin = sum(ch.isascii() for ch in word)
    if not cyrillic or not latin:
        return word
    if cyrillic >= latin and all(ch in _LATIN_LOOKALIKES or not ch.isascii() for ch in word):
        return word.translate(_LATIN_TO_CYRILLIC)
    if latin > cyrillic and all(ch in _CYRILLIC_LOOKALIKES or ch.isascii() for ch in word):
        return word.translate(_CYRILLIC_TO_LATIN)
    return word


def fix_homoglyphs(text: str) -> str:
    """A Latin letter hiding in a Cyrillic word («Aктобе» with a Latin A) is made Cyrillic, and
    the reverse for Latin words, so that search and dedup see one spelling."""
    if text.isascii() or _SCRIPT_BOUNDARY.search(text) is None:
        return text
    out: list[str] = []
    position = 0
    for match in _SCRIPT_BOUNDARY.finditer(text):
        if match.start() < position:
            continue
        start = match.start()
        while start > position and text[start - 1].isalpha():
            start -= 1
        end = _LETTERS.match(text, match.start()).end()  # type: ignore[union-attr]
        out += [text[position:start], _fix_word(text[start:end])]
        position = end
    out.append(text[position:])
    return "".join(out)


LINE_REPAIRS = (unescape_markup, fix_mojibake, normalize_unicode, fix_spaces, fix_homoglyphs)


def split_lines(text: str) -> list[str]:
    """Lines of a text whatever its line ends (``\r\n``, ``\r``, ``\n``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@functools.lru_cache(maxsize=1 << 16)
def repair_line(line: str) -> str:
    """Every repair, on one line. Cached: a site's furniture repeats on every page."""
    for repair in LINE_REPAIRS:
        line = repair(line)
    return line


_TERMINAL = tuple('.!?…:;»"”)]')


def rejoin_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that stops mid-sentence with the next one when that starts in lower case
    («...потомки казахстанцев» + «воевавших в войне.»), and mend words hyphenated at a break.
    Lines separated by a blank line, titles, dialogue and verse (capitalised lines) stay apart."""
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and _continues(out[-1], line):
            previous = out[-1]
            if previous.endswith("-") and previous[-2:-1].isalpha():
                out[-1] = previous[:-1] + line
            else:
                out[-1] = previous + " " + line
        else:
            out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    first = line[0]
    return (
        len(previous) >= 40
        and first.isalpha()
        and first.islower()
        and not previous.endswith(_TERMINAL)
    )
