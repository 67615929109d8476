-- The prospect database (the seeds' companies and employees, here contacts), AI interaction logs,
-- and the record of every CSV import with its rejected rows.

CREATE TABLE companies (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id             uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    company_name          text NOT NULL,
    tin                   text,
    registration_number   text,
    registration_date     date,
    region                text,
    status                text NOT NULL DEFAULT 'Active',
    segment               text,
    source                text,
    sme_registry          boolean,
    office_qualification  text CHECK (office_qualification IN ('More', 'Less')),
    revenue               numeric,
    balance               numeric,
    net_profit_loss       numeric,
    employee_count        integer,
    ceo_name              text,
    ceo_position          text,
    primary_email         text,
    all_company_emails    text[],
    website               text,
    domain                text, -- normalised from website (or given); contacts find their company by it
    company_description   text,
    company_research      text,
    session_key           text,
    batch_id              text,
    workflow_execution_id text,
    processing_status     text NOT NULL DEFAULT 'pending',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX companies_client_tin ON companies (client_id, tin) WHERE tin IS NOT NULL;
CREATE UNIQUE INDEX companies_client_registration_number
    ON companies (client_id, registration_number) WHERE registration_number IS NOT NULL;
-- the seed's segment/status/session_key indexes, client first since every query names one client
CREATE INDEX companies_client_segment ON companies (client_id, segment);
CREATE INDEX companies_client_status ON companies (client_id, status);
CREATE INDEX companies_client_session_key ON companies (client_id, session_key);
CREATE INDEX companies_client_domain ON companies (client_id, domain) WHERE domain IS NOT NULL;
CREATE INDEX companies_client_page ON companies (client_id, id);
-- the audience query checks a contact's company from this index alone (an index-only scan)
CREATE INDEX companies_audience ON companies (id) INCLUDE (client_id, segment, sme_registry, status, region);

-- One contact model for imported employees and for contacts found during runs (run_id and
-- dossier_id get their foreign keys from the publishing migration).
CREATE TABLE contacts (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id            uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    company_id           uuid REFERENCES companies (id) ON DELETE SET NULL,
    run_id               uuid,
    dossier_id           uuid,
    import_key           text, -- company id + e-mail (or name) of an imported contact; null for others
    company_name         text, -- snapshot of the company's name
    full_name            text,
    first_name           text,
    last_name            text,
    middle_name          text,
    position             text,
    work_email           text,
    generic_email        text,
    phone_numbers        text[],
    source_urls          text[],
    linkedin_url         text,
    outreach_sent_date   timestamptz,
    outreach_type        text CHECK (outreach_type IN ('marketing', 'sales')),
    campaign_number      text,
    campaign_status      text,
    reply_unsubscribe    boolean NOT NULL DEFAULT false,
    reply_info_request   boolean NOT NULL DEFAULT false,
    reply_bounce         boolean NOT NULL DEFAULT false,
    client_status        text,
    test_date            date,
    test_status          text CHECK (test_status IN
        ('Начато', 'Идет', 'Завершено:Успех', 'Завершено:Неудача', 'Завершено:Требуется доработка')),
    company_session_key  text,
    employee_session_key text,
    processing_status    text NOT NULL DEFAULT 'pending',
    source_service       text,
    ai_research_data     jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX contacts_client_import_key ON contacts (client_id, import_key) WHERE import_key IS NOT NULL;
-- of the seed's indexes, the ones the audience, engagement and lookup queries use
CREATE INDEX contacts_company ON contacts (company_id);
-- pages of contacts in id order; the audience query filters them from this index alone, so only
-- the contacts it returns are read from the table
CREATE INDEX contacts_client_page ON contacts (client_id, id)
    INCLUDE (company_id, position, processing_status, reply_bounce, reply_unsubscribe, work_email);
CREATE INDEX contacts_client_work_email ON contacts (client_id, lower(work_email)) WHERE work_email IS NOT NULL;
CREATE INDEX contacts_client_campaign ON contacts (client_id, campaign_number) WHERE campaign_number IS NOT NULL;
CREATE INDEX contacts_client_employee_session_key ON contacts (client_id, employee_session_key)
    WHERE employee_session_key IS NOT NULL;

CREATE TABLE ai_interactions (
    id               uuid PRIMARY KEY,
    client_id        uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    session_key      text,
    conversation_id  text,
    prompt           text NOT NULL,
    response         text,
    model_used       text,
    confidence_score numeric CHECK (confidence_score BETWEEN 0 AND 1),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ai_interactions_session ON ai_interactions (client_id, session_key, created_at, id);
CREATE INDEX ai_interactions_conversation ON ai_interactions (client_id, conversation_id, created_at, id);

-- One row per finished import; the same file (hash) with the same session_key and batch_id is
-- recognised as already imported.
CREATE TABLE imports (
    id                 uuid PRIMARY KEY,
    client_id          uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind               text NOT NULL CHECK (kind IN ('companies', 'contacts')),
    file_name          text NOT NULL,
    file_sha256        text NOT NULL,
    session_key        text,
    batch_id           text,
    rows_read          bigint NOT NULL,
    inserted           bigint NOT NULL,
    updated            bigint NOT NULL,
    unchanged          bigint NOT NULL,
    rejected           bigint NOT NULL,
    duplicates_in_file bigint NOT NULL,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL
);

CREATE INDEX imports_identity ON imports (client_id, kind, file_sha256);
CREATE INDEX imports_client_started ON imports (client_id, started_at DESC, id DESC);

CREATE TABLE import_errors (
    import_id   uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    client_id   uuid NOT NULL,
    line        bigint NOT NULL,
    column_name text,
    value       text,
    reason      text NOT NULL,
    PRIMARY KEY (import_id, seq)
);
