"""Names of the tracker slots the bot fills and the actions read or set."""

BORROWER_ID = "borrower_id"
LANG = "lang"
PHONE = "phone"
CANDIDATE_BORROWER = "candidate_borrower"
ID_DIGITS = "id_digits"
