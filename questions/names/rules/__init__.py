"""Named rules over the token model, one module per kind of name; ``questions.names.passes`` lists them in order."""
