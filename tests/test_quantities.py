"""Outcome figures: units and their rule ids, exclusions, metric labels and subjects (tables)."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from govgraph.extract.metrics import metric_label
from govgraph.extract.quantities import find_quantities

# ------------------------------------------------------------------ units (data/quantity_units.tsv)

UNIT_CASES = [
    # text, [(text, start, end, value, unit, rule)]
    ("共发现公益诉讼线索68件", [("68件", 9, 12, 68, "item", "qty.unit:件→item")]),
    ("受理劳动争议案件31起", [("31起", 8, 11, 31, "case", "qty.unit:起→case")]),
    ("调解各类纠纷16件", [("16件", 6, 9, 16, "case", "qty.unit:件→case")]),
    ("解答法律咨询4311件", [("4311件", 6, 11, 4311, "item", "qty.unit:件→item")]),
    ("扣押假冒商品3200件", [("3200件", 6, 11, 3200, "item", "qty.unit:件→item")]),  # goods are no cases
    ("涉案金额达1200万美元", [("1200万美元", 5, 12, 12000000, "other", "qty.unit:美元→other")]),  # not CNY
    ("调解成功率达到九成", [("九成", 7, 9, 90, "percent", "qty.tenths")]),  # tenths after a level reached
    ("调解成功率近6成", [("6成", 6, 8, 60, "percent", "qty.tenths")]),  # …in digits too
    # numbers in words with 万 inside, and a rate in words with a decimal
    ("执结案件二万三千件", [("二万三千件", 4, 9, 23000, "case", "qty.unit:件→case")]),
    # two figures with 十, and a decimal in words before its magnitude
    (
        "罚款四十六人，执行到位十二点三亿元",
        [
            ("四十六人", 2, 6, 46, "person", "qty.unit:人→person"),
            ("十二点三亿元", 11, 17, 1230000000, "CNY", "qty.unit:元→CNY"),
        ],
    ),
    ("执行到位率达到百分之六十五点三", [("百分之六十五点三", 7, 15, 65.3, "percent", "qty.percent-words")]),
    ("收案数同比减少两成", [("两成", 7, 9, 20, "percent", "qty.tenths")]),
    ("超过八成以上的纠纷在基层化解", [("八成以上", 2, 6, 80, "percent", "qty.tenths")]),
    # the work's result in a jurisdiction is an outcome; its size is not (negatives below)
    ("辖区警情同比下降21.6%", [("21.6%", 8, 13, 21.6, "percent", "qty.percent")]),
    ("受理群众来信来访1.8万件次", [("1.8万件次", 8, 14, 18000, "case", "qty.unit:件次→case")]),  # petitions
    # sentencing in aggregate is work done; one defendant's term is not (negatives below)
    ("判处5年以上有期徒刑275人", [("275人", 10, 14, 275, "person", "qty.unit:人→person")]),
    ("共判处罚金1200万元", [("1200万元", 5, 11, 12000000, "CNY", "qty.unit:元→CNY")]),
    ("下发10个先进典型案例", [("10个", 2, 5, 10, "case", "qty.unit:个→case")]),
    ("新建调解室12个", [("12个", 5, 8, 12, "item", "qty.unit:个→item")]),
    ("受理群众信访量10307件(人)次", [("10307件(人)次", 7, 17, 10307, "person_time", "qty.unit:件(人)次→person_time")]),
    ("接待群众13.2万余批次", [("13.2万余批次", 4, 12, 132000, "other", "qty.unit:批次→other")]),
    ("举办专题学习36期", [("36期", 6, 9, 36, "other", "qty.unit:期→other")]),
    ("走访群众120户", [("120户", 4, 8, 120, "other", "qty.unit:户→other")]),
    ("九部门联合发布意见", [("九部门", 0, 3, 9, "item", "qty.unit:部门→item")]),
    ("案件调解用时一个多月", [("一个多月", 6, 10, 1, "other", "qty.unit:个多月→other")]),
    ("3年内全部下沉锻炼", [("3年内", 0, 3, 3, "other", "qty.unit:年内→other")]),
    ("案件调解率80.6%", [("80.6%", 5, 10, 80.6, "percent", "qty.percent")]),
    ("管护林地4990亩", [("4990亩", 4, 9, 4990, "other", "qty.unit:亩→other")]),
    ("冷静期回访650件(次)", [("650件(次)", 5, 12, 650, "item", "qty.unit:件(次)→item")]),
    ("行政执法行为超7000万次/年", [("超7000万次/年", 6, 15, 70000000, "other", "qty.unit:次/年→other")]),
    ("成功拦截黄金240克", [("240克", 6, 10, 240, "other", "qty.unit:克→other")]),
    ("用时不到一个小时", [("不到一个小时", 2, 8, 1, "hour", "qty.unit:个小时→hour")]),
    ("调解的一起纠纷案中，成功执行到位225万余元", [("225万余元", 16, 22, 2250000, "CNY", "qty.unit:元→CNY")]),
    ("网络司法拍卖成交量9.82万件", [("9.82万件", 9, 15, 98200, "item", "qty.unit:件→item")]),
    ("一名男子被骗，民警成功拦截资金30万元", [("30万元", 15, 19, 300000, "CNY", "qty.unit:元→CNY")]),
    ("以张某为首的团伙落网，共查封房产12套", [("12套", 16, 19, 12, "item", "qty.unit:套→item")]),
    ("一天之内完成交接", [("一天之内", 0, 4, 1, "day", "qty.unit:天→day")]),
    # how long the work on one case took is a figure; the people of its story are not
    ("调解的一起纠纷，仅用11天就使16名农民工拿到工资", [("11天", 10, 13, 11, "day", "qty.unit:天→day")]),
    ("清理绿化带3万平方米", [("3万平方米", 5, 10, 30000, "other", "qty.unit:平方米→other")]),
    # a hotline's work orders are the public's requests (items); 热线 right before a figure is a phone number
    ("承办热线工单4.2万件", [("4.2万件", 6, 11, 42000, "item", "qty.unit:件→item")]),
    ("占热线工单总量的20.7%", [("20.7%", 8, 13, 20.7, "percent", "qty.percent")]),
    ("受理群众诉求3964件", [("3964件", 6, 11, 3964, "item", "qty.unit:件→item")]),
    # sums tallied or recovered are work, one case's debt is not (negatives below)
    ("涉及贷款金额52.3亿元", [("52.3亿元", 6, 12, 5230000000, "CNY", "qty.unit:元→CNY")]),
    ("追偿生态损害赔偿金860万元", [("860万元", 9, 14, 8600000, "CNY", "qty.unit:元→CNY")]),
    (
        "办理赔偿案件27件，赔偿金额合计2360万元",
        [("27件", 6, 9, 27, "case", "qty.unit:件→case"), ("2360万元", 16, 22, 23600000, "CNY", "qty.unit:元→CNY")],
    ),
    ("累计补植林木3.2万株", [("3.2万株", 6, 11, 32000, "other", "qty.unit:株→other")]),
    # a count per so many people is a rate written in 件 (SPEC: 件/万人 → other); the whole clause tells
    (
        "万人成讼率由118件降至104件",
        [
            ("118件", 6, 10, 118, "other", "qty.per-capita:件→other"),
            ("104件", 12, 16, 104, "other", "qty.per-capita:件→other"),
        ],
    ),
    (
        "服务群众3万人，办理案件100件",
        [("3万人", 4, 7, 30000, "person", "qty.unit:人→person"), ("100件", 12, 16, 100, "case", "qty.unit:件→case")],
    ),
    ("借款合同纠纷平均审理周期为49天", [("49天", 13, 16, 49, "day", "qty.unit:天→day")]),  # a debt word is for money
    ("帮助张某追回欠薪3万元", [("3万元", 8, 11, 30000, "CNY", "qty.unit:元→CNY")]),  # what the work recovered
    (  # a reporter of the byline named by surname is no party
        "本报讯（记者 马某）全省检察机关共办理案件3862件",
        [("3862件", 21, 26, 3862, "case", "qty.unit:件→case")],
    ),
    ("增殖放流鱼苗1900余万尾", [("1900余万尾", 6, 13, 19000000, "other", "qty.unit:尾→other")]),
    ("清理违规养殖设施1.2万口", [("1.2万口", 8, 13, 12000, "other", "qty.unit:口→other")]),
    # after 电话 a figure with a magnitude is a count, not a phone number (热线12345 is one)
    ("拦截诈骗电话28.4亿次", [("28.4亿次", 6, 12, 2840000000, "item", "qty.unit:次→item")]),
    # a duration in digits before 集中整治 is how long the work took (百日攻坚 names a campaign)
    ("开展为期30天集中整治", [("30天", 4, 7, 30, "day", "qty.unit:天→day")]),
    (  # nor is an official giving an account of the work
        "检察部主任王某介绍，该院立案办理案件86件",
        [("86件", 18, 21, 86, "case", "qty.unit:件→case")],
    ),
]
UNIT_NEGATIVES = [
    "涉及50多个国家和地区",  # the scope of foreign cases, not work done
    "辖区共辖11个社区",  # jurisdiction size
    "总人口28万人",  # population
    "建筑面积300平方米",  # area
    "曾有一片2400亩的荒山",  # land area as an attribute
    "全市687名民警被记功嘉奖",  # awards
    "一时拿不出应还的28840元欠款",  # one case's private debt
    "请求赔偿经济损失8万元",  # damages claimed
    "县4套班子领导下访",  # leadership teams
    "两家企业达成和解",  # a count of bodies in small Chinese numerals tells a story
    "三人调解小组、十人，一件事",  # one figure in words with no 十 before or after it is a word
    "李某等3人诉至法院",  # the parties of one case
    "队员24小时待命",  # round the clock, not a duration
    "20日，最高检发布意见",  # a day of the month
    "某省人民检察院2日通报",  # a day of the month after the body that acts on it
    "记者26日从某区法院获悉",
    "会议于3日召开",
    "调解的一起金融借款合同纠纷案中，涉案金额高达6亿元",  # one case's story
    "一名男子申请提取现金50万元",  # one person's story
    "以张某为首的团伙30余人全部落网",  # one gang's story
    "整个案件涉案资产达4亿元",  # one case's story
    "一去一回就是一天",  # one day, a time word
    "改为每月一天",
    "车行5个小时来到村里",  # a trip, not work
    "查封商业用房4万平方米",  # building area
    "10位评委打分",  # an award's jury
    "20个项目获得第七届优秀奖",  # awards
    "构建1个调解中心+N个工作站的模式",  # a formula name
    "民营企业创造了92%的税收",  # the economy, not governance work
    "联动住建部门化解22万元工程款纠纷",  # the size of one dispute
    "护送途中多待一分钟",  # one minute, a time word
    "下辖12个乡镇",  # the jurisdiction's size
    "辖区人口12万人",
    "辖区内有企业300家",
    "判处被告人有期徒刑3年，并处罚金5万元",  # one defendant's sentence and fine
    "被判处拘役4个月",
    "向出借人借款本金50万元",  # one case's debt
    "法院判决被告偿还贷款本金8万元",
    "服务热线12345次",  # 热线 right before the figure: a number, not a count
    "农民工张某拿到了被拖欠的3.2万元工资",  # a party named by surname: one case's story
    "农民工张某说，他被拖欠工资3.2万元",  # a party who speaks is still a party
    "京都律师事务所等12家律所获评优秀律所",  # those that won an award
    "帮助一家4口之家渡过难关",  # a family: one case's story
    "平均审理周期有望缩短30%以上",  # hoped for, no result yet
    "力争年底前执行到位率达到95%",
    "开展百日攻坚行动",  # a campaign named by its length
    "启动三年行动计划",
    "平台上线3个月来",  # the time since the platform began
    "当日，法院召开新闻发布会",  # a date
    "当天下午，民警赶到现场",
    "全村耕地面积3万亩",  # the land's size
    "为全县各村（社区）各配备1名辅警",  # told of each unit
    "各村均配备2名网格员",
    "新建办公楼占地面积3000平方米",
    "受理执行的一起涉及16名农民工为申请执行人的案件",  # one case's parties: the case word follows the figure
    "机制运行6个月以来",
]


UNIT_CASES += [
    # 宗 counts items, and cases where a case word follows it or ends right before it
    ("受理仲裁案件10872宗", [("10872宗", 6, 12, 10872, "case", "qty.unit:宗→case")]),
    ("查处3宗案件", [("3宗", 2, 4, 3, "case", "qty.unit:宗→case")]),
    ("排查安全隐患3200宗", [("3200宗", 6, 11, 3200, "item", "qty.unit:宗→item")]),
    # case files counted in 卷: a counter SPEC does not list → other
    ("抽查行政执法案卷860卷", [("860卷", 8, 12, 860, "other", "qty.unit:卷→other")]),
    ("出版法治读本第3卷", []),  # a volume's ordinal
    # financing restored or brought by the work: no one party's debt
    ("帮助市场主体恢复融资贷款额度8.7亿元", [("8.7亿元", 14, 19, 870000000.0, "CNY", "qty.unit:元→CNY")]),
    # 作为首批 holds no 为首 (以张某为首的团伙), 一起 "together" no 一起 case
    ("该院作为首批试点法院，收缴率达到96.7%", [("96.7%", 16, 21, 96.7, "percent", "qty.percent")]),
    # a time limit of a day written as a word, before the act it limits
    (
        "实行当日受理、三日审查",
        [("当日", 2, 4, 1.0, "day", "qty.day-word"), ("三日", 7, 9, 3.0, "day", "qty.unit:日→day")],
    ),
    ("立案后次日即完成信息填报", [("次日", 3, 5, 1.0, "day", "qty.day-word")]),
    (
        "对甘肃省女子监狱开展巡回检察，发现问题73个",
        [("73个", 19, 22, 73.0, "item", "qty.unit:个→item")],
    ),  # no 女子's story
    ("干警一起努力，全年办结案件1200件", [("1200件", 13, 18, 1200.0, "case", "qty.unit:件→case")]),
    # 每一起 is "every single", no one case's story
    ("对每一起案件开展监督，提出纠正意见15件", [("15件", 17, 20, 15.0, "item", "qty.unit:件→item")]),
    # goods counted in 件 are pieces; disputes or cases about goods are cases
    ("下架问题食品460余件", [("460余件", 6, 11, 460.0, "item", "qty.unit:件→item")]),
    ("查扣假冒产品1200件", [("1200件", 6, 11, 1200.0, "item", "qty.unit:件→item")]),
    ("审结涉食品纠纷120件", [("120件", 7, 11, 120.0, "case", "qty.unit:件→case")]),
    ("审理食品药品安全案件56件", [("56件", 10, 13, 56.0, "case", "qty.unit:件→case")]),
    # an area is work done when its clause says what was done on the land, though 面积 comes before it
    ("督促修复红树林面积360亩", [("360亩", 9, 13, 360.0, "other", "qty.unit:亩→other")]),
    (
        "办理业务12.7万笔",
        [("12.7万笔", 4, 10, 127000.0, "other", "qty.unit:笔→other")],
    ),  # not a SPEC item counter (as 条)
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_quantity_units_and_rule_ids(text, expected):
    got = [(q.text, q.start, q.end, q.value, q.unit, q.rule) for q in find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("text", UNIT_NEGATIVES)
def test_figures_that_are_no_outcome(text):
    assert find_quantities(text) == []


SUMMED_DIVISIONS = [
    # text, the figures: the divisions counted before 共/累计 are who did the work, no figure
    ("3个边境县共破获案件318起", ["318起"]),
    ("5个社区累计化解纠纷30件", ["30件"]),
    ("全县12个乡镇（街道）合计调解纠纷300件", ["300件"]),
    ("在全县15个乡镇建成调解室", ["15个"]),  # where the work was done: a count of units set up
    ("建成12个村级调解室，共调解纠纷8件", ["12个", "8件"]),
]


@pytest.mark.parametrize("text, figures", SUMMED_DIVISIONS)
def test_divisions_counted_before_the_sum_of_their_work_are_no_figure(text, figures):
    assert [q.text for q in find_quantities(text)] == figures


# ------------------------------------------------------------------ metric labels

METRIC_CASES = [
    # sentence, the figure's text, floor, previous label, label
    ("对涉罪未成年人附条件不起诉412人", "412人", 0, None, "涉罪未成年人附条件不起诉数"),  # 不 stays
    ("附条件不起诉率22.1%", "22.1%", 0, None, "附条件不起诉率"),
    ("平均处置时长由28分钟缩短至19分钟", "28分钟", 0, None, "平均处置时长"),  # 时长 names a measure
    ("全市共享法庭开展在线调解1.2万件", "1.2万件", 0, None, "共享法庭开展在线调解数"),  # 共 of 共享 stays
    ("为被害未成年人提供心理疏导153人次", "153人次", 0, None, "被害未成年人提供心理疏导人次"),
    ("案件结案率100%", "100%", 0, None, "案件结案率"),
    # legal terms a label keeps whole; 初 opens no time phrase without a date before it
    ("社区矫正对象再犯罪率保持在0.2%以下", "0.2%", 0, None, "社区矫正对象再犯罪率"),
    ("开展以案说法活动31场", "31场", 0, None, "开展以案说法活动数"),
    ("初信初访一次性化解率达到91.3%", "91.3%", 0, None, "初信初访一次性化解率"),
    ("截至6月底，受理案件100件", "100件", 0, None, "受理案件数"),
    ("群众安全感满意度提升至98.9%", "98.9%", 0, None, "群众安全感满意度"),  # the level reached
    ("平均审理周期缩短至42天", "42天", 0, None, "平均审理周期"),
    ("联合市公安局、团市委等12家单位构建协作机制", "12家", 0, None, "单位数"),  # the bodies counted, not their act
    ("涉案金额164.8万元", "164.8万元", 0, None, "涉案金额"),
    ("受理劳动争议案件31起", "31起", 0, None, "受理劳动争议案件数"),
    ("今年以来，共办理法律援助案件826件", "826件", 0, None, "办理法律援助案件数"),
    ("聘请33名专家学者入驻", "33名", 0, None, "聘请专家学者数"),
    ("选派32名员额法官入驻", "32名", 0, None, "选派员额法官数"),  # 员额 (a post) measures no amount, as 金额 does
    ("增加招生名额200个", "200个", 0, None, "增加招生名额数"),
    ("汇聚腾讯等20多家研发单位", "20多家", 4, None, "研发单位数"),
    ("累计清理道路灰带5.5公里", "5.5公里", 0, None, "清理道路灰带长度"),
    ("管护林地4990亩", "4990亩", 0, None, "管护林地面积"),
    ("15.63%的提级执行率位居全省前列", "15.63%", 0, None, "提级执行率"),
    ("全县98.8%的纠纷在综治中心终结", "98.8%", 0, None, "纠纷比例"),  # whose: its subject tells
    ("审结案件1216件3180人", "3180人", 0, None, "数量"),
    ("仅用30分钟便完成诉讼指导", "30分钟", 0, None, "完成诉讼指导用时"),
    ("平均办案周期已由65.88天压缩至53.71天", "65.88天", 0, None, "平均办案周期"),
    ("成交量9.82万件，同比上升10%", "10%", 9, "成交量", "成交量同比上升"),
    ("执行到位率为56.74%（较去年分别增长4.19%和2.45%）", "2.45%", 26, "执行到位率较去年增长", "执行到位率较去年增长"),
    ("执行到位率为56.74%（较去年分别增长4.19%", "4.19%", 12, "执行到位率", "执行到位率同比增长"),
]


@pytest.mark.parametrize("text, figure, floor, previous, label", METRIC_CASES)
def test_metric_labels_are_noun_phrases(text, figure, floor, previous, label):
    [q] = [q for q in find_quantities(text) if q.text == figure]
    assert metric_label(text, q.start, q.end, q.unit, floor, previous) == label


# ------------------------------------------------------------------ subjects (extract/subjects.py)

SUBJECT_CASES = [
    # article, figure, subject, rule
    (  # a bare system word opening a clause: the body of that system the article named last
        "　　宜昌市中级人民法院与宜昌市公安局建立快速反应机制。今年以来，公安机关协助查找被执行人213人。\n",
        "213人",
        "宜昌市公安局",
        "subj.system-named",
    ),
    (  # …or its branch, not the lead named only in front of the branch's name
        "　　广州海关联合广东省人民检察院广州铁路运输分院建立协作机制。检察机关提前介入重大案件43起。\n",
        "43起",
        "广东省人民检察院广州铁路运输分院",
        "subj.system-named",
    ),
    (  # a national body's official gives the nation's figures, not the body's own
        "　　全国检察机关共起诉106.3万人。最高检第一检察厅负责人介绍，认罪认罚从宽制度适用率为90.3%。\n",
        "90.3%",
        None,
        "subj.paragraph-scope",
    ),
    (  # 据X介绍，…: the body's account of its own work
        "　　荆州市中级人民法院推行诉前调解。据荆州市公安局介绍，今年以来破获案件120起。\n",
        "120起",
        "荆州市公安局",
        "subj.speaker",
    ),
    (  # a list of cities, their count, then the system they share (三市公安机关): each city's lead body
        "　　宁波、温州两市公安机关分别破获案件120起、100起。\n",
        "100起",
        "温州市公安局",
        "subj.collective-body",
    ),
    (  # an official's account opening the sentence is of the body's own work (a unit in the title: its body)
        "　　合肥市中级人民法院互派干警46名。芜湖市中级人民法院执行局局长介绍，平均执行周期缩短至97天。\n",
        "97天",
        "芜湖市中级人民法院",
        "subj.speaker",
    ),
    (  # … unless the account names the region it speaks of
        "　　南通市崇川区委政法委相关负责人介绍，该区在全区13个街道建成中心。\n",
        "13个",
        "崇川区",
        "subj.region-named",
    ),
    (  # a headline's round figure for the body's exact one takes its subject
        "全年调处纠纷1700余件\n　　截至11月底，伊宁县共调处各类矛盾纠纷1738件。伊宁县司法局局长介绍，该局建成队伍1860人。\n",
        "1700余件",
        "伊宁县",
        "subj.same-metric",
    ),
    (  # 全地区: a prefecture-level 地区's system, through its lead body
        "　　新疆维吾尔自治区阿克苏地区人民检察院部署行动。全地区检察机关共办理民生案件356件。\n",
        "356件",
        "阿克苏地区人民检察院",
        "subj.collective-lead",
    ),
    (  # 两级法院 after its lead court in the same sentence; the clauses after it go on about that court
        "　　记者从遵义市中级人民法院获悉，遵义两级法院共受理案件21.6万件；审结执结20.9万件。\n",
        "21.6万件",
        "遵义市中级人民法院",
        "subj.two-level",
    ),
    (
        "　　记者从遵义市中级人民法院获悉，遵义两级法院共受理案件21.6万件；审结执结20.9万件。\n",
        "20.9万件",
        "遵义市中级人民法院",
        "subj.carried-agent",
    ),
    (  # a headline's figure measures what the body's figure of the same label measures, of its subject
        "化解率达92%\n　　今年以来，鼎城区化解率92.2%。鼎城区人民法院设立服务站，区人民法院接待群众820人次。\n",
        "92%",
        "鼎城区",
        "subj.same-metric",
    ),
    (  # the body that leads a joint act reports the clause's figures, its partners named in the next clause
        "　　湖州市委政法委牵头，联合湖州市中级人民法院、湖州市公安局推行改革，在全市127个小区设立调解室。\n",
        "127个",
        "中国共产党湖州市委员会政法委员会",
        "subj.clause",
    ),
    (  # a headline's figure told again in the body, of the body's subject (the body's is one figure with it)
        "挽回税款损失5.6亿元\n　　国家税务总局江苏省税务局深化协作。截至11月底，江苏省共查处案件1286起，"
        "挽回税款损失5.6亿元。其中，苏州市税务局稽查局破获一起案件。\n",
        "5.6亿元",
        "江苏省",
        "subj.region",
    ),
    (  # a region before a person word is where the person lives, not the agent of what follows
        "　　海口海事法院设立巡回审判点。“现在就能调解。”三亚市崖州区渔民陈某说。据介绍，全年化解纠纷286件。\n",
        "286件",
        "海口海事法院",
        "subj.carried",
    ),
    (  # 全州市场监管部门: a region's market regulators report through its market regulation bureau
        "　　甘孜藏族自治州市场监督管理局部署整治。全州市场监管部门立案查处案件158件。\n",
        "158件",
        "甘孜藏族自治州市场监督管理局",
        "subj.collective-lead",
    ),
    (  # a city's market regulators named with the city: the city's bureau
        "　　宁波市市场监督管理局联合公安机关建立机制。宁波市市场监管部门移送案件63件。\n",
        "63件",
        "宁波市市场监督管理局",
        "subj.collective-body",
    ),
    (  # … and with no bureau named, the city's education departments are the city
        "　　宁波市召开会议。全市教育部门开展专项行动120次。\n",
        "120次",
        "宁波市",
        "subj.collective-region",
    ),
    (  # 全省监狱: the province's prisons report through its prison administration
        "　　青海省监狱管理局召开会议。全省监狱共组织职业技能培训4320人次。\n",
        "4320人次",
        "青海省监狱管理局",
        "subj.collective-lead",
    ),
    (  # 两级法院: the lead court itself, not the tribunal it set up
        "　　宜昌市中级人民法院设立长江环境资源法庭。宜昌两级法院共审结环境资源案件1127件。\n",
        "1127件",
        "宜昌市中级人民法院",
        "subj.two-level",
    ),
    ("　　近日，荆州市中级人民法院办理交叉执行案件371件。\n", "371件", "荆州市中级人民法院", "subj.clause"),
    (
        "　　荆州市中级人民法院召开会议。全市法院共调解各类案件6323件。\n",
        "6323件",
        "荆州市中级人民法院",
        "subj.collective-lead",
    ),
    ("　　湖北省荆州市召开会议。全市共有专职网格员345名。\n", "345名", "荆州市", "subj.collective-region"),
    (  # a bare system word opening a later clause is the same region's system
        "　　大连市中级人民法院、大连市人民检察院、大连市公安局联合出台意见。"
        "全市公安机关立案侦查46件，检察机关提起公诉38件，法院判处罪犯29人。\n",
        "38件",
        "大连市人民检察院",
        "subj.collective-lead",
    ),
    (
        "　　大连市中级人民法院、大连市人民检察院、大连市公安局联合出台意见。"
        "全市公安机关立案侦查46件，检察机关提起公诉38件，法院判处罪犯29人。\n",
        "29人",
        "大连市中级人民法院",
        "subj.collective-lead",
    ),
    ("　　最高人民法院召开发布会。全国法院执结案件300件。\n", "300件", None, "subj.national"),
    (
        "　　由宜昌市人民检察院牵头，市教育局、市妇联等18家单位联动。\n",
        "18家",
        "宜昌市人民检察院",
        "subj.clause",
    ),
    ("　　上海、广东、四川等23个省份已建立调解组织。\n", "23个", None, "subj.region-list"),
    # a list of divisions right followed by their count, with no 等: the figures are of the division above them
    (
        "　　和田地区司法局通报，和田市、墨玉县、洛浦县3个县市率先推行，平均办理时长缩短4.5天。\n",
        "4.5天",
        "和田地区",
        "subj.region-list",
    ),
    ("　　和田地区司法局通报，和田市、墨玉县3个县市率先推行。\n", "3个", "和田地区", "subj.region-list"),
    ("　　和田地区司法局通报，和田市3个乡镇率先推行，办理案件12件。\n", "12件", "和田市", "subj.region"),  # no list
    (
        "　　新源县人民法院将执行工作嵌入诉源治理，全县12个乡镇全覆盖设置法官工作站。\n",
        "12个",
        "新源县人民法院",
        "subj.jurisdiction",
    ),
    (  # a partner after 与 joins the lead's measure
        "　　宜昌市法律援助中心与市总工会建立快速通道，平均办结时间缩短至7个工作日。\n",
        "7个工作日",
        "宜昌市法律援助中心",
        "subj.clause",
    ),
    (  # the co-actors of a joint measure join it; the lead reports its figures
        "　　宜昌市人民检察院联合市公安局、市妇联建立协作机制，设立工作站25个。\n",
        "25个",
        "宜昌市人民检察院",
        "subj.clause",
    ),
    ("　　近8年来，浙江共计接待群众13万余人次。\n", "13万余人次", "浙江省", "subj.region"),
    (
        "　　茅箭区高度重视调解工作。2024年办理投诉举报51件。\n",
        "51件",
        "茅箭区",
        "subj.paragraph-scope",
    ),
    (
        "　　最高人民法院召开新闻发布会。第一季度执行到位率为56.74%。\n",
        "56.74%",
        None,
        "subj.national-carried",
    ),
    (  # 全市纪检监察机关: the city's 纪委 leads them
        "　　芜湖市纪委监委召开会议。全市纪检监察机关共立案审查调查1063件。\n",
        "1063件",
        "中国共产党芜湖市纪律检查委员会",
        "subj.collective-lead",
    ),
    (  # 纪委监委 names two bodies at once: its figures are the first's
        "　　芜湖市纪委监委开展集中整治，督促整改问题1247个。\n",
        "1247个",
        "中国共产党芜湖市纪律检查委员会",
        "subj.clause",
    ),
]
SUBJECT_NEGATIVES = [
    # article, figure, a subject it must not get
    ("　　宜昌市人民检察院联合市妇联等11家单位出台意见。\n", "11家", "宜昌市妇女联合会"),
    ("　　荆州市中级人民法院组建小组，并在全市法院部署开展练兵，制定10项细则。\n", "10项", "荆州市"),
    (
        "　　荆州市中级人民法院召开会议。该部门还与市市场监督管理局建立通道，办理时间压缩至15个工作日。\n",
        "15个工作日",
        "荆州市市场监督管理局",
    ),
]


@pytest.mark.parametrize("text, figure, subject, rule", SUBJECT_CASES)
def test_quantity_subjects_and_their_rules(text, figure, subject, rule):
    x = doc(text)
    [q] = [q for q in x["quantities"] if q["text"] == figure]
    assert (q["subject"], q["subject_rule"]) == (subject, rule)


@pytest.mark.parametrize("text, figure, wrong", SUBJECT_NEGATIVES)
def test_list_members_and_governed_bodies_are_not_subjects(text, figure, wrong):
    x = doc(text)
    [q] = [q for q in x["quantities"] if q["text"] == figure]
    assert q["subject"] != wrong


def test_a_figure_before_any_body_belongs_to_the_body_the_article_is_about():
    x = doc("　　民警迅速行动，成功拦截黄金240克。宜昌市公安局表示，宜昌市公安局将继续开展反诈宣传。\n")
    [q] = x["quantities"]
    assert (q["subject"], q["subject_rule"]) == ("宜昌市公安局", "subj.article-body")


def test_a_repeated_figure_is_listed_once():
    x = doc("　　荆州市中级人民法院执结案件972件。据统计，荆州市中级人民法院执结案件972件。\n")
    assert [q["text"] for q in x["quantities"]] == ["972件"]


def test_a_figure_repeated_in_one_article_is_listed_once_when_its_subject_was_only_inferred():
    x = doc("　　据统计，执结案件972件。宜昌市中级人民法院表示，宜昌市中级人民法院执结案件972件。\n")
    assert [q["text"] for q in x["quantities"]] == ["972件"]


def test_a_small_count_repeated_with_the_same_words_before_it_is_listed_once():
    # the headline's figure and the body's: the same words come before it, other words after it
    x = doc("宜昌检察办理公益诉讼案件43件\n　　宜昌市人民检察院今年立案办理公益诉讼案件43件，发出建议29件。\n")
    assert [q["text"] for q in x["quantities"]] == ["43件", "29件"]
    # a small count after other words is another figure
    x = doc("　　宜昌市人民检察院办理公益诉讼案件43件，其中督促整改案件43件。\n")
    assert [q["text"] for q in x["quantities"]] == ["43件", "43件"]


def test_two_bodies_each_named_with_the_same_figure_give_two_figures():
    x = doc("　　宜昌市中级人民法院执结案件972件。荆州市中级人民法院执结案件972件。\n")
    assert [q["subject"] for q in x["quantities"]] == ["宜昌市中级人民法院", "荆州市中级人民法院"]


RESPECTIVE_CASES = [
    # figures after 分别 go one by one to the bodies listed before it
    (
        "　　红花岗区人民法院、汇川区人民法院结收案比分别为101.2%、99.6%。\n",
        [("101.2%", "遵义市红花岗区人民法院"), ("99.6%", "遵义市汇川区人民法院")],
    ),
    (
        "　　荆州市公安局和宜昌市公安局分别破获案件12起和15起。\n",
        [("12起", "荆州市公安局"), ("15起", "宜昌市公安局")],
    ),
    # the words between 分别 and the figures may name what is counted at length
    (
        "　　荆州市人民检察院、宜昌市人民检察院分别办理涉未成年人案件48件和31件。\n",
        [("48件", "荆州市人民检察院"), ("31件", "宜昌市人民检察院")],
    ),
    # the list may end one clause before 分别 when the run of figures matches it
    (
        "　　荆州市公安局和宜昌市公安局成效明显，破案率分别达到95.2%和93.1%。\n",
        [("95.2%", "荆州市公安局"), ("93.1%", "宜昌市公安局")],
    ),
    # their changes after 同比分别 go the same way
    (
        "　　荆州市公安局和宜昌市公安局分别破获案件12起和15起，同比分别上升6.2%和9.8%。\n",
        [("12起", "荆州市公安局"), ("15起", "宜昌市公安局"), ("6.2%", "荆州市公安局"), ("9.8%", "宜昌市公安局")],
    ),
]


@pytest.mark.parametrize("text, expected", RESPECTIVE_CASES)
def test_figures_after_fenbie_go_to_the_bodies_listed_before_it(text, expected):
    x = doc(text)["quantities"]
    assert [(q["text"], q["subject"]) for q in x] == expected
    assert {q["subject_rule"] for q in x[:1]} == {"subj.respective"}


def test_figures_after_fenbie_go_to_the_divisions_listed_before_it():
    """凯里市、雷山县分别…: with no bodies listed (the bureau before reports), the divisions listed are the
    figures' subjects one by one."""
    x = doc("　　黔东南州司法局通报，凯里市、雷山县分别调解纠纷3125件和1046件。\n")["quantities"]
    assert [(q["text"], q["subject"]) for q in x] == [("3125件", "凯里市"), ("1046件", "雷山县")]
    assert x[1]["subject_rule"] == "subj.respective"


@pytest.mark.parametrize(
    "text",
    [
        "　　荆州市公安局、宜昌市公安局分别抓获嫌疑人3人、5人和7人。\n",  # two bodies, three figures
        "　　荆州市公安局破获案件和抓获嫌疑人分别为12起和15人。\n",  # one body
        "　　黔东南州司法局通报，凯里市、雷山县、台江县分别调解纠纷3125件和1046件。\n",  # three regions, two figures
        # changes of one body's two figures: no run of bodies before them
        "　　荆州市公安局破获案件12起、抓获嫌疑人15人，同比分别上升6.2%和9.8%。\n",
    ],
)
def test_fenbie_without_matching_lists_changes_no_subject(text):
    assert all(q["subject_rule"] != "subj.respective" for q in doc(text)["quantities"])


def test_a_citys_courts_of_two_levels_are_its_intermediate_court_when_the_text_names_it():
    """芜湖市两级法院 opening an article: the lead the text names later (SPEC: 全市法院 → the 中级人民法院
    when the text names it); the region when it never does, in the figures carried on too (海口两级法院)."""
    named = (
        "　　芜湖市两级法院共受理案件15.2万件。法院共派出干警110人次。\n　　其中，芜湖市中级人民法院受理案件1.3万件。\n"
    )
    never = "　　海口两级法院共受理案件870件。此次行动中共派出干警110人次。\n"
    subjects = {q["text"]: (q["subject"], q["subject_rule"]) for q in doc(named)["quantities"]}
    assert subjects["15.2万件"] == ("芜湖市中级人民法院", "subj.collective-lead")
    assert subjects["1.3万件"] == ("芜湖市中级人民法院", "subj.clause")
    subjects = {q["text"]: (q["subject"], q["subject_rule"]) for q in doc(never)["quantities"]}
    assert subjects == {"870件": ("海口市", "subj.collective-region"), "110人次": ("海口市", "subj.collective-region")}


def test_a_list_of_bodies_left_open_with_deng_is_not_carried_on():
    """南京、苏州、无锡等地检察院…: a group named by example; the figures after it with no subject of their own
    are still the article's body's (the province's procuratorate), not the first listed one's. A lead with
    its partners (A与B、C等) is carried as before."""
    text = (
        "　　江苏省人民检察院全年提起公诉8.9万人。南京、苏州、无锡等地检察院探索建立协作机制。"
        "全年立案办理公益诉讼案件1.2万件。\n"
    )
    subjects = {q["text"]: q["subject"] for q in doc(text)["quantities"]}
    assert subjects["1.2万件"] == "江苏省人民检察院"
    text = "　　青海省人民检察院推行公开听证。青海省高级人民法院与省民政厅、省财政厅等九部门联合出台意见。全年救助1200人。\n"
    assert {q["text"]: q["subject"] for q in doc(text)["quantities"]}["1200人"] == "青海省高级人民法院"


def test_each_item_a_report_spells_out_starts_from_the_body_before_the_items():
    """一是…。二是…: the second item's figures with no subject of their own are the report's body's, not those
    of the body the first item named (竹山县人民法院); nor does it adopt the second item's measures."""
    text = (
        "十堰市中级人民法院工作报告\n\n一是服务保障大局。竹山县人民法院推行“法庭+乡镇”模式，化解纠纷320件。\n"
        "二是公正高效司法。全年共审执结各类案件15322件，推行“雷霆”专项执行行动。\n"
    )
    x = doc(text)
    assert {q["text"]: q["subject"] for q in x["quantities"]} == {
        "320件": "竹山县人民法院",
        "15322件": "十堰市中级人民法院",
    }
    assert ["竹山县人民法院", "雷霆"] not in x["adopts"]
