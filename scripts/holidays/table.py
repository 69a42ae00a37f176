"""The public-holiday table Meridian bundles, as python-holidays defines it.

Shared by `generate.py` (writes the bundled file) and `check.py` (compares
the bundled file, read back through Meridian, with python-holidays), so the
two can never disagree on which regions, years, categories or languages the
table means.
"""

import re
import warnings

import holidays

FIRST_YEAR = 2020
LAST_YEAR = 2040
# ISO 3166-2 style subdivision codes only; python-holidays also lists a few
# cities, language communities and school zones (`Andria`, `Zone A`), which
# are not region codes a lead could look up.
SUBDIVISION = re.compile(r"[A-Z0-9]{1,3}")


def language(cls):
    """English names where the country has them, else its default language."""
    supported = getattr(cls, "supported_languages", ()) or ()
    for lang in ("en_US", "en_GB"):
        if lang in supported:
            return lang
    return None


def split_camel(name):
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)


def regions():
    """(code, label, country code or None, {date: name}) for every region."""
    from holidays import registry

    labels = {}
    for entry in registry.COUNTRIES.values():
        labels[entry[1]] = split_camel(entry[0])
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    with warnings.catch_warnings():
        # Some countries define fewer years than we ask for: they simply
        # have no entries there, as python-holidays defines them.
        warnings.simplefilter("ignore")
        for cc, subdivs in sorted(holidays.list_supported_countries(include_aliases=False).items()):
            base = holidays.country_holidays(cc)
            lang = language(type(base))
            days = holidays.country_holidays(cc, years=years, language=lang)
            yield cc, labels.get(cc, cc), None, dict(days)
            aliases = base.get_subdivision_aliases()
            for sd in sorted(subdivs):
                if not SUBDIVISION.fullmatch(sd):
                    continue
                sub = holidays.country_holidays(cc, subdiv=sd, years=years, language=lang)
                names = aliases.get(sd) or []
                label = names[0] if names else sd
                yield f"{cc}-{sd}", label, cc, dict(sub)


def version():
    return holidays.__version__
