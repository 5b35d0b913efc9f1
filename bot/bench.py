"""`make bench`: the full bot against a bare aiogram echo bot, side by side, in one run.

Both run in this process on the same real Redis (an embedded redis-server), fed real Updates
through their dispatchers with Telegram's side replaced by a local session. Each update arrives
as Telegram sends it, a JSON body, and is read as the webhook handler reads it (parsed, then
validated with the bot in its context) inside the timed span. The full bot does everything it
does in production: dedupe, isolation, identity, NLU, transcript, flows, actions.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from aiogram.types import Message, Update
from redis.asyncio import Redis

from bot.factory import build_bot, build_dispatcher
from bot.local_session import LocalSession
from bot.redis_server import RedisServer
from bot.services import build_nlu, build_services
from bot.settings import LimitsSettings, Settings
from bot.startup import ready
from bot.updates import UpdateFactory

Step = Callable[[UpdateFactory], Update]

# Realistic conversations (zh and en): verify, balance, channels, hardship, handoff.
CONVERSATIONS: list[list[Step]] = [
    [
        lambda u: u.text("/start"),
        lambda u: u.contact("+86 138 0013 8000"),
        lambda u: u.text("4321"),
        lambda u: u.text("我还欠多少钱"),
        lambda u: u.press("menu:channels"),
        lambda u: u.text("我想分期还款"),
        lambda u: u.text("谢谢"),
    ],
    [
        lambda u: u.text("/start"),
        lambda u: u.contact("+86 139 0000 1002"),
        lambda u: u.text("5566"),
        lambda u: u.text("what do I owe"),
        lambda u: u.text("how can I pay"),
        lambda u: u.text("I lost my job, can I pay in installments?"),
        lambda u: u.text("thanks"),
    ],
    [
        lambda u: u.text("你好"),
        lambda u: u.text("你们是机器人吗"),
        lambda u: u.text("这笔贷款不是我借的，我要投诉"),
        lambda u: u.text("请尽快联系我"),
    ],
    [
        lambda u: u.text("hi"),
        lambda u: u.text("how do I repay"),
        lambda u: u.text("I want to speak to a real person"),
    ],
]


@dataclass
class Result:
    name: str
    latencies: list[float]
    wall: float

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.wall

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<10} {len(self.latencies):>6} updates  {self.per_second:>8.0f} updates/s"
            f"  p50 {self.percentile(0.50):6.2f} ms  p99 {self.percentile(0.99):6.2f} ms"
        )


async def _drive(dispatcher: Dispatcher, bot: Bot, bodies: list[bytes]) -> list[float]:
    latencies = []
    for body in bodies:
        started = time.perf_counter()
        update = Update.model_validate(bot.session.json_loads(body), context={"bot": bot})
        await dispatcher.feed_update(bot, update)
        latencies.append(time.perf_counter() - started)
    return latencies


def _script(rounds: int, first_user: int) -> list[list[bytes]]:
    """One list of webhook bodies per user; each user plays one conversation once."""
    users = []
    for n in range(rounds * len(CONVERSATIONS)):
        factory = UpdateFactory(first_user + n, "zh-hans" if n % 2 == 0 else "en")
        users.append(
            [
                step(factory).model_dump_json(exclude_none=True).encode()
                for step in CONVERSATIONS[n % len(CONVERSATIONS)]
            ]
        )
    return users


async def _run(
    name: str, dispatcher: Dispatcher, bot: Bot, script: list[list[bytes]], concurrency: int
) -> Result:
    """Users talk concurrently (`concurrency` at a time); each user's messages in order."""
    latencies: list[float] = []
    queue = list(script)
    started = time.perf_counter()

    async def worker() -> None:
        while queue:
            latencies.extend(await _drive(dispatcher, bot, queue.pop()))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Result(name, latencies, time.perf_counter() - started)


async def _alternate(
    echo: Dispatcher,
    echo_bot: Bot,
    full: Dispatcher,
    full_bot: Bot,
    rounds: int,
    blocks: int,
    concurrency: int,
    first_user: int,
) -> list[Result]:
    """Both bots over `rounds` rounds, in `blocks` alternating blocks; results merged."""
    merged = [Result("echo", [], 0.0), Result("full bot", [], 0.0)]
    per_block = max(1, rounds // blocks)
    for block in range(blocks):
        users = first_user + block * 10_000
        for result, (dispatcher, bot) in zip(
            merged, ((echo, echo_bot), (full, full_bot)), strict=True
        ):
            ran = await _run(result.name, dispatcher, bot, _script(per_block, users), concurrency)
            result.latencies.extend(ran.latencies)
            result.wall += ran.wall
            users += 5_000
    return merged


async def count(state: FSMContext) -> None:
    """The echo bot's state: one read and one write of the chat's data."""
    data = await state.get_data()
    await state.set_data({"seen": data.get("seen", 0) + 1})


def echo_dispatcher(redis: Redis) -> Dispatcher:
    """The baseline: RedisStorage, one state read and one write per update, an echo.

    aiogram itself takes the chat's lock and reads its state name (`raw_state`) around them.

    Its handlers take every message and button unfiltered: a magic filter such as `F.text`
    would be run in a worker thread by aiogram and make the baseline slower than it need be."""
    keys = DefaultKeyBuilder(prefix="echo", with_bot_id=True, with_destiny=True)
    dispatcher = Dispatcher(
        storage=RedisStorage(redis, key_builder=keys, state_ttl=3600, data_ttl=3600),
        events_isolation=RedisEventIsolation(redis, key_builder=keys),
    )

    @dispatcher.message()
    async def echo(message: Message, state: FSMContext) -> None:
        await count(state)
        await message.answer(message.text or "contact")

    @dispatcher.callback_query()
    async def pressed(callback: object, state: FSMContext) -> None:
        await count(state)

    return dispatcher


async def bench(rounds: int, concurrency: int, blocks: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(data_dir=Path(tmp))
        url = server.start()
        try:
            await _bench(url, rounds, concurrency, blocks)
        finally:
            server.stop()


async def _bench(url: str, rounds: int, concurrency: int, blocks: int) -> None:
    settings = Settings(limits=LimitsSettings(messages_per_window=10_000))
    nlu = build_nlu(settings)
    services = build_services(settings, url, nlu=nlu)
    full = build_dispatcher(services)
    full_bot = build_bot(services, session=LocalSession())
    echo_redis: Redis = Redis.from_url(url)
    echo = echo_dispatcher(echo_redis)
    echo_bot = Bot("42:BENCH", session=LocalSession())
    try:
        # Warm both up (imports, model, connection pools), then measure.
        await _run("warm-up", full, full_bot, _script(1, 1_000), 1)
        await _run("warm-up", echo, echo_bot, _script(1, 2_000), 1)
        ready(services)  # as `repaybot run` does before its first update
        # Latency: one update at a time. Throughput: `concurrency` users talking at once.
        # Each is measured in alternating blocks (echo, full, echo, full ...), so a slow
        # minute on a shared machine weighs on both bots alike.
        results = await _alternate(echo, echo_bot, full, full_bot, rounds, blocks, 1, 100_000)
        loaded = await _alternate(
            echo, echo_bot, full, full_bot, rounds, blocks, concurrency, 300_000
        )
        texts = [
            "我还欠多少钱",
            "what do I owe",
            "能不能分6期",
            "call me tomorrow after 3pm",
            "我老公上个月去世了",
            "this isn't my loan",
            "下周五还500",
            "are you a bot?",
        ] * 500
        now = datetime.now(UTC)
        parse = []
        for text in texts:
            started = time.perf_counter()
            await nlu.parse(text, now)
            parse.append(time.perf_counter() - started)
        echo_result, full_result = results
        print(
            f"bench: {len(CONVERSATIONS)} conversations x {rounds} rounds, zh+en, real Redis,"
            f" {blocks} alternating blocks"
        )
        print("one update at a time (latency):")
        for result in results:
            print("  " + result.line())
        ratio = echo_result.per_second / full_result.per_second
        p50_ratio = full_result.percentile(0.5) / echo_result.percentile(0.5)
        print(f"  full bot costs {ratio:.2f}x the echo bot per update (p50 {p50_ratio:.2f}x)")
        print(f"{concurrency} users at once (throughput):")
        for result in loaded:
            print("  " + result.line())
        print(f"  full bot costs {loaded[0].per_second / loaded[1].per_second:.2f}x the echo bot")
        ordered = sorted(parse)
        print(
            f"NLU parse   {len(parse)} messages  p50 {statistics.median(parse) * 1000:.2f} ms"
            f"  p99 {ordered[int(0.99 * len(ordered))] * 1000:.2f} ms"
        )
    finally:
        await services.close()
        await echo_redis.aclose()
        await full_bot.session.close()
        await echo_bot.session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--blocks", type=int, default=10, help="alternating echo/full blocks")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the full bot")
    args = parser.parse_args()
    if args.profile:
        from pyinstrument import Profiler

        with Profiler() as profiler:
            asyncio.run(bench(args.rounds, args.concurrency, args.blocks))
        profiler.print(show_all=False)
    else:
        asyncio.run(bench(args.rounds, args.concurrency, args.blocks))


if __name__ == "__main__":
    main()
