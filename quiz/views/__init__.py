"""Blueprints (student, auth, teacher) and the helpers they share."""
