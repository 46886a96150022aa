"""Services: take a SQLAlchemy Session as a parameter, never import flask, own the commit."""
