"""Records every message the bot sends in the chat's transcript (a Bot session middleware).

During an update the entries wait for the end of the turn (`bot.turn`); otherwise at once.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import Response, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.outage import REDIS_DOWN, OutageLog
from bot.transcript import TranscriptStore
from bot.turn import Outgoing, current_turn


class OutgoingTranscriptMiddleware(BaseRequestMiddleware):
    def __init__(self, transcripts: TranscriptStore, outage: OutageLog) -> None:
        self._transcripts = transcripts
        self._outage = outage

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        response = await make_request(bot, method)
        # Private chats have positive ids; the agents' group keeps its own record.
        if (
            isinstance(method, SendMessage)
            and isinstance(method.chat_id, int)
            and method.chat_id > 0
        ):
            pending = current_turn()
            if pending is not None:  # written with the end of the turn (one round trip)
                pending.outgoing.append(Outgoing(method.chat_id, method.text))
                return response
            try:
                await self._transcripts.append(method.chat_id, "out", method.text)
                self._outage.ok()
            except REDIS_DOWN as error:
                # The message reached the borrower; only its copy in the record is missing.
                self._outage.failed(error)
        return response
