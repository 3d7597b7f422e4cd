"""Quantitative targets and baseline figures: metric, value, unit, comparator, year, evidence.

Numbers are read on `Sentence.view` (half-width digits), so ２０１７ and ２％ read like 2017 and 2%.
Each value with a unit is given the metric of `ontology/data/metrics.yaml` written right after it
(50个省级技术转移示范机构), or else the nearest one before it since the previous value
(企业技术中心400个、省级重点实验室60个; R&D经费占GDP的比重达到2%左右); lists joined by 分别 are
paired in order (A、B分别达到100个和44个). Values whose metric is unknown or whose unit does not fit
the metric are not targets.

The year is the nearest year written before the value in the sentence (到2025年 … 到2035年 …), else
the goal year of the passage (力争到2015年，…。… 达到2%左右), carried over following paragraphs
when the sentence stating it ends with a colon (到“十二五”末，…目标是：). A value is a "Baseline"
when its year is past for the document (2012年…达到124.618亿元) or the passage reports the present
(共有, 建有, 以来 …); otherwise it is a "Target".
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from jig.core.datafile import line_of, load_yaml, top_level
from jig.core.errors import DataFileError
from jig.core.paths import ONTOLOGY_DATA
from jig.core.records import Document, Evidence, Sentence, Target

log = logging.getLogger(__name__)

METRICS_FILE = ONTOLOGY_DATA / "metrics.yaml"

_NUMBER = r"(?<![\d.\-－~～—])(\d+(?:\.\d+)?)\s*"
_YEAR = re.compile(r"(到|至|力争到|争取到)?\s*(\d{4})\s*年(?:底|末)?")
_CHANGE = re.compile(r"(下降|上升|提高|增长|增加|降低|减少|降)$")
_CHANGE_CONNECTOR = re.compile(r"(下降|上升|提高|增长|增加|降低|减少)(到|至)")
#: Words (whole jieba tokens) that report the present or the past rather than set a goal.
_PAST_WORDS = frozenset({"共有", "现有", "已有", "已经", "建有", "累计", "首次", "目前", "截至", "仅有", "以来", "现已"})
_PAST_WORD = re.compile("|".join(sorted(_PAST_WORDS, key=len, reverse=True)))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_ENUMERATION_GAP = re.compile(r"^[、和及与,，\s]*$")
#: A level (国家地方共建, 市（州）级 …) is at most this long.
_LEVEL_CHARS = 8


@dataclass(frozen=True)
class Level:
    """An administrative level written before a metric (省级, 国家级 …)."""

    pattern: str
    zh: str
    en: str


@dataclass(frozen=True)
class Metric:
    """A normalised metric with its English name, allowed units and surface patterns."""

    name: str
    name_en: str
    units: tuple[str, ...]
    patterns: tuple[str, ...]
    levelled: bool = False


@dataclass(frozen=True)
class MetricCatalogue:
    """Metrics plus the closed word lists that read values, comparators and years."""

    metrics: tuple[Metric, ...]
    levels: tuple[Level, ...]
    comparators_before: tuple[str, ...]
    comparators_after: tuple[str, ...]
    units: tuple[str, ...]
    plan_periods: dict[str, int]
    #: Compiled from the fields above: any level; any level ending where the search ends; each
    #: metric's patterns; a number with a unit; a five-year plan's end (到“十二五”末).
    level_re: re.Pattern[str] = field(init=False, repr=False)
    level_end_re: re.Pattern[str] = field(init=False, repr=False)
    metric_res: tuple[tuple[Metric, re.Pattern[str]], ...] = field(init=False, repr=False)
    value_re: re.Pattern[str] = field(init=False, repr=False)
    period_re: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        level = "|".join(f"(?:{lv.pattern})" for lv in self.levels)
        units = "|".join(re.escape(u) for u in sorted({*self.units, "％"}, key=len, reverse=True))
        compiled = {
            "level_re": re.compile(level),
            "level_end_re": re.compile(f"(?:{level})$"),
            "metric_res": tuple((metric, re.compile("|".join(f"(?:{p})" for p in metric.patterns)))
                                for metric in self.metrics),
            "value_re": re.compile(_NUMBER + f"({units})"),
            "period_re": re.compile(f"(到|至)?“?({'|'.join(self.plan_periods)})”?(末|期末|期间)"),
        }
        for name, value in compiled.items():
            object.__setattr__(self, name, value)

    def level_of(self, text: str) -> Level | None:
        """The level a text names (the whole text), if any."""
        return next((lv for lv in self.levels if re.fullmatch(lv.pattern, text)), None)


def load_metrics(path: Path = METRICS_FILE) -> MetricCatalogue:
    """Load and check the metric catalogue; a malformed entry raises DataFileError naming file and line."""
    data = load_yaml(path, "metric catalogue")
    metrics = tuple(_metric(path, line_of(record, data.line), record) for record in top_level(path, data, "metrics"))
    try:
        return MetricCatalogue(
            metrics=metrics,
            levels=tuple(Level(str(lv["pattern"]), str(lv["zh"]), str(lv["en"])) for lv in data["levels"]),
            comparators_before=tuple(sorted(map(str, data["comparators_before"]), key=len, reverse=True)),
            comparators_after=tuple(sorted(map(str, data["comparators_after"]), key=len, reverse=True)),
            units=tuple(map(str, data["units"])),
            plan_periods={str(k): int(v) for k, v in data["plan_periods"].items()},
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataFileError(path, f"missing or malformed top-level setting: {exc}") from None


@cache
def default_metrics() -> MetricCatalogue:
    """The project's metric catalogue, loaded once per process."""
    return load_metrics()


def _metric(path: Path, line: int, record: object) -> Metric:
    if not isinstance(record, dict) or not record.get("name") or not record.get("name_en"):
        raise DataFileError(path, "a metric needs a name and a name_en", line=line, text=str(record))
    patterns, units = record.get("patterns"), record.get("units")
    if not isinstance(patterns, list) or not patterns or not isinstance(units, list) or not units:
        raise DataFileError(path, "a metric needs non-empty 'patterns' and 'units' lists", line=line,
                            text=str(record["name"]))
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DataFileError(path, f"bad regular expression ({exc})", line=line, text=pattern) from None
    return Metric(str(record["name"]), str(record["name_en"]), tuple(map(str, units)), tuple(map(str, patterns)),
                  bool(record.get("levelled", False)))


# --- reading one sentence ------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    start: int
    end: int  # after the unit and any comparator written after it
    value: float
    unit: str
    comparator: str


@dataclass(frozen=True)
class _Named:
    """A metric written in the sentence, with the level it carries (own or inherited)."""

    start: int
    end: int
    metric: Metric
    level: Level | None


@dataclass(frozen=True)
class _Year:
    start: int
    year: int
    goal: bool


@dataclass(frozen=True)
class _Context:
    """What a passage says about time: its goal year, or that it reports the present."""

    goal_year: int | None = None
    past: bool = False
    carries: bool = False  # the stating sentence ended with a colon: go on over following paragraphs


def extract_targets(sentences: Sequence[Sentence], documents: Mapping[str, Document]) -> list[Target]:
    """Every quantitative goal and baseline figure of the sentences, one per (document, metric, year, value).

    `documents` maps document ids to documents: their text tells paragraphs apart and their year
    tells past figures from goals. Returned in sentence order.
    """
    catalogue = default_metrics()
    found: dict[str, Target] = {}
    for sentence, context, years in _with_context(sentences, documents, catalogue):
        document = documents.get(sentence.doc_id)
        for target in _sentence_targets(sentence, context, years, document.year if document else None, catalogue):
            found.setdefault(target.id, target)
    log.info("found %d targets in %d sentences", len(found), len(sentences))
    return list(found.values())


def target_id(doc_id: str, metric: str, year: int | None, value: float) -> str:
    """The stable id of a target: a hash of its document, metric, year and value."""
    digest = hashlib.sha1(f"{doc_id}|{metric}|{year}|{value:g}".encode()).hexdigest()[:10]
    return f"tgt_{digest}"


def _with_context(sentences: Sequence[Sentence], documents: Mapping[str, Document],
                  catalogue: MetricCatalogue) -> Iterator[tuple[Sentence, _Context, list[_Year]]]:
    """Each sentence with the time context its passage set before it and the years it writes."""
    context = _Context()
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is None or previous.doc_id != sentence.doc_id:
            context = _Context()
        elif _new_paragraph(documents.get(sentence.doc_id), previous, sentence):
            keep = context.carries and context.goal_year is not None and not _SECTION.match(sentence.view)
            context = context if keep else _Context()
        years = _years(sentence.view, catalogue)
        yield sentence, context, years
        context = _updated(context, sentence, years)
        previous = sentence


def _new_paragraph(document: Document | None, previous: Sentence, sentence: Sentence) -> bool:
    if document is None:
        return previous.end != sentence.start
    return "\n" in document.text[previous.end:sentence.start]


def _updated(context: _Context, sentence: Sentence, years: list[_Year]) -> _Context:
    colon = sentence.view.rstrip().endswith(("：", ":"))
    if years and years[-1].goal:
        return _Context(goal_year=years[-1].year, carries=colon)
    if years or _reports_present(sentence, sentence.end):
        return _Context(past=True)
    return replace(context, carries=context.carries or colon) if context.goal_year else context


def _years(view: str, catalogue: MetricCatalogue) -> list[_Year]:
    if "年" not in view and not any(period in view for period in catalogue.plan_periods):
        return []  # every year is written …年
    years = []
    for match in _YEAR.finditer(view):
        goal = bool(match.group(1)) and not _CHANGE.search(view[:match.start()])
        years.append(_Year(match.start(), int(match.group(2)), goal))
    for match in catalogue.period_re.finditer(view):
        years.append(_Year(match.start(), catalogue.plan_periods[match.group(2)], True))
    return sorted(years, key=lambda y: y.start)


def _sentence_targets(sentence: Sentence, context: _Context, years: list[_Year], doc_year: int | None,
                      catalogue: MetricCatalogue) -> Iterator[Target]:
    view = sentence.view
    values = _values(view, catalogue)
    if not values:
        return
    named = _named(view, sentence, catalogue)
    evidence = Evidence(sentence.id, sentence.doc_id, sentence.start, sentence.end, sentence.text)
    for value, metric in _assign(view, values, named, catalogue):
        if metric is None or value.unit not in metric.metric.units:
            continue
        year, kind = _when(sentence, value, years, context, doc_year)
        name, name_en = _metric_names(metric)
        yield Target(target_id(sentence.doc_id, name, year, value.value), kind, name, name_en, value.value,
                     value.unit, value.comparator, year, sentence.doc_id, evidence)


def _values(view: str, catalogue: MetricCatalogue) -> list[_Value]:
    values = []
    for match in catalogue.value_re.finditer(view):
        before = view[:match.start()].rstrip()
        after = view[match.end():]
        comparator = next((c for c in catalogue.comparators_after if after.startswith(c)), "")
        if not comparator:
            comparator = next((c for c in catalogue.comparators_before if before.endswith(c)), "")
        end = match.end() + (len(comparator) if after.startswith(comparator) and comparator else 0)
        unit = "%" if match.group(2) == "％" else match.group(2)
        values.append(_Value(match.start(), end, float(match.group(1)), unit, comparator))
    return values


def _named(view: str, sentence: Sentence, catalogue: MetricCatalogue) -> list[_Named]:
    """Metric names in the sentence, each with the level written right before it, longest first where
    they overlap."""
    matches = []
    for metric, pattern in catalogue.metric_res:
        for m in pattern.finditer(view):
            level = catalogue.level_end_re.search(view, max(0, m.start() - _LEVEL_CHARS), m.start())
            start = level.start() if level else m.start()
            matches.append((start, m.end(), metric, level.group() if level else None))
    kept: list[tuple[int, int, Metric, str | None]] = []
    for item in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(item[1] <= k[0] or k[1] <= item[0] for k in kept):
            kept.append(item)
    named = []
    for start, end, metric, level_text in sorted(kept, key=lambda m: m[0]):
        level = catalogue.level_of(level_text) if level_text else None
        if metric.levelled and level is None:
            level = _clause_level(view, sentence, start, catalogue)
        named.append(_Named(start, end, metric, level if metric.levelled else None))
    return named


def _clause_level(view: str, sentence: Sentence, position: int, catalogue: MetricCatalogue) -> Level | None:
    """The last level named in the clause before `position` (省级科技创新中心、重点实验室 …)."""
    clause_start = max((s - sentence.start for s, _ in sentence.clauses if s - sentence.start <= position), default=0)
    words = list(catalogue.level_re.finditer(view[clause_start:position]))
    return catalogue.level_of(words[-1].group()) if words else None


def _assign(view: str, values: list[_Value], named: list[_Named],
            catalogue: MetricCatalogue) -> Iterator[tuple[_Value, _Named | None]]:
    """Pair each value with its metric: lists joined by 分别 in order, else right after, else before."""
    paired = _respectively(view, values, named)
    previous: tuple[_Value, _Named | None] | None = None
    for value in values:
        if value in paired:
            metric = paired[value]
        else:
            window_start = previous[0].end if previous else 0
            metric = _named_after(view, value, named) or _named_before(view, value, named, window_start, catalogue)
            if metric is None and previous and _CHANGE_CONNECTOR.search(view[window_start:value.start]):
                metric = previous[1]
        previous = (value, metric)
        yield value, metric


def _respectively(view: str, values: list[_Value], named: list[_Named]) -> dict[_Value, _Named]:
    paired: dict[_Value, _Named] = {}
    for match in re.finditer("分别", view):
        after = [v for v in values if v.start > match.end()]
        if not after or not re.fullmatch(r"(?:为|是|达到|有)?", view[match.end():after[0].start].strip()):
            continue
        run = [after[0]]
        for value in after[1:]:
            if not _ENUMERATION_GAP.match(view[run[-1].end:value.start]):
                break
            run.append(value)
        floor = max((v.end for v in values if v.end <= match.start()), default=0)
        names = [n for n in named if floor <= n.start and n.end <= match.start()]
        if len(names) == len(run) > 1:
            paired.update(zip(run, names, strict=True))
    return paired


def _named_after(view: str, value: _Value, named: list[_Named]) -> _Named | None:
    """The metric written right after the value (50个省级技术转移示范机构, 80%以上的技术创新活动)."""
    return next((n for n in named if n.start >= value.end and re.fullmatch(r"的?", view[value.end:n.start])), None)


def _named_before(view: str, value: _Value, named: list[_Named], window_start: int,
                  catalogue: MetricCatalogue) -> _Named | None:
    """The nearest metric before the value since the previous value: in the value's clause, or in an
    earlier clause when the value's clause says nothing but when and how much (…联盟，到2015年发展到30个)."""
    before = [n for n in named if window_start <= n.start and n.end <= value.start]
    if not before:
        return None
    gap = view[before[-1].end:value.start]
    breaks = list(_CLAUSE_BREAK.finditer(gap))
    if breaks:
        rest = catalogue.period_re.sub("", _YEAR.sub("", gap[breaks[-1].end():]))
        for word in catalogue.comparators_before:
            rest = rest.replace(word, "")
        if rest.strip():
            return None
    return before[-1]


def _when(sentence: Sentence, value: _Value, years: list[_Year], context: _Context,
          doc_year: int | None) -> tuple[int | None, str]:
    """The year of a value and whether it is a Target or a Baseline."""
    written = [y for y in years if y.start < value.start]
    if written:
        year = written[-1]
        past = not year.goal and (doc_year is None or year.year <= doc_year)
        return year.year, "Baseline" if past else "Target"
    if _reports_present(sentence, sentence.start + value.start) or context.past:
        return None, "Baseline"
    return context.goal_year, "Target"


def _reports_present(sentence: Sentence, before: int) -> bool:
    """Whether a word reporting the present (共有, 建有, 以来 …) starts in the sentence before `before`,
    as a whole token (the tokens are looked at only where the text has such a word)."""
    local = before - sentence.start
    if _PAST_WORD.search(sentence.view, 0, local) is None:
        return False
    return any(sentence.tokens.covering(start) == (word, start, start + len(word))
               for word in _PAST_WORDS for start in _occurrences(sentence.view, word, local))


def _occurrences(text: str, word: str, before: int) -> Iterator[int]:
    """Where `word` starts in `text`, every place (overlapping ones too) before `before`."""
    start = text.find(word, 0, before + len(word) - 1)
    while start != -1:
        yield start
        start = text.find(word, start + 1, before + len(word) - 1)


def _metric_names(named: _Named) -> tuple[str, str]:
    if named.level is None:
        return named.metric.name, named.metric.name_en
    return f"{named.level.zh}{named.metric.name}", f"{named.metric.name_en} ({named.level.en})"
