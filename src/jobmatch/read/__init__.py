"""Documents in: sniffing, encodings, PDF, DOCX, HTML, isolation of untrusted parses."""
