-- The origin's client ids (CLT_EXAMPLE_001) as clients' external ids, and the configs the V2
-- pipelines read beside the profile (the *_compressed configs, client_specific_research,
-- drip_schedule, batch_strategy), one JSON object per client until they are knowledge documents;
-- json, not jsonb, so the text stays as written (canonical), like icp_config.
ALTER TABLE clients ADD COLUMN external_id text;
ALTER TABLE clients ADD COLUMN configs json NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX clients_external_id ON clients (external_id) WHERE external_id IS NOT NULL;
