"""Each update's turn: opened in one Redis call (dedupe, chat lock with its state and data,
snapshot) and closed in one (done mark, transcript, state changes, lock release)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from redis.asyncio import Redis

from bot.factory import build_bot, key_builder
from bot.fsm_storage import PrefetchingStorage
from bot.local_session import LocalSession
from bot.middlewares.turn import TurnMiddleware, UpdateInProgressError
from bot.opening import ChatKeys, Outcome, TurnOpener
from bot.services import BotServices
from bot.snapshot import ChatSnapshot
from bot.turn import current_turn
from bot.updates import UpdateFactory
from bot.write_batch import WriteBatch
from dialogs.states import Hardship


class Bench:
    """A dispatcher with the turn middleware and one handler that does what the text says."""

    def __init__(self, services: BotServices) -> None:
        self.storage = PrefetchingStorage(services.redis, key_builder=key_builder())
        self.dispatcher = Dispatcher(storage=self.storage, disable_fsm=True)
        self.dispatcher.update.outer_middleware(TurnMiddleware(self.storage, services))
        self.bot: Bot = build_bot(services, session=LocalSession())
        self.seen: list[dict[str, Any]] = []
        router = Router()
        router.message.register(self.handle)
        self.dispatcher.include_router(router)

    async def handle(
        self, message: Message, state: FSMContext, raw_state: str | None, snapshot: ChatSnapshot
    ) -> None:
        self.seen.append({"text": message.text, "raw_state": raw_state, "snapshot": snapshot})
        await state.set_state(Hardship.confirm)
        await state.update_data(option=message.text)
        if message.text and message.text.startswith("queue"):
            current = current_turn()
            assert current is not None
            current.writes.append(partial(WriteBatch.hset, key="t:queued", field="f", value="v"))
            if message.text == "queue and fail":
                raise RuntimeError("the handler failed")
        if message.text == "fail":
            await message.answer("sent before the failure")
            raise RuntimeError("the handler failed")
        if message.text == "slow":
            await asyncio.sleep(0.2)

    def state_keys(self, user_id: int) -> ChatKeys:
        key = self.dispatcher.fsm.get_context(self.bot, user_id, user_id).key
        build = self.storage.key_builder.build
        return ChatKeys(build(key, "lock"), build(key, "state"), build(key, "data"))


@pytest.fixture
def bench(services: BotServices) -> Bench:
    return Bench(services)


async def test_a_turn_is_one_call_to_open_and_one_to_close(
    bench: Bench, redis: Redis, services: BotServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = UpdateFactory(8101, "en")
    await bench.dispatcher.feed_update(bench.bot, user.text("warm up the scripts"))
    calls: list[object] = []
    execute = services.redis.execute_command

    async def counted(*args: Any, **options: Any) -> Any:
        calls.append(args[0])
        return await execute(*args, **options)

    monkeypatch.setattr(services.redis, "execute_command", counted)
    await bench.dispatcher.feed_update(bench.bot, user.text("hello"))
    assert calls == ["EVALSHA", "EVALSHA"]
    # What the opening read was served: the last turn's state and data, this chat's snapshot.
    last = bench.seen[-1]
    assert last["raw_state"] == Hardship.confirm.state
    assert last["snapshot"].turn == 2
    keys = bench.state_keys(8101)
    assert await redis.exists(keys.lock) == 0
    assert await redis.get(keys.data) == b'{"option": "hello"}'


async def test_a_failed_turn_leaves_the_state_it_found_and_can_be_handled_again(
    bench: Bench, redis: Redis, services: BotServices
) -> None:
    user = UpdateFactory(8102, "en")
    await bench.dispatcher.feed_update(bench.bot, user.text("first"))
    failing = user.text("fail")
    with pytest.raises(RuntimeError):
        await bench.dispatcher.feed_update(bench.bot, failing)
    keys = bench.state_keys(8102)
    assert await redis.get(keys.data) == b'{"option": "first"}'
    assert await redis.exists(keys.lock) == 0  # the next update need not wait
    # The message sent before the failure stays on record.
    texts = [entry.text for entry in await services.transcripts.entries(8102)]
    assert texts[-1] == "sent before the failure"
    # Redelivered, the update is handled again (and fails again, from the same state).
    with pytest.raises(RuntimeError):
        await bench.dispatcher.feed_update(bench.bot, failing)
    assert [seen["text"] for seen in bench.seen] == ["first", "fail", "fail"]
    assert bench.seen[-1]["raw_state"] == Hardship.confirm.state


async def test_a_handled_update_is_dropped_and_one_in_progress_refused(
    bench: Bench, redis: Redis, services: BotServices
) -> None:
    user = UpdateFactory(8103, "en")
    update = user.text("once")
    await bench.dispatcher.feed_update(bench.bot, update)
    await bench.dispatcher.feed_update(bench.bot, update)
    assert [seen["text"] for seen in bench.seen] == ["once"]

    elsewhere = user.text("being handled by another worker")
    await redis.set(f"repaybot:update:{bench.bot.id}:{elsewhere.update_id}", "processing")
    before = len(await services.transcripts.entries(8103))
    with pytest.raises(UpdateInProgressError):
        await bench.dispatcher.feed_update(bench.bot, elsewhere)
    assert len(await services.transcripts.entries(8103)) == before  # recorded by its worker
    assert await redis.exists(bench.state_keys(8103).lock) == 0


async def test_one_update_per_chat_at_a_time(bench: Bench) -> None:
    first, other = UpdateFactory(8104, "en"), UpdateFactory(8105, "en")
    slow = asyncio.create_task(bench.dispatcher.feed_update(bench.bot, first.text("slow")))
    await asyncio.sleep(0.05)
    await asyncio.gather(
        bench.dispatcher.feed_update(bench.bot, first.text("after the slow one")),
        bench.dispatcher.feed_update(bench.bot, other.text("another chat")),
        slow,
    )
    assert [seen["text"] for seen in bench.seen] == [
        "slow",
        "another chat",
        "after the slow one",
    ]
    # The second update of the chat saw what the first one wrote.
    assert bench.seen[-1]["raw_state"] == Hardship.confirm.state


async def test_a_busy_chat_is_left_as_it_was_until_its_lock_is_free(
    bench: Bench, redis: Redis, services: BotServices
) -> None:
    opener = TurnOpener(redis)
    keys = bench.state_keys(8106)
    await redis.set(keys.lock, "another worker's token", px=60_000)
    waiting = asyncio.create_task(opener.open("t:update:1", keys))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    assert await redis.exists("t:update:1") == 0  # not marked while it waits
    await redis.delete(keys.lock)
    opening = await waiting
    assert opening.outcome is Outcome.OPENED
    assert opening.lock is not None
    assert await redis.get(keys.lock) == opening.lock.token.encode()
    assert await redis.pttl(keys.lock) > 50_000  # a crashed holder frees it within a minute
    assert await redis.get("t:update:1") == b"processing"


async def test_an_expired_lock_taken_by_another_worker_stays_theirs(
    bench: Bench, redis: Redis
) -> None:
    keys = bench.state_keys(8107)
    opening = await TurnOpener(redis).open("t:update:2", keys)
    assert opening.lock is not None
    await redis.set(keys.lock, "another worker's token")
    batch = WriteBatch(redis)
    opening.lock.queue_release(batch)
    await batch.execute()
    assert await redis.get(keys.lock) == b"another worker's token"


async def test_writes_a_turn_queued_go_with_its_closing_call_only_if_it_succeeds(
    bench: Bench, redis: Redis
) -> None:
    user = UpdateFactory(8107, "en")
    with pytest.raises(RuntimeError):
        await bench.dispatcher.feed_update(bench.bot, user.text("queue and fail"))
    assert await redis.hget("t:queued", "f") is None
    await bench.dispatcher.feed_update(bench.bot, user.text("queue"))
    assert await redis.hget("t:queued", "f") == b"v"
