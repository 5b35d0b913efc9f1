"""The agents' forum group on Telegram: a topic per ticket, messages copied both ways."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup, Message

from actions.domain.tickets import Ticket
from bot.agents.card import card_keyboard, card_text, topic_title
from bot.services import BotServices

logger = logging.getLogger(__name__)

AGENT_STATUSES = frozenset(
    {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}
)


class AgentDesk:
    """Telegram specifics of the handoff; does nothing when no agents' group is configured."""

    def __init__(self, bot: Bot, services: BotServices) -> None:
        self.bot = bot
        self.services = services
        self.chat_id = services.settings.agents.agents_chat_id

    @property
    def enabled(self) -> bool:
        return self.chat_id is not None

    async def open_topic(self, ticket: Ticket) -> Ticket:
        """A forum topic titled with the ticket, and the card with its buttons."""
        if self.chat_id is None:
            return ticket
        topic = await self.bot.create_forum_topic(self.chat_id, topic_title(ticket))
        ticket = await self.services.domain.tickets.attach_topic(
            ticket.ticket_id, topic.message_thread_id
        )
        await self.bot.send_message(
            self.chat_id,
            await card_text(self.services, ticket),
            message_thread_id=topic.message_thread_id,
            reply_markup=card_keyboard(self.services, ticket),
        )
        return ticket

    async def to_topic(self, ticket: Ticket, message: Message) -> None:
        """Copies a borrower's message (text, photo, document...) into the ticket's topic."""
        if self.chat_id is None or ticket.topic_id is None:
            return
        await self.bot.copy_message(
            self.chat_id, message.chat.id, message.message_id, message_thread_id=ticket.topic_id
        )

    async def notify_topic(
        self, ticket: Ticket, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        if self.chat_id is not None and ticket.topic_id is not None:
            await self.bot.send_message(
                self.chat_id, text, message_thread_id=ticket.topic_id, reply_markup=markup
            )

    async def close_topic(self, ticket: Ticket) -> None:
        """A closed ticket's topic is closed too (it stays readable in the group)."""
        if self.chat_id is None or ticket.topic_id is None:
            return
        try:
            await self.bot.close_forum_topic(self.chat_id, ticket.topic_id)
        except TelegramAPIError:
            logger.warning("could not close the topic of ticket %s", ticket.ticket_id)

    async def is_agent(self, user_id: int) -> bool:
        """Members of the agents' group, or ids on the allow-list."""
        if user_id in self.services.settings.agents.agent_ids:
            return True
        if self.chat_id is None:
            return False
        try:
            member = await self.bot.get_chat_member(self.chat_id, user_id)
        except TelegramAPIError:
            return False
        return member.status in AGENT_STATUSES
