"""Builds the `Update`s a Telegram user would cause: text, a shared contact, a button press."""

from __future__ import annotations

import itertools
import secrets
from datetime import UTC, datetime

from aiogram.types import CallbackQuery, Chat, Contact, Message, Update, User

from bot.local_session import BOT_USER


class UpdateFactory:
    """Updates from one private-chat user, with increasing update and message ids."""

    def __init__(
        self, user_id: int, language_code: str | None = None, first_name: str = ""
    ) -> None:
        self.user = User(
            id=user_id,
            is_bot=False,
            first_name=first_name or f"User{user_id}",
            language_code=language_code,
        )
        self.chat = Chat(id=user_id, type="private")
        # Random start: two local users (or two runs) never reuse an update id the bot has seen.
        self._update_ids = itertools.count(secrets.randbits(40))
        self._message_ids = itertools.count(1)

    def _message(self, **fields: object) -> Message:
        return Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=self.user,
            **fields,  # type: ignore[arg-type]
        )

    def text(self, text: str) -> Update:
        return Update(update_id=next(self._update_ids), message=self._message(text=text))

    def contact(self, phone: str, contact_user_id: int | None = None) -> Update:
        """A shared contact; another `contact_user_id` is what a forwarded card looks like."""
        contact = Contact(
            phone_number=phone,
            first_name=self.user.first_name,
            user_id=self.user.id if contact_user_id is None else contact_user_id,
        )
        return Update(update_id=next(self._update_ids), message=self._message(contact=contact))

    def press(self, data: str, message_id: int = 1) -> Update:
        origin = Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=BOT_USER,
            text="…",
        )
        query = CallbackQuery(
            id=str(next(self._update_ids)),
            from_user=self.user,
            chat_instance=str(self.user.id),
            message=origin,
            data=data,
        )
        return Update(update_id=next(self._update_ids), callback_query=query)

    def raw_message(self, **fields: object) -> Update:
        """Any other kind of message (sticker, photo, location...)."""
        return Update(update_id=next(self._update_ids), message=self._message(**fields))
