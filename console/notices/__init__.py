"""Messages to citizens: the acceptance notice (受理告知) and the result feedback
(办理反馈), their outbox, the plug-in that sends them, and the three rates' inputs.

The outbox is the table ``citizen_message``; staff only read it, and every write
goes through the database's functions (migration 0011): a message is queued by the
intake or the resolution that calls for it, recorded as told by phone by desk
staff, and recorded as sent or failed only by members of ``hotline_sender``.
"""
