package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.FieldColumns;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prospects.port.out.ProspectImports.Applied;
import io.columnline.application.prospects.port.out.ProspectImports.Batch;
import io.columnline.application.prospects.port.out.ProspectImports.Finish;
import io.columnline.application.prospects.port.out.ProspectImports.Plan;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One import on one connection: rows are written to {@code COPY stage FROM STDIN} as they come
 * (memory stays flat whatever the file's size), and {@link #finish} turns the staging table into
 * updates and inserts. SQL here only ever inlines values this class made itself (the client and
 * import ids, the clock's time); file content only ever travels through COPY.
 */
final class CopyBatch implements Batch {
    private static final int FLUSH_BYTES = 1 << 20;

    private final Plan plan;
    private final Connection connection;
    private final Clock clock;
    private final List<Field> staged;
    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 65536);
    private final StringBuilder line = new StringBuilder(1024);
    private final String client;
    private boolean finished;

    CopyBatch(Plan plan, Connection connection, Clock clock) throws SQLException {
        this.plan = plan;
        this.connection = connection;
        this.clock = clock;
        this.client = "'" + plan.client().value() + "'::uuid";
        this.staged = stagedFields(plan);
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // before the session's first temporary table only; a pooled session keeps what it had
            s.execute("SET temp_buffers = '256MB'");
            s.execute("SET LOCAL work_mem = '256MB'");
            s.execute("CREATE TEMP TABLE stage (line bigint NOT NULL, err_column text, err_value text, err_reason text,"
                    + " late boolean NOT NULL DEFAULT false, "
                    + staged.stream()
                            .map(f -> f.name() + " " + FieldColumns.sqlType(f))
                            .collect(Collectors.joining(", "))
                    + ") ON COMMIT DROP");
        }
        copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY stage (line, err_column, err_value, err_reason, "
                        + staged.stream().map(Field::name).collect(Collectors.joining(", ")) + ") FROM STDIN");
    }

    /** The fields the file gives plus those every row needs for its key and its company. */
    private static List<Field> stagedFields(Plan plan) {
        Set<Field> fields = new LinkedHashSet<>(plan.given());
        List<String> keys = plan.kind() == ProspectKind.COMPANIES
                ? List.of("tin", "registration_number")
                : List.of(
                        "company_tin",
                        "company_registration_number",
                        "company_domain",
                        "company_name",
                        "full_name",
                        "work_email");
        keys.forEach(k -> fields.add(plan.kind().field(k).orElseThrow()));
        return List.copyOf(fields);
    }

    @Override
    public void add(long lineNumber, FieldValues values) {
        line.setLength(0);
        line.append(lineNumber).append("\t\\N\t\\N\t\\N");
        for (Field field : staged) {
            line.append('\t');
            escaped(FieldColumns.text(field, values.get(field.name())));
        }
        write();
    }

    @Override
    public void reject(RowProblem problem) {
        line.setLength(0);
        line.append(problem.line()).append('\t');
        escaped(problem.column());
        line.append('\t');
        escaped(problem.value());
        line.append('\t');
        escaped(problem.reason());
        for (int i = 0; i < staged.size(); i++) {
            line.append("\t\\N");
        }
        write();
    }

    private void escaped(String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private void write() {
        line.append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void flush() {
        try {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        } catch (SQLException e) {
            throw new ImportFailed("the database refused the staged rows: " + e.getMessage(), e);
        }
    }

    @Override
    public Applied finish(Finish finish, Consumer<RowProblem> rejected) {
        try {
            flush();
            copy.endCopy();
            String now = "'" + clock.instant() + "'::timestamptz";
            Applied applied = plan.kind() == ProspectKind.COMPANIES ? companies(now) : contacts(now);
            String table = plan.kind() == ProspectKind.COMPANIES ? "stage" : "resolved";
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT line, err_column, err_value, err_reason FROM " + table
                            + " WHERE late ORDER BY line")) {
                while (rs.next()) {
                    rejected.accept(new RowProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            if (plan.dryRun()) {
                connection.rollback();
            } else {
                record(finish, applied, table);
                connection.commit();
            }
            finished = true;
            return applied;
        } catch (SQLException e) {
            throw new ImportFailed("the import was rolled back: " + e.getMessage(), e);
        }
    }

    private Applied companies(String now) throws SQLException {
        // a client's first list meets an empty table: nothing to match, update or conflict with
        boolean empty = !exists("SELECT 1 FROM companies WHERE client_id = " + client);
        String key = "coalesce('t' || %1$s.tin, 'r' || %1$s.registration_number)";
        long duplicates = exec("DELETE FROM stage s USING (SELECT k, max(line) AS last FROM (SELECT "
                + key.formatted("stage")
                + " AS k, line FROM stage WHERE err_reason IS NULL) x GROUP BY k HAVING count(*) > 1) d"
                + " WHERE s.err_reason IS NULL AND " + key.formatted("s") + " = d.k AND s.line < d.last");
        exec("""
        UPDATE stage s SET late = true, err_column = 'registration_number', err_value = s.registration_number,
          err_reason = 'registration_number ' || s.registration_number || ' is also given to the company on line ' || d.last
        FROM (SELECT registration_number, max(line) AS last FROM stage
              WHERE err_reason IS NULL AND registration_number IS NOT NULL
              GROUP BY registration_number HAVING count(*) > 1) d
        WHERE s.err_reason IS NULL AND s.registration_number = d.registration_number AND s.line < d.last
        """);
        long eligible = count("SELECT count(*) FROM stage WHERE err_reason IS NULL");
        if (empty) {
            long inserted = exec(insert("companies", "", "", now) + " FROM stage s WHERE s.err_reason IS NULL");
            return new Applied(inserted, 0, 0, count("SELECT count(DISTINCT line) FROM stage WHERE late"), duplicates);
        }
        exec("ANALYZE stage");
        exec("UPDATE stage s SET late = true, err_column = 'registration_number', err_value = s.registration_number,"
                + " err_reason = 'registration_number ' || s.registration_number || ' already belongs to another company'"
                + " || coalesce(' (tin ' || c.tin || ')', '')"
                + " FROM companies c WHERE c.client_id = " + client
                + " AND c.registration_number = s.registration_number"
                + " AND s.err_reason IS NULL AND s.tin IS NOT NULL AND c.tin IS DISTINCT FROM s.tin");
        eligible = count("SELECT count(*) FROM stage WHERE err_reason IS NULL");
        long updated = 0;
        long inserted = 0;
        String[][] matches = {
            {"s.tin IS NOT NULL", "c.tin = s.tin"}, {"s.tin IS NULL", "c.registration_number = s.registration_number"}
        };
        for (String[] match : matches) {
            updated += exec(update("companies", "c", "stage s", now)
                    + " WHERE s.err_reason IS NULL AND " + match[0] + " AND c.client_id = " + client + " AND "
                    + match[1]
                    + " AND " + differs("c", "s"));
        }
        for (String[] match : matches) {
            inserted += exec(insert("companies", "", "", now) + " FROM stage s WHERE s.err_reason IS NULL AND "
                    + match[0] + " AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.client_id = " + client + " AND "
                    + match[1] + ")");
        }
        long late = count("SELECT count(DISTINCT line) FROM stage WHERE late");
        return new Applied(inserted, updated, eligible - inserted - updated, late, duplicates);
    }

    private Applied contacts(String now) throws SQLException {
        String unique = "(SELECT %1$s AS k, (array_agg(id))[1] AS id FROM companies WHERE client_id = " + client
                + " AND %1$s IS NOT NULL GROUP BY %1$s HAVING count(*) = 1)";
        exec("ANALYZE stage");
        boolean byRegistration = exists("SELECT 1 FROM stage WHERE company_registration_number IS NOT NULL");
        exec("CREATE TEMP TABLE resolved ON COMMIT DROP AS"
                + " SELECT s.*, " + (byRegistration ? "coalesce(ct.id, cr.id)" : "ct.id")
                + " AS company_id FROM stage s"
                + " LEFT JOIN companies ct ON ct.client_id = " + client + " AND ct.tin = s.company_tin"
                + (byRegistration
                        ? " LEFT JOIN companies cr ON cr.client_id = " + client
                                + " AND cr.registration_number = s.company_registration_number"
                        : ""));
        exec("ANALYZE resolved");
        String[][] fallbacks = {
            {"company_domain", "domain", "r.company_domain"},
            {"company_name", "lower(company_name)", "lower(r.company_name)"}
        };
        for (String[] fallback : fallbacks) {
            if (exists("SELECT 1 FROM resolved WHERE company_id IS NULL AND err_reason IS NULL AND " + fallback[0]
                    + " IS NOT NULL")) {
                exec("UPDATE resolved r SET company_id = u.id FROM " + unique.formatted(fallback[1]) + " u"
                        + " WHERE r.company_id IS NULL AND r.err_reason IS NULL AND u.k = " + fallback[2]);
            }
        }
        exec("INSERT INTO companies (client_id, company_name, tin, registration_number, domain, created_at, updated_at)"
                + " SELECT DISTINCT ON (coalesce('t' || company_tin, 'r' || company_registration_number)) " + client
                + ", company_name, company_tin, company_registration_number, company_domain, " + now + ", " + now
                + " FROM resolved WHERE err_reason IS NULL AND company_id IS NULL AND company_name IS NOT NULL"
                + " AND (company_tin IS NOT NULL OR company_registration_number IS NOT NULL)"
                + " ORDER BY coalesce('t' || company_tin, 'r' || company_registration_number), line DESC"
                + " ON CONFLICT DO NOTHING");
        exec(
                "UPDATE resolved r SET company_id = c.id FROM companies c WHERE r.company_id IS NULL AND r.err_reason IS NULL"
                        + " AND c.client_id = " + client + " AND c.tin = r.company_tin");
        exec(
                "UPDATE resolved r SET company_id = c.id FROM companies c WHERE r.company_id IS NULL AND r.err_reason IS NULL"
                        + " AND r.company_tin IS NULL AND c.client_id = " + client
                        + " AND c.registration_number = r.company_registration_number");
        exec("""
        UPDATE resolved SET late = true,
          err_column = CASE WHEN company_tin IS NOT NULL THEN 'company_tin'
                            WHEN company_registration_number IS NOT NULL THEN 'company_registration_number'
                            WHEN company_domain IS NOT NULL THEN 'company_domain' ELSE 'company_name' END,
          err_value = coalesce(company_tin, company_registration_number, company_domain, company_name),
          err_reason = 'company not found: no single company of this client has '
            || concat_ws(', ', 'company_tin ' || company_tin, 'company_registration_number ' || company_registration_number,
                         'company_domain ' || company_domain, 'company_name ' || company_name)
            || '; give company_name with company_tin or company_registration_number to create it'
        WHERE err_reason IS NULL AND company_id IS NULL
        """);
        String key =
                "(%1$s.company_id::text || coalesce(':e:' || lower(%1$s.work_email), ':n:' || lower(%1$s.full_name)))";
        long duplicates = exec("DELETE FROM resolved r USING (SELECT k, max(line) AS last FROM (SELECT "
                + key.formatted("resolved") + " AS k, line FROM resolved WHERE err_reason IS NULL) x"
                + " GROUP BY k HAVING count(*) > 1) d WHERE r.err_reason IS NULL AND " + key.formatted("r") + " = d.k"
                + " AND r.line < d.last");
        long eligible = count("SELECT count(*) FROM resolved WHERE err_reason IS NULL");
        long updated = exec(update("contacts", "c", "resolved s", now)
                        .replace(", updated_at =", ", company_id = s.company_id, updated_at =")
                + " WHERE s.err_reason IS NULL AND c.client_id = " + client + " AND c.import_key = "
                + key.formatted("s")
                + " AND (" + differs("c", "s") + " OR c.company_id IS DISTINCT FROM s.company_id)");
        long inserted =
                exec(insert("contacts", ", company_id, import_key", ", s.company_id, " + key.formatted("s"), now)
                        + " FROM resolved s WHERE s.err_reason IS NULL AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.client_id = "
                        + client + " AND c.import_key = " + key.formatted("s") + ")");
        long late = count("SELECT count(DISTINCT line) FROM resolved WHERE late");
        return new Applied(inserted, updated, eligible - inserted - updated, late, duplicates);
    }

    /** {@code UPDATE table alias SET <given fields> FROM source}: an empty key or defaulted cell keeps what is stored. */
    private String update(String table, String alias, String source, String now) {
        return "UPDATE " + table + " " + alias + " SET "
                + plan.given().stream()
                        .map(f -> f.name() + " = " + newValue(f, alias, "s"))
                        .collect(Collectors.joining(", "))
                + ", updated_at = " + now + " FROM " + source;
    }

    private String differs(String target, String source) {
        return "(" + plan.given().stream().map(f -> target + "." + f.name()).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ("
                + plan.given().stream().map(f -> newValue(f, target, source)).collect(Collectors.joining(", ")) + ")";
    }

    private static String newValue(Field field, String target, String source) {
        boolean keep = field.defaultValue().isPresent()
                || List.of("tin", "registration_number", "company_name").contains(field.name()) && target.equals("c");
        return keep
                ? "coalesce(" + source + "." + field.name() + ", " + target + "." + field.name() + ")"
                : source + "." + field.name();
    }

    private String insert(String table, String extraColumns, String extraValues, String now) {
        return "INSERT INTO " + table + " (client_id" + extraColumns + ", "
                + plan.given().stream().map(Field::name).collect(Collectors.joining(", ")) + ", created_at, updated_at)"
                + " SELECT " + client + extraValues + ", "
                + plan.given().stream().map(CopyBatch::insertValue).collect(Collectors.joining(", "))
                + ", " + now + ", " + now;
    }

    private static String insertValue(Field field) {
        return field.defaultValue()
                .map(d -> "coalesce(s." + field.name() + ", " + literal(d) + ")")
                .orElse("s." + field.name());
    }

    private static String literal(Object value) {
        return value instanceof Boolean b
                ? b.toString()
                : "'" + value.toString().replace("'", "''") + "'";
    }

    private void record(Finish finish, Applied applied, String table) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO imports (id, client_id, kind, file_name, file_sha256, session_key, batch_id, rows_read, inserted,
                             updated, unchanged, rejected, duplicates_in_file, started_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
        """)) {
            insert.setObject(1, plan.importId());
            insert.setObject(2, plan.client().value());
            insert.setString(3, plan.kind().key());
            insert.setString(4, finish.fileName());
            insert.setString(5, finish.sha256());
            insert.setString(6, finish.sessionKey().orElse(null));
            insert.setString(7, finish.batchId().orElse(null));
            insert.setLong(8, finish.rowsRead());
            insert.setLong(9, applied.inserted());
            insert.setLong(10, applied.updated());
            insert.setLong(11, applied.unchanged());
            insert.setLong(12, finish.rowsRejectedBefore() + applied.rejected());
            insert.setLong(13, applied.duplicatesInFile());
            insert.setObject(14, Rows.offset(finish.startedAt()));
            insert.executeUpdate();
        }
        exec("INSERT INTO import_errors (import_id, seq, client_id, line, column_name, value, reason)"
                + " SELECT '" + plan.importId() + "'::uuid, row_number() OVER (ORDER BY line, late, err_column), "
                + client
                + ", line, err_column, err_value, err_reason FROM " + table + " WHERE err_reason IS NOT NULL");
    }

    private long exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(sql);
        }
    }

    private boolean exists(String sql) throws SQLException {
        return count("SELECT count(*) FROM (" + sql + " LIMIT 1) x") > 0;
    }

    private long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (!finished) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed below; PostgreSQL rolls back whatever was open
        } finally {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection is evicted by the pool
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
