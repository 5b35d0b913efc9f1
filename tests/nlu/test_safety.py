"""The escalation safety net raises, never lowers, and marks self-harm as such."""

from __future__ import annotations

import pytest

from bot.nlu.base import ESCALATING_INTENTS, FALLBACK_INTENT
from bot.nlu.decision import decide
from bot.nlu.safety import find_signals


def signal_names(text: str) -> list[str]:
    return [s.name for s in find_signals(text)]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("我不想活了", "self_harm:no_will_to_live"),
        ("再逼我就跳楼", "self_harm:suicide"),
        ("I'm going to kill myself", "self_harm:suicide"),
        ("i want to die", "self_harm:no_will_to_live"),
        ("我老公上个月去世了", "vulnerable:death"),
        ("my husband passed away", "vulnerable:death"),
        ("我在醫院", "vulnerable:hospital"),
        ("他在ICU抢救", "vulnerable:hospital"),
        ("我出意外了", "vulnerable:illness"),
        ("我是他老婆，他人不在了", "vulnerable:death"),
        ("我爸已经不在了", "vulnerable:death"),
        ("我要去人民银行投诉", "complaint_legal:regulator"),
        ("向央行反映你们", "complaint_legal:regulator"),
        ("你们为什么给我妈打电话", "complaint_legal:harassment"),
        ("why did you contact my boss", "complaint_legal:harassment"),
        ("my mum is in icu", "vulnerable:hospital"),
        ("hospitalised last week", "vulnerable:hospital"),
        ("我要找律师", "complaint_legal:lawyer"),
        ("see you in court", "complaint_legal:court"),
        ("我要报警", "complaint_legal:police"),
        ("我打12378投诉", "complaint_legal:regulator"),
        ("I'll complain to the regulator", "complaint_legal:regulator"),
        ("stop harassing me", "complaint_legal:harassment"),
        ("我申请破产了", "complaint_legal:bankruptcy"),
        ("this isn't my loan", "dispute:not_my_loan"),
        ("有人冒用我的身份", "dispute:identity_theft"),
        ("this is a scam", "dispute:fraud"),
        ("我已经还了，怎么还显示逾期", "dispute:already_paid"),
        ("转人工", "request_human:agent"),
    ],
)
def test_lexicon_signals_fire(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "你是人工客服吗",
        "are you a real person",
        "明天还500",
        "我已经还了多少了",
        "call me after 3pm",
        # "icu" inside a word, "hospital" in "hospitality": no stay in hospital
        "it's difficult for me to pay this month",
        "that's ridiculous",
        "in particular the late fee",
        "I work in hospitality and lost my shifts",
        # real words one edit from a keyword
        "my income decreased a lot this year",
        "I have always been compliant with the payments",
        "the islanders bank is closed",
        # the credit reference system, an unexpected expense, a surprise
        "逾期会上央行征信吗",
        "会影响人民银行征信吗",
        "家里有意外开支",
        "我很意外",
        "我在医院上班，最近排班多",
        "为什么给我打电话",
        "why did you call me",
        "他现在不在，晚点再打",
        "他不在家",
    ],
)
def test_ordinary_messages_fire_nothing(text: str) -> None:
    assert signal_names(text) == []


def test_a_signal_raises_a_non_escalating_intent() -> None:
    decision = decide(
        "I'll pay friday but my lawyer says the fee is wrong",
        [("promise_to_pay", 0.8), ("complaint_legal", 0.1)],
    )
    assert decision.intent == "complaint_legal"
    assert decision.escalate
    assert decision.raised
    assert "complaint_legal:lawyer" in decision.signals


def test_a_signal_never_lowers_or_moves_an_escalating_intent() -> None:
    decision = decide("我要投诉，这笔不是我借的", [("dispute", 0.7), ("complaint_legal", 0.2)])
    assert decision.intent == "dispute"
    assert decision.escalate
    assert not decision.raised


def test_self_harm_always_goes_to_vulnerable() -> None:
    decision = decide("还不上我就去死", [("hardship_plan", 0.9), ("complaint_legal", 0.05)])
    assert decision.intent == "vulnerable"
    assert any(s.startswith("self_harm:") for s in decision.signals)


def test_low_confidence_becomes_fallback_unless_a_signal_fires() -> None:
    assert decide("hmm", [("greet", 0.2)], threshold=0.3).intent == FALLBACK_INTENT
    raised = decide("police", [("greet", 0.2)], threshold=0.3)
    assert raised.intent in ESCALATING_INTENTS


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("I want ti die", "self_harm:no_will_to_live"),
        ("I'd be etter off dead", "self_harm:no_will_to_live"),
        ("I'm not te borrower", "dispute:not_my_loan"),
        ("my payment hasn't been osted", "dispute:already_paid"),
        ("我不活了", "self_harm:no_will_to_live"),
        ("真的活不去了", "self_harm:no_will_to_live"),
        ("我在走破产程序", "complaint_legal:bankruptcy"),
        ("我要打电话给金融管局", "complaint_legal:regulator"),
    ],
)
def test_one_slip_in_a_phrase_still_fires(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to diet",
        "我已经还不上了",
        "金额对",
        "我是借款人",
        "我会撑下去的",
        "用我的卡还可以吗",
        "are you a live agent or a bot",
    ],
)
def test_slips_that_change_the_meaning_fire_nothing(text: str) -> None:
    assert signal_names(text) == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("you have the wrnog person", "dispute:not_my_loan"),
        ("I dont want to lve anymore", "self_harm:no_will_to_live"),
        ("the fees makes no snse", "dispute:wrong_amount"),
        ("opertor", "request_human:agent"),
        ("你们冒充检法", "complaint_legal:harassment"),
        ("我要找之前给我打电的那个人", "request_human:agent"),
        ("我是孤寡人", "vulnerable:illness"),
    ],
)
def test_one_slip_in_any_plain_lexicon_wording_still_fires(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll settle it this weekend",
        "I put myself in this mess",
        "disable the notifications",
        "我找人帮我还",
        "收到款就还",
        "我的手机坏了",
    ],
)
def test_derived_slips_that_read_as_ordinary_messages_fire_nothing(text: str) -> None:
    assert signal_names(text) == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        # characters that only ever mean an escalation, also left over from a missing one
        ("这是诈吧", "dispute:fraud"),
        ("这是骗吧", "dispute:fraud"),
        ("准备提起诉讼", "complaint_legal:court"),
        ("明天出殡，这几天顾不上", "vulnerable:death"),
        ("我是残人，没有工作能力", "vulnerable:illness"),
        ("我是盲人，看不清消息", "vulnerable:illness"),
        ("诉渠道是什么", "complaint_legal:complaint"),
        ("投渠道是什么", "complaint_legal:complaint"),
        ("工客服，谢谢", "request_human:agent"),
        ("让我的专属服联系我", "request_human:agent"),
        ("我公打我，我不敢回家", "vulnerable:abuse"),
        ("我子走了，这个贷款怎么办", "vulnerable:death"),
        ("this loan belonged to my late husband, I never signed anything", "vulnerable:death"),
        ("I have the receipt, I paid on Monday", "dispute:already_paid"),
        ("I have attached the bank receipt", "dispute:already_paid"),
        ("the receipt shows I paid in full", "dispute:already_paid"),
        ("我有收据", "dispute:already_paid"),
        ("转账回单在这，你们自己看", "dispute:already_paid"),
        ("my wife passed, the amount you show is wrong", "vulnerable:death"),
        ("my dad passed last spring and the letters keep coming", "vulnerable:death"),
        ("我想殺", "self_harm:suicide"),
        ("我们庭上见", "complaint_legal:court"),
        ("你们冒充公检", "complaint_legal:harassment"),
        # reviewed signals the lexicon lacked
        ("我在医院陪床", "vulnerable:hospital"),
        ("我七十多岁了，不太会用手机", "vulnerable:illness"),
        ("I'm 78 years old and live alone", "vulnerable:illness"),
        ("我在坐牢，家里人帮我看消息", "vulnerable:illness"),
        ("nothing feels worth it anymore", "self_harm:no_will_to_live"),
        ("I've written a note for my family", "self_harm:suicide"),
        ("你们这是敲诈", "complaint_legal:harassment"),
        ("this is defamation", "complaint_legal:complaint"),
        ("I'll go to the media about this", "complaint_legal:complaint"),
        ("I'm taking this to the press", "complaint_legal:complaint"),
        ("我要联系记者", "complaint_legal:complaint"),
        ("你们侵犯我的隐私", "complaint_legal:harassment"),
        ("I'm 81, my eyesight is poor", "vulnerable:illness"),
        ("I'm only listed as an emergency contact", "dispute:not_my_loan"),
        ("我只是紧急联系，别找我还", "dispute:not_my_loan"),
        ("I got this number recently, the debt belongs to the old owner", "dispute:not_my_loan"),
        ("我上周就还了", "dispute:already_paid"),
        ("滞纳金我不接受，我是还款日当天还的", "dispute:already_paid"),
        ("why is my account still flagged past due", "dispute:already_paid"),
        ("金额对不上，到底多收了多少", "dispute:wrong_amount"),
        ("说好的月息一分，实际快两分了", "dispute:wrong_amount"),
        ("账单上的数加起来根本不等于总额", "dispute:wrong_amount"),
        ("I never bought any insurance", "dispute:wrong_amount"),
        ("that's not what we agreed", "dispute:wrong_amount"),
        ("the line items don't add up to the total", "dispute:wrong_amount"),
        ("I don't accept the early repayment penalty", "dispute:wrong_amount"),
        ("you changed my due date without telling me", "dispute:wrong_amount"),
        ("未经我同意就改了还款日", "dispute:wrong_amount"),
        ("让我的专属客服联系我", "request_human:agent"),
        ("你回答不了，换个方式吧", "request_human:agent"),
        ("别自动回复了，派个人来", "request_human:agent"),
    ],
)
def test_reviewed_signals_fire(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("i will sur u", "complaint_legal:court"),
        ("go ahead and due me", "complaint_legal:court"),
        ("the amount is wong", "dispute:wrong_amount"),
        ("your numbers are wromg, send me the breakdown", "dispute:wrong_amount"),
        ("this looks like frsud", "dispute:fraud"),
        ("I want to duspute these charges", "dispute:wrong_amount"),
        ("the poice are involved now", "complaint_legal:police"),
        ("I have a lwyer now", "complaint_legal:lawyer"),
        ("I have a terminal ollness", "vulnerable:illness"),
        ("I want your managee", "request_human:agent"),
        ("I want a live agwnt", "request_human:agent"),
        ("where's the humzn", "request_human:agent"),
        ("agrnt!!!", "request_human:agent"),
        ("humn, now", "request_human:agent"),
    ],
)
def test_one_slip_in_a_short_keyword_still_fires(text: str, signal: str) -> None:
    assert signal in signal_names(text)


@pytest.mark.parametrize(
    "text",
    [
        # everyday words next to the single characters and short keywords above
        "麻烦告诉我欠款总额",
        "告诉渠道",
        "我没骗你，明天一定还",
        "不会骗你的",
        "你们太残忍了",
        "规律还款",
        "我要投资",
        "工资还没发",
        "我要找工作",
        "专属服务有哪些",
        "我朋友打我电话了",
        "老公打我卡上了，马上还",
        "我已经走了",
        "我不用手机银行",
        "我30岁",
        "你几岁了",
        "我想杀价",
        "我昨天还了500，还剩多少",
        "明天就还了",
        "你说的是分期吗",
        "我的年化利率是多少",
        "能不能降低利率",
        "别联系我的紧急联系人",
        "I will see you tomorrow",
        "come and see me",
        "ya sure",
        "paying tomorrow for sure",
        "what is your policy",
        "polite",
        "a layer of paint",
        "there is a strike at work",
        "I'm afraid I can't pay today",
        "I'll transfer my payment tonight",
        "are yo a person",
        "I saw the press release",
        "I'm a reporter, I get paid on the 20th",
        "我在一家媒体公司上班，这个月奖金还没发",
        "你们会保护我的隐私吗",
        "我爸60多岁了，帮我还一部分",
        "I'm 75 dollars short this month",
        "my son passed his exams, I can pay more next month",
        "can I get a receipt for my payment",
        "will I get a receipt",
        "where is my receipt",
        "can you send me a receipt",
        "开个收据",
        "还款凭证怎么开",
        "my late payment was only two days",
        "sorry I'm late with this",
        "你放心我不会骗人的",
        "I have no idea what my balance is",
        "this is a scan of my ID",
        "I accept the interest, can I spread it out",
        "can I change my due date",
        "again",
        "urgent",
        "agree",
    ],
)
def test_ordinary_messages_near_the_new_signals_fire_nothing(text: str) -> None:
    assert signal_names(text) == []
