-- Publishing: daily batches, dossiers with their sections, dossier lists, reruns. A dossier is
-- written with its sections, lists, supersedes links and the run's status in one transaction.

-- One batch per client, pipeline version and local day of the client ({PIPELINE_VERSION}_{YYYYMMDD}).
-- Its counts (runs started, failed, dossiers published) and status are read from its runs, so they
-- are exact without a counter row that every publish of the day would have to lock.
CREATE TABLE batches (
    id               uuid PRIMARY KEY,
    client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name             text COLLATE "C" NOT NULL,
    day              date NOT NULL,
    pipeline_version text NOT NULL,
    created_at       timestamptz NOT NULL,
    UNIQUE (client_id, name),
    UNIQUE (client_id, id)
);

CREATE INDEX batches_newest_day_first ON batches (client_id, day DESC, name, id);

-- Which batch holds which run (a run started before batches existed has none until it publishes).
CREATE TABLE batch_runs (
    client_id uuid NOT NULL,
    run_id    uuid NOT NULL,
    batch_id  uuid NOT NULL,
    PRIMARY KEY (client_id, run_id),
    FOREIGN KEY (client_id, run_id) REFERENCES runs (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, batch_id) REFERENCES batches (client_id, id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX batch_runs_run ON batch_runs (run_id);
CREATE INDEX batch_runs_of_batch ON batch_runs (batch_id, run_id);

-- company_domain is normalised (lower case, no scheme, www. or path) and company_name_key is the
-- lower-cased name with single spaces: the keys a newer dossier of the same company is found by.
CREATE TABLE dossiers (
    id                       uuid PRIMARY KEY,
    client_id                uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    run_id                   uuid NOT NULL,
    batch_id                 uuid NOT NULL,
    company_name             text NOT NULL,
    company_name_key         text NOT NULL,
    company_domain           text NOT NULL,
    company_id               text,
    pipeline_version         text NOT NULL DEFAULT 'v1',
    status                   text NOT NULL CHECK (status IN ('scheduled', 'released', 'superseded')),
    release_date             date,
    release_at               timestamptz, -- start of release_date in the client's time zone
    released_at              timestamptz,
    supersedes_dossier_id    uuid REFERENCES dossiers (id),
    superseded_by_dossier_id uuid REFERENCES dossiers (id),
    published_with           text NOT NULL, -- the publish options, to tell a retry from a different request
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    UNIQUE (run_id),
    UNIQUE (client_id, id),
    FOREIGN KEY (client_id, run_id) REFERENCES runs (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, batch_id) REFERENCES batches (client_id, id),
    CHECK (status <> 'released' OR released_at IS NOT NULL),
    CHECK (status <> 'superseded' OR superseded_by_dossier_id IS NOT NULL)
);

-- a dossier supersedes at most one and is superseded by at most one: the chain is linear
CREATE UNIQUE INDEX dossiers_supersedes ON dossiers (supersedes_dossier_id) WHERE supersedes_dossier_id IS NOT NULL;
CREATE UNIQUE INDEX dossiers_superseded_by ON dossiers (superseded_by_dossier_id)
    WHERE superseded_by_dossier_id IS NOT NULL;
CREATE INDEX dossiers_of_client_newest_first ON dossiers (client_id, created_at DESC, id DESC);
CREATE INDEX dossiers_of_batch ON dossiers (batch_id, created_at DESC, id DESC);
CREATE INDEX dossiers_live_by_domain ON dossiers (client_id, company_domain, created_at DESC) WHERE status <> 'superseded';
CREATE INDEX dossiers_live_by_company_id ON dossiers (client_id, company_id, created_at DESC)
    WHERE status <> 'superseded' AND company_id IS NOT NULL;
CREATE INDEX dossiers_live_by_name ON dossiers (client_id, company_name_key, created_at DESC) WHERE status <> 'superseded';
CREATE INDEX dossiers_due ON dossiers (release_at) WHERE status = 'scheduled';
CREATE INDEX dossiers_updated ON dossiers (client_id, updated_at);

CREATE TABLE dossier_sections (
    client_id    uuid NOT NULL,
    dossier_id   uuid NOT NULL,
    key          text COLLATE "C" NOT NULL,
    title        text NOT NULL,
    position     integer NOT NULL,
    content      json NOT NULL, -- json keeps the writer's canonical text byte for byte
    step_key     text NOT NULL,
    step_attempt integer NOT NULL,
    PRIMARY KEY (dossier_id, key),
    FOREIGN KEY (client_id, dossier_id) REFERENCES dossiers (client_id, id) ON DELETE CASCADE
);

CREATE TABLE dossier_lists (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (client_id, id)
);

-- a client never has two lists of the same name, whatever the case
CREATE UNIQUE INDEX dossier_lists_name ON dossier_lists (client_id, lower(name));

CREATE TABLE dossier_list_members (
    client_id  uuid NOT NULL,
    list_id    uuid NOT NULL,
    dossier_id uuid NOT NULL,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (list_id, dossier_id),
    FOREIGN KEY (client_id, list_id) REFERENCES dossier_lists (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, dossier_id) REFERENCES dossiers (client_id, id) ON DELETE CASCADE
);

CREATE INDEX dossier_list_members_dossier ON dossier_list_members (dossier_id);

-- A run started to redo a dossier; publishing it supersedes that dossier.
CREATE TABLE reruns (
    client_id    uuid NOT NULL,
    run_id       uuid NOT NULL,
    dossier_id   uuid NOT NULL,
    from_stage   text,
    requested_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, run_id),
    FOREIGN KEY (client_id, run_id) REFERENCES runs (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, dossier_id) REFERENCES dossiers (client_id, id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX reruns_run ON reruns (run_id);

-- Prompt usage per version is a GROUP BY over the steps that name a prompt.
CREATE INDEX steps_prompt_usage ON steps (prompt_key, prompt_version) INCLUDE (cost_usd)
    WHERE prompt_key IS NOT NULL AND prompt_version IS NOT NULL;
