"""How to pay, the menu, language, opt-out, the truth about the bot, and odd input."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.types import Location, PhotoSize, Sticker

from actions.domain.preferences import ContactPreferences
from bot.services import BotServices
from tests.bot.conftest import D1001
from tests.harness import ChatDriver, data_of, fsm_data, joined


async def test_channels_for_a_verified_borrower_include_their_reference(chat: ChatDriver) -> None:
    await chat.verify(*D1001)
    text = joined(await chat.send("怎么还款"))
    for name in ("网上银行转账", "手机App还款", "银行柜台"):
        assert name in text
    assert "截止时间：17:00" in text
    assert "营业时间：周一至周五 9:00–17:00" in text
    assert "还款参考号：RP-L1001-7731" in text
    # asked for by name, the reference comes with how to pay (the classifier reads a balance)
    assert "还款参考号：RP-L1001-7731" in joined(await chat.send("我的还款参考号是多少"))


async def test_channels_before_verification_show_no_reference(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7001, "en")
    text = joined(await chat.send("how do I pay"))
    assert "Online banking transfer" in text
    assert "RP-" not in text
    assert "Once you verify" in text


async def test_help_lists_the_menu(new_chat: Callable[..., ChatDriver]) -> None:
    chat = new_chat(7002, "en")
    await chat.send("/help")
    labels = [label for label, _ in chat.buttons()]
    assert labels == [
        "💰 What I owe",
        "🏦 How to pay",
        "🤝 I can't pay in full",
        "📞 Call me back",
        "🙋 Talk to a person",
    ]


async def test_language_switch_is_remembered(chat: ChatDriver, services: BotServices) -> None:
    await chat.send("/lang")
    replies = await chat.press("lang:en")
    assert replies[0] == "From now on I will answer in English."
    replies = await chat.send("/help")
    assert replies[0].startswith("Here is what I can help with")
    replies = await chat.send("我还欠多少钱")
    assert "confirm who you are" in joined(replies)


async def test_a_message_without_words_keeps_the_language_the_bot_has_been_speaking(
    new_chat: Callable[..., ChatDriver],
) -> None:
    # D-1001's language in the ledger is zh; their Telegram client is in English.
    chat = new_chat(7010, "en")
    assert joined(await chat.verify(*D1001)).startswith("Thank you, you are verified.")
    assert await chat.send("👋") == [
        "Hello! Thank you for getting in touch.",
        "What would you like to do?",
    ]
    # A client in a language the bot does not speak: the ledger's, once verified.
    other = new_chat(7011, "fr")
    await other.verify(*D1001)
    assert (await other.send("👋"))[0] == "您好！感谢您联系我们。"


async def test_stop_messaging_records_opt_out_and_chat_stays_open(
    chat: ChatDriver, services: BotServices
) -> None:
    replies = await chat.send("退订")
    assert "不会再向您发送提醒" in replies[0]
    assert await services.domain.preferences.opted_out_at(5001) is not None
    replies = await chat.send("怎么还款")
    assert "网上银行转账" in joined(replies)


async def test_asking_that_family_or_work_not_be_contacted_is_recorded_as_that(
    chat: ChatDriver, new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    preferences = services.domain.preferences
    replies = await chat.send("你们能不能别给我家人打电话")
    assert joined(replies) == (
        "好的，已为您记录：关于您的借款，只联系您本人，不联系其他任何人。"
        "您仍然可以随时给我发消息，我会回复您。"
    )
    assert await preferences.no_third_parties_at(5001) is not None
    assert await preferences.opted_out_at(5001) is None  # reminders to the borrower go on

    en = new_chat(7004, "en")
    replies = await en.send("please stop calling my employer about this")
    assert joined(replies).startswith(
        "Understood. I have recorded that nobody but you is to be contacted about your loan."
    )
    assert await preferences.no_third_parties_at(7004) is not None

    # the borrower's own workplace; before, "my work" stopped the borrower's own reminders
    for user_id, text in ((7007, "can you stop calling my work"), (7008, "别打我公司的电话了")):
        other = new_chat(user_id, "zh-hans" if text.startswith("别") else "en")
        replies = await other.send(text)
        assert replies[0].startswith(
            ("Understood. I have recorded that nobody but you", "好的，已为您记录")
        )
        assert await preferences.no_third_parties_at(user_id) is not None
        assert await preferences.opted_out_at(user_id) is None


async def test_a_message_only_the_classifier_reads_as_an_opt_out_is_asked_about_first(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    preferences = services.domain.preferences
    chat = new_chat(7005, "en")
    replies = await chat.send("did you get my message")
    assert joined(replies) == (
        "Would you like me to stop sending you reminders and other messages you did not ask"
        " for? You can still write to me at any time."
    )
    assert [label for label, _ in chat.buttons()] == ["✅ Yes, please", "No, thank you"]
    assert await preferences.opted_out_at(7005) is None
    assert (await fsm_data(services, 7005))["optout_of"] == "messages"
    replies = await chat.press(data_of(chat, "No, thank you"))
    assert joined(replies) == "All right, nothing has changed. What would you like to do?"
    assert await preferences.opted_out_at(7005) is None
    assert "optout_of" not in await fsm_data(services, 7005)  # the question is closed

    zh = new_chat(7006)
    assert joined(await zh.send("你收到我的消息了吗")).startswith("需要我以后不再向您发送提醒")
    assert "不会再向您发送提醒" in joined(await zh.send("是的"))
    assert await preferences.opted_out_at(7006) is not None
    assert "optout_of" not in await fsm_data(services, 7006)


async def test_forged_opt_out_buttons_change_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    assert await chat.press("optout:everyone:1") == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert await chat.press("optout:messages:maybe") == []
    assert await services.domain.preferences.contact(5001) == ContactPreferences(None, None)


async def test_who_are_you_names_the_lender_and_what_the_bot_can_do(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7007, "en")
    assert await chat.send("who are you") == [
        "I am the automated repayment assistant of Example Consumer Finance. I can show what you"
        " owe, explain how to pay, and help if you are having difficulty paying. A person from"
        " our team is available whenever you need one."
    ]
    zh = new_chat(7008)
    assert joined(await zh.send("你们是哪个公司")).startswith("我是示例消费金融的自动还款助手。")
    assert "🙋 转人工" in [label for label, _ in zh.buttons()]


async def test_how_we_have_the_number_is_answered_and_wrong_number_goes_to_a_person(
    new_chat: Callable[..., ChatDriver], services: BotServices
) -> None:
    chat = new_chat(7009, "en")
    text = joined(await chat.send("how did you get my number?"))
    assert text.startswith(
        "This is the repayment assistant of Example Consumer Finance. We contact customers only"
        " about their own loan, at the contact details given for that loan."
    )
    assert [label for label, _ in chat.buttons()] == ["🙋 Talk to a person"]
    assert await services.domain.tickets.all() == []
    assert "member of our team" in joined(await chat.send("wrong number"))
    [ticket] = await services.domain.tickets.all()
    assert ticket.reason == "dispute"


async def test_are_you_a_bot_is_answered_truthfully_with_a_person_offered(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7003, "en")
    replies = await chat.send("are you a bot?")
    assert "automated assistant of Example Consumer Finance" in replies[0]
    assert chat.buttons() == [("🙋 Talk to a person", "menu:human")]


async def test_two_misunderstandings_in_a_row_offer_a_person(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7004, "en")
    first = await chat.send("what is the weather like on mars")
    assert "did not quite understand" in first[0]
    second = await chat.send("asdfgh jkl")
    assert "talk to a person" in second[0]
    assert ("🙋 Talk to a person", "menu:human") in chat.buttons()


async def test_sticker_and_location_get_a_polite_answer(chat: ChatDriver) -> None:
    sticker = Sticker(
        file_id="s",
        file_unique_id="s",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    replies = await chat.feed(chat.updates.raw_message(sticker=sticker))
    assert replies == ["抱歉，我目前只能阅读文字消息。请输入您的问题，或在菜单中选择。"]
    replies = await chat.feed(
        chat.updates.raw_message(location=Location(latitude=31.2, longitude=121.5))
    )
    assert "只能阅读文字消息" in replies[0]


async def test_forged_button_is_refused_and_changes_nothing(
    chat: ChatDriver, services: BotServices
) -> None:
    replies = await chat.press("lang:fr")
    assert replies == []
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]
    assert await services.domain.preferences.languages(5001) == (None, None)
    replies = await chat.press("totally:forged:data")
    assert chat.alerts == ["该按钮已失效，请发送 /menu。"]


async def test_replayed_update_is_handled_once(chat: ChatDriver) -> None:
    update = chat.updates.text("/help")
    assert len(await chat.feed(update)) == 1
    assert await chat.feed(update) == []


async def test_misunderstandings_not_in_a_row_do_not_offer_a_person(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7005, "en")
    await chat.send("what is the weather like on mars")
    assert "talk to a person" not in joined(await chat.send("how do I pay"))
    replies = await chat.send("asdfgh jkl")
    assert replies == [
        "Sorry, I did not quite understand. Could you put it another way, or choose from the menu?"
    ]


async def test_a_command_is_read_after_spaces_or_as_a_caption_but_not_mid_sentence(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7010, "en")
    help_reply = "Here is what I can help with"
    assert (await chat.send("  /help"))[0].startswith(help_reply)
    captioned = chat.updates.raw_message(
        photo=[PhotoSize(file_id="p", file_unique_id="p", width=1, height=1)], caption="/help"
    )
    assert (await chat.feed(captioned))[0].startswith(help_reply)
    replies = await chat.send("what is /help for")
    assert replies
    assert not any(reply.startswith(help_reply) for reply in replies)


async def test_a_greeting_in_front_of_a_request_gets_the_request_answered(
    new_chat: Callable[..., ChatDriver],
) -> None:
    zh = new_chat(7020, "zh-hans")
    await zh.verify(*D1001)
    balance = joined(await zh.send("您好 请问我还欠多少"))
    assert balance.startswith("借款 L-1001\n当前逾期应还：¥2,240.00")
    assert "还款参考号：RP-L1001-7731" in joined(await zh.send("你好，我想还款"))
    # a greeting alone is greeted back
    assert await zh.send("你好") == ["您好！感谢您联系我们。", "请问您需要办理什么？"]


async def test_chinese_mixed_with_english_keeps_the_language_of_the_conversation(
    new_chat: Callable[..., ChatDriver],
) -> None:
    chat = new_chat(7021, "en")
    await chat.verify(*D1001)
    replies = await chat.send("你好 I want to pay")
    assert replies[0].startswith("You can repay in any of these ways:")
    assert "repayment reference for loan L-1001: RP-L1001-7731" in joined(replies)
    # Chinese with an English word in it is Chinese
    assert joined(await chat.send("我的loan还欠多少")).startswith("借款 L-1001")
