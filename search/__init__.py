"""Fork of Oscar's ``search`` app (label kept); search runs on our backends, not haystack."""
