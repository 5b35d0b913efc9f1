"""`repaybot agent`: the agents' actions in a terminal, on the same Redis as the bot.

With `make chat` in one terminal and `repaybot agent` in another, the whole handoff loop
runs locally: the agent's words reach the borrower through the outbox.
"""

from __future__ import annotations

import asyncio
import shlex
import sys
from datetime import datetime
from typing import TextIO

from actions.domain.clock import SystemClock
from actions.domain.tickets import Ticket, TicketError
from bot.agents.operations import Agent, AgentOperations
from bot.agents.outbox import Outbox
from bot.services import BotServices, build_services
from bot.settings import Settings

HELP = """commands:
  ls                          open tickets, most urgent first
  show ID                     a ticket with its notes and transcript
  claim ID                    take the ticket
  reply ID TEXT               write to the borrower
  note ID TEXT                an internal note
  resolve ID OUTCOME          close with an outcome ({outcomes})
  return ID                   hand the borrower back to the bot
  approve ID N | approve ID defer DAYS
                              record a plan outside the self-service limits
  help, quit"""


def _age(ticket: Ticket, now: datetime) -> str:
    minutes = int(ticket.waiting_seconds(now) // 60)
    return f"{minutes // 60}h{minutes % 60:02d}m"


class AgentConsole:
    def __init__(self, services: BotServices, agent: Agent, out: TextIO) -> None:
        self.services = services
        self.agent = agent
        self.out = out
        self.outbox = Outbox(services.redis)
        self.ops = AgentOperations(services, self.outbox.put)

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    async def ls(self) -> None:
        now = self.services.clock.now()
        tickets = sorted(
            await self.services.domain.tickets.all(open_only=True), key=Ticket.sort_key
        )
        if not tickets:
            self.say("no open tickets")
        for t in tickets:
            breach = " SLA BREACHED" if t.sla_breached(now) else ""
            self.say(
                f"{t.ticket_id}  {_age(t, now):>7}  {t.priority.value:<6}  {t.reason.value:<15}"
                f"  {t.status.value:<8}  {t.agent_name or '-'}{breach}"
            )

    async def show(self, ticket_id: str) -> None:
        ticket = await self.ops.ticket(ticket_id)
        self.say(
            f"{ticket.ticket_id}  {ticket.status.value}  {ticket.priority.value}  "
            f"{ticket.reason.value}  borrower {ticket.borrower_id or 'not verified'}  "
            f"loan {ticket.loan_id or '-'}  SLA due {ticket.sla_due_at:%Y-%m-%d %H:%M %Z}"
        )
        self.say(f"trigger: {ticket.trigger_text}")
        for note in ticket.notes:
            self.say(f"note ({note.agent_name}): {note.text}")
        for entry in await self.services.transcripts.entries(ticket.chat_id, last=20):
            arrow = "borrower>" if entry.direction == "in" else "     bot>"
            self.say(f"{arrow} {entry.text}")

    async def run_command(self, line: str) -> bool:
        """Runs one command; False to stop."""
        try:
            words = shlex.split(line)
        except ValueError:
            words = line.split()
        if not words:
            return True
        command, args = words[0].lower(), words[1:]
        try:
            if command in {"quit", "exit"}:
                return False
            if command == "ls":
                await self.ls()
            elif command == "show" and len(args) == 1:
                await self.show(args[0])
            elif command == "claim" and len(args) == 1:
                await self.ops.claim(args[0], self.agent)
                self.say(f"claimed {args[0]}")
            elif command == "reply" and len(args) >= 2:
                await self.ops.reply(args[0], self.agent, " ".join(args[1:]))
                await self.services.transcripts.append(
                    (await self.ops.ticket(args[0])).chat_id,
                    "out",
                    f"[{self.agent.name}] {' '.join(args[1:])}",
                )
                self.say("sent")
            elif command == "note" and len(args) >= 2:
                await self.ops.note(args[0], self.agent, " ".join(args[1:]))
                self.say("noted")
            elif command == "resolve" and len(args) == 2:
                await self.ops.resolve(args[0], self.agent, args[1])
                self.say(f"resolved {args[0]}: {args[1]}")
            elif command == "return" and len(args) == 1:
                await self.ops.return_to_bot(args[0], self.agent)
                self.say(f"returned {args[0]} to the bot")
            elif command == "approve" and len(args) in {2, 3}:
                defer = len(args) == 3 and args[1] == "defer"
                number = int(args[-1])
                plan_id = await self.ops.approve_plan(
                    args[0],
                    self.agent,
                    installments=None if defer else number,
                    defer_days=number if defer else None,
                )
                self.say(f"plan {plan_id} recorded with your approval")
            else:
                outcomes = ", ".join(self.services.domain.handoff.outcomes)
                self.say(HELP.format(outcomes=outcomes))
        except (TicketError, ValueError) as error:
            self.say(f"not done: {error}")
        return True


async def run_agent_console(
    settings: Settings,
    redis_url: str,
    agent: Agent,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> int:
    services = build_services(settings, redis_url, clock=SystemClock(), load_nlu=False)
    console = AgentConsole(services, agent, stdout)
    interactive = stdin.isatty()
    try:
        if interactive:
            console.say(f"Agent console as {agent.name} ({agent.agent_id}). 'help' lists commands.")
            await console.ls()
        while True:
            if interactive:
                try:
                    line = await asyncio.to_thread(input, "agent> ")
                except EOFError:
                    break
            else:
                line = await asyncio.to_thread(stdin.readline)
                if not line:
                    break
            if not await console.run_command(line.strip()):
                break
    finally:
        await services.close()
    return 0
