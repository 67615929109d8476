-- Foreign keys into runs point at its primary key, as V12 did for dossiers.
--
-- A foreign key check is a statement PostgreSQL plans once per connection and keeps. Planned on a
-- new database, before the first ANALYZE of runs, the check on (client_id, id) could take
-- runs_of_client_newest_first, an index that starts with client_id too, and then read every run of
-- the client for each stage, step, batch membership, dossier and rerun written on that connection
-- (auto_explain caught it in bench/publish). A check on id can only use the primary key. The client
-- of each of these rows is still its run's client: Columnline writes them only for a run it has
-- read for that client.
ALTER TABLE stages
    DROP CONSTRAINT stages_client_id_run_id_fkey,
    ADD CONSTRAINT stages_run_fkey FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE;

ALTER TABLE steps
    DROP CONSTRAINT steps_client_id_run_id_fkey,
    ADD CONSTRAINT steps_run_fkey FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE;

ALTER TABLE batch_runs
    DROP CONSTRAINT batch_runs_client_id_run_id_fkey,
    ADD CONSTRAINT batch_runs_run_fkey FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE;

ALTER TABLE dossiers
    DROP CONSTRAINT dossiers_client_id_run_id_fkey,
    ADD CONSTRAINT dossiers_run_fkey FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE;

ALTER TABLE reruns
    DROP CONSTRAINT reruns_client_id_run_id_fkey,
    ADD CONSTRAINT reruns_run_fkey FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE;

-- Nothing refers to (client_id, id) now, and every new run paid an entry in it.
ALTER TABLE runs DROP CONSTRAINT runs_client_id_id_key;
