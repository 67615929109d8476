-- Every publish of a client inserted rows whose foreign keys locked the same two parent rows
-- (FOR KEY SHARE): the client's row and its Inbox list's row. Sixteen publishes at once share those
-- locks as MultiXacts, and each new locker rewrites the row's lock and waits for its page: in the
-- slowest publishes of bench/publish these two checks took up to 5 ms each.
--
-- 1. dossiers -> clients repeated what the key (client_id, run_id) -> runs already says: a run
--    exists for that client, and runs -> clients holds the client. Deleting a client still deletes
--    its dossiers, through its runs.
ALTER TABLE dossiers DROP CONSTRAINT dossiers_client_id_fkey;

-- 2. dossier_list_members -> dossier_lists. Columnline never deletes a list, and it adds a
--    membership only for a list it has just read for the same client (ListAccess). Should a list be
--    deleted by hand (or with its client), the trigger below removes its memberships as
--    ON DELETE CASCADE did.
ALTER TABLE dossier_list_members DROP CONSTRAINT dossier_list_members_client_id_list_id_fkey;

CREATE FUNCTION delete_members_of_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dossier_list_members WHERE list_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER dossier_lists_delete_members AFTER DELETE ON dossier_lists
    FOR EACH ROW EXECUTE FUNCTION delete_members_of_list();
