"""Mechanism names in the forms of `extract.mech_forms` and the rule fixes beside them, as tables
with exact offsets and rule ids, and negatives (invented sentences)."""

from __future__ import annotations

import pytest

from govgraph.extract.mechanisms import find_mechanisms

CASES = [
    # text, [(name, start, end, rule)]
    # parallel parts of one length before a word for a way of working: one slogan-style name
    ("该中心推行一站受理、一体化解工作模式。", [("一站受理、一体化解", 5, 18, "mech.setup-verb+list")]),
    ("该所探索分级预警、分类处置、跟踪回访工作法", [("分级预警、分类处置、跟踪回访", 4, 21, "mech.setup-verb+list")]),
    # a setup verb, a quote, 的 and generic words only before the generic word
    (
        "实行“调赔结合、保险兜底”的纠纷化解模式",
        [("调赔结合、保险兜底", 2, 13, "mech.setup-verb+quoted-de")],
    ),
    ("我们探索出“分级预警、分类处置”的工作方法。", [("分级预警、分类处置", 5, 16, "mech.setup-verb+quoted-de")]),
    # … but a name of its own after 的 is the name: the quote describes it
    ("构建起“街道吹哨、部门报到”的物业纠纷联调体系", [("物业纠纷联调", 15, 23, "mech.phrase+tail")]),
    # a founding verb and a bare name that ends the clause; a run of parallel parts is one name
    ("民警开展见面劝阻，并实行冷静期回访。", [("冷静期回访", 12, 17, "mech.setup-verb+bare")]),
    ("该院积极探索复绿管护，让被毁林地重披绿装。", [("复绿管护", 6, 10, "mech.setup-verb+bare")]),
    ("实行集中排期、集中开庭、集中宣判，周期缩短", [("集中排期、集中开庭、集中宣判", 2, 16, "mech.setup-verb+bare")]),
    ("推行柔性执法、包容审慎监管，优化环境", [("柔性执法", 2, 6, "mech.setup-verb+bare")]),
    # 探索开展 founds too, and a name may run to ten characters
    ("该院探索开展跨区域生态检察协作，签订协议", [("跨区域生态检察协作", 6, 15, "mech.setup-verb+bare")]),
    ("全省推行税费争议调解中心建设，成效明显", []),  # building a centre names a place
    ("赤水河流域生态环境保护迎来司法协作新机制", []),  # what a field got: an event, no name
    # a new one of its kind: 新 is no part of the name (strip 新机制, 新模式), and a generic word left names none
    ("该院探索诉调对接新机制。", [("诉调对接", 4, 8, "mech.curated:litigation-mediation-connection")]),
    ("各地法院积极探索执行工作新机制。", []),
    # the particle that ends a setup verb starts no name, whatever jieba reads (构建|了诉|源)
    ("该院构建了诉源治理模式，成效明显。", [("诉源治理", 5, 9, "mech.curated:litigation-source-governance")]),
    ("该院形成了诉调对接工作机制。", [("诉调对接", 5, 9, "mech.curated:litigation-mediation-connection")]),
    # 反 opens a name though jieba tags it a state word (mechanism_cues.tsv role opener)
    ("全省推进反家暴多部门联动机制建设", [("反家暴多部门联动", 4, 14, "mech.phrase+tail")]),
    # a list of short qualifiers: its parts qualify the name that ends it, they name nothing
    ("推行知识产权刑事、民事、行政检察“三合一”履职，效果好", []),
    # a list closed by 等举措 (等措施, 等做法) with a part the scheme knows: each plausible part is a name
    (
        "该院相继推出要素式审判、示范诉讼、集约送达等举措，",
        [
            ("要素式审判", 6, 11, "mech.curated:element-based-trial"),
            ("示范判决", 12, 16, "mech.curated:model-judgment"),
            ("集约送达", 17, 21, "mech.setup-verb+enumerated"),
        ],
    ),
    ("采取走访、座谈等措施，", []),  # … and with none, ways of working with no name
    # … the last short item joined by 和 (与, 及) as well
    (
        "推行知识产权民事、行政和刑事案件“三合一”审判机制改革，",
        [("三审合一", 17, 23, "mech.curated:three-in-one-trial")],
    ),
    (
        "推行诉前鉴定、委托调解和司法确认，",
        [
            ("诉前鉴定", 2, 6, "mech.setup-verb+bare"),
            ("委托调解", 7, 11, "mech.curated:court-entrusted-mediation"),
            ("司法确认", 12, 16, "mech.curated:judicial-confirmation"),
        ],
    ),
    # … or unquoted: short items after the name make it a qualifier (but not items of four characters)
    (
        "推行知识产权刑事、民事、行政、公益诉讼检察职能集中统一履行，效果好",
        [("公益诉讼", 15, 19, "mech.curated:public-interest-litigation")],  # the lexicon's own name stands
    ),
    (
        "推行柔性执法、包容执法、审慎监管，优化环境",
        [("柔性执法、包容执法、审慎监管", 2, 16, "mech.setup-verb+bare")],
    ),
    (
        "推行柔性执法、包容审慎监管，优化环境“营商”",
        [("柔性执法", 2, 6, "mech.setup-verb+bare")],
    ),  # a quote in the next clause
    (  # a list of names that a quote sums up: the names stand
        "推行院领导包案、律师参与化解、信访听证“三项机制”，成效好",
        [("院领导包案", 2, 7, "mech.setup-verb+bare"), ("信访听证", 15, 19, "mech.curated:petition-hearing")],
    ),
    # … but procedures the scheme knows stay apart
    (
        "该院推行网上立案、跨域立案，成效明显",
        [
            ("网上立案", 4, 8, "mech.curated:online-case-filing"),
            ("跨域立案", 9, 13, "mech.curated:cross-region-case-filing"),
        ],
    ),
    # a particle after the setup verb starts no name (总结出…)
    ("该所总结出老娘舅调解工作法，在全县推广。", [("老娘舅调解", 5, 13, "mech.setup-verb")]),
    ("该院推出“云上法庭”。", [("云上法庭", 4, 10, "mech.setup-verb+quoted")]),
    # quoted names in a row after the setup verb: each
    (
        "该院开展“凌晨执行”“假日执行”。",
        [("凌晨执行", 4, 10, "mech.setup-verb+quoted"), ("假日执行", 10, 16, "mech.setup-verb+quoted")],
    ),
    ("戒毒管理局建立出所衔接机制，接续帮扶", [("出所衔接", 7, 13, "mech.setup-verb")]),  # 建立出 is no verb
    # a noun or two between the setup verb and the quoted name say what it is about
    ("该院实行立案登记“一次办好”。", [("一次办好", 8, 14, "mech.setup-verb+quoted")]),
    (
        "实行纠纷“一码受理、分类流转、限时办结”。",
        [("一码受理、分类流转、限时办结", 4, 20, "mech.setup-verb+quoted")],
    ),
    # a team's name before a way of working names that way, not the team
    ("该院推行“1+2+N”审判团队模式。", [("1+2+N", 4, 17, "mech.quoted+tail")]),
    # the measure a body takes as its lever
    ("该院以复绿管护为抓手，推进生态修复。", [("复绿管护", 3, 7, "mech.frame")]),
    # a campaign launched under a name of its own keeps its word
    ("北城派出所开展护校安园行动。", [("护校安园行动", 7, 13, "mech.campaign")]),
    ("市信访局联合开展信访积案化解攻坚行动，推行", [("信访积案化解攻坚行动", 8, 18, "mech.campaign")]),
    # a founded community: kept whole after a setup verb
    ("该院联合区妇联构建未成年人保护共同体，织密保护网。", [("未成年人保护共同体", 9, 18, "mech.setup-verb")]),
    # a quoted list that spells out the numbered name after it: the numbered name, with its generic words
    (
        "在全市推行“自治、法治、德治”三治融合基层治理模式",
        [("三治融合", 15, 25, "mech.curated:three-governance-integration")],
    ),
    ("构建“调解、仲裁、诉讼”三位一体解纷格局", [("三位一体", 12, 16, "mech.numbered")]),
    # a counted list stays several mechanisms
    (
        "建立“轮岗交流、双向选择”两项机制",
        [("轮岗交流", 2, 17, "mech.quoted+list"), ("双向选择", 2, 17, "mech.quoted+list")],
    ),
    # procedures and schemes of the curated vocabulary
    (
        "检察长列席审判委员会会议12次",
        [("检察长列席审判委员会", 0, 10, "mech.curated:chief-procurator-attending-judicial-committee")],
    ),
    (
        "落实重大决策社会稳定风险评估机制",
        [("社会稳定风险评估", 2, 14, "mech.curated:social-stability-risk-assessment")],
    ),
    # a body named after a procedure names none (商事调解联盟, 社区康复工作办公室)
    ("成立国际商事调解联盟", []),
    ("1名社区戒毒人员由专职社工帮扶", []),  # people
    # 改革委 is a department, 改革 no name's tail
    ("山东高院会同省发展改革委建立府院联动机制", [("府院联动", 14, 18, "mech.curated:court-government-linkage")]),
    # a rule suffix before a verb's second character names no system; the name before stays
    ("落实首问负责制定期考核", [("首问负责制", 2, 7, "mech.curated:first-inquiry-responsibility")]),
]

CASES += [
    # the parts of a list a founding verb opens and 等 + 制度/机制 closes are each a name
    (
        "该院与河长办建立联席会议、线索移送等制度。",
        [("联席会议", 8, 12, "mech.setup-verb+enumerated"), ("线索移送", 13, 17, "mech.setup-verb+enumerated")],
    ),
    (
        "三方建立侵权线索通报、案件协查、联合培训等协作机制。",
        [
            ("侵权线索通报", 4, 10, "mech.setup-verb+enumerated"),
            ("案件协查", 11, 15, "mech.setup-verb+enumerated"),
            ("联合培训", 16, 20, "mech.setup-verb+enumerated"),
        ],
    ),
    # what a word of joining (衔接, 对接 …) joins stands on both sides of 与/和, whatever tag jieba gives it
    ("深化行政复议与行政诉讼衔接机制建设", [("行政复议与行政诉讼衔接", 2, 15, "mech.setup-verb")]),
    ("建立民事诉讼和人民调解衔接机制", [("民事诉讼和人民调解衔接", 2, 15, "mech.setup-verb")]),
    # … not a body before 与, and not a part a locality word cut (庭外|重组: the curated name stays)
    ("县法院与县司法局建立诉调对接机制", [("诉调对接", 10, 14, "mech.curated:litigation-mediation-connection")]),
    (
        "探索庭外重组与庭内重整衔接机制",
        [("庭外重组", 2, 6, "mech.curated:out-of-court-restructuring"), ("庭内重整衔接", 7, 15, "mech.phrase+tail")],
    ),
    # a quoted combination right before a generic word is a way of working, though its last part names a
    # facility; a longer phrase between them is the name, and a combination alone is a facility
    ("推行“护边员+警务室”联防模式", [("护边员+警务室", 2, 15, "mech.quoted+tail")]),
    ("推行“生态检察+修复基地”模式", [("生态检察+修复基地", 2, 15, "mech.quoted+tail")]),
    ("建成“法官工作室+调解室”。", []),
    ("建成“诉讼服务中心”模式。", []),
    # a modifier a name cannot start with is passed over where jieba reads it into the name (常态|化府院)
    ("签署《关于建立常态化府院联动机制的实施意见》", [("府院联动", 10, 14, "mech.curated:court-government-linkage")]),
    # documents of rules are no mechanism; a name the scheme knows is its own
    ("出台了快速审理、预重整等配套制度文件。", [("预重整", 8, 11, "mech.curated:pre-reorganization")]),
    # a programme to standardise a field keeps its tail (规范化建设, 标准化建设), as a campaign's does;
    # a label of the scheme opens a name whatever jieba tags it (法律援助: a person's name)
    ("该局推进法律援助标准化建设，提高质量。", [("法律援助标准化建设", 4, 13, "mech.phrase+tail")]),
    (
        "推动县级社会治安综合治理中心规范化建设。",
        [("综治中心规范化建设", 4, 19, "mech.curated:comprehensive-governance-center-standardization")],
    ),
    # two fields of work joined: a bare name after a founding verb; a body named by its kind is a side
    ("该局探索行政复议与行政诉讼衔接，成效明显。", [("行政复议与行政诉讼衔接", 4, 15, "mech.setup-verb+pair")]),
    ("县法院推动人民调解与司法确认衔接。", [("人民调解与司法确认衔接", 5, 16, "mech.setup-verb+pair")]),
    ("该院健全人民法院与基层组织对接机制。", [("人民法院与基层组织对接", 4, 17, "mech.setup-verb")]),
    ("大同中院建立法院与公安机关联动机制。", [("法院与公安机关联动", 6, 17, "mech.setup-verb.span")]),
]

# two fields joined in a way that states a goal, a body's own cooperation, no field before 与
JOINED_NEGATIVES = [
    "推进行政保护与司法保护有机衔接，优势互补。",
    "推动社区警务与基层治理深度融合。",
    "区法院加强与司法局的对接。",
    "市法院推进法院与公安机关协作。",
    "大同中院与公安机关联动机制运行良好。",  # a place before the body: the body acts
]


@pytest.mark.parametrize("text", JOINED_NEGATIVES)
def test_no_joined_fields(text):
    assert [m.name for m in find_mechanisms(text) if "与" in m.name] == []


NEGATIVES = [
    "明确了适用范围、方式选择、程序衔接等工作机制。",  # a scheme's aspects (适用 inside a word)
    "向监护缺位的家长制发督促令",  # 制发 is a verb: no 家长制
    "开展全方位、深层次的环境卫生整治",  # parts with 的 after them describe
    "推行调查、调解、心理疏导模式",  # parts of different lengths: a list of functions … (see below)
    "对重点人员实行动态管理。",  # a manner and a generic word
    "对矫正对象实行列表管理。",
    "对437辆重点营运车辆实行动态监控。",  # watching is a generic function, as managing is
    "对高风险企业实行实时监测，每月通报。",
    "推动构建人类命运共同体。",  # a goal
    "铁路检察护航“一带一路”",  # a national strategy, numbered as a name is
    "坚决做到“两个维护”",  # a political principle
    "建设人人有责、人人尽责的社会治理共同体",  # no setup verb: a goal
    "江西南昌推行消费纠纷在线和解",  # a headline's end: no clause break after the name
    "全面推行严格执法，确保公正",  # an adverb inside
    "该局以信息化建设为抓手，提升效能。",  # generic words only
    "以服务上海国际金融中心建设为着力点",  # a goal served
    "该院以提升审判质效为抓手。",
    "该院推行工作“清单化”。",  # 工作 says what of nothing
    "县检察院开展联合行动。",  # campaign words only
    "该院组建“1+2+N”审判团队。",  # a team
    "全省公安机关开展专项打击行动。",
    "沙市区开展环境卫生整治行动",  # a field and an act
    "加强队伍规范化建设。",  # generic words only
]


@pytest.mark.parametrize("text, expected", CASES)
def test_mechanism_forms(text, expected):
    assert [(m.name, m.start, m.end, m.rule) for m in find_mechanisms(text)] == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_mechanism_forms(text):
    names = [(m.name, m.rule) for m in find_mechanisms(text)]
    assert not [
        n for n in names if n[1].startswith(("mech.setup-verb+", "mech.rule-name", "mech.frame", "mech.campaign"))
    ], names
    assert all("共同体" not in n and "家长制" not in n for n, _ in names)


@pytest.mark.parametrize("text", ["铁路检察护航“一带一路”", "坚决做到“两个维护”", "推动构建人类命运共同体。"])
def test_goals_and_principles_named_by_number_are_no_mechanisms(text):
    assert find_mechanisms(text) == []
