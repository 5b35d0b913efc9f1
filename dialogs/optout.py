"""Stop messaging me / 退订: opt out of proactive messages; "别给我家人打电话" / "don't call my
family": nobody else is to be contacted about the loan. The chat itself stays open.

Said in so many words (or `/stop`), it is recorded at once. When only the classifier reads a
message as one ("did you get my message?" is no opt-out), the bot asks first."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from actions import slots
from bot.conversation import Conversation
from dialogs.filters import Answer, IntentFilter, SlashCommand, Text
from dialogs.keyboards import main_menu
from dialogs.plan_common import forget, says_no, says_yes
from dialogs.states import OptOut

# "以后不用打电话给我了", "no need to call me again": the classifier can read the call in them as
# a request for one; the wording says the opposite.
NO_CALLS = re.compile(
    r"(?:不用|不要|别|甭|无需|不必)(?:再)?(?:给我|跟我)?(?:打|来)(?:我的?)?电话|"
    r"(?:不用|不要|别)(?:再)?(?:给我)?回电|"
    r"\b(?:no need to|don'?t|do not|never|stop)\s+(?:ever\s+)?(?:call|phon|ring)(?:e|ing)?\s+me\b",
    re.IGNORECASE,
)
# Who else the borrower asks us not to contact: family, friends, their workplace. ("公司",
# "office" and "work" only as the borrower's: "别让你们公司打电话" is about the lender.)
THIRD_PARTIES = re.compile(
    r"家人|家里人?|亲戚|亲人|亲属|父母|爸妈|爸爸|妈妈|我[妈爸]|老婆|老公|媳妇|丈夫|妻子|孩子|儿子|女儿|"
    r"兄弟|姐妹|朋友|同事|单位|领导|老板|紧急联系人|联系人|通讯录|我的?公司|"
    r"\bmy (?:work|office|job|company)\b|"
    r"\b(?:family|relatives?|parents?|mum|mom|dad|mother|father|wife|husband|partner|kids?|"
    r"children|son|daughter|brother|sister|friends?|colleagues?|co-?workers?|employer|boss|"
    r"workplace|emergency contacts?|contacts)\b",
    re.IGNORECASE,
)


# Asking, in so many words, not to be contacted or bothered ("别给我家人打电话"). Only looked
# for in a message the classifier reads as an opt-out, so it may be broad.
STOP = re.compile(
    r"退订|取消订阅|勿扰|拉黑|(?:不要|别|不用|甭|不许|停止|请勿)[^，。,.!?！？]{0,6}?"
    r"(?:发|打|联系|骚扰|烦|催|提醒|推送)|"
    r"\bstop\b|\bunsubscribe\b|\bopt(?:[- ])?out\b|\bleave (?:me|us) alone\b|\bgo away\b|"
    r"\b(?:don'?t|do not|never|no more|quit|cease)\s+(?:ever\s+)?(?:contact|messag|text|call|ring"
    r"|email|bother|remind|harass)\w*",
    re.IGNORECASE,
)
OF = "optout_of"  # FSM data: which opt-out the question asked about
KINDS = ("messages", "third_parties")


class OptOutConfirm(CallbackData, prefix="optout"):
    of: str
    yes: bool


def confirm_keyboard(convo: Conversation, of: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=convo.t(f"btn_optout_{answer}"),
                    callback_data=OptOutConfirm(of=of, yes=answer == "yes").pack(),
                )
                for answer in ("yes", "no")
            ]
        ]
    )


async def record(convo: Conversation, of: str) -> None:
    await convo.act("action_opt_out", {slots.OPT_OUT_OF: of})


async def keep(convo: Conversation) -> None:
    await convo.say("optout_kept", markup=main_menu(convo))


async def opt_out(message: Message, convo: Conversation) -> None:
    """Recorded at once when asked for in so many words; otherwise asked first."""
    text = message.text or ""
    of = "third_parties" if THIRD_PARTIES.search(text) else "messages"
    if STOP.search(text) or NO_CALLS.search(text):
        await record(convo, of)
        return
    await convo.state.set_state(OptOut.confirm)
    await convo.state.update_data({OF: of})
    await convo.say(f"optout_confirm_{of}", markup=confirm_keyboard(convo, of))


async def stop_command(message: Message, convo: Conversation) -> None:
    await record(convo, "messages")


async def confirm_pressed(
    callback: CallbackQuery,
    callback_data: OptOutConfirm,
    convo: Conversation,
    raw_state: str | None,
) -> None:
    """Harmless to press again or late: it records (or leaves) what its label says."""
    if callback_data.of not in KINDS:
        await callback.answer(convo.t("button_expired"))
        return
    await callback.answer()
    if raw_state == OptOut.confirm.state:
        await convo.state.set_state(None)
        await forget(convo, [OF])
    if callback_data.yes:
        await record(convo, callback_data.of)
    else:
        await keep(convo)


async def confirm_typed(message: Message, convo: Conversation) -> None:
    """Yes or no typed to the question; anything else goes where it would otherwise."""
    text = message.text or ""
    yes = says_yes(convo, text)
    if not (yes or says_no(convo, text)):
        raise SkipHandler
    of = str((await convo.state.get_data()).get(OF) or "messages")
    await convo.state.set_state(None)
    await forget(convo, [OF])
    if yes:
        await record(convo, of if of in KINDS else "messages")
    else:
        await keep(convo)


def build_router() -> Router:
    router = Router(name="optout")
    router.message.register(confirm_typed, StateFilter(OptOut.confirm), Answer())
    router.message.register(opt_out, IntentFilter("stop_contact"))
    router.message.register(opt_out, IntentFilter("request_callback"), Text(NO_CALLS.search))
    router.message.register(stop_command, SlashCommand("stop"))
    router.callback_query.register(confirm_pressed, OptOutConfirm.filter())
    return router
