"""Cases on screen: the live queue and its model, the case window with its timeline and
moves, the countdown panel and the callback desk."""
