"""The call screen: the caller's number and history, the case form with its keyboard flow,
likely duplicates."""
