"""Personio career sites: `https://<company>.jobs.personio.de/xml?language=en`, one XML feed each.

Each company has its own host, so a configured `base_url` (a replay server) stands for every
company's host with the company in the path: `<base_url>/personio/<company>/xml?language=en`.
The feed is `<workzag-jobs>` with one `<position>` per job, descriptions as HTML in CDATA, no
URL element (the job page is built from the id), no salary and no remote flag (an office named
"Remote" or "Home Office" says it).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from lxml import etree
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.ats import join_places, remote_from_places, sections_html
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import parse_text_salary
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

LIVE_URL = "https://{board}.jobs.personio.de/xml?language=en"
REPLAY_PATH = "/personio/{board}/xml?language=en"
JOB_URL = "https://{board}.jobs.personio.de/job/{position_id}"
ROOT = "workzag-jobs"
# A company name that can be a host name label; anything else cannot be a Personio site.
HOST_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def _parser() -> etree.XMLParser:
    # The feed comes from the internet: no DTD, no entity expansion, no network.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )


class PersonioSpider(JobSpider):
    """Every position of every configured Personio company."""

    name = "personio"
    source_type = "personio"
    live_base = ""  # per company: LIVE_URL

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One feed request per configured company."""
        for board in self.source.boards:
            if not HOST_LABEL.match(board):
                self.record_error(
                    None, "invalid_board", f"{board!r} cannot be a Personio company name"
                )
                continue
            url = (
                self.base + REPLAY_PATH.format(board=board)
                if self.source.base_url
                else LIVE_URL.format(board=board)
            )
            yield self.request(url, self.parse_feed, board=board, cb_kwargs={"board": board})

    def parse_feed(self, response: Response, board: str) -> Iterator[JobPosting]:
        """The feed's positions as postings; a feed without positions is fine."""
        root = self.xml_root(response)
        if root is None:
            return
        if root.tag != ROOT:
            self.wrong_shape(response, f"a Personio feed: <{ROOT}> of <position> elements")
            return
        for element in root.iter("position"):
            position = position_record(element)
            if position.get("id"):
                yield self.posting(position, board)
        self.add_scope(board)

    def xml_root(self, response: Response) -> Any | None:
        """The feed's root element, or None after recording why it is not XML."""
        body = response.body
        head = body[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            self.record_error(
                response.url, "html_instead_of_xml", "an HTML page came back instead of XML"
            )
            return None
        try:
            return etree.fromstring(body, _parser())
        except etree.XMLSyntaxError as exc:
            kind = "truncated_xml" if _looks_truncated(body) else "malformed_xml"
            self.record_error(response.url, kind, str(exc))
        return None

    def posting(self, position: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one Personio position."""
        description_html = sections_html(
            (section.get("name"), section.get("value"))
            for section in position.get("jobDescriptions") or []
        )
        text = html_to_text(description_html)
        offices = [position.get("office"), *(position.get("additionalOffices") or [])]
        location = join_places(offices)
        schedule = ", ".join(
            value for value in (position.get("employmentType"), position.get("schedule")) if value
        )
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=position["id"],
            board=board,
            url=JOB_URL.format(board=board, position_id=position["id"]),
            company=position.get("subcompany") or board,
            title=position.get("name"),
            location=location,
            remote=remote_from_places(location),
            salary=parse_text_salary(text),
            employment_type=schedule or None,
            requisition_id=None,
            posted_at=parse_timestamp(position.get("createdAt")),
            description_html=description_html,
            description_text=text,
            raw=position,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def position_record(element: Any) -> dict[str, Any]:
    """A <position> as a JSON object: element text by tag, a list for an element of elements."""
    record: dict[str, Any] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        if child.tag == "jobDescriptions":
            record["jobDescriptions"] = [
                {
                    "name": _text(entry.find("name")),
                    "value": _text(entry.find("value")),
                }
                for entry in child
                if isinstance(entry.tag, str)
            ]
        elif any(isinstance(item.tag, str) for item in child) or child.tag == "additionalOffices":
            record[child.tag] = [_text(item) for item in child if isinstance(item.tag, str)]
        else:
            record[child.tag] = _text(child)
    if record.get("_synthetic") == "true":  # jobtrends generate's mark, as JSON sources carry it
        record["_synthetic"] = True
    return record


def _text(element: Any) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _looks_truncated(body: bytes) -> bool:
    return bool(body.strip()) and not body.rstrip().endswith(f"</{ROOT}>".encode())
