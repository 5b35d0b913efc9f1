"""What the plan, promise and callback flows share: running an action whose result decides
the keyboard, keeping offers in FSM data, and handing out-of-policy requests to a person."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal
from zoneinfo import ZoneInfo

from aiogram.types import CallbackQuery

from actions import plan_slots, slots
from bot.action_client import ActionError, ActionResult
from bot.conversation import Conversation
from dialogs.grievance import GRIEVANCE

logger = logging.getLogger(__name__)

# FSM data: the promise or call last agreed, with the turn it was agreed in.
LAST_AGREED = "last_agreed"

# Replies that confirm or decline, besides the NLU's affirm / deny.
YES = re.compile(
    r"^\s*(是|是的|好|好的|对|对的|可以|行|确认|同意|接受|没问题|係|系|係呀|系呀|得|冇問題|冇问题|"
    r"yes|y|yep|ok|okay|sure|confirm|"
    r"agreed?|accept)\s*[。.!！]*\s*$",
    re.IGNORECASE,
)
NO = re.compile(
    r"^\s*(不|不要|不用|不行|否|算了|取消|换一个|唔係|唔系|唔要|唔使|唔得|no|n|nope|cancel|change)"
    r"\s*[。.!！]*\s*$",
    re.IGNORECASE,
)
# "周五还不上", "I can't pay on Friday": what the borrower cannot pay is never a promise.
CANNOT_PAY = re.compile(
    r"[还還]不[了上起出]|[没沒](?:法|办法|辦法|钱|錢)[还還]|不能[还還]|无法[还還]|拿不出|"
    r"[凑湊]不[齐齊够夠出到]|付不[了起]|转不了账|"
    r"\b(?:can'?t|can ?not|won'?t be able to|unable to|not able to|no (?:way|chance) (?:i|we) can|"
    r"couldn'?t|not in a position to)\s+(?:even\s+)?(?:afford\s+to\s+)?"
    r"(?:make\s+(?:the\s+|a\s+|any\s+|\w+'s\s+)?payments?|pay|repay|afford)\b|"
    r"\b(?:can'?t|cannot|won'?t|will not|don'?t|do not)\s+(?:have|find|get|come up with|raise)\s+"
    r"(?:the\s+|enough\s+|any\s+)?(?:money|cash|funds)\b|"
    r"\bpaying\b.{0,30}\bnot possible\b",
    re.IGNORECASE,
)
# A call back asked for in so many words ("call me at 3pm"): the time is the call's.
CALL_ME = re.compile(r"电话|回电|打给我|致电|\bcall\b|\bring me\b|\bphone\b", re.IGNORECASE)
BUT = re.compile(r"但是?|不过|可是|\bbut\b|\bhowever\b", re.IGNORECASE)


def committed_part(text: str) -> str:
    """The part of a message that commits to paying: all of it, unless it says the borrower
    cannot pay; then only what follows a "but" ("I can't pay Friday, but Monday is fine"
    → " Monday is fine"), or nothing."""
    refusal = CANNOT_PAY.search(text)
    if refusal is None:
        return text
    contrast = BUT.search(text, refusal.end())
    return text[contrast.end() :] if contrast else ""


def cannot_pay(text: str) -> bool:
    """Whether a message says the borrower cannot pay, and commits to nothing else."""
    return bool(CANNOT_PAY.search(text)) and not committed_part(text).strip()


# Messages inside a flow that the flow answers itself (asking again) when it cannot read them;
# anything else goes on to the router of its intent.
REPROMPT_INTENTS = frozenset({None, "nlu_fallback", "out_of_scope", "affirm", "deny"})


def says_yes(convo: Conversation, text: str) -> bool:
    """A plain yes, or what the classifier reads as one unless it voices a grievance: it reads
    "that's unfair" and "好离谱" as yes, and an objection must never record an agreement."""
    if YES.match(text):
        return True
    return convo.intent == "affirm" and not NO.match(text) and not GRIEVANCE.search(text)


def says_no(convo: Conversation, text: str) -> bool:
    return bool(NO.match(text)) or convo.intent == "deny"


def new_token() -> str:
    return secrets.token_hex(4)


async def run_action(
    convo: Conversation, action: str, extra_slots: Mapping[str, Any] | None = None
) -> ActionResult | None:
    """Runs an action without sending its responses (the caller picks the keyboard first);
    None, after an apology, when it could not run."""
    tracker_slots = {
        slots.BORROWER_ID: convo.borrower_id,
        slots.LANG: convo.lang,
        **(extra_slots or {}),
    }
    message = convo.parse.model_dump(mode="json") if convo.parse else None
    try:
        return await convo.services.actions.run(action, str(convo.user_id), tracker_slots, message)
    except ActionError:
        logger.exception("action %s could not run", action)
        await convo.say("error_temporary")
        return None


async def note_handoff(convo: Conversation, result: ActionResult) -> bool:
    """Keeps an out-of-policy refusal in FSM data for the handoff flow; True when there was one."""
    changes = result.slot_changes()
    reason = changes.get(plan_slots.HANDOFF_REASON)
    if not reason:
        return False
    await convo.state.update_data(
        handoff_reason=reason, handoff_detail=changes.get(plan_slots.HANDOFF_DETAIL)
    )
    return True


async def forget(convo: Conversation, keys: Iterable[str]) -> None:
    """Drops this flow's keys from FSM data, keeping everything else (e.g. a handoff reason)."""
    data = await convo.state.get_data()
    kept = {k: v for k, v in data.items() if k not in set(keys)}
    if kept != data:
        await convo.state.set_data(kept)


async def note_agreed(
    convo: Conversation, kind: Literal["promise", "callback"], ref: str, at: int | None = None
) -> None:
    """Remembers what was just agreed (and, for a call, when: a timestamp), for a change
    that follows without naming it (`dialogs.follow_up`)."""
    agreed = {"kind": kind, "ref": ref, "turn": convo.turn, "at": at}
    await convo.state.update_data({LAST_AGREED: agreed})


async def borrower_zone(convo: Conversation) -> ZoneInfo:
    borrower = None
    if convo.borrower_id:
        borrower = await convo.services.domain.ledger.get(convo.borrower_id)
    return borrower.tz if borrower else convo.services.domain.default_tz


async def borrower_today(convo: Conversation) -> date:
    return convo.services.clock.now().astimezone(await borrower_zone(convo)).date()


async def token_is_current(
    callback: CallbackQuery, convo: Conversation, pending_key: str, token_key: str, token: str
) -> bool:
    """A confirmation button counts only for the draft it was shown with, once: anything else
    (pressed twice, an old message, forged data) is refused politely and changes nothing."""
    data = await convo.state.get_data()
    if not data.get(pending_key) or data.get(token_key) != token:
        await callback.answer(convo.t("button_expired"))
        return False
    await callback.answer()
    return True
