"""One router per resource: events, articles, actors, places, stats, export."""
