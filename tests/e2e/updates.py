"""Updates as Telegram sends them (plain JSON), from one user in a private chat."""

from __future__ import annotations

import itertools
import time
from typing import Any

Update = dict[str, Any]

# Telegram numbers a bot's updates in one increasing sequence; so does this module.
_update_ids = itertools.count(700_000)


class TelegramUser:
    """A borrower writing to the bot; each method returns the next update they cause."""

    def __init__(self, user_id: int, language_code: str = "zh-hans", first_name: str = "") -> None:
        self.user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name or f"User{user_id}",
            "language_code": language_code,
        }
        self.chat_id = user_id
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(user_id * 1000)

    def _message(self, **fields: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "from": self.user,
            "chat": {"id": self.chat_id, "type": "private", "first_name": self.user["first_name"]},
            "date": int(time.time()),
            **fields,
        }

    def text(self, text: str) -> Update:
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(_update_ids), "message": self._message(**fields)}

    def share_contact(self, phone: str) -> Update:
        """What the "share my phone number" keyboard button sends: the user's own contact."""
        contact = {
            "phone_number": phone,
            "first_name": self.user["first_name"],
            "user_id": self.user["id"],
        }
        return {"update_id": next(_update_ids), "message": self._message(contact=contact)}

    def press(self, data: str, message: dict[str, Any]) -> Update:
        """A press of an inline button with callback `data` under the bot's `message`."""
        query = {
            "id": str(next(self._query_ids)),
            "from": self.user,
            "message": message,
            "chat_instance": str(self.chat_id),
            "data": data,
        }
        return {"update_id": next(_update_ids), "callback_query": query}
