"""python -m bench parse: is reading a notice linear in its length?

Documents of each layout family are grown from real ones (the seed's labelled
brackets, the State Council's role brackets in tests/corpus_real/r80, the
谯城区 task table in r45, the 七宝镇 duty list in r307, the 杨浦区 cell-per-paragraph table in
r405, the 徐庄镇 pipe table with no 序号 in r450, the 杨浦区 table keyed by item cells in r509,
the 头桥街道 duties in running text in r508) to each size, and `parse_notice` is timed on each.
The report gives characters per second per size and the cost per character of
the largest against the smallest: near 1.0 is linear.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

from govgraph.loaders.notice import MAX_DOCUMENT_CHARS, int_to_cn_numeral, parse_notice

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "corpus_real"
SEED = REPO / "loaders" / "data" / "anshun_2021_property_services.txt"
RESULTS = REPO / "bench" / "results"


def _body(path: Path) -> str:
    raw = path.read_text("utf-8")
    lines = raw.split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines).lstrip("\n")


def grow_numbered(size: int) -> str:
    """The seed repeated: labelled brackets, (一) numbering restarting each copy."""
    text = SEED.read_text("utf-8")
    return (text + "\n") * max(1, size // (len(text) + 1))


def grow_brackets(size: int) -> str:
    """r80's measures (unlabelled 负责 brackets) renumbered on and on."""
    body = _body(next(REAL.glob("r80_*.txt")))
    items = re.findall(r"(?m)^\d{1,2}\.(.*)$", body)
    out, n, total = ["国务院关于促进综合保税区高水平开放高质量发展的若干意见"], 0, 0
    while total < size:
        line = f"{n + 1}.{items[n % len(items)]}"
        out.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(out) + "\n"


def grow_table(size: int) -> str:
    """r45's task table, its rows renumbered on and on."""
    body = _body(next(REAL.glob("r45_*.txt")))
    head, _, rest = body.partition("序号 重点工作任务 主要责任单位 协同配合单位\n")
    rows = [ln for ln in rest.split("\n") if re.match(r"\d+ ", ln)]
    out = [head + "序号 重点工作任务 主要责任单位 协同配合单位"]
    n, total = 0, len(out[0])
    while total < size:
        line = re.sub(r"^\d+", str(n + 1), rows[n % len(rows)])
        out.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(out) + "\n"


def grow_duties(size: int) -> str:
    """r307's duty list (职责分工: 1.镇规建办为…，负责…), its items renumbered on and on."""
    body = _body(next(REAL.glob("r307_*.txt")))
    items = re.findall(r"(?m)^\d{1,2}\.(.*)$", body)
    out, n, total = ["七宝镇限额以下小型建设工程管理的实施意见", "五、职责分工"], 0, 0
    while total < size:
        line = f"{n + 1}.{items[n % len(items)]}"
        out.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(out) + "\n"


def grow_paragraph_table(size: int) -> str:
    """r405's table with a cell per paragraph (项目序号 header), its rows renumbered on and on."""
    body = _body(next(REAL.glob("r405_*.txt")))
    head, _, rest = body.partition("\n\n1\n\n")
    rows = re.split(r"\n\n\d{1,2}\n\n", "\n\n" + rest.strip() + "\n")[0:]
    rows = [r.strip() for r in rows if r.strip()]
    out, n, total = [head], 0, len(head)
    while total < size:
        block = f"{n + 1}\n\n{rows[n % len(rows)]}"
        out.append(block)
        total += len(block) + 2
        n += 1
    return "\n\n".join(out) + "\n"


def grow_pipe_table(size: int) -> str:
    """r450's table with no 序号 column (rows are the lines under the header), on and on."""
    body = _body(next(REAL.glob("r450_*.txt")))
    lines = body.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("专项整治行业名称"))
    rows = [ln for ln in lines[k + 1 :] if "|" in ln]
    out, n, total = lines[: k + 1], 0, sum(len(ln) + 1 for ln in lines[: k + 1])
    while total < size:
        out.append(rows[n % len(rows)])
        total += len(out[-1]) + 1
        n += 1
    return "\n".join(out) + "\n"


def grow_item_table(size: int) -> str:
    """r509's table with a cell per paragraph and no 序号 (rows keyed by 1.项目 cells,
    several sub-rows each), its items renumbered on and on."""
    body = _body(next(REAL.glob("r509_*.txt")))
    head, _, rest = body.partition("一、做好政策保障\n\n")
    items = [it.strip() for it in re.split(r"(?m)^\d{1,2}\.", rest) if it.strip()]
    items = [re.sub(r"(?m)^[一二三四五六七八九十]+、.*$", "", it).strip() for it in items]
    out, n, total = [head + "一、做好政策保障"], 0, len(head)
    while total < size:
        block = f"{n + 1}.{items[n % len(items)]}"
        out.append(block)
        total += len(block) + 2
        n += 1
    return "\n\n".join(out) + "\n"


def grow_running_duties(size: int) -> str:
    """r508's task section whose duties are clauses opening with who does them
    (联席办负责…, 各村为…责任主体), the section repeated under a new number."""
    body = _body(next(REAL.glob("r508_*.txt")))
    section = body[body.index("三、组织领导") + len("三、组织领导") : body.index("四、工作内容")].strip()
    out, n, total = ["头桥街道建设用地减量化工作实施方案"], 0, 0
    while total < size:
        block = f"{int_to_cn_numeral(n + 1)}、组织领导\n{section}"
        out.append(block)
        total += len(block) + 1
        n += 1
    return "\n".join(out) + "\n"


FAMILIES = {"numbered": grow_numbered, "brackets": grow_brackets, "table": grow_table,
            "duties": grow_duties, "paragraph-table": grow_paragraph_table, "pipe-table": grow_pipe_table,
            "item-table": grow_item_table, "running-duties": grow_running_duties}


def run(sizes: list[int], repeat: int = 3) -> dict:
    results: dict = {"sizes": sizes, "families": {}}
    for family, grow in FAMILIES.items():
        rows = []
        for size in sizes:
            text = grow(min(size, MAX_DOCUMENT_CHARS - 100_000))
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                notice = parse_notice(text, max_seconds=600)
                times.append(time.perf_counter() - t0)
            t = statistics.median(times)
            rows.append({"chars": len(text), "measures": len(notice.measures), "seconds": round(t, 4),
                         "chars_per_s": round(len(text) / t), "us_per_char": round(t / len(text) * 1e6, 3)})
        ratio = rows[-1]["us_per_char"] / rows[0]["us_per_char"] if rows[0]["us_per_char"] else None
        results["families"][family] = {"rows": rows, "cost_per_char_largest_vs_smallest":
                                       round(ratio, 2) if ratio else None}
    return results


def report(results: dict) -> str:
    lines = ["| layout | chars | measures | seconds | chars/s | µs/char |", "|---|---:|---:|---:|---:|---:|"]
    for family, r in results["families"].items():
        for row in r["rows"]:
            lines.append(f"| {family} | {row['chars']:,} | {row['measures']:,} | {row['seconds']} | "
                         f"{row['chars_per_s']:,} | {row['us_per_char']} |")
    lines.append("")
    for family, r in results["families"].items():
        lines.append(f"- {family}: cost per character at the largest size / at the smallest = "
                     f"{r['cost_per_char_largest_vs_smallest']} (1.0 is linear)")
    return "\n".join(lines)


def main(sizes: list[int], repeat: int, out: Path | None) -> int:
    results = run(sizes, repeat)
    text = report(results)
    print(text)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "parse.json").write_text(json.dumps(results, indent=1) + "\n", "utf-8")
        (out / "parse.md").write_text("# Notice parsing against document length\n\n" + text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main([20_000, 200_000, 1_800_000], 3, RESULTS))
