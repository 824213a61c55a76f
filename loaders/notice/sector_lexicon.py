"""A lexicon of government sector names: the fields Chinese people's governments organise their
departments by, as a list of sectors names them (``发展改革、财政、公安等部门``).

Where the names come from: general knowledge of how the State Council and local people's
governments are organised, not any document of the corpus and not its labels. The State Council's
ministries and commissions after the 2018 and 2023 reforms (发展改革, 教育, 科学技术, 工业和信息化,
民族事务, 公安, 国家安全, 民政, 司法, 财政, 人力资源社会保障, 自然资源, 生态环境, 住房城乡建设,
交通运输, 水利, 农业农村, 商务, 文化和旅游, 卫生健康, 退役军人事务, 应急管理, 审计, 国有资产监督
管理, 海关, 税务, 市场监督管理, 广播电视, 体育, 统计, 国际发展合作, 医疗保障, 机关事务管理, 金融
监督管理, 证券监督管理, 知识产权, 信访, 粮食和物资储备, 能源, 数据, 烟草专卖, 林业和草原, 铁路,
民用航空, 邮政, 文物, 中医药, 疾病预防控制, 消防救援, 药品监督管理, 外汇管理, 移民管理), the
bodies they replaced, still named in older regulations (国土资源, 环境保护, 城乡建设, 卫生和计划生育,
人口和计划生育, 安全生产监督管理, 工商行政管理, 质量技术监督, 食品药品监督管理, 新闻出版广电,
海洋, 测绘地理信息, 劳动和社会保障, 人事, 物价, 经济贸易, 经济和信息化, 扶贫开发, 农业机械化 …), and
the usual local bureaus and offices of provinces, cities and counties (城市管理, 综合行政执法, 园林
绿化, 市容环境卫生, 水务, 规划, 房地产管理, 人民防空, 民防, 地震, 气象, 行政审批服务, 政务服务,
大数据, 地方金融监督管理, 外事, 侨务, 台湾事务, 港澳事务, 民族宗教事务, 口岸, 供销, 档案, 地方
志 …), in their full names and the short forms lists write them in (发展改革 / 发展和改革 / 发改,
人力资源社会保障 / 人力资源和社会保障 / 人社, 住房城乡建设 / 住房和城乡建设 / 住建, 卫生健康 / 卫健,
卫生计生, 市场监督管理 / 市场监管, 安全生产监督管理 / 安全监管 / 安监 …), and the merged local
names (自然资源和规划 / 规划和自然资源 / 规划自然资源, 教育和体育, 文化广电旅游, 文化体育和旅游 …), with
the short forms of Shanghai's district bureaus (建管 for 建设和管理, 绿容 for 绿化和市容管理, 规资 for
规划和自然资源, 机管 for 机关事务管理).

A sector is a field of work and no body: 公安 is, 公安局 is not (that is a body's name, read as one).

>>> is_sector("发展改革"), is_sector("住房和城乡建设"), is_sector("安监"), is_sector("财政局")
(True, True, True, False)
>>> longest_sector_suffix("县级以上人民政府住房城乡建设")
'住房城乡建设'
>>> longest_sector_suffix("市场监督管理"), longest_sector_suffix("加强领导")
('市场监督管理', '')
"""

from __future__ import annotations

# The fields, one group a line (an indented line goes on with the group above): a field's current name,
# then its older names and short forms.
_FIELDS = """
发展改革 发展和改革 发改 发展计划 经济贸易 经贸 价格 物价
教育 教育和体育 教育体育 教体 高等教育 语言文字
科技 科学技术 科学技术和信息化 科技和信息化 知识产权
工业和信息化 工信 经济和信息化 经济信息化 经济信息 经信 工业 信息化 中小企业 无线电管理 国防科技工业
  国防动员
民族事务 民族宗教事务 民族宗教 民族 宗教事务 宗教 民宗
公安 国家安全 公安交通管理 交通管理 交警 出入境管理 移民管理
民政 社会组织 老龄 残疾人工作
司法 司法行政 法制
财政 税务 国家税务 地方税务 国税 地税 海关 外汇管理 国有资产监督管理 国有资产管理 国资 审计 统计
人力资源社会保障 人力资源和社会保障 人社 人力社保 劳动和社会保障 劳动保障 劳动 人事 社会保障 社保
  医疗保障 医保
自然资源 自然资源和规划 规划和自然资源 规划自然资源 自然资源和规划建设 国土资源 国土
  国土资源和房屋管理 规划和国土资源
规划 城乡规划 城市规划 规划建设 测绘 测绘地理信息 地理信息 地质矿产 矿产资源 不动产登记
生态环境 环境保护 环保 生态环境保护 核与辐射安全
住房城乡建设 住房和城乡建设 住建 城乡建设 建设 住房保障 房地产 房地产管理 房产 房管 房屋管理
  住房保障和房屋管理 人民防空 人防 民防
城市管理 城管 城市管理行政执法 城市管理综合执法 综合行政执法 综合执法 城管执法 行政执法 市容
  市容环境卫生 环境卫生 环卫 市政 市政公用 园林 园林绿化 绿化 绿化市容 市容园林 城市运行管理
交通运输 交通 交通运输和港口 港口 港航 航道 公路 道路运输 运输管理 海事 铁路 民用航空 民航 邮政
  邮政管理
水利 水务 城乡水务 水行政 水利水务 水文 水土保持 河道 海洋 海洋与渔业 海洋和渔业 渔业 水产
农业农村 农业 农牧 畜牧 畜牧兽医 兽医 农业机械 农业机械化 农机 种植业 农村经济 扶贫 扶贫开发
  乡村振兴 移民 供销
林业 林业和草原 林草 草原 森林防火 森林公安
商务 贸易 外经贸 对外贸易 口岸 粮食 粮食和物资储备 物资储备 盐务 烟草 烟草专卖 招商 投资促进
  供销合作
文化和旅游 文化旅游 文旅 文化 旅游 文化广电旅游 文化广电和旅游 文化体育和旅游 文化广电新闻出版 文物
  新闻出版 广播电视 广电 新闻出版广电 电影 体育 文化体育
卫生健康 卫生和健康 卫健 卫生计生 卫生和计划生育 卫生 计划生育 人口和计划生育 人口计生 卫计 中医药
  疾病预防控制 疾控 爱国卫生
退役军人事务 退役军人 人民武装
应急管理 应急 安全生产监督管理 安全生产监管 安全生产 安全监管 安监 消防救援 消防 地震 防震减灾 气象
市场监督管理 市场监管 工商行政管理 工商 质量技术监督 质量监督 质监 标准化 计量 食品药品监督管理
  食品药品监管 食品药品 食药监 药品监督管理 药监 知识产权管理 价格监督检查
金融 金融监督管理 地方金融 地方金融监督管理 地方金融监管 金融工作 银行保险监督管理 银保监 证券监督管理 证监
外事 国际发展合作 外事侨务 侨务 台湾事务 台务 港澳事务 港澳
机关事务管理 机关事务 档案 地方志 史志 保密 机构编制 编制 网信 信访 政务服务 行政审批 行政审批服务
  政务服务和数据管理 数据 数据资源 大数据
能源 电力 通信管理 通信 石油天然气
建设管理 建管 绿化和市容 绿化市容管理 绿容 规划资源 规资 机管
"""

SECTORS: frozenset[str] = frozenset(_FIELDS.split())

# Longest first, for the longest sector a name ends with.
_LONGEST = max(map(len, SECTORS))


# Services under a central ministry's vertical management (垂直管理): a local people's government merges
# none of them into a department of its own, so a local sector joined to one by 和 names two bodies
# (应急管理和消防救援, r1984: the emergency-management department and the fire and rescue service; README,
# held-out batch BI), while two local fields joined (自然资源和规划, 林业和绿化) are one merged department's.
VERTICAL: frozenset[str] = frozenset(
    "消防救援 海关 税务 国家税务 海事 气象 邮政管理 通信管理 民用航空 民航 铁路 烟草专卖 国家安全 外汇管理 "
    "金融监督管理 银行保险监督管理 证券监督管理".split())


_KINDS = ("", "部门", "主管部门", "行政主管部门", "机构")


def two_bodies(name: str) -> tuple[str, str] | None:
    """A sector item naming two bodies: a sector (its place prefix kept on it) and a service of
    vertical management joined by 和 / 与 / 及, the kind of body after them (部门, 机构) on each;
    the two names, or None.

    >>> two_bodies("应急管理和消防救援"), two_bodies("县交通运输与海事部门")
    (('应急管理', '消防救援'), ('县交通运输部门', '县海事部门'))
    >>> two_bodies("自然资源和规划"), two_bodies("财政和税务局")
    (None, None)
    """
    for k, ch in enumerate(name):
        if ch not in "和与及" or k < 2:
            continue
        left = name[:k]
        sector = longest_sector_suffix(left)
        if not sector:
            continue
        rest = name[k + 1 :]
        vertical = next((v for v in sorted(VERTICAL, key=len, reverse=True) if rest.startswith(v)), None)
        if vertical is None:
            continue
        kind = rest[len(vertical) :]
        if kind not in _KINDS or name[: len(name) - len(kind)] in SECTORS:
            return None
        return left + kind, left[: len(left) - len(sector)] + vertical + kind
    return None


def is_sector(name: str) -> bool:
    """Is ``name`` a sector of the lexicon, written whole?"""
    return name in SECTORS


def longest_sector_suffix(name: str) -> str:
    """The longest sector of the lexicon ``name`` ends with, or ''."""
    for k in range(max(0, len(name) - _LONGEST), len(name)):
        if name[k:] in SECTORS:
            return name[k:]
    return ""


__all__ = ["SECTORS", "VERTICAL", "is_sector", "longest_sector_suffix", "two_bodies"]
