"""FSM states of the flows that span several messages."""

from aiogram.fsm.state import State, StatesGroup


class Verify(StatesGroup):
    phone = State()
    id_digits = State()


class Hardship(StatesGroup):
    choose = State()
    confirm = State()


class Promise(StatesGroup):
    amount = State()
    date = State()
    confirm = State()


class CallbackBooking(StatesGroup):
    choose = State()


class OptOut(StatesGroup):
    confirm = State()
