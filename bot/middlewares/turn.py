"""Each update's turn, opened and closed in one Redis call each.

The opening (`bot.opening`) marks the update `processing`, takes the chat's lock with its FSM
state and data, and takes a borrower's chat snapshot. The closing writes the update's `done`
mark (24 h), the turn's outgoing transcript, the writes it queued, its FSM changes and the
lock's release as one `WriteBatch`.

So each update id is handled at most once across every worker, and a failed one can be retried:
a duplicate of a done update is dropped; a duplicate of one still processing elsewhere is
refused for now (`UpdateInProgressError`: the webhook answers 503 and Telegram delivers it again
later), so a worker that dies mid-update does not take the update with it. A failed turn's FSM
changes are dropped: the update is handled again from the state it found.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.enums import ChatType
from aiogram.fsm.context import FSMContext
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.fsm.storage.memory import DisabledEventIsolation
from aiogram.types import Chat, TelegramObject, Update, User

from bot.fsm_storage import PrefetchingStorage, TurnState
from bot.opening import ChatKeys, ChatLock, Outcome, TurnOpener
from bot.services import BotServices
from bot.snapshot import SnapshotRequest, SnapshotRequests, incoming_record
from bot.turn import Turn, turn
from bot.write_batch import WriteBatch

DONE_TTL_SECONDS = 24 * 3600


class UpdateInProgressError(Exception):
    """Another worker is handling this update right now."""


class TurnMiddleware(FSMContextMiddleware):
    """aiogram's FSM middleware (the same `state`, `raw_state` and `fsm_storage` for handlers),
    with the update's dedupe and the chat's snapshot in the same call as the chat's lock.

    Registered in its place: the dispatcher is built with `disable_fsm=True`.
    """

    def __init__(self, storage: PrefetchingStorage, services: BotServices) -> None:
        super().__init__(storage=storage, events_isolation=DisabledEventIsolation())
        self._storage = storage
        self._redis = services.redis
        self._transcripts = services.transcripts
        self._opener = TurnOpener(services.redis)
        self._snapshots = SnapshotRequests(services)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await super().__call__(handler, event, data)
        bot: Bot = data["bot"]
        context = self.resolve_event_context(bot, data)
        data["fsm_storage"] = self.storage
        mark = f"repaybot:update:{bot.id}:{event.update_id}"
        chat = self._chat_keys(context)
        opening = await self._opener.open(mark, chat, self._snapshot(event, data, context))
        if opening.outcome is Outcome.DUPLICATE:
            return None
        if opening.outcome is Outcome.IN_PROGRESS:
            raise UpdateInProgressError(event.update_id)
        if context is None:
            return await self._run(handler, event, data, mark, None, None)
        with self._storage.serving(context.key, opening.state, opening.data) as fsm:
            data.update(state=context, raw_state=fsm.state, snapshot=opening.snapshot)
            return await self._run(handler, event, data, mark, opening.lock, fsm)

    def _chat_keys(self, context: FSMContext | None) -> ChatKeys | None:
        if context is None:
            return None
        build = self._storage.key_builder.build
        key = context.key
        return ChatKeys(build(key, "lock"), build(key, "state"), build(key, "data"))

    def _snapshot(
        self, event: Update, data: dict[str, Any], context: FSMContext | None
    ) -> SnapshotRequest | None:
        """A snapshot for a borrower's private chat; none for the agents' group."""
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        if context is None or user is None or chat is None or chat.type != ChatType.PRIVATE:
            return None
        return self._snapshots.build(
            chat_id=chat.id, user_id=user.id, incoming=incoming_record(event)
        )

    async def _run(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: Update,
        data: dict[str, Any],
        mark: str,
        lock: ChatLock | None,
        fsm: TurnState | None,
    ) -> Any:
        with turn() as current:
            data["turn"] = current
            try:
                result = await handler(event, data)
            except BaseException:
                # Sent messages stay on record; the update itself may be handled again.
                await self._close(current, mark, lock, fsm, done=False)
                raise
            await self._close(current, mark, lock, fsm, done=True)
        return result

    async def _close(
        self,
        current: Turn,
        mark: str,
        lock: ChatLock | None,
        fsm: TurnState | None,
        *,
        done: bool,
    ) -> None:
        """The turn's one closing write. A failed turn (not `done`) drops its FSM changes and
        clears its update's mark, so that the update can be handled again."""
        batch = WriteBatch(self._redis)
        for message in current.outgoing:
            self._transcripts.queue_append(batch, message.chat_id, "out", message.text)
        if not done:
            batch.delete(mark)
        else:
            batch.set(mark, "done", ex=DONE_TTL_SECONDS)
            for queue in current.writes:
                queue(batch)
            if fsm is not None and fsm.changed:
                fsm.queue_writes(batch)
        if lock is not None:
            lock.queue_release(batch)
        try:
            await batch.execute()
        except BaseException:
            if lock is not None:  # one more try, or the chat waits for the lock's TTL
                release = WriteBatch(self._redis)
                lock.queue_release(release)
                with contextlib.suppress(Exception):
                    await release.execute()
            raise
