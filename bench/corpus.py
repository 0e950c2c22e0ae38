"""A synthetic news corpus in the genre of ``examples/``, deterministic from a seed.

Benchmarks need many articles whose figures can be compared between runs, and real news cannot
be shipped in bulk. The generator writes stories about the 34 provincial units and the central
bodies: title chains before names ("Ủy viên Trung ương Đảng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND
tỉnh Nghệ An Nguyễn Văn A"), document numbers of every shape in domain.md (written loosely now
and then: "01/ NQ-CP", "kết luận số"), ranges and partial references, filler statistics, and
the page furniture cleaning removes (headers, photo credits, bylines, "Có thể bạn quan tâm"
tails). All Vietnamese comes from ``corpus.yaml``.

Determinism: a "world" (who holds which post in each province and term) is drawn from the
seed; article ``i`` is drawn from ``(seed, i)`` alone, so the first 1,000 articles of a 100k
corpus are the 1k corpus, and generation streams in constant memory.

    python -m bench.corpus --n 1000 -o corpus.jsonl          # synthetic articles
    python -m bench.corpus --replay 20 -o replay.jsonl       # examples/ 20 times, distinct ids
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ingest.gazetteer import load as load_gazetteer

DATA = Path(__file__).with_name("corpus.yaml")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIRST_DAY, LAST_DAY = dt.date(2016, 1, 1), dt.date(2025, 12, 31)
#: a term of office: posts change hands between them (2016-2020, 2021-2025)
TERM_SPLIT_YEAR = 2021


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


# -- people ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Official:
    """Someone holding a post: ``chain`` is the title chain written before the name on first
    mention, ``short`` the title used later ("Chủ tịch UBND tỉnh")."""

    name: str
    chain: str
    short: str
    female: bool

    @property
    def polite(self) -> str:
        return f"{'bà' if self.female else 'ông'} {self.name}"


class Names:
    """Full names drawn from the gazetteer's family names and the corpus's given names."""

    def __init__(self) -> None:
        v = vocab()
        self.surnames: list[str] = list(load_gazetteer("surnames")["surnames"])
        weights = v["surname_weights"]
        rest = [s for s in self.surnames if s not in weights]
        self.weights = [weights.get(s, v["surname_rest_weight"] / len(rest)) for s in self.surnames]

    def draw(self, rng: random.Random) -> tuple[str, bool]:
        v = vocab()
        female = rng.random() < 0.3
        surname = rng.choices(self.surnames, self.weights)[0]
        middle = rng.choice(v["middle_female" if female else "middle_male"])
        given = rng.choice(v["given_female" if female else "given_male"])
        return f"{surname} {middle} {given}", female


def reporter(rng: random.Random) -> str:
    v = vocab()
    return f"{rng.choice(v['reporter_first'])} {rng.choice(v['reporter_last'])}"


# -- the world: places and who holds which post ---------------------------------------------------
@dataclass
class Province:
    """A provincial unit and its office holders per term (0: 2016-2020, 1: 2021-2025)."""

    name: str
    city: bool
    cast: list[dict[str, Official]] = field(default_factory=list)

    @property
    def level(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def place(self) -> str:
        """"tỉnh Nghệ An", "TP Hà Nội", "TP.HCM"."""
        if not self.city:
            return f"tỉnh {self.name}"
        return vocab()["city_display"].get(self.name, f"TP {self.name}")

    @property
    def committee(self) -> str:
        return "Thành ủy" if self.city else "Tỉnh ủy"

    @property
    def short_place(self) -> str:
        return "TP" if self.city else "tỉnh"


class World:
    """Everything shared between articles, drawn once from the seed."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"world:{seed}")
        self.names = Names()
        self._taken: set[str] = set()
        v = vocab()
        self.provinces = [Province(n, True) for n in v["cities"]] + [Province(n, False) for n in v["provinces"]]
        for p in self.provinces:
            p.cast = [self._cast(p, rng) for _ in range(2)]
        self.central = [self._central(rng) for _ in range(2)]
        self.homonyms = self._homonyms(int(v.get("homonym_pairs", 0)))
        self.cast_names = frozenset(self._taken)

    def _homonyms(self, pairs: int) -> list[str]:
        """Give one sector's Giám đốc Sở of province 2k+1 the name of province 2k's (each
        term): two people, one name, in bodies of two provinces (``homonym_pairs``)."""
        sectors, names = vocab()["sectors"], []
        for i in range(pairs):
            a, b = self.provinces[2 * i], self.provinces[2 * i + 1]
            role = f"director:{sectors[i % len(sectors)]}"
            for term in range(2):
                twin = a.cast[term][role]
                b.cast[term][role] = replace(b.cast[term][role], name=twin.name, female=twin.female)
                names.append(twin.name)
        return names

    def _name(self, rng: random.Random) -> tuple[str, bool]:
        """A name nobody else in the world holds, so each post is one person."""
        while True:
            name, female = self.names.draw(rng)
            if name not in self._taken:
                self._taken.add(name)
                return name, female

    def _official(self, rng: random.Random, chain: str, short: str) -> Official:
        name, female = self._name(rng)
        return Official(name, chain, short, female)

    def _cast(self, p: Province, rng: random.Random) -> dict[str, Official]:
        c, where, big = p.committee, p.place, p.name in ("Hà Nội", "Hồ Chí Minh")
        rank = "Ủy viên Bộ Chính trị" if big else "Ủy viên Trung ương Đảng"
        cast = {
            "secretary": self._official(rng, f"{rank}, Bí thư {c} {p.name}", f"Bí thư {c}"),
            "deputy_secretary": self._official(rng, f"Phó Bí thư Thường trực {c} {p.name}", f"Phó Bí thư Thường trực {c}"),
            "chair": self._official(
                rng, f"Ủy viên Trung ương Đảng, Phó Bí thư {c}, Chủ tịch UBND {where}", f"Chủ tịch UBND {p.short_place}"
            ),
            "hdnd_chair": self._official(rng, f"Phó Bí thư {c}, Chủ tịch HĐND {where}", f"Chủ tịch HĐND {p.short_place}"),
        }
        for i in range(3):
            cast[f"vice_chair{i}"] = self._official(rng, f"Phó Chủ tịch UBND {where}", f"Phó Chủ tịch UBND {p.short_place}")
        for sector in vocab()["sectors"]:
            cast[f"director:{sector}"] = self._official(rng, f"Giám đốc Sở {sector} {where}", f"Giám đốc Sở {sector}")
        return cast

    def _central(self, rng: random.Random) -> dict[str, Official]:
        cast = {
            "pm": self._official(rng, "Ủy viên Bộ Chính trị, Thủ tướng Chính phủ", "Thủ tướng"),
            "deputy_pm0": self._official(rng, "Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ", "Phó Thủ tướng"),
            "deputy_pm1": self._official(rng, "Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ", "Phó Thủ tướng"),
        }
        for sector in vocab()["ministries"]:
            cast[f"minister:{sector}"] = self._official(rng, f"Bộ trưởng Bộ {sector}", "Bộ trưởng")
        return cast


# -- one story ---------------------------------------------------------------------------------
def _decimal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


class Story(dict):
    """The slots of one article's templates, filled on first use (``str.format_map``).

    People come out with their full title chain the first time and by title or "ông/bà" and
    name afterwards; ``doc``, ``conclusion`` and ``resolution`` are one document per article;
    ``dept``, ``decision``, ``letter``, ``party_doc``, ``task`` and the figures are fresh at
    each use.
    """

    FRESH = {"dept", "decision", "letter", "party_doc", "task", "pct", "pct2", "pct3", "money", "num", "num2",
             "num3", "num4", "share", "speaker", "partial", "central_doc", "party_central", "range", "pm_doc", "official"}

    def __init__(self, world: World, rng: random.Random, province: Province, day: dt.date, kind: str) -> None:
        super().__init__()
        self.world, self.rng, self.p, self.day, self.kind = world, rng, province, day, kind
        self.term = 0 if day.year < TERM_SPLIT_YEAR else 1
        self.cast, self.central = province.cast[self.term], world.central[self.term]
        self.mentioned: set[str] = set()
        self.people: set[str] = set()  # who the story names, one id per person (see ``people``)
        self.sector = rng.choice(vocab()["sectors"])
        self.ministry = rng.choice(list(vocab()["ministries"]))
        self.leader_role = rng.choice(["pm", "pm", "deputy_pm0", "deputy_pm1", f"minister:{self.ministry}"])
        self.vice = f"vice_chair{rng.randrange(3)}"

    ROLES = ("chair", "secretary", "deputy_secretary", "hdnd_chair", "vice_chair", "director", "leader", "minister")

    def __missing__(self, slot: str) -> str:
        person = self._person_slot(slot)
        if person is not None:
            return person
        value = getattr(self, f"_{slot}")()
        if slot not in self.FRESH:
            self[slot] = value
        return value

    def fill(self, template: str) -> str:
        text = template.format_map(self)
        return text[0].upper() + text[1:]

    def _person_slot(self, slot: str) -> str | None:
        """{chair}: the chain and name on first mention, then title or "ông/bà" and name;
        {chair_short}: title and name; {chair_name}: the name. The same for every role."""
        form = next((f for f in ("_short", "_name") if slot.endswith(f)), "")
        stem = slot[: len(slot) - len(form)]
        if stem not in self.ROLES:
            return None
        role = {"vice_chair": self.vice, "director": f"director:{self.sector}", "leader": self.leader_role,
                "minister": f"minister:{self.ministry}"}.get(stem, stem)
        official = self.central.get(role) or self.cast[role]
        self.people.add(f"{'central' if role in self.central else self.p.name}|{self.term}|{role}")
        if form == "_short":
            return f"{official.short} {official.name}"
        if form == "_name":
            return official.name
        return self._person(role, official)

    def _person(self, role: str, official: Official) -> str:
        if role in self.mentioned:
            return self.rng.choice([f"{official.short} {official.name}", official.polite])
        self.mentioned.add(role)
        return f"{official.chain} {official.name}"

    def _official(self) -> str:
        """A deputy head of a Sở named for one line. Their names are drawn per article, so the
        same name may come up again: in one province it is one person (whom the corpus names
        again), in two provinces two (as a Sở's staff are); never a name of the world's cast,
        whose holders are meant to be the only ones of their name (but for ``homonym_pairs``)."""
        while True:
            name, _ = self.world.names.draw(self.rng)
            if name not in self.world.cast_names:
                break
        self.people.add(f"passing|{self.p.name}|{name}")
        return f"Phó Giám đốc Sở {self.rng.choice(vocab()['sectors'])} {self.p.place} {name}"

    def _speaker(self) -> str:
        role = self.rng.choice(["chair", "secretary", self.vice])
        official = self.cast[role]
        self.people.add(f"{self.p.name}|{self.term}|{role}")
        return self._person(role, official) if role not in self.mentioned else official.polite

    # places and bodies
    def _Place(self) -> str:
        return self.p.name if self.p.name != "Hồ Chí Minh" else "TP.HCM"

    def _place(self) -> str:
        return self.p.place

    def _level(self) -> str:
        return self.p.level

    def _ubnd(self) -> str:
        return f"UBND {self.p.place}"

    def _ubnd_short(self) -> str:
        return f"UBND {self.p.short_place}"

    def _party(self) -> str:
        return f"{self.p.committee} {self.p.name}"

    def _party_short(self) -> str:
        return self.p.committee

    def _party_body(self) -> str:
        return f"Ban Chấp hành Đảng bộ {self.p.level}"

    def _btv(self) -> str:
        return f"Ban Thường vụ {self.p.committee}"

    def _hdnd(self) -> str:
        return f"HĐND {self.p.place}"

    def _dept(self) -> str:
        return f"Sở {self.rng.choice(vocab()['sectors'])} {self.p.place}"

    def _ministry(self) -> str:
        return f"Bộ {self.ministry}"

    def _ministry_short(self) -> str:
        return "Bộ"

    # documents
    def _serial(self, top: int = 3000) -> str:
        serial = str(self.rng.randint(1, top))
        return serial.zfill(2) if len(serial) == 1 and self.rng.random() < 0.5 else serial

    def _loose(self, number: str) -> str:
        """Now and then a stray space after the first separator, as news writes it."""
        if self.rng.random() < 0.04:
            for sep in ("/", "-"):
                if sep in number:
                    head, tail = number.split(sep, 1)
                    return f"{head}{sep} {tail}"
        return number

    def _typed(self, word: str, number: str) -> str:
        word = word.lower() if self.rng.random() < 0.05 else word
        return f"{word} số {self._loose(number)}"

    def _doc(self) -> str:
        word, code = self.rng.choice(list(vocab()["local_types"].items()))
        self["doc_short"] = word
        return self._typed(word, f"{self._serial()}/{code}-UBND")

    def _doc_short(self) -> str:
        self._doc()
        return self["doc_short"]

    def _decision(self) -> str:
        return self._typed("Quyết định", f"{self._serial(9000)}/QĐ-UBND")

    def _letter(self) -> str:
        return self._typed("Công văn", f"{self._serial(9000)}/UBND-{self.rng.choice(vocab()['letter_units'])}")

    def _party_doc(self) -> str:
        word, code = self.rng.choice(list(vocab()["party_types"].items()))
        return self._typed(word, f"{self._serial(800)}-{code}/TU")

    def _conclusion(self) -> str:
        return self._typed("Kết luận", f"{self._serial(800)}-KL/TU")

    def _conclusion_short(self) -> str:
        return self["conclusion"]

    def _range(self) -> str:
        a = self.rng.randint(1, 10)
        b = a + self.rng.randint(2, 8)
        return f"từ Chương trình số {a:02d}-CTr/TU đến Chương trình số {b:02d}-CTr/TU"

    def _partial(self) -> str:
        return self.rng.choice(vocab()["partial_references"])

    def _central_doc(self) -> str:
        word, number, issuer = self.rng.choice(vocab()["central_documents"])
        return f"{self._typed(word, number)} của {issuer}"

    def _party_central(self) -> str:
        word, number, issuer = self.rng.choice([d for d in vocab()["central_documents"] if d[1].endswith("/TW")])
        return f"{self._typed(word, number)} của {issuer}"

    def _pm_doc(self) -> str:
        word, code = self.rng.choice([("Công điện", "CĐ"), ("Chỉ thị", "CT"), ("Quyết định", "QĐ")])
        return self._typed(word, f"{self._serial()}/{code}-TTg")

    def _circular(self) -> str:
        code = vocab()["ministries"][self.ministry]
        return self._typed("Thông tư", f"{self._serial(60)}/{self.day.year}/TT-{code}")

    def _resolution(self) -> str:
        return self._typed("Nghị quyết", f"{self._serial(120)}/{self.day.year}/NQ-HĐND")

    def _resolution_short(self) -> str:
        return self["resolution"]

    # everything else
    def _date(self) -> str:
        day = self.day - dt.timedelta(days=self.rng.randint(0, 3))
        return f"{self.rng.choice(['Ngày', 'Sáng', 'Chiều'])} {day.day}/{day.month}/{day.year}"

    def _year(self) -> str:
        return str(self.day.year)

    def _year1(self) -> str:
        return str(self.day.year + 1)

    def _year5(self) -> str:
        return str(self.day.year + 5)

    def _deadline(self) -> str:
        later = self.day + dt.timedelta(days=self.rng.randint(10, 60))
        return f"{later.day}/{later.month}/{later.year}"

    def _topic(self) -> str:
        return self.rng.choice(vocab()["topics"]).format_map(self)

    def _task(self) -> str:
        return self.rng.choice(vocab()["tasks"]).format_map(self)

    def _event(self) -> str:
        v = vocab()
        events = v["events"][:2] if self.kind in ("party", "council") else v["events"]
        template = events[1] if self.kind == "council" else self.rng.choice(events)
        return template.format(
            n=self.rng.choice(v["ordinals"]), term=self.rng.choice(v["terms"]), level=self.p.level,
            place=self.p.place, year=self.day.year,
        )

    def _pct(self) -> str:
        return _decimal(self.rng.uniform(3, 12))

    def _pct2(self) -> str:
        return _decimal(self.rng.uniform(85, 130))

    def _pct3(self) -> str:
        return _decimal(self.rng.uniform(6, 10))

    def _money(self) -> str:
        return f"{self.rng.randint(1, 500)}.{self.rng.randint(0, 999):03d}"

    def _num(self) -> str:
        return str(self.rng.randint(20, 400))

    def _num2(self) -> str:
        return str(self.rng.randint(2, 60))

    def _num3(self) -> str:
        return f"{self.rng.randint(1, 30)}.{self.rng.randint(0, 999):03d}"

    def _num4(self) -> str:
        return str(self.rng.randint(60, 200))

    def _share(self) -> str:
        return _decimal(self.rng.uniform(90, 99.9))


# -- articles ----------------------------------------------------------------------------------
def _day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _syllables(text: str) -> int:
    return len(text.split())


def article(world: World, seed: int, i: int) -> dict[str, Any]:
    """Article ``i`` of the corpus of ``seed``: a JSON Lines record (url, published, text)."""
    rng = random.Random(f"article:{seed}:{i}")
    v = vocab()
    kind = rng.choice(list(v["stories"]))
    province = rng.choice(world.provinces)
    day = _day(rng)
    story = Story(world, rng, province, day, kind)
    spec = v["stories"][kind]
    # the story's facts in narrative order (the first one leads), a few left out
    rest = spec["facts"][1:]
    facts = [spec["facts"][0]] + [t for t in rest if rng.random() < 0.8]
    target = rng.randint(450, 1100)  # syllables of body text: short to long news items

    lines: list[str] = []
    if rng.random() < 0.3:
        lines += v["header_lines"]
    lines.append(story.fill(rng.choice(spec["titles"])))
    if rng.random() < 0.25:
        lines += [reporter(rng), rng.choice(v["share_lines"])]
    prefix = rng.choice(v["outlet_prefixes"]) if rng.random() < 0.5 else ""
    paragraphs = [prefix + story.fill(facts.pop(0))]
    size = _syllables(paragraphs[0])
    while size < target or facts:
        templates = [facts.pop(0)] if facts and rng.random() < 0.7 else []
        pool = v["quotes"] if rng.random() < 0.15 else v["filler"]
        templates += [rng.choice(pool) for _ in range(rng.randint(1, 3))]
        rng.shuffle(templates)
        paragraphs.append(" ".join(story.fill(t) for t in templates))  # filled in reading order
        size += _syllables(paragraphs[-1])
    if rng.random() < 0.4:
        caption = rng.choice(v["photo_captions"]).format(reporter=reporter(rng))
        at = rng.randint(1, len(paragraphs) - 1)
        paragraphs[at:at] = [caption] * rng.choice([1, 2])
    lines += paragraphs
    credit = rng.random()
    if credit < 0.4:
        lines.append(reporter(rng))
    elif credit < 0.55:
        lines[-1] += f" ({reporter(rng)} ghi)"
    if rng.random() < 0.6:
        lines.append(rng.choice(v["tail_markers"]))
        for _ in range(rng.randint(2, 4)):
            other = rng.choice(list(v["stories"]))
            related = Story(world, rng, rng.choice(world.provinces), day, other)
            lines.append(related.fill(rng.choice(v["stories"][other]["titles"])))
        if rng.random() < 0.3:
            lines.append(rng.choice(v["tail_filler"]))
    return {"url": f"https://bench.example/{kind}/{seed}/{i:07d}.html", "published": day.isoformat(),
            "text": "\n\n".join(lines), "people": sorted(story.people)}


def people_meant(path: Path) -> int | None:
    """How many distinct officials a written corpus names (its records' ``people``), or None
    for a corpus that does not say (``replay``)."""
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            rec = json.loads(line)
            if "people" not in rec:
                return None
            seen.update(rec["people"])
    return len(seen)


def articles(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The first ``n`` articles of the corpus of ``seed``, one at a time."""
    world = World(seed)
    for i in range(n):
        yield article(world, seed, i)


def replay(k: int, examples: Path = EXAMPLES) -> Iterator[dict[str, Any]]:
    """``examples/`` ``k`` times over, each copy a distinct article: a numbered line is inserted
    after the first paragraph of running text (a long line ending a sentence). Not at the end,
    which a tail block may cut off, nor at the top, where the title and page furniture are:
    either would leave the content hash, or the title, unchanged."""
    files = sorted(examples.glob("*.txt"))
    for r in range(k):
        for j, path in enumerate(files):
            lines = path.read_text(encoding="utf-8").split("\n")
            at = next((n for n, ln in enumerate(lines) if len(ln) > 150 and ln.rstrip().endswith(".")), 0) + 1
            lines[at:at] = ["", f"Bản lưu số {r * len(files) + j + 1}."]
            yield {"path": f"{path.name}#{r}", "text": "\n".join(lines)}


def write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Stream ``records`` to ``path`` as JSON Lines; the number written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replay", type=int, metavar="K", help="write examples/ K times instead")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSON Lines file to write")
    args = parser.parse_args(argv)
    records = replay(args.replay) if args.replay else articles(args.n, args.seed)
    count = write_jsonl(records, args.output)
    print(f"{count} article(s) -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
