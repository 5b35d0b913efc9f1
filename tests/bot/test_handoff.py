"""Handoffs through the real dispatcher and Redis: tickets, priorities, the agents' topic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from aiogram.methods import CloseForumTopic, CopyMessage, CreateForumTopic, SendMessage

from actions.domain.clock import FixedClock
from actions.domain.tickets import Status, Ticket
from bot.services import BotServices
from tests.bot.conftest import AGENTS_CHAT, D1001, D1002, D1003, NOW, SHANGHAI, Telegram
from tests.harness import AgentDriver, ChatDriver, joined


async def only_ticket(services: BotServices) -> Ticket:
    tickets = await services.domain.tickets.all()
    assert len(tickets) == 1
    return tickets[0]


def topic_requests(telegram: Telegram) -> list[CreateForumTopic]:
    return [r for r in telegram.session.requests if isinstance(r, CreateForumTopic)]


async def test_request_for_a_person_opens_a_normal_ticket_and_a_topic_with_a_card(
    new_chat: Callable[..., ChatDriver], services: BotServices, telegram: Telegram
) -> None:
    chat = new_chat(8001, "en")
    await chat.verify(*D1002)
    telegram.session.clear()
    replies = await chat.send("I want to talk to a real person")
    assert "passed your conversation to a member of our team" in replies[0]
    assert "within 4 hours" in replies[0]
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority, ticket.status) == ("request_human", "normal", "queued")
    assert ticket.sla_due_at == NOW + timedelta(hours=4)
    assert ticket.borrower_id == "D-1002" and ticket.loan_id == "L-1002"
    [topic] = topic_requests(telegram)
    assert topic.chat_id == AGENTS_CHAT
    assert topic.name == f"{ticket.ticket_id} · request_human · normal"
    card = next(r for r in telegram.session.sent if r.chat_id == AGENTS_CHAT)
    assert card.message_thread_id == ticket.topic_id
    assert "J*** L** (D-1002)" in card.text and "Jane Lee" not in card.text
    assert "¥5,400.00" in card.text and "45" in card.text
    assert "I want to talk to a real person" in card.text
    assert "联系偏好：—" in card.text
    labels = [b.text for row in card.reply_markup.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert labels == ["✋ 认领", "✅ 结案", "📝 审批方案", "↩️ 交回机器人"]


async def test_card_shows_the_contact_preferences_the_borrower_asked_for(
    new_chat: Callable[..., ChatDriver], clock: FixedClock, telegram: Telegram
) -> None:
    chat = new_chat(8002, "en")
    await chat.verify(*D1002)
    await chat.send("please stop calling my employer about this")
    clock.advance(timedelta(minutes=5))
    await chat.send("/stop")
    telegram.session.clear()
    await chat.send("I want to talk to a real person")
    card = next(r for r in telegram.session.sent if r.chat_id == AGENTS_CHAT)
    assert (
        "联系偏好：只就本笔借款联系借款人本人（2026年12月1日（周二） 10:00 (Asia/Shanghai) 提出）"
        " · 不接收主动消息（2026年12月1日（周二） 10:05 (Asia/Shanghai) 提出）" in card.text
    )


async def test_dispute_is_high_priority_and_puts_the_loan_on_hold(
    chat: ChatDriver, services: BotServices, new_agent: Callable[..., AgentDriver]
) -> None:
    await chat.verify(*D1001)
    replies = await chat.send("这不是我的贷款")
    text = joined(replies)
    assert "30 分钟内回复" in text
    assert "不会收到这笔借款的还款提醒" in text
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("dispute", "high")
    assert await services.domain.tickets.hold_for("L-1001") == ticket.ticket_id

    agent = new_agent()
    await agent.press(f"tk:claim:{ticket.ticket_id}:")
    await agent.press(f"tk:return:{ticket.ticket_id}:")
    balance = joined(await chat.send("我还欠多少钱"))
    assert "¥2,240.00" in balance
    assert "暂不要求还款" in balance
    assert "请您尽快归还" not in balance  # no collection nudge while disputed
    assert "还款方案" not in balance
    hardship = joined(await chat.send("我想分期还款"))
    assert "目前无需办理还款方案" in hardship
    assert "¥373.33" not in hardship

    await agent.press(f"tk:outcome:{ticket.ticket_id}:dispute_rejected")
    assert await services.domain.tickets.hold_for("L-1001") is None
    assert "请您尽快归还" in joined(await chat.send("我还欠多少钱"))


async def test_bereavement_is_vulnerable_high_priority(
    chat: ChatDriver, services: BotServices
) -> None:
    await chat.send("我老公上个月去世了")
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("vulnerable", "high")
    assert ticket.borrower_id is None  # escalations never wait for verification


async def test_a_death_told_with_a_dispute_is_filed_as_bereavement_and_the_loan_held(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8004, "en")
    await chat.verify(*D1002)
    replies = await chat.send("this isn't my loan, it was my late father's")
    assert replies[0].startswith(
        "I am very sorry for your loss, and thank you for telling us at such a difficult time."
    )
    text = joined(replies)
    assert "passed your conversation to a member of our team" in text
    assert "you will not receive payment reminders or collection messages" in text
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("vulnerable", "high")
    assert "vulnerable:death" in ticket.signals
    assert await services.domain.tickets.hold_for("L-1002") == ticket.ticket_id


@pytest.mark.parametrize(
    ("text", "lang", "first_line"),
    [
        ("我老公上个月去世了", "zh", "听到这个消息，我们深感难过，请您节哀。"),
        ("I was in hospital for a month", "en", "Thank you for telling us. I am sorry you"),
        ("我老公打我", "zh", "感谢您信任我们，告诉我们这些。您的安全最重要"),
    ],
)
async def test_what_a_vulnerable_borrower_told_us_is_answered_first(
    new_chat: Callable[..., ChatDriver],
    services: BotServices,
    text: str,
    lang: str,
    first_line: str,
) -> None:
    chat = new_chat(8005, "zh-hans" if lang == "zh" else "en")
    replies = await chat.send(text)
    assert replies[0].startswith(first_line)
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("vulnerable", "high")


async def test_a_plain_request_for_a_person_gets_no_sympathy_line(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(8006, "en")
    replies = await chat.send("I want to talk to a real person")
    assert replies[0].startswith("I have passed your conversation")


async def test_self_harm_is_urgent_and_crisis_support_is_sent_at_once(
    chat: ChatDriver, services: BotServices
) -> None:
    replies = await chat.send("我真的不想活了")
    assert "12356" in replies[0]
    assert replies[0].startswith("听到您正在经历这些")
    assert "5 分钟内回复" in joined(replies)
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("vulnerable", "urgent")
    assert ticket.sla_due_at == NOW + timedelta(minutes=5)
    assert any(s.startswith("self_harm") for s in ticket.signals)


async def test_self_harm_during_an_open_ticket_raises_it_to_urgent(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8002, "en")
    await chat.send("I need an agent")
    replies = await chat.send("honestly I want to end my life")
    assert "12356" in replies[0]
    ticket = await only_ticket(services)
    assert ticket.priority == "urgent"


async def test_complaint_in_english_is_complaint_legal(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8003, "en")
    await chat.send("I will complain to my lawyer about these messages")
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("complaint_legal", "high")


async def test_two_misunderstandings_then_the_person_button_is_an_nlu_fallback_ticket(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8004, "en")
    await chat.send("what is the weather like on mars")
    await chat.send("asdfgh jkl")
    await chat.press("menu:human")
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("nlu_fallback", "normal")


async def test_out_of_hours_says_when_the_team_is_back_and_offers_a_callback(
    new_chat: Callable[..., ChatDriver], clock: FixedClock
) -> None:
    clock.set(datetime(2026, 12, 6, 23, 0, tzinfo=SHANGHAI))  # Sunday night
    chat = new_chat(8005, "en")
    replies = await chat.send("I want to speak to a human")
    text = joined(replies)
    assert "not on shift right now" in text
    assert "Mon 7 Dec 2026 09:00 (Asia/Shanghai)" in text
    assert ("📞 Call me back", "menu:callback") in chat.buttons()


async def test_relay_both_ways_and_only_the_assignee_reaches_the_borrower(
    chat: ChatDriver,
    services: BotServices,
    telegram: Telegram,
    new_agent: Callable[..., AgentDriver],
) -> None:
    await chat.send("转人工")
    ticket = await only_ticket(services)
    assert ticket.topic_id is not None

    replies = await chat.send("我的情况比较复杂")
    assert replies == []  # the bot stays out of it
    [copy] = [r for r in telegram.session.requests if isinstance(r, CopyMessage)]
    assert (copy.chat_id, copy.from_chat_id, copy.message_thread_id) == (
        AGENTS_CHAT,
        5001,
        ticket.topic_id,
    )

    li, wang = new_agent(9001, "Li"), new_agent(9002, "Wang")
    await li.press(f"tk:claim:{ticket.ticket_id}:")
    assert "客服同事已加入对话" in joined(li.sent_to(5001))
    assert await wang.press(f"tk:claim:{ticket.ticket_id}:") == [
        f"未执行：ticket {ticket.ticket_id} is assigned"
    ]

    await wang.write(ticket.topic_id, "internal: check payment records")
    assert not [r for r in telegram.session.requests if isinstance(r, CopyMessage)]
    await li.write(ticket.topic_id, "您好，我是小李，我来帮您看看。")
    [copy] = [r for r in telegram.session.requests if isinstance(r, CopyMessage)]
    assert (copy.chat_id, copy.from_chat_id) == (5001, AGENTS_CHAT)
    stored = await services.domain.tickets.get(ticket.ticket_id)
    assert stored is not None and stored.first_reply_at == NOW and stored.agent_id == 9001
    transcript = [e.text for e in await services.transcripts.entries(5001)]
    assert "[Li] 您好，我是小李，我来帮您看看。" in transcript
    assert "我的情况比较复杂" in transcript


async def test_forged_and_unauthorised_buttons_change_nothing(
    chat: ChatDriver, services: BotServices, new_agent: Callable[..., AgentDriver]
) -> None:
    await chat.send("转人工")
    ticket = await only_ticket(services)
    outsider = new_agent(9100, "Mallory", member=False)
    assert await outsider.press(f"tk:claim:{ticket.ticket_id}:") == ["只有坐席群成员才能处理工单。"]
    agent = new_agent()
    assert await agent.press("tk:claim:T-NOSUCH:") == ["未执行：no ticket T-NOSUCH"]
    assert await agent.press("tk:explode:" + ticket.ticket_id + ":") == ["该按钮已失效。"]
    stored = await services.domain.tickets.get(ticket.ticket_id)
    assert stored is not None and stored.status is Status.QUEUED and stored.agent_id is None


async def test_resolve_with_outcome_and_the_bot_answers_again(
    new_chat: Callable[..., ChatDriver],
    services: BotServices,
    new_agent: Callable[..., AgentDriver],
) -> None:
    chat = new_chat(8006, "en")
    await chat.send("can I talk to an agent")
    ticket = await only_ticket(services)
    agent = new_agent()
    await agent.press(f"tk:claim:{ticket.ticket_id}:")
    await agent.write(ticket.topic_id or 0, "/note borrower asked about fees")
    await agent.press(f"tk:resolve:{ticket.ticket_id}:")
    await agent.press(f"tk:outcome:{ticket.ticket_id}:referred")
    stored = await services.domain.tickets.get(ticket.ticket_id)
    assert stored is not None
    assert (stored.status, stored.outcome) == (Status.RESOLVED, "referred")
    assert [n.text for n in stored.notes] == ["borrower asked about fees"]
    assert "closed this conversation" in joined(agent.sent_to(8006))
    [closed] = [r for r in agent.session.requests if isinstance(r, CloseForumTopic)]
    assert closed.message_thread_id == ticket.topic_id
    assert (await chat.send("/help"))[0].startswith("Here is what I can help with")


async def test_return_to_bot_and_the_bot_answers_again(
    chat: ChatDriver, services: BotServices, new_agent: Callable[..., AgentDriver]
) -> None:
    await chat.send("转人工")
    ticket = await only_ticket(services)
    agent = new_agent()
    await agent.press(f"tk:claim:{ticket.ticket_id}:")
    await agent.press(f"tk:return:{ticket.ticket_id}:")
    assert "您已回到自动助手" in joined(agent.sent_to(5001))
    assert "网上银行转账" in joined(await chat.send("怎么还款"))


async def test_agent_approves_a_plan_outside_the_self_service_limits(
    chat: ChatDriver, services: BotServices, new_agent: Callable[..., AgentDriver]
) -> None:
    await chat.verify(*D1003)  # 95 days past due: no self-service plan
    await chat.send("转人工")
    ticket = await only_ticket(services)
    agent = new_agent()
    await agent.press(f"tk:claim:{ticket.ticket_id}:")
    await agent.write(ticket.topic_id or 0, "/approve 6")
    [plan] = await services.domain.plans.history("D-1003")
    assert plan.approved_by == "agent:9001"
    assert plan.total == 18600 and len(plan.schedule) == 6
    to_borrower = joined(agent.sent_to(5001))
    assert f"方案 {plan.plan_id}" in to_borrower and "合计：¥18,600.00" in to_borrower
    stats = services.domain.stats
    assert (await stats.day(stats.today())).plans == 1  # in the operations page's figures


async def test_messages_sent_to_borrowers_never_go_out_as_other_chats(
    chat: ChatDriver, telegram: Telegram
) -> None:
    await chat.send("转人工")
    private = [
        r for r in telegram.session.sent if isinstance(r, SendMessage) and r.chat_id != AGENTS_CHAT
    ]
    assert {r.chat_id for r in private} == {5001}


async def test_outside_the_policy_the_person_button_opens_an_out_of_policy_ticket(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(8007, "en")
    await chat.verify(*D1003)  # 95 days past due: beyond self-service
    replies = await chat.send("I lost my job, can I pay in instalments?")
    assert "90" in joined(replies) and "95" in joined(replies)
    assert ("🙋 Talk to a person", "menu:human") in chat.buttons()
    await chat.press("menu:human")
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority) == ("out_of_policy", "normal")
    assert ticket.offered == ["out_of_policy:dpd_over_limit"]


async def test_agent_approves_a_deferral_from_the_card_buttons(
    new_chat: Callable[..., ChatDriver],
    services: BotServices,
    new_agent: Callable[..., AgentDriver],
) -> None:
    chat = new_chat(8008, "en")
    await chat.verify(*D1002)  # 45 days past due: no self-service deferral
    await chat.send("I want to talk to a person")
    ticket = await only_ticket(services)
    agent, other = new_agent(9001, "Li"), new_agent(9002, "Wang")
    await agent.press(f"tk:claim:{ticket.ticket_id}:")
    assert await other.press(f"tk:plan:{ticket.ticket_id}:d30") == [
        f"未执行：ticket {ticket.ticket_id} must be claimed by you first"
    ]
    await agent.press(f"tk:approve:{ticket.ticket_id}:")
    offered = [
        b.callback_data
        for r in agent.session.sent
        if r.reply_markup is not None
        for row in r.reply_markup.inline_keyboard  # type: ignore[union-attr]
        for b in row
    ]
    assert f"tk:plan:{ticket.ticket_id}:d30" in offered
    await agent.press(f"tk:plan:{ticket.ticket_id}:d30")
    [plan] = await services.domain.plans.history("D-1002")
    assert (plan.kind, plan.defer_days, plan.approved_by) == ("deferral", 30, "agent:9001")
    assert plan.total == 5400
    assert "Total: ¥5,400.00" in joined(agent.sent_to(8008))
    assert await agent.press(f"tk:plan:{ticket.ticket_id}:d999") == ["该按钮已失效。"]


@pytest.mark.parametrize(
    ("text", "lang", "reason", "priority"),
    [
        ("我要转人工", "zh", "request_human", "normal"),
        ("I want to talk to a real person", "en", "request_human", "normal"),
        ("这不是我的贷款，我从来没借过", "zh", "dispute", "high"),
        ("this is not my loan, I never borrowed this", "en", "dispute", "high"),
        ("我老公上个月去世了", "zh", "vulnerable", "high"),
        ("my husband passed away last month", "en", "vulnerable", "high"),
        ("我要去金融监管总局投诉你们", "zh", "complaint_legal", "high"),
        ("I will report you to the regulator and my lawyer", "en", "complaint_legal", "high"),
        ("我不想活了", "zh", "vulnerable", "urgent"),
        ("I want to end my life", "en", "vulnerable", "urgent"),
    ],
)
async def test_every_escalation_in_both_languages(
    new_chat: Callable[..., ChatDriver],
    services: BotServices,
    text: str,
    lang: str,
    reason: str,
    priority: str,
) -> None:
    chat = new_chat(8100, "zh-hans" if lang == "zh" else "en")
    replies = joined(await chat.send(text))
    ticket = await only_ticket(services)
    assert (ticket.reason, ticket.priority, ticket.lang) == (reason, priority, lang)
    assert ("转交给我们的客服同事" if lang == "zh" else "member of our team") in replies


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_fallback_and_out_of_policy_handoffs_in_both_languages(
    new_chat: Callable[..., ChatDriver], services: BotServices, lang: str
) -> None:
    gibberish = (
        ("今天火星天气怎么样", "给我讲个笑话吧")
        if lang == "zh"
        else ("what is the weather like on mars", "asdfgh jkl")
    )
    chat = new_chat(8200, "zh-hans" if lang == "zh" else "en")
    for text in gibberish:
        await chat.send(text)
    await chat.press("menu:human")
    first = await only_ticket(services)
    assert (first.reason, first.lang) == ("nlu_fallback", lang)

    other = new_chat(8201, "zh-hans" if lang == "zh" else "en")
    await other.verify(*D1003)
    await other.send("我想分期还款" if lang == "zh" else "can I pay in instalments")
    await other.press("menu:human")
    tickets = {t.chat_id: t for t in await services.domain.tickets.all()}
    assert (tickets[8201].reason, tickets[8201].lang) == ("out_of_policy", lang)
