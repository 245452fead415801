"""A capitalised "Application" names its title's field one word before the engineering noun."""

from pipeline.roles import openings_of_posting


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def test_application_field_titles_are_read_whole() -> None:
    header = "Kelpworks | Application Security Engineer, Infrastructure Security Engineer | Onsite"
    assert _titles(header + "\n\nWe grow seaweed.") == [
        "Application Security Engineer",
        "Infrastructure Security Engineer",
    ]
    assert _titles("Acme | Application Operations Engineer | Remote\n\nWe host.") == [
        "Application Operations Engineer"
    ]


def test_application_in_lower_case_stays_the_applicants_word() -> None:
    assert _titles("Acme | send your application security engineer | Remote\n\nHi.") == []
