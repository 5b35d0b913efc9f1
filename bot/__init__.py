"""Repayment assistant bot: Telegram front end, settings, factories and CLI."""
