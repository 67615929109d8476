-- What a publish reads of dossiers stays the company's share, however many dossiers the client has.
--
-- PostgreSQL plans a statement the driver has prepared, and every foreign key check, once per
-- connection and keeps the plan. Made before the table's first ANALYZE (a new database, or the
-- first minute of a busy day), such a plan took whichever index starting with client_id looked
-- cheapest and then read every dossier of the client on each call: in bench/publish the membership
-- check took 3 ms and the supersede lookup 1.4 ms per publish, growing with the client's dossiers.
--
-- 1. Foreign keys into dossiers point at its primary key, not at (client_id, id): a check on id
--    can only use the primary key. The client of a membership or a rerun is still its dossier's
--    client: Columnline writes both rows only for a dossier it has read for that client.
ALTER TABLE dossier_list_members
    DROP CONSTRAINT dossier_list_members_client_id_dossier_id_fkey,
    ADD CONSTRAINT dossier_list_members_dossier_fkey FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE;

ALTER TABLE reruns
    DROP CONSTRAINT reruns_client_id_dossier_id_fkey,
    ADD CONSTRAINT reruns_dossier_fkey FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE;

-- 2. The live-company indexes end in the lookup's whole order (created_at DESC, id DESC), so each
--    rule of the supersede lookup (JdbiDossiers.NEWEST_LIVE) reads its newest match from its own
--    index instead of walking the client's dossiers newest first.
DROP INDEX dossiers_live_by_domain, dossiers_live_by_company_id, dossiers_live_by_name;
CREATE INDEX dossiers_live_by_domain ON dossiers (client_id, company_domain, created_at DESC, id DESC)
    WHERE status <> 'superseded';
CREATE INDEX dossiers_live_by_company_id ON dossiers (client_id, company_id, created_at DESC, id DESC)
    WHERE status <> 'superseded' AND company_id IS NOT NULL;
CREATE INDEX dossiers_live_by_name ON dossiers (client_id, company_name_key, created_at DESC, id DESC)
    WHERE status <> 'superseded';
