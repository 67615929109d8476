-- Step logging is the hottest write (issue 2, section 8): two costs every stored step paid are gone.
--
-- 1. The foreign key from steps to runs. It checked each inserted row with a query that locked the
--    run row again (FOR KEY SHARE), one per step: about a fifth of PostgreSQL's time per step in a
--    batch. The only writer of steps (JdbiStepLog) inserts in one statement that reads the run of
--    the steps' client FOR SHARE and stores nothing unless that run exists and is running, so every
--    row it stores has its run, and the run cannot go away before the steps commit. Runs are never
--    deleted by Columnline; should one be deleted by hand (or with its client), the trigger below
--    deletes its steps as ON DELETE CASCADE did.
-- 2. Compressing the row. A step with ~2 KB of output crosses the 2 KB TOAST threshold, and every
--    insert ran pglz over the output to squeeze the row under it. Rows up to the largest target
--    (8160 bytes, about a page) now stay inline uncompressed; bigger ones are compressed or moved
--    out of line as before.
ALTER TABLE steps DROP CONSTRAINT steps_client_id_run_id_fkey;
ALTER TABLE steps SET (toast_tuple_target = 8160);

CREATE FUNCTION delete_steps_of_run() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM steps WHERE client_id = OLD.client_id AND run_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER runs_delete_steps AFTER DELETE ON runs
    FOR EACH ROW EXECUTE FUNCTION delete_steps_of_run();
