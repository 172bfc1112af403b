"""What a line of a saved web page is, when it is not article text: polars expressions over one line.

Every pattern is anchored to a whole line (or to a short line) so that the same words inside a
sentence of the article are never touched. The annotation guide lists the kinds: share and
newsletter widgets, "N views", "N min read", captions and alt texts, author bios and profile
pictures, captcha prompts, alternate-address notices, breadcrumbs, trailing sign-offs; and, seen on
real pages of the metadata dev set, photo credits, chart legends and the credit lines of pull-quote boxes.
"""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx, patterns_for
from tasks.dates import ANY_DATE

WORDS = r"\S+"

# Counters and reading-time widgets, alone or next to a date ("August 6 2024 • 8865 views").
# A stamp that gives an age, not a date, is one too ("Updated: 2 hours ago").
_COUNTER = (r"(?i)\b\d[\d,.]*\s*[km]?\s+(?:views?|reads?|shares?|comments?|likes?)\b|\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s+read\b"
            r"|^(?:(?:posted|published|updated|last updated|edited)\s*:?\s*)?\d+\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago$"
            r"|^viewed [\d,]+ times$")
# Widgets and prompts that stand on a line of their own.
_WIDGET = (
    r"(?i)^(?:share(?: this(?: article| story| post)?)?(?: (?:on|via) \w+)?|tweet|e-?mail|print(?: this (?:page|article|story))?"
    r"|whatsapp|facebook|twitter|bookmark|save(?: article)?|a ?a|a- ?a\+|(?:text|font) size"
    r"|linkedin|telegram|copy link|newsletter|subscribe(?: now| to .*)?|sign up(?: (?:for|to) .*)?|follow (?:us|.+ on (?:twitter|x|facebook|instagram|whatsapp|telegram|tiktok|youtube|linkedin|threads|bluesky))\b.*"
    r"|get the latest .*|related(?: articles| stories| posts| news| topics:?)?|read (?:more|next).*|more from .*|more on this story|recommended.*"
    r"|advertisements?(?: [·•|-] scroll to continue)?|sponsored(?: content)?|comments?|leave a comment|show more comments|click here.*|skip to (?:main )?content"
    r"|listen to (?:this )?article.*|download (?:the|our) (?:.+ )?app\b.*|captcha.*|do you like this article\??"
    r"|was this (?:article|story) helpful\??|rate this (?:article|story).*|loading\.*|you may also like"
    r"|like this (?:article|story)\?.*|(?:previous|next) (?:article|story|post)|trending(?: now| stories)?"
    r"|log ?in|sign in|register|reuse this content|why you can trust .*|accept(?: all)?(?: cookies)?(?: and close)?"
    r"|join .+ (?:telegram|whatsapp) channel.*|our standards:.*|close|video|also read|order reprints\b.*"
    r"|leer en español|read in english|lire en français"
    r"|tags?:.*|topics?:.*|filed under:?.*|back to top|top stories"
    # a reporter's social handle under the byline
    r"|@\w+"
    # a link to another story inside the article ("RELATED: Timeline of the case"), a newsletter promo
    r"|(?:related(?: (?:article|story|stories|coverage|content))?|see also|read also) ?:.*|(?:get|receive) .+ newsletters?\b.*"
    r"|(?:media |press )?contacts?:"
    # WordPress's own widgets, in the case WordPress prints them (case-blind, their literals cost more
    # to compile than the rest of the pattern): sharing and likes, comments, the sidebar's headings
    r"|(?-i:Share this:|Like this:|Like Loading\.*|Leave a (?:Reply|Comment)(?: Cancel reply)?|Search for:"
    r"|Recent (?:Posts|Comments)|Archives|Categories|Blogroll|Proudly powered by .*"
    r"|Your email address will not be published\..*"
    r"|\d+ (?:thoughts|responses|replies|comments) on .+))$"
)
# Trailer lines of wire and newspaper pages, standing alone: credits, copyright lines, cookie
# notices, a reporter's role or newsroom under the byline ("Indonesia Correspondent"), rules of underscores.
_TRAILER = (
    r"(?i)^\(?(?:additional )?(?:reporting|writing|editing|compiled) by (?-i:[A-Z])[^.!?]*[.)]?$"
    r"|^[A-Z][^.!?]* contributed (?:reporting )?to this (?:report|story|article)\.$"
    r"|^(?:copyright|\(c\)|©)\s*(?:©\s*)?(?:19|20)\d\d\b|^we use cookies\b|^_{3,}$"
    r"|^(?:a version of )?this (?:article|story) appear(?:s|ed) in (?:print\b|the [^.]{0,40}\b(?:issue|edition) of\b)"
    r"|^get (?:the latest|breaking news)\b"
    r"|^(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?:senior |chief |staff |political |foreign )?(?:correspondent|reporter|writer|columnist|editor)$"
    # the newsroom line under a broadcaster's byline: "BBC News, Berlin"
    r"|^(?-i:(?:[A-Z][\w-]*\s+){1,3}News, [A-Z][a-z]+(?: [A-Z][a-z]+)?)$"
)
# Alternate-address notices and bare addresses.
_ADDRESS = (r"(?i)(?:can (?:also )?be accessed at the following (?:alternate|alternative) address"
            r"|^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|co\.uk|ir|iq)/?\S*$)")
# Alt texts, image credits and captions.
_CAPTION = (
    r"(?i)^(?:image|photo|picture|video|graphic|illustration|file photo) of\b|^(?:image|media) (?:copyright|caption|source)|^(?:photo|image|picture|credit|"
    r"file photo|photograph)s?\s*(?:credit)?\s*:|^profile (?:picture|photo|image) of\b"
    r"|\[[^\[\]]*/[^\[\]]*\]$|\((?:photo|image|picture|credit|getty|afp|reuters|ap|epa|file|supplied)\b[^()]*\)$"
    r"|(?:getty images|/afp|/reuters|/ap|shutterstock)\)?\.?$"
    # a caption closing with its photographer and outlet: "... undated photograph. Dana Pruitt/Soundcheck"
    r"|\. (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}/[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})$"
)
# Photo credits closing a caption, often glued to it by the scrape: "Trafalgar Square. Image: Mirrys.",
# "Jo JorgensenImage: Jo Jorgensen for President.". Case-sensitive, so "the image: a ..." in prose is not one.
_IMAGE_CREDIT = r"(?:Image|Photo|Picture|Photograph|Credit)s?:\s+\S[^:]{0,80}$|Credit(?:\.\.\.|…)\S[^:]{0,80}$"
# Colour keys of a map or chart: "██ Syrian Democratic Forces", "■ Labour Party - 203 seats".
_LEGEND = r"^[\x{2580}-\x{259F}\x{25A0}\x{25A1}\x{25AA}\x{25AC}]+\s*\S"
# The credit line of a pull-quote box, standing alone: "—Troy Roberts", "– USCG dispatcher, CNN".
_QUOTE_CREDIT = r"^[\x{2013}\x{2014}\x{2015}]\s*[A-Z][^.!?]*$"
# Author bios: "Dilan Sirwan is an Erbil-based Kurdish journalist ..."
_BIO = (r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} (?:is|was) (?:an?|the) [^.]{0,80}\b(?:journalist|reporter|"
        r"correspondent|editor|writer|author|columnist|analyst|contributor|producer|photographer|freelancer)\b")
# Once one of these appears, what follows is the page's tail (boxes, prompts, promos), not article.
_TAIL_MARKER = (r"(?i)^(?:captcha\b.*|do you like this article\??|was this (?:article|story) helpful\??|share this article"
                r"|newsletter|profile (?:picture|photo|image) of\b.*|related (?:articles|stories|topics:?)|more from .*"
                r"|you may also like|about the author|leave a comment|comments|read next|trending(?: now| stories)?"
                r"|more on this story|our standards:.*|topics:?|reuse this content|also read"
                r"|(?-i:Share this:|Leave a Reply|\d+ (?:thoughts|responses|replies|comments) on .+)"
                # a box of links to the section's other stories, in title case ("Also In Gulf")
                r"|(?-i:Also (?:In|On) [A-Z][a-z]+(?: [A-Z][a-z]+)?))$")
_BYLINE = (r"(?i)^(?:by|author|authors|written by|words by|reporting by|posted by)\s*:?\s+"
           r"(?P<names>[A-Z][^|•·]{1,80}?)\s*(?:[|•·][^|•·]{0,40})?$")
# A byline written into the date line without "By": "Farah Qureshi | Last Updated: ...", "Rohan Naik,
# TNN | Feb 17, 2019", a blog's "Marta Kowalczyk / March 26, 2020 / 4 Comments" (an agency's initials
# may follow the names). Read only on date lines.
_NAME = r"(?:[A-Z][a-z'’.-]*[a-z]|[A-Z]\.)(?: (?:[A-Z][a-z'’.-]*[a-z]|[A-Z]\.)){1,3}"
_DATED_BYLINE = rf"^(?P<names>{_NAME}(?:(?:, | and | & ){_NAME})*)(?:, [A-Z]{{2,6}})? ?[|•·/] "
# ... or closing it, after a bar or "by": "Jan 16, 2019 | Maya Lindqvist", "Posted on October 5, 2019 by
# Priya Natarajan".
_DATED_BYLINE_AFTER = rf"(?:[|•·] | by )(?P<names>{_NAME}(?:(?:, | and | & ){_NAME})*)$"
# A broadcaster's staff credit: "KXYZ Staff", "KXYZ 12 News Staff", "Eyewitness News Staff" (a call
# sign or "News" in it, so that "White House Staff" is not one). The newsroom is the author, as printed.
_STAFF = r"(?:[A-Z][\w&.-]*\s){0,2}(?:[A-Z]{2,6}\d*|News)(?:\s[A-Z0-9][\w&.-]*){0,2}\sStaff"
STAFF_LINE = rf"^(?:[Bb]y:?\s+)?(?P<names>{_STAFF})$"
# On a date line, after "By" or as a staff credit, the names end at the first separator: "By: Jane Doe |
# Posted: Jan 16, 2020 / 06:05 PM CST", "KXYZ Staff | January 16, 2020".
_DATED_BY = (rf"^(?:(?i:by|posted by|written by)\s*:?\s+(?P<names>[A-Z][^|•·/]{{1,60}}?)|(?:[Bb]y:?\s+)?(?P<staff>{_STAFF}))"
             r"\s*[|•·/]\s")
# "Breaking News |", "Last Updated |", "Friday Edition |" have a name's form; no word of a name is
# one of these (the regex engine has no look-ahead, so the names are tested once extracted). Month
# names are not listed: a date's month has its day after it, and June, April and Jan are first names.
_NOT_NAME_WORDS = (r"(?i)\b(?:last|updated?|published|posted|first|modified|edited|breaking|news|latest|live|top"
                   r"|staff|desk|team|bureau|service|online|web|digital|editorial|edition|sports?|world|business"
                   r"|politics|opinion|home|today|daily|weekly|press|media|monday|tuesday|wednesday|thursday|friday"
                   r"|saturday|sunday)\b")
_SIGN_OFF = r"(?i)^(?:reuters?|ap|afp|upi|xinhua|source\s*:\s*[^.]+|\(?reporting by [^)]*\)?|\(?editing by [^)]*\)?|-+ ?\w+ ?-*|ends?)$"
_STAMP = r"(?i)^(?:posted|published|updated|first published|last (?:updated|modified))\b"
# A label a page prints before its headline: "Breaking News | Council ...", "BREAKING: ...". A news
# flash label leaves before a bar, a dash or a colon; a genre label ("Explainer", "Opinion") only
# before a bar or a dash, since an editor writes "Explainer: Why ..." into the headline itself (as
# the seeds' labels keep it). Not "Report:", which headlines use for "a report says".
_FLASH = r"breaking(?: news)?|live(?: updates)?|updated?|just in|developing(?: story)?|watch|video|photos?|listen"
_GENRE = r"exclusive|analysis|opinion|explainer|editorial|fact check|podcast|comment|review|interview"
TITLE_LABEL = (rf"(?i)^(?:(?:{_FLASH})\s*(?:[|:•·]|\s[-–—])|(?:{_GENRE})\s*(?:[|•·]|\s[-–—]))\s+(\S)")
_BREADCRUMB = r"^\S(?:[^/>»›|]{0,40}\s+[/>»›|]\s+){1,5}[^/>»›|]{1,40}$"
# A person's name standing alone on a line: two to four capitalised words, perhaps with where the
# reporter files from ("Selin Aksoy in Istanbul", as newspapers write their bylines) or the reporter's
# post ("Fatima Al Hashemi, Senior Reporter": `tasks.header` keeps the name alone).
# What follows the name on such a line is no part of it (`tasks.header` strips both from the authors).
FILES_FROM = r" in [A-Z][a-z]+(?: [A-Z][a-z]+)?"
POST = r"(?:Reporter|Correspondent|Editor|Writer|Columnist|Producer|Photographer)"
_NAME_LINE = (r"^(?:[A-Z][a-z'’.-]*[a-z]|[A-Z]\.)(?:\s+(?:(?:al|el|bin|ibn|de|da|del|der|van|von|la|le)-?\s*)?"
              rf"(?:[A-Z][\w'’.-]*[a-z]|[A-Z]\.)){{1,3}}(?:{FILES_FROM}|, (?:[A-Z][a-z]+ ){{0,2}}{POST})?$")


# Every rule above either needs a short line (16 words or fewer) or leaves one of these marks on a
# longer one; lines with neither cannot be furniture and skip the full classification.
_LONG_LINE_HINT = (
    r"(?i)alternat(?:e|ive) address|^(?:image|photo|picture|video|graphic|illustration|file photo|profile) "
    r"|[\])]\.?$|getty images|/afp|/reuters|/ap\b|shutterstock|(?:image|photo|picture|photograph|credit)s?:|credit(?:\.\.\.|…)"
    r"|^[\x{2580}-\x{259F}\x{25A0}\x{25A1}\x{25AA}\x{25AC}]| (?:is|was) (?:an?|the) "
    r"|^\(?(?:additional )?(?:reporting|writing|editing|compiled) by | contributed (?:reporting )?to this |^(?:copyright|\(c\)|©)|^we use cookies"
    r"|^a version of this |^this (?:article|story) appear|^get (?:the latest|breaking news)\b"
    r"|^(?:posted|published|updated|first published|last (?:updated|modified))\b"
)
SHORT_LINE_WORDS = 16


def may_be_furniture(line: pl.Expr, words: pl.Expr) -> pl.Expr:
    """A cheap test that every furniture, header or tail line passes (most body lines fail it)."""
    return (words <= SHORT_LINE_WORDS) | line.str.contains(_LONG_LINE_HINT)


def n_words(text: str | pl.Expr) -> pl.Expr:
    expr = pl.col(text) if isinstance(text, str) else text
    return expr.str.count_matches(WORDS).cast(pl.Int32)


# The rules below take the line's word count as `words` (`n_words(line)`): the line frame has it
# already, and counting again in every rule was most of their cost. `rx` gives the form of their
# patterns: `ascii_form` when every line is ASCII (`tasks/ascii_patterns.py`; the same matches
# there, and automata that compile several times faster, which every shard pays again).
_AS_WRITTEN = patterns_for(False)


def is_counter_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_COUNTER)) & (words <= 14)


def is_widget_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_WIDGET)) & (words <= 16)


def is_address_line(line: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_ADDRESS))


def is_caption_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return (
        (line.str.contains(rx(_CAPTION)) & (words <= 60))
        | (line.str.contains(rx(_IMAGE_CREDIT)) & (words <= 30))
        | line.str.contains(_LEGEND)
    )


def is_trailer_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_TRAILER)) & (words <= 60)


def is_quote_credit_line(line: pl.Expr, words: pl.Expr) -> pl.Expr:
    return line.str.contains(_QUOTE_CREDIT) & (words <= 16)


def is_bio_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_BIO)) & (words <= 80)


def is_tail_marker(line: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_TAIL_MARKER))


def is_sign_off(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_SIGN_OFF)) & (words <= 12)


def byline_names(line: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    """The names of a byline line ("By Ivan Kesic", "Author Dilan Sirwan"), else null."""
    return line.str.extract(rx(_BYLINE), 1).str.strip_chars(" |•·,")


def dated_byline_names(date_line: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    """The names opening a date line before a bar ("Farah Qureshi | Last Updated: ..."), or closing it
    after a bar or "by" ("Jan 16, 2019 | Maya Lindqvist"), else null;
    `date_line` holds the date lines only (the others null)."""
    names = pl.coalesce(date_line.str.extract(rx(_DATED_BYLINE), 1), date_line.str.extract(rx(_DATED_BYLINE_AFTER), 1))
    by = date_line.str.extract_groups(rx(_DATED_BY))
    return pl.coalesce(by.struct.field("names"), by.struct.field("staff"),
                       pl.when(~names.str.contains(rx(_NOT_NAME_WORDS))).then(names))


def is_date_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    """A short line that is mostly a date (a header's date stamp, not a sentence mentioning one)."""
    # "Posted: Jul 17, 2019 / 08:15 AM CDT | Updated: ..." stamps run longer than other date lines.
    stamp = (words <= 12) | ((words <= 20) & line.str.contains(rx(_STAMP)))
    return line.str.contains(rx(ANY_DATE)) & stamp & ~line.str.contains(r"[.!?]['\"”’]?$")


def is_section_line(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    """A section name or breadcrumb above a headline: "News", "Security", "News / Iraq / Editor's Choice"."""
    short = (words <= 2) & ~line.str.contains(r"[.!?,:;]$") & line.str.contains(r"^[A-Z]")
    # "Breaking News | Council approves budget" is a labelled headline, "Opinion | Columnists" a breadcrumb.
    labelled_headline = (words >= 5) & line.str.contains(rx(TITLE_LABEL))
    return short | (line.str.contains(rx(_BREADCRUMB)) & ~labelled_headline)


def is_name_line(line: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    return line.str.contains(rx(_NAME_LINE))


def furniture_kind(line: pl.Expr, words: pl.Expr, rx: Rx = _AS_WRITTEN) -> pl.Expr:
    """Why a line is page furniture (null when it is not)."""
    return (
        pl.when(is_counter_line(line, words, rx)).then(pl.lit("counter"))
        .when(is_widget_line(line, words, rx)).then(pl.lit("widget"))
        .when(is_address_line(line, rx)).then(pl.lit("address"))
        .when(is_caption_line(line, words, rx)).then(pl.lit("caption"))
        .when(is_bio_line(line, words, rx)).then(pl.lit("bio"))
        .when(is_trailer_line(line, words, rx)).then(pl.lit("trailer"))
        .when(is_quote_credit_line(line, words)).then(pl.lit("quote_credit"))
    )
