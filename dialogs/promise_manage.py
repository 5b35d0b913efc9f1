"""A recorded promise changed or cancelled ("把我的承诺改到下周五", "cancel my promise", the
buttons under /agreements). A change is a new promise, said back to confirm and recorded in
place of the old one; cancelling says what is still due."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import CallbackQuery, Message

from actions import plan_slots
from bot.conversation import Conversation
from dialogs import promise
from dialogs.filters import Text
from dialogs.plan_common import run_action
from dialogs.plan_keyboards import PromiseManage
from dialogs.resume import resumable
from dialogs.states import Promise
from dialogs.verify import begin_verification

_PROMISE = r"(?:我的|这个|那个|这笔|那笔|之前的)?(?:还款)?承诺"
_EN_PROMISE = r"(?:my |the |that |this )?(?:payment )?promise\b"
CANCEL = re.compile(
    rf"(?:取消|撤销|撤回)(?:一下)?{_PROMISE}|"
    rf"\b(?:cancel|withdraw|take back|drop)\s+{_EN_PROMISE}|"
    r"\bpromise\b[^.!?]{0,20}\bbe (?:cancell?ed|withdrawn)\b",
    re.IGNORECASE,
)
CHANGE = re.compile(
    rf"(?:修改|更改|变更|调整|改|推迟|延后)(?:一下)?{_PROMISE}|"
    r"承诺(?:的)?(?:还款)?(?:日期|时间|金额|日子)?(?:能|可以|可不可以|能不能|能否)(?:再)?"
    r"(?:修改|更改|改|推迟|延后|换)|"
    r"(?:承诺|答应)[^。！？!?]{0,12}?(?:改到|改成|改为|换到|换成|推迟|延后|延期)|"
    rf"\b(?:change|move|update|amend|modify|reschedule|postpone|push back)\s+{_EN_PROMISE}|"
    r"\b(?:change|move|update|amend|reschedule|postpone)\s+(?:my |the |that )?promised\b|"
    r"\bpromise\b[^.!?]{0,20}\bbe (?:changed|moved|rescheduled|postponed)\b|"
    r"\bpromised\b[^.!?]{0,40}\b(?:change|move|push back|reschedule|postpone)\b",
    re.IGNORECASE,
)
CANCEL_OR_CHANGE = re.compile(f"{CANCEL.pattern}|{CHANGE.pattern}", re.IGNORECASE)
# Where the new terms begin: after the last of these ("改到下周五", "move it to Monday").
NEW_TERMS = re.compile(
    r"改到|改成|改为|换到|换成|推迟到|延后到|延期到|\bto\b(?!\s+pay\b)", re.IGNORECASE
)
_OPS = frozenset({"change", "cancel"})
_REF = re.compile(r"^R-[A-Za-z0-9]{1,16}$")


def new_terms(text: str) -> str:
    """The part of a change that says what the promise becomes (may be empty): after the last
    "改到" / "to" that follows the change's own words, else after those words."""
    asked = CHANGE.search(text)
    if asked is None:
        return ""
    found = list(NEW_TERMS.finditer(text, asked.start()))
    return text[(found[-1] if found else asked).end() :].strip()


async def start_change(
    convo: Conversation, text: str | None, ref: str = "", *, terms: str | None = None
) -> None:
    """Changes the recorded promise `ref` (or the only open one): the new date and amount
    the message names (or `terms`, when the caller found them), what is missing asked for,
    then said back to confirm."""
    if not convo.verified:
        await begin_verification(convo, pending="promise_change")
        return
    draft: dict[str, str] = {"kind": "promise", "replaces": ref}
    if terms is None:
        terms = new_terms(text or "")
    if terms:
        services = convo.services
        reading = await services.nlu.parse(terms, services.local_now())
        draft.update(await promise.read_terms(convo, terms, "promise", reading=reading))
    await promise.check(convo, draft)


async def cancel(convo: Conversation, ref: str = "") -> None:
    """Cancels the recorded promise `ref` (or the only open one), or asks which."""
    if not convo.verified:
        await begin_verification(convo, pending="promise_cancel")
        return
    result = await run_action(convo, "action_promise_cancel", {plan_slots.PROMISE_REF: ref})
    if result is not None:
        await promise.end(convo, result, "cancel")


# -- handlers ------------------------------------------------------------------------------


async def asked(message: Message, convo: Conversation, raw_state: str | None) -> None:
    """A recorded promise cancelled or changed by its wording. While a new promise is being
    made, a cancel takes that one back, and a change is for its own questions to read."""
    cancelling = CANCEL.search(message.text or "") is not None
    if raw_state in Promise.__state_names__:
        if not cancelling:
            raise SkipHandler
        await promise.change(convo)
    elif cancelling:
        await cancel(convo)
    else:
        await start_change(convo, message.text)


async def manage_pressed(
    callback: CallbackQuery, callback_data: PromiseManage, convo: Conversation
) -> None:
    """A button under /agreements (or "which one?"): only the borrower's own open promise
    can be changed or cancelled, whatever id a forged button carries."""
    if callback_data.op not in _OPS or not _REF.match(callback_data.ref):
        await callback.answer(convo.t("button_expired"))
        return
    await callback.answer()
    if callback_data.op == "cancel":
        await cancel(convo, callback_data.ref)
    else:
        await start_change(convo, None, callback_data.ref)


def build_router() -> Router:
    router = Router(name="promise_manage")
    # One check per message for both wordings: every message a flow does not take pays for it.
    router.message.register(asked, Text(CANCEL_OR_CHANGE.search))
    router.callback_query.register(manage_pressed, PromiseManage.filter())
    return router


@resumable("promise_change")
async def resume_change(convo: Conversation) -> None:
    await start_change(convo, convo.text)


@resumable("promise_cancel")
async def resume_cancel(convo: Conversation) -> None:
    await cancel(convo)
