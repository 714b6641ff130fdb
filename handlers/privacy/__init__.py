"""Privacy: the notice, /mydata and /delete."""
