-- pakn schema, part 3: what the reception register (Sổ tiếp công dân, Mẫu 03/TCD of
-- NĐ 154/2026) records about a visit beyond part 1.
--
-- Column 8 of the register: the body that has already resolved the matter (hết thẩm quyền).
ALTER TABLE receptions ADD COLUMN resolved_by TEXT;
-- Columns 10 and 11: the number of the guidance document / forwarding slip that goes with
-- `handled_to` (to whom the citizen was guided, or which agency the matter was forwarded to).
ALTER TABLE receptions ADD COLUMN handled_ref TEXT;

-- A visit's documents (refusal notice, receipt, a session's conclusion) are read by visit.
CREATE INDEX documents_reception ON documents (reception_id);
-- A leader's session page lists its visits.
CREATE INDEX receptions_session ON receptions (session_id);
