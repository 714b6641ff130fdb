"""/start: language choice and linking to a signatory organisation."""
