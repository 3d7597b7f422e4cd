"""Stage 7, instruments: measure sentences → `Instrument` codings (policy-instrument types, Rothwell and Zegveld)."""
