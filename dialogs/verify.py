"""Verification: the borrower shares their own phone number, then types the ID's last 4."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.types import InlineKeyboardMarkup, Message

from actions import slots
from actions.domain.phones import looks_like_phone
from bot.conversation import Conversation
from dialogs.filters import Answer, SharedContact, SlashCommand, Text
from dialogs.keyboards import contact_request, main_menu, no_keyboard
from dialogs.resume import Resume, resumable, resume
from dialogs.states import Verify

# The ID's last 4: three digits and a digit or X, alone or in a short sentence that says what
# it is ("我的后四位是4321", "id 4321"), written with full-width digits ("４３２１"), in Chinese
# ("四三二一") or with a space ("43 21"), with a full stop after it ("4321。"). Any other number
# in a sentence ("我想还1000") is not taken for one: a wrong guess would count as a failed
# attempt.
_ID_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9]{3}[0-9Xx](?![0-9A-Za-z])")
_ALONE = re.compile(r"^\W*[0-9]{3}[0-9Xx]\W*$")
_NAMES_THE_ID = re.compile(
    r"[后後][四4]位|尾号|身份[证證]|[证證]件|\bid\b|\blast (?:4|four)\b", re.IGNORECASE
)
_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])[\s-]+(?=[0-9Xx])")
# Digits said in Chinese, one character each ("四三二一", "幺二三X").
_CHINESE_DIGITS = str.maketrans("〇零一幺二两三四五六七八九", "0011223456789")
# Messages in the middle of verification that the flow answers itself (re-prompting);
# anything else the borrower asks for goes on to the router for its intent.
# ("hello" is greeted back, and verification asked for again, by the greeting's handler.)
_REPROMPT_INTENTS = frozenset(
    {None, "nlu_fallback", "out_of_scope", "affirm", "deny", "check_balance"}
)


def id_digits_in(text: str) -> str | None:
    """The ID's last 4 characters as typed in `text`, if it gives them (see `_ID_TOKEN`)."""
    normal = unicodedata.normalize("NFKC", text).translate(_CHINESE_DIGITS)
    compact = _BETWEEN_DIGITS.sub("", normal).strip()
    if len(compact) > 40:
        return None
    found = _ID_TOKEN.findall(compact)
    if len(found) != 1 or not (_ALONE.match(compact) or _NAMES_THE_ID.search(compact)):
        return None
    return str(found[0]).upper()


async def begin_verification(convo: Conversation, pending: str | None = None) -> None:
    """Asks for the phone number with Telegram's contact button; or, when it is shared already
    and the ID's last 4 are awaited, for those again (the shared number is kept)."""
    text = convo.text
    if await convo.state.get_state() == Verify.id_digits.state:
        await convo.state.update_data(pending=pending, pending_text=text)
        await convo.say("verify_ask_id_again")
        return
    await convo.state.set_state(Verify.phone)
    await convo.state.update_data(pending=pending, pending_text=text, candidate=None)
    await convo.say("verify_ask_phone", markup=contact_request(convo))


def verified_step(
    name: str, action: str, markup: Callable[[Conversation], InlineKeyboardMarkup]
) -> Resume:
    """A step that runs `action` (which shows loan data) for a verified borrower; anyone else
    is verified first, and the step resumes once they are (registered as `name`)."""

    @resumable(name)
    async def step(convo: Conversation) -> None:
        if not convo.verified:
            await begin_verification(convo, pending=name)
            return
        await convo.act(action, markup=markup(convo))

    return step


async def contact_shared(message: Message, convo: Conversation) -> None:
    contact = message.contact
    assert contact is not None
    if message.from_user is None or contact.user_id != message.from_user.id:
        # A forwarded or typed-in contact proves nothing about who is writing.
        await convo.say("verify_contact_not_own", markup=contact_request(convo))
        return
    if convo.verified:
        await convo.say("verify_already", markup=main_menu(convo))
        return
    if await convo.state.get_state() != Verify.phone.state:
        await convo.state.set_state(Verify.phone)
    result = await convo.act(
        "action_verify_phone", {slots.PHONE: contact.phone_number}, markup=no_keyboard()
    )
    if result is None:
        return
    if result.said("verify_ask_id"):
        await convo.state.set_state(Verify.id_digits)
        await convo.state.update_data(candidate=result.slot_changes().get(slots.CANDIDATE_BORROWER))
    elif result.said("verify_locked"):
        await convo.state.clear()


async def phone_not_shared(message: Message, convo: Conversation) -> None:
    typed_phone = looks_like_phone(message.text or "")
    if not typed_phone and convo.intent not in _REPROMPT_INTENTS:
        raise SkipHandler
    await convo.say("verify_use_button", markup=contact_request(convo))


async def id_digits(message: Message, convo: Conversation, typed_id: str) -> None:
    data = await convo.state.get_data()
    result = await convo.act(
        "action_verify_id",
        {slots.ID_DIGITS: typed_id, slots.CANDIDATE_BORROWER: data.get("candidate")},
    )
    if result is None:
        return
    if convo.verified:
        await convo.state.clear()
        if not await resume(convo, data.get("pending"), data.get("pending_text")):
            await convo.say("menu_prompt", markup=main_menu(convo))
    elif result.said("verify_locked"):
        await convo.state.clear()


def _typed_id(text: str) -> dict[str, str] | None:
    """Filter data for `id_digits`: the ID's last 4 found in the text."""
    found = id_digits_in(text)
    return {"typed_id": found} if found else None


async def id_digits_malformed(message: Message, convo: Conversation) -> None:
    if convo.intent not in _REPROMPT_INTENTS:
        raise SkipHandler
    await convo.say("verify_id_format")


async def logout(message: Message, convo: Conversation) -> None:
    await convo.state.clear()
    await convo.act("action_logout")


def build_router() -> Router:
    router = Router(name="verify")
    router.message.register(contact_shared, SharedContact())
    router.message.register(phone_not_shared, StateFilter(Verify.phone), Answer())
    router.message.register(id_digits, StateFilter(Verify.id_digits), Text(_typed_id))
    router.message.register(id_digits_malformed, StateFilter(Verify.id_digits), Answer())
    router.message.register(logout, SlashCommand("logout"))
    return router
