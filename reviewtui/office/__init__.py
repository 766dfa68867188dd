"""Office documents set as a Chinese office files them (GB/T 9704-2012), shared by every docx."""
