"""The people's side: agents working tickets in a Telegram forum group or a terminal."""
