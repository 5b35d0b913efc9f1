"""`repaybot`: the command line. Every subcommand is documented in README."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence

from bot.logs import setup_logging
from bot.nlu.cli import add_nlu_commands
from bot.ops.cli import add_ops_commands
from bot.plan_cli import add_plan_commands
from bot.redis_runtime import redis_url
from bot.settings import Settings, TelegramSettings

Command = Callable[[argparse.Namespace], int]


def _chat(args: argparse.Namespace) -> int:
    from bot.console import run_console

    settings = Settings()
    with redis_url(settings.redis) as url:
        return asyncio.run(
            run_console(settings, url, user_id=args.user_id, lang=args.lang, reset=args.reset)
        )


def _run(args: argparse.Namespace) -> int:
    from bot.polling import run_polling
    from bot.webhook import run_webhook

    telegram = TelegramSettings()
    if args.api_url:
        telegram = telegram.model_copy(update={"telegram_api_url": args.api_url})
    settings = Settings(telegram=telegram)
    with redis_url(settings.redis) as url:
        return asyncio.run(
            run_webhook(settings, url) if args.webhook else run_polling(settings, url)
        )


def _actions(args: argparse.Namespace) -> int:
    from bot.action_server import serve_actions

    settings = Settings()
    with redis_url(settings.redis) as url:
        return serve_actions(settings, url, args.host, args.port)


def _agent(args: argparse.Namespace) -> int:
    from bot.agents.console import run_agent_console
    from bot.agents.operations import Agent

    settings = Settings()
    with redis_url(settings.redis) as url:
        return asyncio.run(
            run_agent_console(settings, url, Agent(agent_id=args.agent_id, name=args.name))
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repaybot", description="Self-service repayment assistant for overdue borrowers."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = commands.add_parser("chat", help="talk to the bot in this terminal (demo data)")
    chat.add_argument("--user-id", type=int, default=10001, help="Telegram user to play")
    chat.add_argument("--lang", choices=("zh", "en"), help="answer in this language")
    chat.add_argument("--reset", action="store_true", help="forget this user's state first")
    chat.set_defaults(func=_chat)

    run = commands.add_parser("run", help="run the bot on Telegram (long polling)")
    run.add_argument("--api-url", help="another Bot API server, e.g. http://127.0.0.1:8081")
    run.add_argument(
        "--webhook", action="store_true", help="serve webhooks (WEBHOOK_*) instead of polling"
    )
    run.set_defaults(func=_run)

    actions = commands.add_parser("actions", help="start the rasa-sdk action server")
    actions.add_argument("--host", default="127.0.0.1")
    actions.add_argument("--port", type=int, default=5055)
    actions.set_defaults(func=_actions)

    agent = commands.add_parser("agent", help="work handoff tickets in this terminal")
    agent.add_argument("--agent-id", type=int, default=9001, help="your agent id")
    agent.add_argument("--name", default="Agent", help="your name as borrowers see it")
    agent.set_defaults(func=_agent)

    add_nlu_commands(commands)
    add_plan_commands(commands)
    add_ops_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # The terminal chat is a conversation: only warnings interrupt it.
    quiet = logging.WARNING if args.command == "chat" else logging.INFO
    setup_logging(logging.DEBUG if args.verbose else quiet)
    func: Command = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
