"""FSM states of the flows that span several messages."""

from aiogram.fsm.state import State, StatesGroup


class Verify(StatesGroup):
    phone = State()
    id_digits = State()
