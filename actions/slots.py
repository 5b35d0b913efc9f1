"""Names of the tracker slots the bot fills and the actions read or set."""

BORROWER_ID = "borrower_id"
LANG = "lang"
PHONE = "phone"
CANDIDATE_BORROWER = "candidate_borrower"
ID_DIGITS = "id_digits"
HANDOFF_REASON = "handoff_reason"
HANDOFF_DETAIL = "handoff_detail"
OFFERED = "offered"
TICKET_ID = "ticket_id"
TICKET_CREATED = "ticket_created"
TICKET = "ticket"  # the ticket as the action left it (JSON): the bot need not read it back
APPROVED_BY = "approved_by"
INSTALLMENTS = "installments"
DEFER_DAYS = "defer_days"
PLAN_ID = "plan_id"
OPT_OUT_OF = "opt_out_of"  # "messages" (proactive messages) or "third_parties" (contacting others)
