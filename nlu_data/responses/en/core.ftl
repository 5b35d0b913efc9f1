# Core conversation texts (English). Tone: respectful, helpful, factual; never threatening.

welcome = Hello, and welcome. { who_we_are }
help =
    Here is what I can help with:
    • What you owe now, with its breakdown
    • How to pay: online banking, mobile app or bank counter
    • A hardship plan if you cannot pay in full
    • Whether a payment has arrived, a receipt, paying the whole loan off
    • What happens if a payment stays overdue
    • A call back from our team, or a person to talk to
    Commands: /menu shows the menu, /lang changes the language, /logout ends verification, /stop stops reminder messages.
menu_prompt = What would you like to do?
greet_back = Hello! Thank you for getting in touch.

btn_balance = 💰 What I owe
btn_channels = 🏦 How to pay
btn_hardship = 🤝 I can't pay in full
btn_callback = 📞 Call me back
btn_human = 🙋 Talk to a person
btn_share_phone = 📱 Share my phone number

verify_ask_phone = To protect your account, I first need to confirm who you are. Please tap the button below to share the phone number of this Telegram account.
verify_use_button = Please use the "Share my phone number" button below; for your security I cannot accept a number typed in or forwarded.
verify_contact_not_own = For your security I can only accept the phone number of your own Telegram account. Please tap the "Share my phone number" button below.
verify_phone_invalid = I could not read that phone number. Please share it again with the button below.
verify_ask_id = Thank you. Please type the last 4 characters of your ID document (for example 1234 or 123X).
verify_ask_id_again = To go on, I still need the last 4 characters of your ID document (for example 1234 or 123X).
verify_id_format = Please type just the last 4 characters of your ID document, for example 1234 or 123X.
verify_failed =
    Sorry, those details do not match our records. Please check and try again. { $remaining ->
        [one] You have 1 attempt left before verification pauses for a while.
       *[other] You have { $remaining } attempts left before verification pauses for a while.
    }
verify_locked = For your security, verification is paused after several unsuccessful attempts. You can try again after { $until }. If you need help now, our team can assist: use /menu and choose "Talk to a person".
verify_success = Thank you, you are verified.
verify_already = You are already verified.
verify_required = I need to confirm who you are before I can show any account details. Please send /start to verify.
logout_done = You are logged out. I will ask you to verify again before showing any account details.
logout_not_verified = You were not verified, so there was nothing to log out of.

balance_summary =
    Loan { $loan_id }
    Overdue now: { $total }
      • Instalment principal: { $principal }
      • Interest: { $interest }
      • Late fees: { $fees }
    Days past due: { $days }
    Outstanding principal: { $outstanding }
    Next due date: { $next_due }
    Figures as of { $as_of }.
payment_status_posting =
    A payment shows on your loan once it has posted:
    { $channels }
payment_status_now = Loan { $loan_id } shows { $total } overdue, as of { $as_of }.
payment_status_check = If your payment should have posted by now and is not included, our team can check it for you: tap the button below, and have your payment receipt or the time and amount of the transfer to hand.
receipts = When you pay, your bank or our app gives you a receipt (a transfer slip or a payment confirmation): please keep it. Once a payment has posted, “What I owe” shows your balance with it taken off. If you need a written confirmation from us, our team can prepare one: tap the button below.
charges_and_contract = Interest and late fees are charged as set out in your loan contract, and “What I owe” shows each part of the amount overdue now (instalment principal, interest and late fees). Our team can send you a copy of your contract, or go through the calculation with you: tap the button below.
payment_trouble = Sorry it is not working. You can try again a little later, or pay another way: online banking transfer, the mobile app or a bank counter (“How to pay” shows each, with your repayment reference). If it keeps failing, or money has left your account but the payment is not shown here, tap “Talk to a person” and our team will look into it.
contact_details = The phone number and other contact details on your loan are changed by our team, who first check that the request comes from you: tap the button below and a person will help you.
settlement_figures = Loan { $loan_id }: { $total } overdue now, and { $outstanding } of principal outstanding (as of { $as_of }).
settlement_next = Paying the overdue amount brings your loan up to date. To pay the whole loan off early, the exact figure (with interest up to the day you pay) is confirmed by our team: tap “Talk to a person” or “Call me back”, and “How to pay” shows where to pay.
consequences = To answer plainly: while an amount is overdue, late fees continue to apply under your loan contract, and overdue payments are reported to the credit reference system, which can make it harder to borrow in future. Paying the overdue amount puts your account back in order. If you cannot pay in full, a repayment plan or a call with our team may help: I can show what you owe, or look at the options with you.
stage_current = Your account is up to date. Thank you!
stage_early = Just a friendly reminder: this payment is a few days late. Paying it soon keeps your account in good standing.
stage_mid = This payment is now overdue. Please pay the overdue amount as soon as you can. If that is difficult, tell me and we can look at options together.
stage_late = For your information: overdue payments are reported to the credit reference system and late fees continue to apply under your loan contract until the overdue amount is paid. If you cannot pay in full, a repayment plan or a call with our team may help.
balance_next_steps = You can see how to pay with "How to pay", or ask for a plan if you cannot pay in full.

channels_intro = You can repay in any of these ways:
channel_detail =
    ▶ { $name }
    { $steps }
    Cut-off time: { $cutoff } — { $posting }
channel_hours = Opening hours: { $hours }
channels_payee =
    Payee account
    Name: { $account_name }
    Bank: { $bank }
    Account number: { $account_number }
channels_reference = Your repayment reference for loan { $loan_id }: { $reference } — please always include it so your payment is matched to your loan.
channels_reference_after_verify = Once you verify (send /start), I will show your own repayment reference, which you include with the payment.

optout_confirmed = Understood. I will not send you reminders or other proactive messages any more. You can still write to me at any time, and I will answer.
optout_confirm_messages = Would you like me to stop sending you reminders and other messages you did not ask for? You can still write to me at any time.
optout_confirm_third_parties = Would you like us to contact only you about your loan, and nobody else?
btn_optout_yes = ✅ Yes, please
btn_optout_no = No, thank you
optout_kept = All right, nothing has changed. What would you like to do?
optout_third_parties = Understood. I have recorded that nobody but you is to be contacted about your loan. You can still write to me at any time, and I will answer.

lang_choose = Which language would you like me to use?
lang_set = From now on I will answer in English.
button_expired = This button is no longer valid. Please use /menu.
who_we_are = I am the automated repayment assistant of { $lender }. I can show what you owe, explain how to pay, and help if you are having difficulty paying. A person from our team is available whenever you need one.
contact_source = This is the repayment assistant of { $lender }. We contact customers only about their own loan, at the contact details given for that loan. If the loan or this number is not yours, tell me (for example “wrong number”) and our team will look into it and correct our records.
is_bot = Yes — I am an automated assistant of { $lender }, not a person. If you would prefer to talk to someone from our team, tap the button below.
take_your_time = Of course, take your time. I am here when you are ready.
you_are_welcome = You are welcome. I am here whenever you need me.
goodbye = Goodbye, and take care. You can write to me at any time.
fallback = Sorry, I did not quite understand. Could you put it another way, or choose from the menu?
fallback_offer_person = Sorry, I still did not understand. Would you like to talk to a person from our team?
unsupported_message = Sorry, I can only read text messages. Please type your question, or choose from the menu.
error_temporary = Sorry, something went wrong on our side. Please try again in a few minutes; nothing you sent has been lost.
error_unavailable = Sorry, our service is temporarily unavailable. Please try again in a few minutes.
throttled = You are sending messages very quickly. I have kept all of them; please wait a few seconds and I will answer.
