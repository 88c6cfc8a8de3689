#!/usr/bin/env python3
"""Rewrites every text of a labelled set the way other pages and reports
write the same content, for `scripts/robustness/run`.

    perturb.py GOLD_DIR TEXT_DIR OUT_DIR KIND

Each KIND keeps the targets and metadata a reader finds (the gold stays
right), so the extractor should read the rewritten set as it reads the set:

- layouts: `wrap` (every line hard-wrapped at 38 chars, as a PDF or an
  e-paper copy), `flat` (every line joined into one), `indent` (ideographic
  spaces before every line), `blank` (a blank line between lines).
- `cn-years`: every year 20xx年 written in Chinese digits (二〇二五年).
- `cn-percent`: every percentage written in Chinese numerals (百分之五点五,
  a range 百分之七点五至八).
- `cn-amounts`: every amount before a unit of 亿/万 (亿元, 万人, 万吨…)
  written in Chinese numerals (一千二百亿元, 四点八六万人).
- `fullwidth`: digits, points and percent signs in full width (５．５％), as
  older pages typed them.
- `spaced`: a space either side of every number (增长 5.5% 左右), as texts
  copied from a PDF or typeset by a western tool.
- `trad`, `trad-hk`: the text in traditional characters (OpenCC's s2t and
  s2hk), as Hong Kong, Taiwan and overseas news sites repost reports;
  `gloss`: traditional with a mirror's pinyin gloss after every character
  the conversion changed (地區(qū)生產(chǎn)總值). These need the Python packages
  `opencc-python-reimplemented` and `pypinyin`.
- `date-iso`: a page's date line (a short line with 2025年1月20日) written
  2025-01-20, as most portals print it.
- `dateline`, `dateline-paper`: a news agency's or a paper's dateline
  (新华社成都1月20日电（记者 李明）, 本报成都1月20日讯) before the first
  paragraph, as reposted news opens: the province's capital for a
  province's report, the city for a city's, the county's city for a
  county's (the reporter's station, not the government that reports).
- `source-paper`: the province's paper credited at the end (来源：四川日报
  责任编辑：王芳), in every text, a city's or county's too.
- the targets' list written another way, from the first gold clause to
  the end of the last: `list-dash`, `list-num`, `list-square` (one item a
  line after ——, 1., ■), `list-semicolon` (items parted by ；),
  `list-space` (items parted by a space, as old pages set them),
  `list-paren`, `list-paren-char`, `list-roman`, `list-arrow`, `list-ref`,
  `list-keycap`, `list-circle` (one item a line after （1）, ⑴, Ⅰ., →, ※,
  1️⃣ or ○), `list-line` and `list-bare`
  (one item a line with no mark, its own ； or ， kept or dropped, as a
  portal sets it), `list-etc` (报告提出了…、…等主要预期目标。, the items
  joined by 、 and the lead replaced; only where no item has a 、 of its
  own), `list-yishi` (一是…；二是…
  after the cue's colon or comma), `list-stop` (items parted by 。).
- asides in the list: `aside-better` (，在实际工作中努力争取更好结果 after
  the first growth target), `aside-comparable` (（按可比价格计算） after it);
  `aim-ensure` (确保 before each target's clause); `jobs-order`
  (新增城镇就业 for 城镇新增就业); `name-gloss` (地区生产总值（GDP）,
  居民消费价格（CPI）, each the first time); `pager` (a joined page's
  上一页 1 2 3 下一页 line before the line the first target is on).
- each target's clause worded another way: `aim-now`, `aim-year`,
  `aim-strive` (今年, 全年, 努力实现 before it),
  `rate-is` (增长率为6% for 增长6%), `above-exceed` (增长超过6% for
  增长6%以上), `aim-suffix` (…增长6%左右的目标), `yuan-rmb` (亿元人民币).
- `name-bracket` (【地区生产总值】增长6%左右, each clause that opens with its
  name), `name-bold` (**地区生产总值**增长6%左右, as markdown prints it), `conj-also` (同时 before every target's clause after the first).
- `lead-restate`: a news lead restating the first target (报告提出，今年…。)
  on a line before the list; the list's clause stays the row.
- the lead into the list in a story's own words: the words before the
  first target's clause in its sentence become `lead-report` (报告提出，),
  `lead-meeting` (会议确定，), `lead-said` (他说，) or `lead-know`
  (记者从会上获悉，), as news retells a report.
- `quoted`: the line of the targets quoted as the speaker's words (他在报告中
  说：“…”), as news stories print it.
- year clues taken away: `no-dates` (every full date loses its year or is
  dropped, as a copy without the page's header), `no-session` (the
  congress named without its term and session).
- the cue worded another way: `cue-main` (主要目标), `cue-task` (主要目标
  任务), `cue-index` (主要指标), `cue-set` (经济社会发展目标确定为), `cue-strive` (奋斗目标),
  `cue-work` (工作目标), `cue-plan` (主要计划指标), `cue-expect`
  (主要预期性指标);
  `aim-expected` (预期增长 in each target's clause), `aim-level` (the
  level word, 全市, before each target's name that opens its item).
- `range-to`, `range-tilde`: a range of per cents (7%-7.5%, 7%—7.5%)
  written 7%至7.5% or 7～7.5%; `about-yue`, `about-shangxia`: a figure
  with 左右 written 约7% or 7%上下.
- `gdp-short`: 地区生产总值 written GDP, as news writes it; `gdp-economy`:
  地区生产总值增长6% written 经济增长6%; `jobs-count`: 城镇新增就业人数.
- `now-year`: 今年 written as the target year (2025年), as reports and
  news write either.
- `session-short`: the congress written short (第十四届人民代表大会第三次会议
  → 十四届人大三次会议), as news writes it.
- the growth and bound words another way: `growth-yoy` (同比增长),
  `growth-prior` (比上年增长), `growth-speed` (增速 for 增长 before a
  figure); `above-words` (不低于6% / 不少于5万人 for 6%以上 / 5万人以上),
  `within-words` (3%以下 for 3%以内), `above-ji` (6%及以上), `within-zhi`
  (3%之内); `scale-short` and `scale-long`
  (规上 for 规模以上, and back); `cpi-words` (CPI涨幅, 物价涨幅 for
  居民消费价格涨幅).
- `source-gov`: the reporting government's office credited at the end
  (来源：某某市人民政府办公室), as its own portal prints it.
- `page-date`: a portal's header line after the first line (发布时间：
  2025-01-20 09:30:00 浏览次数：1024), dated in the target year.
- `title-site`: a news site's name after the first line (…_四川在线), as a
  page's title carries it.
- page boxes appended: `box-related` (相关新闻 and three titles of other
  places' reports), `box-ranking` (热门排行 and two titles), `box-neighbours`
  (上一篇：, 下一篇：), `share` (分享到, 字体 大 中 小).
- look-alikes inserted (`ins-NAME-PLACE`: NAME from LOOKALIKES, PLACE
  `before` the targets' block or `after` its last line): last year's
  targets and results, the five-year plan's goals, the nation's and the
  province's targets, progress over part of the year, an estimate of the
  year just ended, a deputy's view of the target. A look-alike goes in only
  after a line that ends a sentence (a text cut mid-sentence would glue it
  to its last line) and only in texts whose gold targets are found; `全省`
  is written as the text's own level word, the province's as `全省` in a
  city's or county's text only.

Texts with pinyin glosses (地區(qū)) are copied as they are: the glosses were
put in after the page was laid out, so no layout of them is real.
"""
import json
import os
import re
import sys

LEVEL_WORD = {"province": "全省", "city": "全市", "county": "全县"}

LOOKALIKES = {
    "recap": "去年年初确定的主要预期目标是：OWN地区生产总值增长6.5%左右，城镇新增就业4.5万人，居民消费价格涨幅3%左右。",
    "plan": "“十五五”时期的主要目标是：到PLAN年，OWN地区生产总值年均增长5.5%左右，城镇调查失业率控制在5.5%以内，研发经费投入强度达到3%。",
    "result": "初步核算，全年地区生产总值增长6.3%，城镇新增就业4.86万人，居民消费价格上涨0.4%。",
    "nation": "国家确定的今年经济增长预期目标为5%左右，城镇调查失业率5.5%左右。",
    "province": "全省今年地区生产总值增长目标为5%左右。",
    "months": "今年1-2月，OWN规模以上工业增加值增长8.5%，社会消费品零售总额增长6.2%。",
    "estimate": "预计全年地区生产总值增长6%左右，一般公共预算收入增长5%。",
    "view": "代表们认为，今年OWN地区生产总值增长8%左右的目标积极稳妥。",
    # (no figure at all: what a paragraph put in costs by its place alone)
    "plain": "会议听取和审议了政府工作报告。",
}

BOXES = {
    "box-related": "相关新闻：\n·广东省2024年政府工作报告全文\n·武汉市第十五届人民代表大会第三次会议开幕\n·2023年郑州市国民经济和社会发展统计公报",
    "box-ranking": "热门排行\n1. 上海市发布2025年政府工作报告\n2. 国务院常务会议部署稳就业",
    "box-neighbours": "上一篇：广州市召开经济工作会议\n下一篇：深圳市2025年经济运行情况",
    "share": "分享到：微信 微博 QQ空间\n【字体：大 中 小】 打印本页 关闭窗口",
}

CAPITALS = {
    "北京市": "北京", "天津市": "天津", "上海市": "上海", "重庆市": "重庆",
    "河北省": "石家庄", "山西省": "太原", "内蒙古自治区": "呼和浩特", "辽宁省": "沈阳",
    "吉林省": "长春", "黑龙江省": "哈尔滨", "江苏省": "南京", "浙江省": "杭州",
    "安徽省": "合肥", "福建省": "福州", "江西省": "南昌", "山东省": "济南",
    "河南省": "郑州", "湖北省": "武汉", "湖南省": "长沙", "广东省": "广州",
    "广西壮族自治区": "南宁", "海南省": "海口", "四川省": "成都", "贵州省": "贵阳",
    "云南省": "昆明", "西藏自治区": "拉萨", "陕西省": "西安", "甘肃省": "兰州",
    "青海省": "西宁", "宁夏回族自治区": "银川", "新疆维吾尔自治区": "乌鲁木齐",
}

PAPERS = {
    "内蒙古自治区": "内蒙古日报", "广西壮族自治区": "广西日报", "西藏自治区": "西藏日报",
    "宁夏回族自治区": "宁夏日报", "新疆维吾尔自治区": "新疆日报", "黑龙江省": "黑龙江日报",
}


def outlet(text, gold, kind):
    """A dateline or a credit naming the province's capital or paper."""
    prov = gold.get("province")
    if prov not in CAPITALS:
        return None
    if kind == "source-paper":
        paper = PAPERS.get(prov) or prov.rstrip("省市") + "日报"
        return text.rstrip("\n") + f"\n来源：{paper}　责任编辑：王芳\n"
    # (where the news happened: the capital for a province's report, the
    # city for a city's, the city over a county for a county's)
    level = gold.get("level")
    city = {"province": CAPITALS[prov], "city": gold.get("region"), "county": gold.get("prefecture")}.get(level)
    if not city:
        return None
    city = re.sub(r"(市|地区|盟|.族自治州|自治州)$", "", city) if len(city) > 2 else city
    line = (
        f"新华社{city}1月20日电（记者 李明）"
        if kind == "dateline"
        else f"本报{city}1月20日讯（记者 李明 通讯员 张华）"
    )
    lines = text.split("\n")
    for i, l in enumerate(lines):
        if len(l) >= 60 and i > 0:
            lines[i] = line + l.lstrip("\u3000 ")
            return "\n".join(lines)
    return None


GLOSS = re.compile(r"\([a-zA-Z\u00e0-\u01dc]{1,6}\)")
CN_DIGITS = "〇一二三四五六七八九"


def cn_small(n):
    """A whole number below 10000 in Chinese numerals."""
    if n == 0:
        return "零"
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            if zero:
                out += "零"
                zero = False
            out += CN_DIGITS[q] + name
        elif out:
            zero = True
    if n:
        if zero and out:
            out += "零"
        out += CN_DIGITS[n]
    return out[1:] if out.startswith("一十") else out


def cn_number(s):
    if "." in s:
        whole, frac = s.split(".")
        return cn_small(int(whole)) + "点" + "".join(CN_DIGITS[int(c)] for c in frac)
    return cn_small(int(s))


AMOUNT = re.compile(r"(?<![\d.])(\d{1,4}(?:\.\d{1,2})?)(?=[亿万](?:元|人|吨|千瓦|平方米|亩|户|辆|标准箱|个|套|名|人次)?)")


def traditional(text, kind):
    try:
        import opencc
        from pypinyin import pinyin
    except ImportError as e:
        raise SystemExit(f"`{kind}` needs opencc-python-reimplemented and pypinyin ({e})")

    conv = opencc.OpenCC("s2hk" if kind == "trad-hk" else "s2t")
    out = conv.convert(text)
    if kind != "gloss":
        return out
    glossed = []
    for a, b in zip(text, out):
        glossed.append(b)
        if a != b:
            glossed.append("(" + pinyin(a)[0][0] + ")")
    return "".join(glossed)


def date_iso(text):
    def line(l):
        if len(l) > 60 or "会议" in l:
            return l
        return re.sub(
            r"(20\d\d)年(\d{1,2})月(\d{1,2})日",
            lambda m: f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}",
            l,
        )

    return "\n".join(line(l) for l in text.split("\n"))


CUE_LINE = re.compile(r"(目标|目標)[^。！？]*[。！？]?$")

LIST_MARKS = {
    "list-dash": "——",
    "list-num": None,
    "list-square": "■",
    "list-paren": "（N）",
    "list-arrow": "→",
    "list-ref": "※",
    # (numbers written as one char: ⑴ ⑵, Ⅰ. Ⅱ.)
    "list-paren-char": lambda n: chr(0x2473 + n),
    "list-roman": lambda n: chr(0x215F + n) + ".",
    # (a phone post's keycap digits 1️⃣ 2️⃣, an older portal's ○)
    "list-keycap": lambda n: str(n % 10) + "\ufe0f\u20e3",
    "list-circle": "○",
    # (one item a line with no mark, its own ； or ， kept or dropped)
    "list-line": "",
    "list-bare": "",
}


# the targets' cue as other reports word it
LEADS = {
    "lead-report": "报告提出，",
    "lead-meeting": "会议确定，",
    "lead-said": "他说，",
    "lead-know": "记者从会上获悉，",
}

# rewritings that are one substitution each: KIND → (pattern, replacement)
SUBSTITUTIONS = {
    # the cue as other reports word it
    "cue-main": (r"主要预期目标", "主要目标"),
    "cue-task": (r"主要预期目标", "主要目标任务"),
    "cue-index": (r"主要预期目标", "主要指标"),
    "cue-set": (r"(?:经济社会发展的?)?主要预期目标是", "经济社会发展目标确定为"),
    "cue-strive": (r"主要预期目标", "奋斗目标"),
    "cue-work": (r"主要预期目标", "工作目标"),
    "cue-plan": (r"主要预期目标", "主要计划指标"),
    "cue-expect": (r"主要预期目标", "主要预期性指标"),
    # a figure's words and the names as news writes them
    "about-yue": (r"(?<![\d.])(\d{1,3}(?:\.\d+)?%)左右", r"约\1"),
    "about-shangxia": (r"(?<![\d.])(\d{1,3}(?:\.\d+)?%)左右", r"\1上下"),
    "gdp-short": (r"地区生产总值", "GDP"),
    "gdp-economy": (r"(?:地区|全市|全省|全县|全区)生产总值(?=增长|预期增长)", "经济"),
    "jobs-count": (r"城镇新增就业(?=\d)", "城镇新增就业人数"),
    "above-ji": (r"(?<![\d.])(\d+(?:\.\d+)?(?:%|％|万人|亿元|万吨|亿斤))以上", r"\1及以上"),
    "within-zhi": (r"(?<![\d.])(\d+(?:\.\d+)?[%％‰])以内", r"\1之内"),
    "within-words": (r"(?<![\d.])(\d+(?:\.\d+)?[%％‰])以内", r"\1以下"),
    "scale-short": (r"规模以上", "规上"),
    "scale-long": (r"规上(?!年)", "规模以上"),
}


def in_clauses(text, gold, rewrite):
    """`text` with every gold clause (each found once, from the first)
    rewritten by `rewrite`."""
    for c in dict.fromkeys(t["text"] for t in gold.get("targets", []) if t.get("text")):
        k = text.find(c)
        if k >= 0:
            text = text[:k] + rewrite(c) + text[k + len(c):]
    return text


def relist(text, gold, kind):
    """The targets' list from its first gold clause to the end of its last
    (the rest of that line), written as `kind` says: items are parted only
    at a mark between two gold clauses (地区生产总值970亿元，增长15% stays one
    item); None when fewer than two items are found."""
    clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
    spans = sorted({(text.find(c), text.find(c) + len(c)) for c in clauses if text.find(c) >= 0})
    if len(spans) < 2:
        return None
    merged = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    start = merged[0][0]
    end = text.find("\n", merged[-1][1])
    end = len(text) if end < 0 else end
    # (the list ends with its sentence: what follows goes on a line of its own)
    stop = text.find("。", merged[-1][1], end)
    tail = ""
    if stop >= 0 and text[stop + 1 : end].strip():
        tail = "\n" + text[stop + 1 : end]
        end = stop + 1
    if "\n" in text[start:merged[-1][1]]:
        return None
    # (only a list its cue leads in with a colon is set one item a line, as
    # pages set it: 主要预期目标是：\n——…)
    lead = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    if kind in LIST_MARKS and not lead.endswith(("：", ":")):
        return None
    # (and 一是… after a pause only: 目标是，一是…)
    if kind == "list-yishi" and not lead.endswith(("：", ":", "，", ",")):
        return None
    cuts = []
    for (_, b), (a, _) in zip(merged, merged[1:]):
        cuts += [k + 1 for k in range(b, a) if text[k] in "，；,;。"]
    if not cuts:
        return None
    items, last = [], start
    for k in cuts + [end]:
        items.append(text[last:k])
        last = k
    # (a mirror's doubled mark, 增长8.0%,、, is no item of its own)
    items = [i for i in items if re.search(r"[\w]", i)]
    if kind == "list-semicolon":
        new = "".join(re.sub(r"[，,]$", "；", i) for i in items)
    elif kind == "list-stop":
        new = "".join(re.sub(r"[，；,;]$", "。", i) for i in items)
    elif kind == "list-yishi":
        new = "".join(
            cn_small(n) + "是" + re.sub(r"[，；,;。]$", "", i.strip()) + ("。" if n == len(items) else "；")
            for n, i in enumerate(items, 1)
        )
    elif kind == "list-space":
        new = " ".join(re.sub(r"[，；,;]$", "", i) for i in items)
    elif kind == "list-etc":
        # (a story names the targets, then calls them the main targets: 报告
        # 提出了地区生产总值增长6%左右、…等主要预期目标。, its lead replaced)
        items = [re.sub(r"[，；,;。]$", "", i.strip()) for i in items]
        if any("、" in i for i in items):
            return None
        lead = max(text.rfind(m, 0, start) for m in "\n。！？") + 1
        return text[:lead] + "报告提出了" + "、".join(items) + "等主要预期目标。" + tail + text[end:]
    elif kind == "list-bare":
        new = "\n" + "\n".join(re.sub(r"[，；,;。]$", "", i.strip()) for i in items)
    else:
        mark = LIST_MARKS[kind]
        new = "\n" + "\n".join(
            (f"{n}." if mark is None else mark(n) if callable(mark) else mark.replace("N", str(n)))
            + i.strip()
            for n, i in enumerate(items, 1)
        )
    return text[:start].rstrip() + new + tail + text[end:]


def session_short(text):
    return re.sub(
        r"第([一二三四五六七八九十]+)届人民代表大会第([一二三四五六七八九十]+)次会议",
        r"\1届人大\2次会议",
        text,
    )


def layout(text, kind):
    lines = text.split("\n")
    if kind == "wrap":
        out = []
        for line in lines:
            while len(line) > 38:
                out.append(line[:38])
                line = line[38:]
            out.append(line)
        return "\n".join(out)
    if kind == "flat":
        return "".join(line.strip() for line in lines)
    if kind == "indent":
        return "\n".join("\u3000\u3000" + line if line.strip() else line for line in lines)
    if kind == "blank":
        return "\n\n".join(lines)
    raise ValueError(kind)


def insert(text, gold, name, place):
    """`text` with look-alike `name` inserted `before` or `after` the
    targets' block; None when it cannot go in."""
    clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
    found = [(text.find(c), text.find(c) + len(c)) for c in clauses if text.find(c) >= 0]
    if not found:
        return None
    lines = text.split("\n")
    first = text[: min(a for a, _ in found)].count("\n")
    last = text[: max(b for _, b in found)].count("\n")
    # the block starts at its cue or heading lines
    start = first
    # (and at a line whose last sentence names the targets, whatever its end:
    # a look-alike goes before a cue, not between it and its list)
    while start > 0 and (
        lines[start - 1].rstrip().endswith(("：", ":"))
        or not lines[start - 1].strip()
        or (len(lines[start - 1]) <= 45 and "。" not in lines[start - 1])
        or CUE_LINE.search(lines[start - 1].rstrip()[-40:])
    ):
        start -= 1
    at = start if place == "before" else last + 1
    if at == 0 or not lines[at - 1].rstrip() or lines[at - 1].rstrip()[-1] not in "。；！？”」）)":
        return None
    level = gold.get("level")
    para = LOOKALIKES[name]
    if name == "province" and level not in ("city", "county"):
        return None
    year = gold.get("target_year") or 2026
    para = para.replace("OWN", LEVEL_WORD.get(level, "全省")).replace("PLAN", str(year + 4))
    lines.insert(at, para)
    return "\n".join(lines)


def perturb(text, gold, kind):
    if kind in ("wrap", "flat", "indent", "blank"):
        return None if GLOSS.search(text) else layout(text, kind)
    if kind == "cn-years":
        return re.sub(
            r"(?<!\d)(20\d\d)年", lambda m: "".join(CN_DIGITS[int(c)] for c in m.group(1)) + "年", text
        )
    if kind == "cn-percent":
        # (a range as a writer of numerals writes it: 百分之七点五至八)
        text = re.sub(
            r"(?<![\d.])(\d{1,3}(?:\.\d+)?)[%％]?\s*[-—–~～至到]\s*(\d{1,3}(?:\.\d+)?)[%％]",
            lambda m: "百分之" + cn_number(m.group(1)) + "至" + cn_number(m.group(2)),
            text,
        )
        return re.sub(
            r"(?<![\d.])(\d{1,3}(?:\.\d+)?)[%％]", lambda m: "百分之" + cn_number(m.group(1)), text
        )
    if kind == "cn-amounts":
        return AMOUNT.sub(lambda m: cn_number(m.group(1)), text)
    if kind == "fullwidth":
        return re.sub(r"[0-9.%]", lambda m: chr(ord(m.group(0)) + 0xFEE0), text)
    if kind == "spaced":
        return re.sub(r"(?<![\d.,])(\d+(?:[.,]\d+)*%?)", r" \1 ", text)
    if kind in ("trad", "trad-hk", "gloss"):
        return None if GLOSS.search(text) else traditional(text, kind)
    if kind == "date-iso":
        return date_iso(text)
    if kind.startswith("list-"):
        return relist(text, gold, kind)
    if kind in ("range-to", "range-tilde"):
        sep = "至" if kind == "range-to" else "～"
        return re.sub(
            r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(%?)\s*[-—–~～]{1,2}\s*(\d{1,3}(?:\.\d+)?)%",
            lambda m: m.group(1) + ("%" if kind == "range-to" else "") + sep + m.group(3) + "%",
            text,
        )
    if kind == "now-year":
        year = gold.get("target_year")
        return text.replace("今年", f"{year}年") if year else None
    if kind in ("growth-yoy", "growth-prior", "growth-speed"):
        word = {"growth-yoy": "同比增长", "growth-prior": "比上年增长", "growth-speed": "增速"}[kind]
        return re.sub(r"(?<![同比年])增长(?=[\d约])", word, text)
    if kind == "above-words":
        def above(m):
            word = "不低于" if m.group(2) in ("%", "％") else "不少于"
            return word + m.group(1) + m.group(2)
        return re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)(%|％|万人|亿元|万元|元|万吨|亿斤|个)以上", above, text)
    if kind == "cpi-words":
        text = text.replace("居民消费价格涨幅", "CPI涨幅")
        return text.replace("居民消费价格总水平涨幅", "物价涨幅")
    if kind in SUBSTITUTIONS:
        pattern, replacement = SUBSTITUTIONS[kind]
        return re.sub(pattern, replacement, text)
    if kind == "aim-ensure":
        return in_clauses(
            text,
            gold,
            lambda c: c if c.startswith(("确保", "力争", "全", "今年", "完成", "实现")) else "确保" + c,
        )
    if kind == "name-gloss":
        text = re.sub(r"地区生产总值(?![（(])", "地区生产总值（GDP）", text, count=1)
        return re.sub(r"居民消费价格(?![（(])", "居民消费价格（CPI）", text, count=1)
    if kind == "pager":
        # (a multi-page article joined: the pager line of its first page
        # stands right before the line the first target is on)
        clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
        at = min((k for k in (text.find(c) for c in clauses) if k >= 0), default=-1)
        if at < 0:
            return None
        line = text.rfind("\n", 0, at) + 1
        if line == 0:
            return None
        return text[:line] + "上一页 1 2 3 下一页\n" + text[line:]
    if kind == "name-bold":
        # (a page converted to markdown: each name in bold, **地区生产总值**增长6%左右)
        rows = [t for t in gold.get("targets", []) if t.get("text") and t.get("raw_name")]
        names = {t["text"]: t["raw_name"] for t in rows if t["text"].startswith(t["raw_name"])}
        return in_clauses(
            text, gold, lambda c: "**" + names[c] + "**" + c[len(names[c]):] if c in names else c
        )
    if kind == "name-bracket":
        # (an infographic's list: the name in brackets, 【地区生产总值】增长6%左右)
        rows = [t for t in gold.get("targets", []) if t.get("text") and t.get("raw_name")]
        names = {t["text"]: t["raw_name"] for t in rows if t["text"].startswith(t["raw_name"])}
        return in_clauses(
            text, gold, lambda c: "【" + names[c] + "】" + c[len(names[c]):] if c in names else c
        )
    if kind == "conj-also":
        # (同时 before every item after the first: …左右；同时一般公共预算收入…)
        first = [True]
        def also(c):
            if first[0]:
                first[0] = False
                return c
            return "同时" + c
        return in_clauses(text, gold, also)
    if kind == "lead-restate":
        # (a news lead restates the first target before the list: 报告提出，
        # 今年地区生产总值增长6%左右。 — the list's clause is the row)
        clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
        spans = sorted((text.find(c), c) for c in clauses if text.find(c) >= 0)
        if len(spans) < 2:
            return None
        at, first = spans[0]
        line = text.rfind("\n", 0, at) + 1
        if line == 0:
            return None
        return text[:line] + "报告提出，今年" + first + "。\n" + text[line:]
    if kind in LEADS:
        # (a news story's own words lead into the list: the sentence's
        # words before its first target, 今年全市经济社会发展的主要预期目标是：,
        # become 报告提出，; the targets' clauses stay as they are)
        clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
        spans = sorted(text.find(c) for c in clauses if text.find(c) >= 0)
        if len(spans) < 2:
            return None
        at = spans[0]
        start = max(text.rfind(m, 0, at) for m in "\n。！？") + 1
        # (an item's number, 1., is no lead: a numbered list stays as it is)
        if not re.search(r"[\u4e00-\u9fff]", text[start:at]):
            return None
        return text[:start] + LEADS[kind] + text[at:]
    if kind == "quoted":
        # (a news story quotes the speaker: 他说：“…今年全市地区生产总值增长6%左右…”)
        clauses = [t["text"] for t in gold.get("targets", []) if t.get("text")]
        spans = [(text.find(c), text.find(c) + len(c)) for c in clauses if text.find(c) >= 0]
        if not spans:
            return None
        a = text.rfind("\n", 0, min(k for k, _ in spans)) + 1
        b = text.find("\n", max(k for _, k in spans))
        b = len(text) if b < 0 else b
        if "\n" in text[a:b] or "“" in text[a:b]:
            return None
        return text[:a] + "他在报告中说：“" + text[a:b] + "”" + text[b:]
    if kind == "no-dates":
        # (a copy that kept the text and lost the page's dates: the year is
        # read from the session, 今年 and the targets' own words)
        text = re.sub(r"(20\d\d)年(\d{1,2})月(\d{1,2})日", r"\2月\3日", text)
        return re.sub(r"20\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?", "", text)
    if kind == "no-session":
        # (the congress named without its term and session: 人代会)
        return re.sub(
            r"第?[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)(?:常委会)?第?[一二三四五六七八九十]次(?:全体)?会议",
            "人民代表大会会议",
            text,
        )
    if kind == "jobs-order":
        return text.replace("城镇新增就业", "新增城镇就业")
    if kind in ("aside-better", "aside-comparable"):
        aside = {"aside-better": "，在实际工作中努力争取更好结果", "aside-comparable": "（按可比价格计算）"}[kind]
        for t in gold.get("targets", []):
            c = t.get("text") or ""
            k = text.find(c)
            if k >= 0 and re.search(r"增长\d+(?:\.\d+)?%(?:左右|以上)?$", c):
                return text[: k + len(c)] + aside + text[k + len(c):]
        return None
    if kind == "yuan-rmb":
        return in_clauses(text, gold, lambda c: re.sub(r"亿元(?!人民币)", "亿元人民币", c))
    if kind in ("aim-now", "aim-year", "aim-strive"):
        lead = {"aim-now": "今年", "aim-year": "全年", "aim-strive": "努力实现"}[kind]
        return in_clauses(
            text, gold, lambda c: c if c.startswith(("今年", "全年", "努力", "力争", "确保")) else lead + c
        )
    if kind == "rate-is":
        return in_clauses(text, gold, lambda c: re.sub(r"(?<![率速])增长(?=\d)", "增长率为", c, count=1))
    if kind == "above-exceed":
        return in_clauses(
            text, gold, lambda c: re.sub(r"增长(\d+(?:\.\d+)?%)以上", r"增长超过\1", c)
        )
    if kind == "aim-suffix":
        return in_clauses(
            text, gold, lambda c: c + "的目标" if re.search(r"\d[%‰](?:左右|以上|以内)?$", c) else c
        )
    if kind == "aim-expected":
        return in_clauses(text, gold, lambda c: re.sub(r"(?<![预期同比年])增长(?=\d)", "预期增长", c, count=1))
    if kind == "aim-level":
        word = LEVEL_WORD.get(gold.get("level"))
        if not word:
            return None
        # (before a name that opens its item only: 完成省下达的… and a clause
        # glued to its lead-in stay as they are)
        for c in dict.fromkeys(t["text"] for t in gold.get("targets", []) if t.get("text")):
            k = text.find(c)
            verb = c.startswith(("全", "今年", "力争", "确保", "完成", "创造", "实现", "保持", "努力"))
            if k >= 0 and not verb and (k == 0 or text[k - 1] in "，,；;：:。\n"):
                text = text[:k] + word + text[k:]
        return text
    if kind == "session-short":
        return session_short(text)
    if kind == "source-gov":
        region = gold.get("region")
        if not region or gold.get("level") == "national":
            return None
        return text.rstrip("\n") + f"\n来源：{region}人民政府办公室\n"
    if kind == "page-date":
        year = gold.get("target_year")
        lines = text.split("\n")
        if not year or len(lines) < 2:
            return None
        lines.insert(1, f"发布时间：{year}-01-20 09:30:00 浏览次数：1024")
        return "\n".join(lines)
    if kind in ("dateline", "dateline-paper", "source-paper"):
        return outlet(text, gold, kind)
    if kind == "title-site":
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.strip():
                lines[i] = line.rstrip() + "_四川在线"
                break
        return "\n".join(lines)
    if kind in BOXES:
        return text.rstrip("\n") + "\n" + BOXES[kind] + "\n"
    if kind.startswith("ins-"):
        _, name, place = kind.split("-")
        return insert(text, gold, name, place)
    raise SystemExit(f"unknown kind `{kind}`")


def main():
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    gold_dir, text_dir, out_dir, kind = sys.argv[1:]
    os.makedirs(os.path.join(out_dir, "gold"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "reports"), exist_ok=True)
    changed = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        stem = name[: -len(".json")]
        with open(os.path.join(gold_dir, name), encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(text_dir, stem + ".txt"), encoding="utf-8") as f:
            text = f.read()
        new = perturb(text, gold, kind)
        if new is not None and new != text:
            changed += 1
            text = new
        with open(os.path.join(out_dir, "gold", name), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False)
        with open(os.path.join(out_dir, "reports", stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(changed)


if __name__ == "__main__":
    main()
