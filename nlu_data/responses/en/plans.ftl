# Hardship plans, promises to pay, callbacks and "what did I agree to?" (English).
# Tone: respectful, helpful, factual; a limit is explained, never used as a threat.

## Why something is outside what I can arrange here (reason codes of actions/domain/reasons.py)

reason_dpd_over_limit = I can arrange a plan here only for payments up to { $limit } days past due; yours is { $days_past_due } days past due.
reason_overdue_below_minimum = A plan is arranged here for overdue amounts of at least { $minimum }; yours is { $overdue }, so paying it in full is the simplest way.
reason_broken_plan_recently = A plan that was not kept ended on { $broken_on }; for { $days } days after that, a new plan is arranged with a colleague rather than here.
reason_plan_already_active = You already have an active repayment plan. Send /agreements to see it. Only one plan can be active at a time.
reason_installments_out_of_range = Plans here have between { $min } and { $max } monthly instalments; { $requested } is outside that range.
reason_first_due_out_of_range = The first instalment has to fall between { $earliest } and { $latest }; { $requested } is outside that range.
reason_first_instalment_below_minimum = The first instalment has to be at least { $minimum }; this one would be { $first }.
reason_deferral_dpd_over_limit = Paying later in one amount (a deferral) is possible only up to { $limit } days past due; yours is { $days_past_due } days past due. Instalments are still possible.
reason_deferral_used_recently = A deferral is possible once every { $months } months; the last one was arranged on { $used_on }, so the next is possible from { $next_on }.
reason_defer_days_out_of_range = A deferral can be up to { $max } days; { $requested } days is longer than that.
reason_amount_missing = I still need the amount.
reason_date_missing = I still need the date.
reason_amount_not_positive = The amount has to be more than zero.
reason_amount_over_overdue = { $amount } is more than the overdue amount of { $overdue }. A promise here covers at most the overdue amount.
reason_date_in_past = { $date } has already passed (or the time you named has). Please choose today or a later date.
reason_date_too_far = { $date } is more than { $days } days away; the latest date I can note here is { $latest }.
reason_partial_below_minimum = A part payment has to be at least { $minimum }; { $amount } is below that.
reason_no_open_promise = You have no open promise to pay at the moment.
reason_promise_not_open = That promise is no longer open, so it cannot be changed or cancelled. /agreements shows what is open.
reason_promise_change_limit = A promise can be changed here up to { $max } times, and this one has been changed that often already.
reason_callback_in_past = That time ({ $start }) has already passed.
reason_callback_too_far = Calls can be booked up to { $days } days ahead; { $start } is further away.
reason_callback_outside_hours = Our team calls on { $weekdays }, between { $open } and { $close }.
reason_callback_not_on_slot = Calls start on the hour or in { $minutes }-minute steps.
reason_slot_full = Sorry, the time { $start } has just been fully booked.
reason_callback_already_booked = You already have a call booked. You can move it or cancel it with /agreements.
reason_no_upcoming_callback = You have no call booked at the moment.

out_of_policy_offer = A colleague can look at your situation with you: I can book a call back, or you can talk to a person now.

## Hardship options

hardship_intro = Thank you for telling me. Your overdue amount is { $overdue } ({ $days } days past due). Here is what I can arrange for you right now:
plan_waiver_asked = Reducing or waiving interest or fees is not something I can do here: our team decides on that, and can look at your situation with you (“Talk to a person” below).
hardship_option_installments = • Instalments: pay it in { $min } to { $max } monthly instalments, the first within { $within } days.
hardship_option_deferral = • Pay later: pay the whole amount in one go, up to { $max_days } days from today.
hardship_option_partial = • Pay part now: any amount from { $minimum }, and we note it.
hardship_choose = Tell me which you prefer, for example “{ $instalments } instalments” or “defer { $days } days”.
hardship_choose_instalments = Tell me which you prefer, for example “{ $instalments } instalments”.
hardship_other_options = These options are still open to you:

## Quotes and recorded plans

plan_quote_installments =
    Your plan: { $amount } in { $count } monthly instalments
    { $schedule }
    Total: { $total }
plan_quote_deferral =
    Your plan: the whole { $amount } paid { $days } days from today, on { $due }
    Total: { $total }
plan_fees_frozen = No late fees are added while you keep to this plan.
plan_fees_not_frozen = Late fees continue under your loan contract while this plan runs.
plan_confirm_ask = Do you agree to this plan? Nothing is recorded until you confirm.
plan_quote_stale = This offer is no longer current, so nothing was recorded. Please choose an option again.
plan_quote_changed = The figures have changed since I showed them, so nothing was recorded yet. Here is the up-to-date plan:
plan_recorded =
    Thank you. Your plan { $plan_id } is recorded:
    { $schedule }
    Total: { $total }
plan_recorded_next = You can see it any time with /agreements. “How to pay” shows where to pay each instalment.
plan_declined = No problem, nothing was recorded.

## Promises to pay and part payments

promise_ask_amount = How much will you pay? Please write the amount, for example 500 (at most { $overdue }).
partial_ask_amount = How much can you pay today? Any amount from { $minimum } up to { $overdue } helps.
promise_ask_date = On which date will you pay? Choose a day below or write a date, for example 15 Dec (at the latest { $latest }).
promise_amount_format = Please write just the amount, for example 500.
promise_date_format = Please choose a day below or write a date, for example 2026-12-15 or “Friday”.
promise_confirm = To confirm: you will pay { $amount } by { $when }. Is that right?
partial_confirm = To confirm: you will pay { $amount } today, { $when }. Is that right?
promise_confirm_ask = Shall I record it?
promise_recorded = Thank you, noted: { $amount } by { $when } (reference { $promise_id }).
partial_recorded = Thank you, noted: { $amount } today, { $when } (reference { $promise_id }).
promise_how_to_pay = “How to pay” shows the payment channels and your repayment reference; /agreements shows what you have agreed.
promise_not_recorded = All right, nothing was recorded. Tell me another amount or date whenever you are ready, or choose from the menu.
promise_when_able = Thank you for wanting to pay. To note a promise I need a day: if you can tell me roughly when you expect to pay (for example “on the 15th” or “next Friday”), I will note it. If you cannot say yet, paying in instalments or later may make it easier to manage: tap below to see the options.
promise_which = You have more than one open promise. Which one do you mean?
promise_change_current = You are changing promise { $promise_id }: { $amount } by { $when }.
promise_change_confirm = To confirm: promise { $promise_id }, { $old_amount } by { $old_when }, changes to { $amount } by { $when }. Is that right?
promise_changed = Thank you, changed: { $amount } by { $when } (reference { $promise_id }, in place of { $replaces }).
promise_cancelled = Promise { $promise_id } ({ $amount } by { $when }) is cancelled.
promise_cancelled_next = The overdue amount of { $overdue } is still due. If paying is hard at the moment, I can show you the plan options; or tell me a new date whenever you are ready.

## Callbacks

callback_existing = You already have a call booked for { $when } (reference { $callback_id }). Choosing a new time below moves it.
callback_choose = Here are the next free times for a call from our team (times in { $timezone }). Tap one to book it:
callback_choose_near = Here are the free times closest to what you asked for (times in { $timezone }). Tap one to book it:
callback_choose_again = Please tap one of the times above, or tell me a day and time, for example “tomorrow 3pm”.
callback_no_slots = Sorry, there are no free times for a call in the coming days. You can talk to a person now instead.
callback_not_booked = All right, no time was booked. You can ask for a call back whenever you like, or choose from the menu.
callback_booked = Booked: our team will call you on { $when } (reference { $callback_id }).
callback_rebooked = Moved: our team will now call you on { $when } (reference { $callback_id }).
callback_alternatives = These times are free (times in { $timezone }):
callback_cancelled = Your call on { $when } (reference { $callback_id }) is cancelled. You can book another one at any time.

## What did I agree to?

agreements_none = You have no active plan, promise or booked call at the moment.
agreements_intro = Here is what you have agreed with us:
agreements_plan_installments =
    Instalment plan { $plan_id }:
    { $schedule }
    Total: { $total }
agreements_plan_deferral =
    Deferral { $plan_id }:
    { $schedule }
    Total: { $total }
agreements_promise = Promise { $promise_id }: { $amount } by { $when }
agreements_partial = Part payment { $promise_id }: { $amount } on { $when }
agreements_callback = Call back { $callback_id }: { $when }

## Buttons

btn_plan_installments = { $count } instalments
btn_plan_defer = Pay in { $days } days
btn_plan_partial = 💵 Pay part now
btn_plan_accept = ✅ Yes, I agree
btn_plan_other = ↩️ Other options
btn_promise_confirm = ✅ Yes, record it
btn_promise_change = ✏️ No, change it
btn_promise_change_ref = ✏️ Change promise { $promise_id }
btn_promise_cancel_ref = ❌ Cancel promise { $promise_id }
btn_callback_cancel = ❌ Cancel my call
btn_callback_change = 🕑 Change the time
