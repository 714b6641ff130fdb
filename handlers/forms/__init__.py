"""Forms: /forms, filling one in, /profile and /formadmin for staff."""
