#!/usr/bin/env python3
"""Derive the generated knowledge-base files from ../shared/kb-sources (run from the project root):

    python3 tools/build_kb.py            # writes src/newstrace/data/kb/{countries,capitals}.jsonl and agents.tsv

Provenance:
- countries.jsonl: country names, ISO 3166 codes and demonyms from NGEC's countries.csv and ICEWS
  text_to_CAMEO countrynames.txt (both in kb-sources/actors; MIT-licensed Open Event Data Alliance
  material), sorted into names, demonyms and dependent territories by the lists below; Wikidata QIDs,
  common short forms and capitals are the newstrace team's own knowledge (a QID only where we are sure).
- capitals.jsonl: capitals whose name stands for the government in news prose ("Washington said"),
  from the team's own knowledge; actor code = country + GOV (CAMEO).
- agents.tsv: sector words (officials -> GOV, troops -> MIL, ...) derived from PLOVER_agents.txt
  (CAMEO agents dictionary, MIT, Open Event Data Alliance): only phrases of up to three words, folded
  to lower case, with the first sector code of each.
Only compact entries are derived; no dictionary is copied whole.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT.parent / "shared" / "kb-sources" / "actors"
OUT = ROOT / "src" / "newstrace" / "data" / "kb"

# Team knowledge: QIDs we are sure of.
QID = {
    "USA": "Q30",
    "CAN": "Q16",
    "MEX": "Q96",
    "GBR": "Q145",
    "FRA": "Q142",
    "DEU": "Q183",
    "ITA": "Q38",
    "ESP": "Q29",
    "PRT": "Q45",
    "NLD": "Q55",
    "BEL": "Q31",
    "LUX": "Q32",
    "CHE": "Q39",
    "AUT": "Q40",
    "POL": "Q36",
    "CZE": "Q213",
    "SVK": "Q214",
    "HUN": "Q28",
    "ROU": "Q218",
    "BGR": "Q219",
    "GRC": "Q41",
    "TUR": "Q43",
    "RUS": "Q159",
    "UKR": "Q212",
    "BLR": "Q184",
    "DNK": "Q35",
    "SWE": "Q34",
    "NOR": "Q20",
    "FIN": "Q33",
    "ISL": "Q189",
    "IRL": "Q27",
    "EST": "Q191",
    "LVA": "Q211",
    "LTU": "Q37",
    "MDA": "Q217",
    "GEO": "Q230",
    "ARM": "Q399",
    "AZE": "Q227",
    "KAZ": "Q232",
    "UZB": "Q265",
    "KGZ": "Q813",
    "TJK": "Q863",
    "TKM": "Q874",
    "AFG": "Q889",
    "PAK": "Q843",
    "IND": "Q668",
    "BGD": "Q902",
    "LKA": "Q854",
    "NPL": "Q837",
    "CHN": "Q148",
    "JPN": "Q17",
    "KOR": "Q884",
    "PRK": "Q423",
    "TWN": "Q865",
    "MNG": "Q711",
    "VNM": "Q881",
    "THA": "Q869",
    "MMR": "Q836",
    "KHM": "Q424",
    "LAO": "Q819",
    "MYS": "Q833",
    "SGP": "Q334",
    "IDN": "Q252",
    "PHL": "Q928",
    "AUS": "Q408",
    "NZL": "Q664",
    "IRN": "Q794",
    "IRQ": "Q796",
    "SYR": "Q858",
    "LBN": "Q822",
    "JOR": "Q810",
    "ISR": "Q801",
    "PSE": "Q219060",
    "SAU": "Q851",
    "ARE": "Q878",
    "QAT": "Q846",
    "BHR": "Q398",
    "KWT": "Q817",
    "OMN": "Q842",
    "YEM": "Q805",
    "EGY": "Q79",
    "LBY": "Q1016",
    "TUN": "Q948",
    "DZA": "Q262",
    "MAR": "Q1028",
    "SDN": "Q1049",
    "SSD": "Q958",
    "ETH": "Q115",
    "SOM": "Q1045",
    "KEN": "Q114",
    "UGA": "Q1036",
    "TZA": "Q924",
    "RWA": "Q1037",
    "COD": "Q974",
    "NGA": "Q1033",
    "GHA": "Q117",
    "ZAF": "Q258",
    "BRA": "Q155",
    "ARG": "Q414",
    "CHL": "Q298",
    "COL": "Q739",
    "VEN": "Q717",
    "PER": "Q419",
    "ECU": "Q736",
    "BOL": "Q750",
    "PRY": "Q733",
    "URY": "Q77",
    "CUB": "Q241",
    "GUY": "Q734",
    "HTI": "Q790",
    "SRB": "Q403",
    "HRV": "Q224",
    "SVN": "Q215",
    "BIH": "Q225",
    "MKD": "Q221",
    "ALB": "Q222",
    "MNE": "Q236",
    "XKX": "Q1246",
    "CYP": "Q229",
    "MLT": "Q233",
    "ZWE": "Q954",
    "ZMB": "Q953",
    "SEN": "Q1041",
    "MLI": "Q912",
    "NER": "Q1032",
    "TCD": "Q657",
    "BFA": "Q965",
    "CMR": "Q1009",
    "VAT": "Q237",
}
# Team knowledge: the short forms news prose uses, beyond the sources' names.
EXTRA_NAMES = {
    "USA": ["United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russian Federation"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China"],
    "KOR": ["Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories", "occupied Palestinian territories"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Republic of the Congo"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire"],
    "CZE": ["Czech Republic"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "MMR": ["Burma"],
    "TUR": ["Türkiye", "Turkiye"],
    "NLD": ["Holland"],
    "VAT": ["Holy See", "Vatican"],
    "XKX": ["Kosovo"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "TLS": ["East Timor"],
    "CPV": ["Cape Verde"],
    "IRN": ["Islamic Republic of Iran"],
}
NAME_OVERRIDE = {
    "PSE": "Palestine",
    "MMR": "Myanmar",
    "HKG": "Hong Kong",
    "CZE": "Czech Republic",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
}
# Items of NGEC's Nationality column that are alternative names, not demonyms.
NOT_DEMONYM = {
    "Islamic Republic of Afghanistan",
    "People's Republic of China",
    "Republic of the Congo",
    "Congo-Brazzaville",
    "Cote d’Ivoire",
    "Ivory Coast",
    "Côte d’Ivoire",
    "Czech Republic",
    "DRC",
    "DR Congo",
    "Zaire",
    "Islamic Republic of Iran",
    "Lao People's Democratic Republic",
    "Macedonia",
    "FYROM",
    "Myanmar",
    "DPRK",
    "Palestine",
    "Saudi Arabia",
    "Swaziland",
    "Syrian Arab Republic",
    "Republic of China",
    "United Republic of Tanzania",
    "East Timor",
    "European Union",
    "EU",
    "UK",
    "U.K.",
    "United Kingdom of Great Britain and Northern Ireland",
    "Britain",
    "Great Britain",
    "United Nations",
    "UN",
    "U.N.",
    "US",
    "U.S.",
    "United States",
    "Vatican City",
    "Cabo Verde",
    "Cape Verde",
    "São Tomé and Príncipe",
    "Hong Kong",
    "Republic of Abkhazia",
    "Republic of Artsakh",
    "Luhansk",
    "Donetsk",
}
# Demonyms that would claim too much ("English" the language, "Dominican" the friar) or name a nation
# inside a country; kept out.
DROP_DEMONYM = {"English", "Scottish", "Welsh", "Kiwi", "Kiwis", "Dominicanos", "Malawis"}
# Plurals and forms the sources miss.
EXTRA_DEMONYMS = {
    "KEN": ["Kenyans"],
    "BHS": ["Bahamians"],
    "MUS": ["Mauritians"],
    "TON": ["Tongans"],
    "GRD": ["Grenadians"],
}
# Non-country rows of countries.csv (IGOs and breakaway regions) are written elsewhere.
SKIP_CODES = {"EUR", "UNO", "GEOPRE", "MDAPRE", "UKRPRE", "AZEPRE", "SOMPRE", "CYPPRE"}
# Team knowledge: capitals named for their governments (QIDs where sure).
CAPITALS = {
    "USA": ("Washington", "Q61", ["Washington, D.C.", "Washington D.C.", "Washington DC"]),
    "RUS": ("Moscow", "Q649", []),
    "CHN": ("Beijing", "Q956", ["Peking"]),
    "ISR": ("Jerusalem", "Q1218", []),
    "GBR": ("London", "Q84", []),
    "FRA": ("Paris", "Q90", []),
    "DEU": ("Berlin", "Q64", []),
    "IRN": ("Tehran", "Q3616", ["Teheran"]),
    "UKR": ("Kyiv", "Q1899", ["Kiev"]),
    "TUR": ("Ankara", "Q3640", []),
    "IND": ("New Delhi", "Q987", []),
    "JPN": ("Tokyo", "Q1490", []),
    "SAU": ("Riyadh", "Q3692", []),
    "EGY": ("Cairo", "Q85", []),
    "QAT": ("Doha", "Q3861", []),
    "CAN": ("Ottawa", "Q1930", []),
    "AUS": ("Canberra", "Q3114", []),
    "BRA": ("Brasilia", "Q2844", ["Brasília"]),
    "PAK": ("Islamabad", "Q1362", []),
    "AFG": ("Kabul", "Q5838", []),
    "IRQ": ("Baghdad", "Q1530", []),
    "SYR": ("Damascus", "Q3766", []),
    "LBN": ("Beirut", "Q3820", []),
    "JOR": ("Amman", "Q3805", []),
    "KOR": ("Seoul", "Q8684", []),
    "PRK": ("Pyongyang", "Q18808", []),
    "TWN": ("Taipei", "Q1867", []),
    "ITA": ("Rome", "Q220", []),
    "ESP": ("Madrid", "Q2807", []),
    "POL": ("Warsaw", "Q270", []),
    "BLR": ("Minsk", "Q2280", []),
    "ARE": ("Abu Dhabi", None, []),
    "YEM": ("Sanaa", None, ["Sana'a"]),
    "LBY": ("Tripoli", None, []),
    "SDN": ("Khartoum", None, []),
    "ETH": ("Addis Ababa", None, []),
    "KEN": ("Nairobi", None, []),
    "NGA": ("Abuja", None, []),
    "ZAF": ("Pretoria", None, []),
    "MEX": ("Mexico City", None, []),
    "ARG": ("Buenos Aires", None, []),
    "VEN": ("Caracas", None, []),
    "COL": ("Bogota", None, ["Bogotá"]),
    "CUB": ("Havana", None, []),
    "KAZ": ("Astana", None, []),
    "ARM": ("Yerevan", None, []),
    "AZE": ("Baku", None, []),
    "GEO": ("Tbilisi", None, []),
    "HUN": ("Budapest", None, []),
    "SRB": ("Belgrade", None, []),
    "XKX": ("Pristina", None, ["Prishtina"]),
    "GRC": ("Athens", None, []),
    "NLD": ("The Hague", None, []),
    "BEL": ("Brussels", "Q239", []),
    "SWE": ("Stockholm", None, []),
    "NOR": ("Oslo", None, []),
    "DNK": ("Copenhagen", None, []),
    "FIN": ("Helsinki", None, []),
    "AUT": ("Vienna", None, []),
    "CHE": ("Bern", None, []),
    "CZE": ("Prague", None, []),
    "ROU": ("Bucharest", None, []),
    "BGR": ("Sofia", None, []),
    "LTU": ("Vilnius", None, []),
    "LVA": ("Riga", None, []),
    "EST": ("Tallinn", None, []),
    "MDA": ("Chisinau", None, []),
    "IDN": ("Jakarta", None, []),
    "PHL": ("Manila", None, []),
    "VNM": ("Hanoi", None, []),
    "THA": ("Bangkok", None, []),
    "MMR": ("Naypyidaw", None, ["Naypyitaw"]),
    "BGD": ("Dhaka", None, []),
    "LKA": ("Colombo", None, []),
    "NPL": ("Kathmandu", None, []),
    "MYS": ("Kuala Lumpur", None, []),
    "SGP": ("Singapore", None, []),
    "NZL": ("Wellington", None, []),
    "KWT": ("Kuwait City", None, []),
    "OMN": ("Muscat", None, []),
    "BHR": ("Manama", None, []),
    "DZA": ("Algiers", None, []),
    "TUN": ("Tunis", None, []),
    "MAR": ("Rabat", None, []),
    "SOM": ("Mogadishu", None, []),
    "UGA": ("Kampala", None, []),
    "RWA": ("Kigali", None, []),
    "COD": ("Kinshasa", None, []),
    "MLI": ("Bamako", None, []),
    "NER": ("Niamey", None, []),
    "BFA": ("Ouagadougou", None, []),
    "SEN": ("Dakar", None, []),
    "GHA": ("Accra", None, []),
    "ZWE": ("Harare", None, []),
    "CHL": ("Santiago", None, []),
    "PER": ("Lima", None, []),
    "IRL": ("Dublin", None, []),
    "PRT": ("Lisbon", None, []),
    "MNG": ("Ulaanbaatar", None, []),
    "PSE": ("Ramallah", None, []),
    "TCD": ("N'Djamena", None, []),
    "ERI": ("Asmara", None, []),
}


# Team knowledge: common news words the agents dictionary lacks (it keeps only some plurals and heads).
TEAM_AGENTS = {
    "official": "GOV",
    "officer": "MIL",
    "force": "MIL",
    "armed force": "MIL",
    "military": "MIL",
    "fleet": "MIL",
    "warship": "MIL",
    "destroyer": "MIL",
    "regime": "GOV",
    "administration": "GOV",
    "cabinet": "GOV",
    "junta": "GOV",
    "ministry": "GOV",
    "department": "GOV",
    "security service": "SPY",
    "intelligence service": "SPY",
    "militant": "UAF",
    "fighter": "UAF",
    "separatist": "REB",
    "insurgent": "REB",
    "jihadist": "REB",
    "parliament": "LEG",
    "senator": "LEG",
    "mp": "LEG",
    "court": "JUD",
    "judge": "JUD",
    "prosecutor": "JUD",
    "journalist": "JRN",
    "reporter": "JRN",
    "state media": "MED",
    "civilian": "CVL",
    "resident": "CVL",
    "displaced": "REF",
    "refugee": "REF",
    "doctor": "HLH",
    "hospital": "HLH",
    "university": "EDU",
    "professor": "EDU",
    "company": "BUS",
    "business": "BUS",
    "union": "LAB",
    "trade union": "LAB",
    "party": "PTY",
    "opposition": "OPP",
    "activist": "OPP",
    "protester": "OPP",
    "demonstrator": "OPP",
    "ambulance": "HLH",
    "police station": "COP",
}


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def countries() -> list[dict]:
    iso2 = {}
    for r in csv.DictReader(open(SRC / "ngec" / "cow2iso.txt", encoding="utf-8")):
        if r["iso3"] and r["iso2"]:
            iso2.setdefault(r["iso3"], r["iso2"])
    icews: dict[str, list[str]] = {}
    for line in open(SRC / "icews_text_to_cameo" / "countrynames.txt", encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2 and re.fullmatch(r"[A-Z]{3}", cols[1]) and "," not in cols[0]:
            icews.setdefault(cols[1], []).append(cols[0])
    out = []
    for r in csv.DictReader(open(SRC / "ngec" / "countries.csv", encoding="utf-8")):
        code = r["CCA3"]
        if code in SKIP_CODES:
            continue
        name = NAME_OVERRIDE.get(code, re.sub(r"\s*\[.*\]", "", r["Name"]).replace(" SAR China", ""))
        items = split_list(r["Nationality"])
        demonyms, aliases = [], []
        for it in items:
            if it in DROP_DEMONYM:
                continue
            if it in NOT_DEMONYM:
                aliases.append(it)
            elif re.search(
                r"Island|Guiana|Polynesia|Guadeloup|Martinique|Mayotte|Caledon|Réunion|Reunion|Aruba|Bonaire|Cura|Maarten|"
                r"Greenland|Faroe|Puerto|Guam|Samoa|Niue|Tokelau|Svalbard|Bouvet|Anguill|Bermud|Gibraltar|"
                r"Sahara|Sahrawi|Pierre|Wallis|Barth|Helen|Montserrat|Cayman|Falkland|Pitcairn|Turks|Virgin|"
                r"Ascension|Tristan|Chagos|Mariana|Heard|Jersey|Guernsey|Man\b|Macao|Macau|Territor|Martin|Eustatius|"
                r"Malvinas|Manx|Barthelemy|England|Scotland|Wales",
                it,
            ):
                continue  # a dependent territory: not the country's own name
            else:
                demonyms.append(it)
        demonyms += EXTRA_DEMONYMS.get(code, [])
        aliases += [n for n in icews.get(code, []) if n != name and n not in ("Mayotte", "Saint Barthelemy", "Jersey")]
        aliases += EXTRA_NAMES.get(code, [])
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in demonyms]
        e = {
            "id": QID.get(code) or f"country:{code.lower()}",
            "name": name,
            "aliases": aliases,
            "demonyms": list(dict.fromkeys(demonyms)),
            "country": code,
            "code": code,
        }
        if code in iso2:
            e["iso2"] = iso2[code]
        out.append(e)
    return out


def capitals() -> list[dict]:
    out = []
    for code, (name, qid, aliases) in CAPITALS.items():
        out.append(
            {
                "id": qid or f"place:{name.lower().replace(' ', '-')}",
                "name": name,
                "aliases": aliases,
                "country": code,
                "code": f"{code}GOV",
                "metonym_of": code,
            }
        )
    return out


def agents() -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    person = ["MAN", "MEN", "WOMAN", "WOMEN", "PERSON"]
    for line in open(SRC / "ngec" / "PLOVER_agents.txt", encoding="utf-8", errors="replace"):
        line = line.split("#")[0].strip()
        m = re.match(r"^([A-Z][A-Z_!'.-]*?)_?\s*\[~([A-Z]{3})[A-Z]*\]", line)
        if not m or "!MINIST!" in m.group(1):
            continue
        forms = [m.group(1).replace("!PERSON!", p) for p in person] if "!PERSON!" in m.group(1) else [m.group(1)]
        for f in forms:
            phrase = f.replace("_", " ").strip().lower()
            if 0 < len(phrase.split()) <= 3 and "!" not in phrase:
                rows.setdefault(phrase, m.group(2))
    rows.update(TEAM_AGENTS)
    return sorted(rows.items())


def write_jsonl(path: Path, source: str, defaults: dict, entries: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"_source": source, "_defaults": defaults}, ensure_ascii=False) + "\n")
        for e in entries:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


def main() -> None:
    write_jsonl(
        OUT / "countries.jsonl",
        "Generated by tools/build_kb.py from NGEC countries.csv and cow2iso.txt and ICEWS countrynames.txt "
        "(kb-sources/actors, Open Event Data Alliance, MIT); QIDs, short forms from the newstrace team.",
        {"type": "GPE", "kind": "country"},
        countries(),
    )
    write_jsonl(
        OUT / "capitals.jsonl",
        "Generated by tools/build_kb.py: capitals used as metonyms for their governments, from the newstrace "
        "team's own knowledge; code = country + GOV (CAMEO).",
        {"type": "GPE", "kind": "capital"},
        capitals(),
    )
    with open(OUT / "agents.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# Sector words and their CAMEO sector code (phrase<TAB>code). Generated by tools/build_kb.py from\n"
            "# PLOVER_agents.txt (CAMEO agents dictionary, Open Event Data Alliance, MIT): phrases of up to three words,\n"
            "# plus the newstrace team's additions (TEAM_AGENTS in the script). Singular forms; plurals are folded in code.\n"
        )
        for phrase, code in agents():
            f.write(f"{phrase}\t{code}\n")


if __name__ == "__main__":
    main()
