-- Publishing writes one dossier row and nothing per section or per contact; exporting reads one row
-- per dossier (and contact) without taking JSON apart.
--
-- 1. A dossier's sections live in its row: `sections` is the JSON array of {key, title, position,
--    content, step_key, step_attempt} in section order (json keeps each writer's text byte for byte).
-- 2. The export's flattened cells are kept beside them, computed once at publish:
--    `export_columns` is a JSON array of strings, three per column (section position, section key,
--    field or null when the whole section is one cell); dossiers of the same shape share the same
--    text, so an export finds its header with one DISTINCT. `export_cells` holds the values in the
--    same order as RFC 4180 CSV fields joined by commas (strings as text, other JSON as its text,
--    null as nothing), ready to be written out.
-- 3. A contact belongs to a dossier through its run (a run has at most one dossier), so publishing
--    no longer rewrites contact rows; contacts.dossier_id goes.

ALTER TABLE dossiers
    ADD COLUMN sections       json NOT NULL DEFAULT '[]',
    ADD COLUMN export_columns text NOT NULL DEFAULT '[]',
    ADD COLUMN export_cells   text NOT NULL DEFAULT '';

WITH cells AS (
    SELECT s.dossier_id, s.position, s.key, f.field, f.value
    FROM dossier_sections s
    CROSS JOIN LATERAL (
        SELECT e.key AS field, e.value FROM json_each_text(s.content) e WHERE json_typeof(s.content) = 'object'
        UNION ALL
        SELECT NULL, s.content #>> '{}' WHERE json_typeof(s.content) <> 'object'
    ) f
),
flattened AS (
    SELECT dossier_id,
           '[' || string_agg(to_json(position::text)::text || ',' || to_json(key)::text || ','
                             || coalesce(to_json(field)::text, 'null'), ','
                             ORDER BY position, key, field COLLATE "C" NULLS FIRST) || ']' AS columns,
           string_agg(CASE WHEN value IS NULL OR value = '' THEN ''
                           WHEN value ~ '[",\r\n]' THEN '"' || replace(value, '"', '""') || '"'
                           ELSE value END, ','
                      ORDER BY position, key, field COLLATE "C" NULLS FIRST) AS cells
    FROM cells
    GROUP BY dossier_id
),
whole AS (
    SELECT dossier_id,
           json_agg(json_build_object('key', key, 'title', title, 'position', position, 'content', content,
                                      'step_key', step_key, 'step_attempt', step_attempt)
                    ORDER BY position, key) AS sections
    FROM dossier_sections
    GROUP BY dossier_id
)
UPDATE dossiers d
SET sections = w.sections,
    export_columns = coalesce(f.columns, '[]'),
    export_cells = coalesce(f.cells, '')
FROM whole w
LEFT JOIN flattened f ON f.dossier_id = w.dossier_id
WHERE d.id = w.dossier_id;

DROP TABLE dossier_sections;

ALTER TABLE contacts DROP CONSTRAINT contacts_dossier;
DROP INDEX contacts_dossier;
ALTER TABLE contacts DROP COLUMN dossier_id;
