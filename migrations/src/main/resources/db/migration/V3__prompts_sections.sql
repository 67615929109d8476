-- Prompts and section definitions. Both are installation-wide reference data, as the seeds'
-- v2_prompts and v2_section_definitions are: the pipeline's prompts and the dossier's sections are
-- the same for every client, so these tables carry no client_id (on Citus they become reference
-- tables, copied to every node).

CREATE TABLE prompts (
    key        text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Immutable: a version is never updated or deleted, and numbers run 1, 2, 3, ... without gaps.
CREATE TABLE prompt_versions (
    prompt_key   text NOT NULL REFERENCES prompts (key),
    version      integer NOT NULL CHECK (version > 0),
    template     text NOT NULL,
    model        text,
    model_params json NOT NULL DEFAULT '{}'::json, -- json keeps the canonical text byte for byte
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (prompt_key, version)
);

-- 'latest' is not stored: it is always the highest version.
CREATE TABLE prompt_labels (
    prompt_key text NOT NULL,
    label      text NOT NULL,
    version    integer NOT NULL,
    PRIMARY KEY (prompt_key, label),
    FOREIGN KEY (prompt_key, version) REFERENCES prompt_versions (prompt_key, version)
);

CREATE TABLE section_definitions (
    key               text PRIMARY KEY,
    title             text NOT NULL,
    position          integer NOT NULL CHECK (position >= 0),
    writer_prompt_key text NOT NULL,
    required          boolean NOT NULL,
    schema            json NOT NULL, -- a JSON Schema (draft 2020-12), checked before it is stored
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX section_definitions_order ON section_definitions (position, key);
