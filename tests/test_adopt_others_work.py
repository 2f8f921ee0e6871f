"""What a sentence tells of another body's work is not adopted: the aim a lead body names before the partners of
its joint act (为推动X，A与B、C联合会签…: X is A's aim; B and C join the act after), and a speech whose clause a
bare system word of another system opens (X市委书记说：“检察机关…开展公益诉讼…”). A body named only in the
speaker's title does not stand before the speech's own bare subject: 法院 in X县委书记说：“法院…要积极推行…” is the
court the text is about. A body that guides (指导, 督促) its own line's units (各县（市、区）司法局) deploys the
measure through them and adopts it. 人民法院 bare as a clause's subject speaks of courts in general: the body the
text is about does not act there, nor is a body that only helps (X积极配合，…) what the text goes on about.
Invented texts; each negative has a positive beside it."""

from __future__ import annotations

import pytest

from extract_helpers import adoptions

AIM = (
    "为推动“执源治理”落地见效，德清县人民法院与德清县人民检察院、德清县公安局联合会签《执行联动协作意见》，"
    "建立“执行联动”机制。"
)
SPEECH = "海宁市人民检察院推行“生态检察官”制度。中共海宁市委出台《关于加强生态保护的意见》。嘉兴市委常委、海宁市委书记李强说：“{}”"
OTHER_SYSTEM = (
    "检察机关作为公共利益的代表，坚持协同保护，积极开展生态环境领域公益诉讼工作，有力助推海宁市生态环境高质量发展。"
)
OWN = "全市上下坚持协同保护，积极开展生态环境领域公益诉讼工作。"

JOINT = "德清县人民法院与德清县司法局联合开展诉前调解。德清县委书记王刚说：“{}”"

GUIDES = "绵阳市司法局召开全市调解工作会议。该局将指导{}推行“调解员+律师”工作法。"

LONE = "德清县人民法院推行“共享法庭”建设。"

HELPED = LONE + "{}选派调解员进驻法庭。今年以来，依托“在线调解”化解纠纷1200余件。"

ROWS = [
    # the lead's aim, before the partners: the lead's; the joint measure after them: everyone's
    (AIM, ("德清县人民法院", "执源治理"), [(4, 21, "adopt.subject")]),
    (AIM, ("德清县人民检察院", "执源治理"), None),
    (AIM, ("德清县公安局", "执源治理"), None),
    (AIM, ("德清县人民检察院", "执行联动"), [(22, 46, "adopt.coactor"), (22, 59, "adopt.coactor")]),
    # a speech about another system's work; a speech about the speaker's own region's work
    (SPEECH.format(OTHER_SYSTEM), ("中国共产党海宁市委员会", "公益诉讼"), None),
    # a body guiding its own line's units (各县（市、区）司法局) deploys through them; guiding another body, it does not
    (GUIDES.format("各县（市、区）司法局"), ("绵阳市司法局", "调解员+律师"), [(17, 45, "adopt.subject+trigger")]),
    (GUIDES.format("市律师协会"), ("绵阳市司法局", "调解员+律师"), None),
    # 人民法院 bare as a clause's subject: courts in general, not the body carried; with no subject, the body carried
    (LONE + "为减少当事人诉累，人民法院坚持问题导向，灵活选择交叉执行方式。", ("德清县人民法院", "交叉执行"), None),
    (LONE + "人民法院要坚持问题导向，深入推进诉源治理。", ("德清县人民法院", "诉源治理"), None),
    (
        LONE + "为减少当事人诉累，坚持问题导向，灵活选择交叉执行方式。",
        ("德清县人民法院", "交叉执行"),
        [(38, 42, "adopt.carried")],
    ),
    # a helper (积极配合, 也参与) is not what the text goes on about: the body it helps is still carried
    (HELPED.format("德清县司法局积极配合，"), ("德清县人民法院", "在线调解"), [(47, 51, "adopt.carried")]),
    (HELPED.format("德清县司法局积极配合，"), ("德清县司法局", "在线调解"), None),
    (HELPED.format("德清县司法局"), ("德清县司法局", "在线调解"), [(42, 46, "adopt.carried")]),
    # the speech's bare 法院 is the court (not its partner carried from the joint act); 全县上下 names no body
    (
        JOINT.format("法院作为化解纠纷的主力军，要积极推行‘执破融合’。"),
        ("德清县人民法院", "执破融合"),
        [(34, 57, "adopt.system")],
    ),
    (JOINT.format("法院作为化解纠纷的主力军，要积极推行‘执破融合’。"), ("德清县司法局", "执破融合"), None),
    (JOINT.format("全县上下要积极推行‘执破融合’。"), ("德清县人民法院", "执破融合"), None),
    (SPEECH.format(OWN), ("中国共产党海宁市委员会", "公益诉讼"), [(49, 85, "adopt.mention+trigger")]),
]


@pytest.mark.parametrize(("text", "pair", "evidence"), ROWS, ids=[f"{p[0]}-{p[1]}-{e is not None}" for _, p, e in ROWS])
def test_another_bodys_work_is_not_adopted(text, pair, evidence):
    assert adoptions(text).get(pair) == evidence  # None: no such adoption
