"""Every action the bot can call, registered with a rasa-sdk executor."""

from __future__ import annotations

from rasa_sdk.executor import ActionExecutor

from actions.agent_plan import ActionAgentApprovePlan
from actions.agreements import ActionAgreements
from actions.balance import ActionBalance
from actions.base import RepayAction
from actions.callbacks import ActionCallbackBook, ActionCallbackCancel, ActionCallbackOffer
from actions.channels import ActionChannels
from actions.handoff import ActionHandoff
from actions.hardship import ActionHardshipAccept, ActionHardshipOptions, ActionHardshipQuote
from actions.payment_status import ActionPaymentStatus
from actions.preferences import ActionOptOut
from actions.promise_changes import ActionPromiseCancel
from actions.promises import ActionPromiseCheck, ActionPromiseRecord
from actions.services import ServicesProvider
from actions.settlement import ActionSettlement
from actions.verify import ActionLogout, ActionVerifyId, ActionVerifyPhone

ACTIONS: tuple[type[RepayAction], ...] = (
    ActionVerifyPhone,
    ActionVerifyId,
    ActionLogout,
    ActionBalance,
    ActionChannels,
    ActionPaymentStatus,
    ActionSettlement,
    ActionOptOut,
    ActionHardshipOptions,
    ActionHardshipQuote,
    ActionHardshipAccept,
    ActionPromiseCheck,
    ActionPromiseRecord,
    ActionPromiseCancel,
    ActionCallbackOffer,
    ActionCallbackBook,
    ActionCallbackCancel,
    ActionAgreements,
    ActionHandoff,
    ActionAgentApprovePlan,
)


def build_executor(provider: ServicesProvider) -> ActionExecutor:
    executor = ActionExecutor()
    for action_class in ACTIONS:
        executor.register_action(action_class(provider))
    return executor
