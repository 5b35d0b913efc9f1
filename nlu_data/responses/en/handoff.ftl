# Handoff to a person (borrower-facing), and the agents' desk (agent-facing).

crisis_support =
    I'm really sorry you are going through this. You don't have to face it alone — please reach out now to people who can help right away:
    { $hotlines }
    A member of our team will also contact you. Your safety matters far more than any payment.
handoff_ack_bereavement = I am very sorry for your loss, and thank you for telling us at such a difficult time.
handoff_ack_abuse = Thank you for trusting us with this. Your safety comes first: if you are in danger right now, please call the police.
handoff_ack_vulnerable = Thank you for telling us. I am sorry you are going through a hard time; our team will take your situation into account.
handoff_created = I have passed your conversation to a member of our team, with everything you have told me, so you won't need to repeat yourself. They will reply here in this chat.
handoff_already_open = Your conversation is already with our team; I have added this message for them. They will reply here.
handoff_wait_urgent = Someone will reply within { $minutes } minutes.
handoff_wait_high = Someone will usually reply within { $minutes } minutes.
handoff_wait_normal = Someone will usually reply within { $hours } hours.
handoff_dispute_hold = While we look into this, you will not receive payment reminders or collection messages about this loan.
handoff_out_of_hours = Our team is not on shift right now; they are back at { $back }, and your message will be the first thing they see. If you prefer, you can book a call back at a time that suits you.
balance_on_hold = Loan { $loan_id } is on hold while our team reviews your query; no payment is being requested until they have answered you.
handoff_agent_joined = A member of our team has joined the conversation and will reply shortly.
handoff_resolved = Our team member has closed this conversation. Thank you for your patience. I am here again if you need anything: send /menu.
handoff_returned = You are back with the automated assistant. Send /menu to see what I can do; you can ask for a person again at any time.
relay_with_agent = A member of our team is handling your conversation; please write your message here and they will answer.
agent_plan_recorded =
    Our team has agreed a plan with you. Plan { $plan_id }:
    { $schedule }
    Total: { $total }. Late fees are frozen while the plan is kept.
agent_plan_failed = The plan could not be recorded: { $reason }

agent_card =
    🎫 { $ticket_id } — { $reason } — priority { $priority }
    Reply due by: { $sla_due }
    Borrower: { $borrower }
    Loan: { $loan } · overdue { $overdue } · { $days } days past due
    Signals: { $signals }
    Triggering message: { $trigger }
    Already offered: { $offered }
    Contact preferences: { $contact }
    Last messages:
    { $transcript }
    Commands in this topic: /note TEXT, /approve N (instalments), /approve defer DAYS.
agent_contact_borrower_only = contact only the borrower about the loan (asked { $since })
agent_contact_no_messages = no proactive messages (asked { $since })
agent_unverified = not verified
agent_btn_claim = ✋ Claim
agent_btn_resolve = ✅ Resolve
agent_btn_return = ↩️ Return to bot
agent_claimed = Claimed by { $name }.
agent_not_allowed = Only members of the agents' group can act on tickets.
agent_choose_outcome = Choose the outcome:
agent_resolved = Resolved: { $outcome }.
agent_returned = Returned to the bot.
agent_stale_button = This button is no longer valid.
agent_refused = Not done: { $detail }
agent_note_saved = Note saved.
agent_plan_approved = Plan { $plan_id } recorded with your approval; the borrower has the schedule.
agent_priority_urgent = ⚠️ Signs of self-harm: this ticket is now URGENT. Crisis support was sent to the borrower.
outcome_dispute_upheld = Dispute upheld
outcome_dispute_rejected = Dispute rejected
outcome_plan_agreed = Plan agreed
outcome_referred = Referred
outcome_no_contact = No contact
outcome_resolved = Resolved
hardship_on_hold = Loan { $loan_id } is on hold while our team reviews your query, so no payment plan is needed for now. Our team member will go through the options with you.
agent_btn_approve = 📝 Approve a plan
agent_choose_plan = Which plan do you approve? (outside the self-service limits; recorded with your id)
agent_plan_installments = { $number } instalments
agent_plan_deferral = defer { $number } days
