"""Domain: ledger, money, identity, preferences and the lender's configuration."""
