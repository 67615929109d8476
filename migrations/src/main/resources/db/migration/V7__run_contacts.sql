-- Contacts found during a run belong to the run and, once it is published, to its dossier too
-- (the foreign keys the prospects migration left to this one).

ALTER TABLE contacts
    ADD CONSTRAINT contacts_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE SET NULL,
    ADD CONSTRAINT contacts_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE SET NULL;

CREATE INDEX contacts_run ON contacts (run_id, created_at, id) WHERE run_id IS NOT NULL;
CREATE INDEX contacts_dossier ON contacts (dossier_id, created_at, id) WHERE dossier_id IS NOT NULL;
