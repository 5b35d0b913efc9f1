"""Tracker slots of the plan, promise and callback actions (names shared with the dialogs)."""

# Out of policy: the handoff the dialogs offer (reason `out_of_policy`, detail = reason code).
HANDOFF_REASON = "handoff_reason"
HANDOFF_DETAIL = "handoff_detail"

# Hardship plans.
PLAN_OPTIONS = "plan_options"  # HardshipOptions JSON when the borrower may choose a plan
PLAN_KIND = "plan_kind"  # "installments" | "deferral"
PLAN_INSTALLMENTS = "plan_installments"
PLAN_DEFER_DAYS = "plan_defer_days"
PLAN_QUOTE = "plan_quote"  # the Quote JSON shown to the borrower, to confirm
PLAN_ID = "plan_id"

# Promises to pay (and partial payments now).
PROMISE_KIND = "promise_kind"  # "promise" | "partial"
PROMISE_AMOUNT = "promise_amount"  # Decimal string, or FULL_AMOUNT
FULL_AMOUNT = "full"  # the whole overdue amount, as of the check
PROMISE_DATE = "promise_date"  # ISO date, borrower-local
PROMISE_TIME = "promise_time"  # "HH:MM", borrower-local
PROMISE_NEEDS = "promise_needs"  # what to ask for again: ["amount"] / ["date"] / both / []
# ... or, for a change to a recorded promise, ["which"] (PROMISE_OPEN lists the open ones to
# pick from) or ["nothing"] (it cannot be changed: the reason was said)
PROMISE_REF = "promise_ref"  # the recorded promise to change or cancel; "" = not named
PROMISE_OPEN = "promise_open"  # ids of the open promises, when which one is not clear
PROMISE_DAYS = "promise_days"  # ISO dates to offer as buttons
PROMISE_ID = "promise_id"

# Callbacks.
CALLBACK_NEAR = "callback_near"  # naive ISO datetime, borrower-local: "around this time"
CALLBACK_START = "callback_start"  # aware ISO datetime of the chosen slot
CALLBACK_SLOTS = "callback_slots"  # aware ISO starts of the slots offered
CALLBACK_UPCOMING = "callback_upcoming"  # id of the borrower's upcoming callback, or None
CALLBACK_ID = "callback_id"
