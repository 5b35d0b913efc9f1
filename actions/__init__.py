"""Business rules as rasa-sdk Actions, and the domain they need."""
