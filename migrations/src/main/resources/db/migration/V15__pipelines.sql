-- Pipeline definitions: installation-wide reference data, versioned as prompts are (V3). A
-- definition is the canonical JSON of its stages and steps, checked before it is stored.

CREATE TABLE pipelines (
    key        text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Immutable: a version is never updated or deleted, and numbers run 1, 2, 3, ... without gaps.
CREATE TABLE pipeline_versions (
    pipeline_key text NOT NULL REFERENCES pipelines (key),
    version      integer NOT NULL CHECK (version > 0),
    definition   json NOT NULL, -- json keeps the canonical text byte for byte
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pipeline_key, version)
);

-- 'latest' is not stored: it is always the highest version.
CREATE TABLE pipeline_labels (
    pipeline_key text NOT NULL,
    label        text NOT NULL,
    version      integer NOT NULL,
    PRIMARY KEY (pipeline_key, label),
    FOREIGN KEY (pipeline_key, version) REFERENCES pipeline_versions (pipeline_key, version)
);
