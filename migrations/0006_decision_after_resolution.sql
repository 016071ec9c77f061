-- Once the resolution of an accepted letter has begun (a complexity determination, a dialogue,
-- a suspension, a withdrawal, a termination: resolution_events), its handling outcome can no
-- longer change: those decisions were issued on the strength of it.
CREATE TRIGGER letters_outcome_fixed_once_resolving BEFORE UPDATE OF outcome ON letters
WHEN NEW.outcome IS NOT OLD.outcome AND EXISTS (SELECT 1 FROM resolution_events WHERE letter_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'resolution already started');
END;
