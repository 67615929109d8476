-- The pipeline a client's runs follow when they name none (a key; the version labelled production).
-- It replaces default_pipeline in the profile's icp_config JSON, which runs still honour when the
-- field is empty.
ALTER TABLE clients ADD COLUMN default_pipeline text;
