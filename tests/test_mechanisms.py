"""Mechanism rules as tables: each rule family with exact offsets and rule ids, and negatives
for slogans, principles, platforms, facilities, brands, awards, generic words and fragments."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph import skos
from govgraph.extract.mechanisms import clean_name, find_mechanisms
from govgraph.lexicon import mechanisms
from govgraph.lexicon_mechanisms import mechanism_cues, mechanism_stoplist
from govgraph.pipeline import process, to_json
from govgraph.reader import Source

CASES = [
    # text, [(name, start, end, rule)]
    # curated concepts, quotes ignored, altLabels to the prefLabel
    ("法院对被告人适用认罪认罚从宽制度", [("认罪认罚从宽", 8, 14, "mech.curated:leniency-for-admitting-guilt")]),
    ("深化“执转破”工作机制建设", [("执行转破产", 3, 6, "mech.curated:execution-to-bankruptcy-transfer")]),
    ("法院依法发出人身安全保护令", [("人身安全保护令", 6, 13, "mech.curated:personal-safety-protection-order")]),
    # 试点 carries a quoted name out, as a pilot
    ("该院在辖区试点“物业纠纷速裁”，成效明显", [("物业纠纷速裁", 7, 15, "mech.setup-verb+quoted")]),
    # a quoted name of what is run as one
    ("该局推行“情指勤舆”一体化运行，成效明显", [("情指勤舆", 4, 13, "mech.quoted+tail")]),
    ("全省已创建“枫桥式司法所”97个", [("枫桥式司法所", 6, 12, "mech.curated:fengqiao-style-judicial-office")]),
    # a fast track a body opens for a group
    ("对欠薪案件开辟“绿色通道”", [("绿色通道", 8, 12, "mech.curated:green-channel")]),
    (
        "加强“总对总”诉调对接",
        [("总对总诉调对接", 3, 11, "mech.curated:national-online-litigation-mediation-connection")],
    ),
    # a quoted name and a generic word
    ("创新“三色预警”工作机制", [("三色预警", 2, 12, "mech.quoted+tail")]),
    ("“绿色司法”助残服务", [("绿色司法", 0, 10, "mech.quoted+tail")]),
    ("打造“一站式”矛盾调处机制", [("一站式矛盾调处", 2, 13, "mech.quoted+tail")]),  # a word alone keeps its modifier
    ("构建“检察+妇联”协作机制", [("检察+妇联", 2, 13, "mech.quoted+tail")]),
    ("开展“雷霆”“清源”等专项行动", [("雷霆", 2, 6, "mech.quoted+tail"), ("清源", 6, 15, "mech.quoted+tail")]),
    # the generic word stays after a word that cannot end a name
    ("推行全国统一的戒毒工作基本模式", [("戒毒工作基本模式", 7, 15, "mech.phrase+tail")]),
    # a quote that holds its generic word; a rule suffix after a quote; a name of counted parts
    ("坚持“一线工作法”", [("一线工作法", 2, 9, "mech.quoted+tail")]),
    ("推行“县领导包乡、乡干部包村”责任制", [("县领导包乡、乡干部包村", 2, 18, "mech.quoted+tail")]),
    ("深化“四区五中心”建设", [("四区五中心", 2, 11, "mech.quoted+tail")]),
    # legal measures of the scheme
    ("对涉诈犯罪实行快侦快诉快审", [("快侦快诉快审", 7, 13, "mech.curated:fast-investigation-prosecution-trial")]),
    ("办理赋予强制执行效力公证", [("赋强公证", 2, 12, "mech.curated:enforceable-notarization")]),
    ("推进法律明白人培养工程", [("法律明白人", 2, 7, "mech.curated:rural-legal-understanders")]),
    ("附条件不起诉37人", [("附条件不起诉", 0, 6, "mech.curated:conditional-non-prosecution")]),  # names no people
    # characters jieba leaves one by one in a row are words of the name, not stray characters (涉|铁, 快|办)
    ("建立涉铁案件快办机制", [("涉铁案件快办", 2, 10, "mech.setup-verb")]),
    (  # 共建 sets up: no part of the name
        "与金融监管局等单位共建金融纠纷多元化解机制",
        [("金融纠纷多元化解", 11, 19, "mech.curated:financial-dispute-diversified-resolution")],
    ),
    # 适用 applies a procedure: no part of its name
    ("其中适用第三方监督评估机制案件62件", [("第三方监督评估", 4, 13, "mech.curated:third-party-supervision")]),
    # a body's name before the phrase is its actor, not part of the name
    ("荆州法院协同送达机制运行", [("协同送达", 4, 10, "mech.phrase+tail")]),
    # an unquoted name may run to sixteen characters
    ("建立知识产权行政执法与司法保护衔接机制", [("知识产权行政执法与司法保护衔接", 2, 19, "mech.setup-verb")]),
    # a counted list
    (
        "推行“首问负责、限时办结”两项制度",
        [("首问负责", 2, 17, "mech.quoted+list"), ("限时办结", 2, 17, "mech.quoted+list")],
    ),
    # numbered, X+Y and responsibility-rule names
    ("落实“港长制”", [("港长制", 2, 7, "mech.numbered")]),
    ("推广“一庭两所”", [("一庭两所", 2, 8, "mech.numbered")]),
    ("探索“1+3+N”", [("1+3+N", 2, 9, "mech.numbered")]),
    ("形成一核三治工作法", [("一核三治", 2, 9, "mech.phrase+tail")]),
    # a setup verb and a bare quoted name
    ("推行“按日督办”", [("按日督办", 2, 8, "mech.setup-verb+quoted")]),
    ("开展“飓风行动”", [("飓风行动", 2, 8, "mech.quoted+tail")]),  # named like a campaign
    ("推行“按日督办”，", [("按日督办", 2, 8, "mech.setup-verb+quoted")]),
    ("中心推行“力量下沉、服务下倾”，", [("力量下沉、服务下倾", 4, 15, "mech.setup-verb+quoted")]),  # a short list
    # … or a setup verb and a mechanism of the scheme: the quote names its way of carrying it out
    (
        "推行行政争议实质性化解“三书同达”，即",
        [
            ("行政争议实质性化解", 2, 11, "mech.curated:administrative-dispute-substantive-resolution"),
            ("三书同达", 11, 17, "mech.setup-verb+quoted"),
        ],
    ),
    ("深化诉源治理“大数据”应用", [("诉源治理", 2, 6, "mech.curated:litigation-source-governance")]),  # a modifier
    # a quoted word of two characters that a long phrase goes on from: the phrase is the name (“挂案” alone is a case)
    ("建立“挂案”清理双向通报机制，", [("挂案清理双向通报", 2, 14, "mech.quoted+tail")]),
    ("推行“三官”联合调解模式", [("三官联合调解", 2, 12, "mech.quoted+tail")]),
    ("推行“六化”工作法", [("六化", 2, 9, "mech.quoted+tail")]),  # a generic word only after it
    # a special clean-up is a campaign
    ("开展涉企“挂案”专项清理。", [("涉企挂案专项清理", 2, 12, "mech.setup-verb")]),
    # a rule that gives one way priority names a mechanism (only a list with such a part is a principle)
    ("推行电子送达优先制度，", [("电子送达优先", 2, 10, "mech.setup-verb")]),
    # help given in a way of its own, named by a quote
    ("实行刑满释放人员“出监即入户”帮扶。", [("出监即入户", 8, 17, "mech.quoted+tail")]),
    ("推行“六化”工作法", [("六化", 2, 9, "mech.quoted+tail")]),  # numbered and short, before a strong word
    ("创新“五心”调解法", [("五心", 2, 9, "mech.quoted+tail")]),
    ("运用五步调解法化解纠纷", [("五步调解法", 2, 7, "mech.numbered")]),  # steps, unquoted
    ("推行三字诀", [("三字诀", 2, 5, "mech.numbered")]),
    ("以“一案一码”为抓手", [("一案一码", 1, 7, "mech.numbered")]),
    # a setup verb, an unquoted noun phrase and a generic word
    ("建立涉企案件快速办理机制", [("涉企案件快速办理", 2, 12, "mech.setup-verb")]),
    ("探索繁简分流快速审理机制", [("繁简分流快速审理", 2, 12, "mech.setup-verb")]),
    # a founding verb, then the whole name though jieba cuts it short (查人|找物); what 衔接 joins on both sides of 与
    ("联合市公安局建立查人找物协作机制", [("查人找物协作", 8, 16, "mech.setup-verb.span")]),
    ("建立劳动人事争议仲裁与诉讼衔接机制", [("劳动人事争议仲裁与诉讼衔接", 2, 17, "mech.setup-verb")]),
    # an unquoted noun phrase before a strong generic word
    ("充分发挥行刑双向衔接机制作用", [("行刑双向衔接", 4, 12, "mech.phrase+tail")]),
    ("打造五“度”融合工作体系", [("五度融合", 2, 12, "mech.setup-verb")]),  # a quoted character inside a word
    ("建立了“法庭+司法所”的“两所联动”机制", [("两所联动", 12, 20, "mech.quoted+tail")]),  # the first describes it
    ("建立诉调对接机制", [("诉调对接", 2, 6, "mech.curated:litigation-mediation-connection")]),
    ("深入推进扫黑除恶斗争", [("扫黑除恶专项斗争", 4, 10, "mech.curated:anti-gang-special-struggle")]),
    ("深入开展扫黑除恶专项斗争", [("扫黑除恶专项斗争", 4, 12, "mech.curated:anti-gang-special-struggle")]),
    ("开展无障碍环境建设专项行动", [("无障碍环境建设专项行动", 2, 13, "mech.setup-verb")]),  # a campaign keeps its tail
    ("开展电信网络诈骗专项整治", [("电信网络诈骗专项整治", 2, 12, "mech.setup-verb")]),
    ("开展民事执行专项监督", [("民事执行专项监督", 2, 10, "mech.setup-verb")]),  # a procuratorate's campaign
    ("建设，即行政争议协调化解机制", [("行政争议协调化解", 4, 14, "mech.phrase+tail")]),  # 即 (namely) is no part
    ("推行即时调解机制", [("即时调解", 2, 8, "mech.setup-verb.span")]),  # …but 即时 is a word
    # the 等 closing a list is no part of the name after it, though jieba glues them (等诉|调)
    (
        "“法院+商会”等诉调对接机制",
        [("法院+商会", 0, 7, "mech.numbered"), ("诉调对接", 8, 12, "mech.curated:litigation-mediation-connection")],
    ),
    ("建立等级评定机制", [("等级评定", 2, 8, "mech.setup-verb")]),  # 等级 is a word
    # 成立 founds a community as 构建 does; the region's instance is named without the region
    ("成立了鼓楼区未成年人保护共同体", [("未成年人保护共同体", 3, 15, "mech.setup-verb")]),
    ("成立调解委员会", []),  # …and founds bodies, which end in no generic word
    ("开展电信网络诈骗专项治理", [("电信网络诈骗专项治理", 2, 12, "mech.setup-verb")]),
    ("加强专项监督", []),  # the campaign word alone names none
    # a system named by its rule, unquoted
    (
        "推行首问负责制、限时办结制",
        [("首问负责制", 2, 7, "mech.curated:first-inquiry-responsibility"), ("限时办结制", 8, 13, "mech.rule-name")],
    ),
    ("全面推行湾长制", [("湾长制", 4, 7, "mech.rule-name")]),
    # two bodies in one character each and how they work together
    ("健全检企对接、畅通警企合作路径", [("检企对接", 2, 6, "mech.agent-pair"), ("警企合作", 9, 13, "mech.agent-pair")]),
    ("深化检校合作", [("检校合作", 2, 6, "mech.agent-pair")]),
    ("推进检法衔接", [("检法衔接", 2, 6, "mech.agent-pair")]),
    # named legal procedures and instruments
    ("检察院依法提出抗诉", [("抗诉", 5, 9, "mech.curated:procuratorial-protest")]),
    ("对其作出相对不起诉决定", [("不起诉", 4, 9, "mech.curated:non-prosecution")]),
    ("公安机关出具家庭暴力告诫书", [("家庭暴力告诫书", 6, 13, "mech.curated:domestic-violence-warning")]),
    ("法院适用惩罚性赔偿", [("惩罚性赔偿", 4, 9, "mech.curated:punitive-damages")]),
    ("法官上门立案", [("上门立案", 2, 6, "mech.curated:on-site-case-filing")]),
    ("依法采取保全措施", [("诉讼保全", 4, 8, "mech.curated:litigation-preservation")]),
    (
        "推行云调解和电子送达",
        [("在线调解", 2, 5, "mech.curated:online-mediation"), ("电子送达", 6, 10, "mech.curated:electronic-service")],
    ),
    # the two halves of a name may be listed with 、
    ("推行“双随机、一公开”监管", [("双随机一公开", 3, 10, "mech.curated:double-random-one-public")]),
]

NEGATIVES = [
    # a priority or a balance is a principle (SPEC v2), whole or as a part of a list
    "诉讼服务团队实行“调解优先、诉讼断后”，效果好",
    "坚持“预防为主、防治结合”，",
    "作为“一号工程”强力推进",  # an ordinal designation
    "探索域外法查明“厦门模式”",  # a place alone names whose model it is, not the model
    "落实安全生产责任制",  # 责任制 is a generic word only after a quoted name
    "建设诉讼服务中心",  # a facility
    "成立诉讼服务工作机制管理委员会",  # a body named after the mechanism it runs
    "司法所聘请了132名“双语法律明白人”",  # people counted: the role, not the programme
    "培养法律明白人1860人",
    "在三亚市设立3个巡回审判点",  # a site named after what is done there
    "设立4个生态保护巡回审判站",
    "在佛山设立5个巡回审判法庭",
    "建立了覆盖全市的调解机制",  # no name runs from the verb (了, 的)
    "建立与公安机关的协作机制",
    "如何更好地落实落细这一制度",  # 落实 founds nothing
    "完善市场主体拯救和退出机制",
    "坚持“调解优先、调判结合”原则",  # a principle
    "坚持“当判则判、能调则调”",  # a principle without a generic word
    "通过“人民法院在线服务”小程序立案",  # an app
    "上线“法答网”",  # a platform
    "借助“云上法庭”平台开庭",  # a platform
    "建成“老兵调解室”",  # a facility
    "设立“法官工作站”",  # a facility
    "打造“法暖万家”党建品牌",  # a brand
    "荣获“法治政府奖”",  # an award
    "以“看得见”“听得懂”的方式普法",  # fragments of a sentence
    "坚持“当救则救，能救则救”",  # a sentence in quotes
    "让“骨头案”变为“精品案”",  # nicknames of cases
    "打通“最后一公里”",  # a goal
    "以“公平正义铸党魂 司法为民守初心”主题活动为载体",  # a slogan
    "完善工作机制",  # generic words only
    "建立长效机制",
    "健全协调联动机制",
    "建立健全内部管理制度",
    "坚持“四个一”",  # a count, not a name
    "群众可“按需点单、随时咨询”",  # a quoted list with no setup verb
    "每一步法官都要把关",  # one step, and 法 starts 法官
    "进一步法治化",
    "第二步法院将跟进",
    "推行“受理快、办理快、审批快、出证快、反馈快”",  # too long a list: a slogan
    "将派出所建设作为公安“一号工程”强力推进",  # a count before a campaign word
    "建立调查、调解、心理疏导三项机制",  # a counted list of functions
    "不断创新完善破产审判工作机制",  # a generic function of the court
    "持续优化升级反诈技术体系",  # technology, not a mechanism
    "落实安全生产责任制",  # a generic duty
    "健全消防安全责任制度",
    "为执行人员办案提供制度保障",  # 制度保障: no name's tail
    "打造了“民转刑”案件的风控引擎",  # a quote that modifies a noun
    "为企业提供“一站式”法律服务",  # a word alone before a weak generic word: no fragment 一站式法律
    # a curated label inside the name of a role, a body, a facility or a platform
    "聘请人民调解员参与化解",
    "社区矫正对象按时报到",
    "成立诉调对接中心",
    "打造市域社会治理现代化指挥中心",  # a facility named after the work
    "获评全省平安建设先进市",  # an award
    "街道人民调解委员会受理纠纷",
    "设立法律援助工作站",
    "上线多元解纷平台",
    "依托数字检察App",
    "全市法院在线庭审率达67%",  # a rate named after it
    "加强政府协同",  # 政府 is a word, not two bodies
    "推进政企合作",  # no justice body
    "加强法院联动",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_mechanism_rules(text, expected):
    assert [(m.name, m.start, m.end, m.rule) for m in find_mechanisms(text)] == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_mechanisms(text):
    assert [(m.name, m.rule) for m in find_mechanisms(text)] == []


NAMED_AS_WRITTEN = [
    # text, (name, concept id): a curated concept takes the text's name, its prefLabel when the
    # text's name holds it
    ("法院推进“执行难”源头治理。", ("执行难源头治理", "enforcement-source-governance")),
    ("法院推进执源治理，做实“执行难”源头治理。", ("执源治理", "enforcement-source-governance")),
    ("公安局强化“一村（格）一警”建设。", ("一村（格）一警", "one-village-one-police")),
    ("法院通过执前督促程序督促履行。", ("执前督促", "pre-execution-urging")),
]


@pytest.mark.parametrize("text, expected", NAMED_AS_WRITTEN)
def test_curated_mechanism_is_named_as_the_text_writes_it(text, expected):
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    assert [(m["name"], m["concept"]) for m in x["mechanisms"]] == [expected]


@pytest.mark.parametrize(
    "raw, name",
    [("“交叉执行”工作机制", "交叉执行"), ("诉调对接工作", "诉调对接"), ("飓风行动", "飓风行动"), ("工作", "工作")],
)
def test_clean_name_drops_only_the_generic_words_of_the_spec(raw, name):
    assert clean_name(raw) == name


def test_no_two_concepts_of_the_scheme_share_a_chinese_label():
    """Read from the file's statements, before the concepts are keyed by label (where a later concept with
    the same prefLabel would silently replace an earlier one)."""
    text = (Path(__file__).resolve().parents[1] / "ontology" / "mechanisms.ttl").read_text(encoding="utf-8")
    owner: dict[str, str] = {}
    for s, p, o in skos.statements(text):
        if p.endswith(("#prefLabel", "#altLabel")) and o[0] == "literal" and o[2] == "zh":
            assert owner.setdefault(o[1], s) == s, f"{o[1]}: {owner[o[1]]} and {s}"


def test_scheme_labels_are_unique_and_broader_links_resolve():
    labels: dict[str, str] = {}
    for c in mechanisms().values():
        for label in (c.pref, *c.alts):
            assert labels.setdefault(label, c.pref) == c.pref, f"{label} in {labels[label]} and {c.pref}"
        assert c.broader is None or c.broader in mechanisms()


def test_scheme_holds_legal_procedures_beside_reforms():
    known = mechanisms()
    for name in ("诉前调解", "司法确认", "公益诉讼", "检察建议", "司法救助", "认罪认罚从宽", "人身安全保护令"):
        assert name in known
    assert known["预重整"].broader == "破产重整"
    assert "执转破" in known["执行转破产"].alts


def test_rule_data_loads():
    cues = mechanism_cues()
    assert "机制" in cues.strong_tails and "建立" in cues.setup and "工作" in cues.strip
    stop = mechanism_stoplist()
    assert stop.names["法答网"] == "platform" and stop.follows["小程序"] == "platform"


def _document_mechanisms(text: str) -> list[str]:
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    return [m["name"] for m in x["mechanisms"]]


def test_a_quote_the_document_calls_a_platform_names_no_mechanism_anywhere():
    # the headline's quote stands alone; the body calls it a platform
    text = "琼山区“椰城市民云”开通服务\n　　琼山区司法局依托“椰城市民云”平台开通专区，推行“法援+诉讼”衔接机制。\n"
    assert _document_mechanisms(text) == ["法援+诉讼"]
    # a facility named after a mechanism does not make the mechanism a facility
    text = "　　泉州市推进“一庭两所”矛盾纠纷联调机制建设。南安市“一庭两所”联调工作室调解成功率达到92%。\n"
    assert "一庭两所" in _document_mechanisms(text)
