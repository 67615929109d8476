-- The dossier id a scenario carries from its run's start (the origin's DOSS_20260114_002901), kept
-- on the dossier its run publishes. A rerun carries it again, so it names the dossier and every
-- version that supersedes it; it is no key.
ALTER TABLE dossiers ADD COLUMN external_id text;
CREATE INDEX dossiers_by_external_id ON dossiers (client_id, external_id) WHERE external_id IS NOT NULL;
