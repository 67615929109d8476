-- A client's keyed, versioned markdown documents (seed 003's pillars P1-P6, or any key). Every
-- version is a row; unchanged content makes none. The client's three profile documents
-- (icp_config, industry_research, research_context) stay in client_profile_versions and are
-- served through the same documents API, so there is one model of versioned documents.

CREATE TABLE knowledge_documents (
    client_id      uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    key            text NOT NULL,
    version        integer NOT NULL CHECK (version > 0),
    name           text NOT NULL,
    content        text NOT NULL,
    content_sha256 text NOT NULL,
    metadata       json NOT NULL DEFAULT '{}'::json,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (client_id, key, version)
);
