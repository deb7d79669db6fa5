"""A case after intake: the lifecycle's moves (who may take which, from which status),
performing a move in one transaction with its event, the queue's reads and the
countdowns."""
