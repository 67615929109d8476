package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Steps are inserted with {@code ON CONFLICT DO NOTHING}: of concurrent inserts of one identity
 * exactly one row is stored, and the others read it back. Appending one step is one statement,
 * committed on its own when no transaction runs: the hot path of step logging.
 */
final class JdbiStepLog implements StepLog {
    private static final String COLUMNS =
            "client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model,"
                    + " input::text AS input, output::text AS output, tokens_input, tokens_output, cost_usd, cost_source,"
                    + " latency_ms, status, error, logged_at, instance, warning";

    private static final String INSERT_COLUMNS =
            "client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model, input, output,"
                    + " tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status, error, fingerprint, logged_at,"
                    + " instance, warning";

    /** The columns of one step in a VALUES row, each a plain JDBC parameter. */
    private static final String ROW =
            "(CAST(? AS text), CAST(? AS integer), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS integer),"
                    + " CAST(? AS text), CAST(? AS json), CAST(? AS json), CAST(? AS bigint), CAST(? AS bigint),"
                    + " CAST(? AS numeric), CAST(? AS text), CAST(? AS bigint), CAST(? AS text), CAST(? AS text),"
                    + " CAST(? AS text), CAST(? AS timestamptz), CAST(? AS text), CAST(? AS text))";

    /** Insert statements by row count. */
    private static final Map<Integer, String> INSERTS = new ConcurrentHashMap<>();

    /**
     * One statement reads the run with FOR SHARE and inserts the steps only if it is running: the
     * status cannot change until the steps are committed, and a run finished meanwhile takes none.
     * It answers one row per stored step with the run's status, one row with a null key when none
     * was stored, and no row when there is no such run for the client.
     */
    private static String insert(int rows) {
        return INSERTS.computeIfAbsent(
                rows,
                n -> "WITH run AS (SELECT status FROM runs WHERE id = ? AND client_id = ? FOR SHARE),"
                        + " inserted AS (INSERT INTO steps (" + INSERT_COLUMNS + ")"
                        + " SELECT CAST(? AS uuid), CAST(? AS uuid), v.* FROM run, (VALUES "
                        + String.join(", ", java.util.Collections.nCopies(n, ROW))
                        + ") AS v WHERE run.status = 'running' ON CONFLICT DO NOTHING RETURNING step_key, attempt)"
                        + " SELECT run.status, inserted.step_key, inserted.attempt FROM run LEFT JOIN inserted ON true");
    }

    private final JdbiSession session;

    @Inject
    JdbiStepLog(JdbiSession session) {
        this.session = session;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** What the insert found: the run's status (none without a run) and the identities it stored. */
    private record Inserted(Optional<RunStatus> runStatus, Set<StepRef> created) {}

    /** Single steps logged outside a transaction queue in one of these lanes, chosen by their run. */
    private static final int LANES = 16;

    /** At most this many queued steps go into one statement. */
    private static final int MOST_PER_WRITE = 100;

    /** One step waiting in a lane, and what became of it. */
    private static final class Pending {
        final Step step;
        /** Signalled when the step is done, or when it may be the one to write next. */
        final Condition wake;

        Appending result;
        boolean done;
        /** The shared write failed: the step is written again on its own. */
        boolean alone;

        Pending(Step step, Condition wake) {
            this.step = step;
            this.wake = wake;
        }
    }

    /** The steps queued in a lane, and whether one of their callers is writing a group of them now. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        boolean writing;
    }

    private final Lane[] lanes = new Lane[LANES];

    @Override
    public Appending append(List<Step> steps) {
        Step first = steps.get(0);
        if (steps.stream()
                .anyMatch(s -> !s.run().equals(first.run()) || !s.client().equals(first.client()))) {
            throw new IllegalArgumentException("an append takes the steps of one run");
        }
        if (steps.size() == 1 && !session.inTransactionNow()) {
            return grouped(first);
        }
        return session.withHandle(h -> appendNow(h, steps));
    }

    /**
     * One statement stores the new steps and a second reads back the taken identities, if any;
     * when one of those carries another payload, the steps just stored are deleted again in the
     * same transaction, so that nobody ever sees them.
     */
    @Override
    public Appending appendAll(List<Step> steps) {
        Step first = steps.get(0);
        if (steps.stream()
                .anyMatch(s -> !s.run().equals(first.run()) || !s.client().equals(first.client()))) {
            throw new IllegalArgumentException("an append takes the steps of one run");
        }
        return session.inTransaction(() -> session.withHandle(h -> {
            Appending appending = appendNow(h, steps);
            if (!(appending instanceof Appending.Done done)) {
                return appending;
            }
            List<Step> clashing = new ArrayList<>();
            List<StepRef> created = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Appended appended = done.steps().get(i);
                if (appended.created()) {
                    created.add(appended.stored().ref());
                } else if (!appended.stored().samePayloadAs(steps.get(i))) {
                    clashing.add(appended.stored());
                }
            }
            if (clashing.isEmpty()) {
                return appending;
            }
            if (!created.isEmpty()) {
                bindRefs(
                                h.createUpdate("DELETE FROM steps WHERE client_id = :client AND run_id = :run"
                                        + " AND (step_key, attempt) IN (SELECT * FROM unnest(CAST(:keys AS text[]),"
                                        + " CAST(:attempts AS integer[])))"),
                                first.client(),
                                first.run(),
                                created)
                        .execute();
            }
            return new Appending.Clashed(clashing);
        }));
    }

    /**
     * Group commit for the hot path: a single step logged outside a transaction joins the lane of
     * its run. While one caller writes, the steps arriving meanwhile queue; when it is done, one of
     * them writes every queued step in one statement per run (each still checks and holds its run's
     * status) and one commit, and each caller gets its own step's answer. A failed shared write
     * lets each of its steps be written again on its own, so one step's failure is its own.
     */
    private Appending grouped(Step step) {
        Lane lane = lanes[Math.floorMod(step.run().hashCode(), LANES)];
        Pending mine = new Pending(step, lane.lock.newCondition());
        lane.lock.lock();
        try {
            lane.queue.add(mine);
            while (!mine.done) {
                if (lane.writing) {
                    mine.wake.awaitUninterruptibly();
                    continue;
                }
                lane.writing = true;
                List<Pending> group = new ArrayList<>(Math.min(lane.queue.size(), MOST_PER_WRITE));
                while (!lane.queue.isEmpty() && group.size() < MOST_PER_WRITE) {
                    group.add(lane.queue.poll());
                }
                lane.lock.unlock();
                try {
                    write(group);
                } finally {
                    // wake only the callers written for, and the first queued one to write next: waking
                    // every waiter of the lane cost a context switch per waiter and write
                    lane.lock.lock();
                    lane.writing = false;
                    group.forEach(p -> p.wake.signal());
                    Pending next = lane.queue.peek();
                    if (next != null) {
                        next.wake.signal();
                    }
                }
            }
        } finally {
            lane.lock.unlock();
        }
        return mine.alone ? session.withHandle(h -> appendNow(h, List.of(step))) : mine.result;
    }

    /** Writes a group of queued steps: one statement per run. Marks every one of them done. */
    private void write(List<Pending> group) {
        Map<RunId, List<Pending>> byRun = new LinkedHashMap<>();
        for (Pending pending : group) {
            byRun.computeIfAbsent(pending.step.run(), r -> new ArrayList<>()).add(pending);
        }
        try {
            session.useHandle(h -> byRun.values().forEach(pendings -> {
                try {
                    List<Step> steps = new ArrayList<>(pendings.size());
                    pendings.forEach(p -> steps.add(p.step));
                    Appending appending = appendNow(h, steps);
                    for (int i = 0; i < pendings.size(); i++) {
                        pendings.get(i).result = appending instanceof Appending.Done done
                                ? new Appending.Done(List.of(done.steps().get(i)))
                                : appending;
                    }
                } catch (RuntimeException e) {
                    pendings.forEach(p -> p.alone = true);
                }
            }));
        } catch (RuntimeException e) {
            // no connection, or it broke: each caller without an answer tries on its own (below)
        }
        group.forEach(p -> {
            p.alone = p.alone || p.result == null;
            p.done = true;
        });
    }

    /**
     * One statement stores the steps, all of one run (of one client), and reads back those whose
     * identity was taken. Several steps of the same identity: the first one stored is the answer
     * for the others.
     */
    private static Appending appendNow(Handle h, List<Step> steps) {
        Step first = steps.get(0);
        Inserted inserted = insert(h, steps);
        if (inserted.runStatus().isEmpty()) {
            return new Appending.NoRun();
        }
        if (inserted.runStatus().get() != RunStatus.RUNNING) {
            return new Appending.RunFinished(inserted.runStatus().get());
        }
        List<StepRef> taken = steps.stream()
                .map(Step::ref)
                .filter(ref -> !inserted.created().contains(ref))
                .toList();
        Map<StepRef, Step> earlier = new HashMap<>();
        if (!taken.isEmpty()) {
            stored(h, first.client(), first.run(), taken).forEach(step -> earlier.put(step.ref(), step));
        }
        List<Appended> answer = new ArrayList<>(steps.size());
        Map<StepRef, Step> claimed = new HashMap<>();
        for (Step step : steps) {
            if (inserted.created().contains(step.ref()) && claimed.putIfAbsent(step.ref(), step) == null) {
                answer.add(new Appended(step, true));
            } else {
                Step stored = claimed.get(step.ref());
                answer.add(new Appended(stored != null ? stored : earlier.getOrDefault(step.ref(), step), false));
            }
        }
        return new Appending.Done(answer);
    }

    /**
     * Plain JDBC rather than Jdbi's binding: this is the hot path of step logging, and a batch binds
     * eighteen parameters per step.
     */
    private static Inserted insert(Handle h, List<Step> steps) {
        Step first = steps.get(0);
        try (PreparedStatement statement = h.getConnection().prepareStatement(insert(steps.size()))) {
            int at = 1;
            statement.setObject(at++, first.run().value());
            statement.setObject(at++, first.client().value());
            statement.setObject(at++, first.client().value());
            statement.setObject(at++, first.run().value());
            for (Step step : steps) {
                StepEntry e = step.entry();
                statement.setString(at++, e.stepKey());
                statement.setInt(at++, e.attempt());
                statement.setString(at++, e.stage());
                text(statement, at++, e.section().orElse(null));
                text(statement, at++, e.promptKey().orElse(null));
                number(statement, at++, e.promptVersion().orElse(null), Types.INTEGER);
                text(statement, at++, e.model().orElse(null));
                text(statement, at++, e.input().map(JsonDocument::text).orElse(null));
                text(statement, at++, e.output().map(JsonDocument::text).orElse(null));
                number(statement, at++, e.tokensInput().orElse(null), Types.BIGINT);
                number(statement, at++, e.tokensOutput().orElse(null), Types.BIGINT);
                number(statement, at++, step.costUsd().orElse(null), Types.NUMERIC);
                statement.setString(at++, step.costSource().wire());
                number(statement, at++, e.latencyMs().orElse(null), Types.BIGINT);
                statement.setString(at++, e.status().wire());
                text(statement, at++, e.error().orElse(null));
                statement.setString(at++, step.fingerprint());
                statement.setObject(at++, Rows.offset(step.loggedAt()));
                statement.setString(at++, e.instance());
                text(statement, at++, step.warning().orElse(null));
            }
            Optional<RunStatus> runStatus = Optional.empty();
            Set<StepRef> created = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runStatus = Optional.of(RunStatus.parse("status", rs.getString(1)));
                    String key = rs.getString(2);
                    if (key != null) {
                        created.add(new StepRef(key, rs.getInt(3)));
                    }
                }
            }
            return new Inserted(runStatus, created);
        } catch (SQLException e) {
            throw new IllegalStateException("steps could not be stored: " + e.getMessage(), e);
        }
    }

    private static void text(PreparedStatement statement, int at, String value) throws SQLException {
        if (value == null) {
            statement.setNull(at, Types.VARCHAR);
        } else {
            statement.setString(at, value);
        }
    }

    private static void number(PreparedStatement statement, int at, Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(at, type);
        } else {
            statement.setObject(at, value, type);
        }
    }

    @Override
    public List<Step> find(ClientId client, RunId run, Collection<StepRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return session.withHandle(h -> stored(h, client, run, refs));
    }

    /** Binds {@code :client}, {@code :run} and the identities as the arrays {@code :keys} and {@code :attempts}. */
    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindRefs(
            S statement, ClientId client, RunId run, Collection<StepRef> refs) {
        return statement
                .bind("client", client.value())
                .bind("run", run.value())
                .bindArray(
                        "keys",
                        String.class,
                        refs.stream().map(StepRef::stepKey).toList())
                .bindArray(
                        "attempts",
                        Integer.class,
                        refs.stream().map(StepRef::attempt).toList());
    }

    private static List<Step> stored(Handle h, ClientId client, RunId run, Collection<StepRef> refs) {
        // one index probe per identity: LATERAL with LIMIT cannot be flattened into a join, which the
        // planner would answer by hashing every step of the run
        return bindRefs(
                        h.createQuery("SELECT s.* FROM unnest(CAST(:keys AS text[]), CAST(:attempts AS integer[]))"
                                + " AS ref(step_key, attempt), LATERAL (SELECT " + COLUMNS + " FROM steps"
                                + " WHERE client_id = :client AND run_id = :run AND step_key = ref.step_key"
                                + " AND attempt = ref.attempt LIMIT 1) AS s"),
                        client,
                        run,
                        refs)
                .map(JdbiStepLog::step)
                .list();
    }

    @Override
    public Page<Step> list(Run run, Query query, PageRequest page) {
        Optional<Position> after = page.cursor().map(JdbiStepLog::position);
        List<Step> rows = session.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM steps WHERE run_id = :run AND client_id = :client"
                                + " AND (CAST(:stage AS text) IS NULL OR stage = CAST(:stage AS text))"
                                + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))"
                                + " AND (CAST(:afterTime AS timestamptz) IS NULL OR (logged_at, step_key, attempt)"
                                + "      > (CAST(:afterTime AS timestamptz), CAST(:afterKey AS text), CAST(:afterAttempt AS integer)))"
                                + " ORDER BY logged_at, step_key, attempt LIMIT :limit")
                .bind("run", run.id().value())
                .bind("client", run.client().value())
                .bind("stage", query.stage().orElse(null))
                .bind("status", query.status().map(StepStatus::wire).orElse(null))
                .bind("afterTime", Rows.offset(after.map(Position::loggedAt).orElse(null)))
                .bind("afterKey", after.map(Position::stepKey).orElse(null))
                .bind("afterAttempt", after.map(Position::attempt).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiStepLog::step)
                .list());
        return Page.fromLookahead(
                rows,
                page.limit(),
                s -> Cursor.of(
                        s.loggedAt().toString(),
                        s.entry().stepKey(),
                        Integer.toString(s.entry().attempt())));
    }

    private record Position(Instant loggedAt, String stepKey, Integer attempt) {}

    private static Position position(Cursor cursor) {
        try {
            return new Position(Instant.parse(cursor.value(0)), cursor.value(1), Integer.parseInt(cursor.value(2)));
        } catch (DateTimeParseException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }

    @Override
    public Optional<Step> latestSucceeded(Run run, String stepKey) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM steps WHERE client_id = :client AND run_id = :run AND step_key = :key"
                        + " AND status = 'success' ORDER BY attempt DESC LIMIT 1")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .bind("key", stepKey)
                .map(JdbiStepLog::step)
                .findOne());
    }

    @Override
    public Map<String, Step> latestSucceededBySection(Run run) {
        return session.withHandle(h -> h
                .createQuery("SELECT DISTINCT ON (section) " + COLUMNS
                        + " FROM steps WHERE client_id = :client AND run_id = :run"
                        + " AND status = 'success' AND section IS NOT NULL"
                        + " ORDER BY section, logged_at DESC, step_key DESC, attempt DESC")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .map(JdbiStepLog::step)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        s -> s.entry().section().orElseThrow(), s -> s, (a, b) -> a, TreeMap::new)));
    }

    @Override
    public Map<String, Totals> totalsByStage(Run run) {
        return session.withHandle(h -> h.createQuery("""
                SELECT stage, count(*) AS steps,
                       count(*) FILTER (WHERE status = 'success') AS succeeded,
                       count(*) FILTER (WHERE status = 'failure') AS failed,
                       coalesce(sum(tokens_input), 0) AS tokens_input,
                       coalesce(sum(tokens_output), 0) AS tokens_output,
                       coalesce(sum(cost_usd), 0) AS cost_usd,
                       count(*) FILTER (WHERE cost_usd IS NULL) AS without_cost,
                       coalesce(sum(latency_ms), 0) AS latency_ms
                FROM steps WHERE client_id = :client AND run_id = :run GROUP BY stage
                """)
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .reduceResultSet(new TreeMap<String, Totals>(), (totals, rs, ctx) -> {
                    totals.put(
                            rs.getString("stage"),
                            new Totals(
                                    rs.getLong("steps"),
                                    rs.getLong("succeeded"),
                                    rs.getLong("failed"),
                                    rs.getLong("tokens_input"),
                                    rs.getLong("tokens_output"),
                                    rs.getBigDecimal("cost_usd"),
                                    rs.getLong("without_cost"),
                                    rs.getLong("latency_ms")));
                    return totals;
                }));
    }

    @Override
    public int lastAttempt(Run run, String stepKey) {
        return session.withHandle(h -> h.createQuery("SELECT coalesce(max(attempt), 0) FROM steps"
                        + " WHERE client_id = :client AND run_id = :run AND step_key = :key")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .bind("key", stepKey)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Optional<Step> running(Run run, String stepKey, String instance) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM steps WHERE client_id = :client AND run_id = :run AND step_key = :key"
                        + " AND instance = :instance AND status = 'running' ORDER BY attempt DESC LIMIT 1")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .bind("key", stepKey)
                .bind("instance", instance)
                .map(JdbiStepLog::step)
                .findOne());
    }

    @Override
    public List<Step> running(Run run) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM steps WHERE client_id = :client AND run_id = :run AND status = 'running'"
                        + " ORDER BY logged_at, step_key, attempt")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .map(JdbiStepLog::step)
                .list());
    }

    /** Keeps {@code logged_at}: the time the attempt was prepared, which the timeout is measured from. */
    @Override
    public boolean finish(Step finished) {
        StepEntry e = finished.entry();
        return session.withHandle(h -> h.createUpdate("""
                UPDATE steps SET stage = :stage, section = :section, prompt_key = :promptKey,
                       prompt_version = :promptVersion, model = :model, input = CAST(:input AS json),
                       output = CAST(:output AS json), tokens_input = :tokensInput, tokens_output = :tokensOutput,
                       cost_usd = :cost, cost_source = :costSource, latency_ms = :latency, status = :status,
                       error = :error, fingerprint = :fingerprint, instance = :instance, warning = :warning
                WHERE client_id = :client AND run_id = :run AND step_key = :key AND attempt = :attempt
                  AND status = 'running'
                """)
                        .bind("client", finished.client().value())
                        .bind("run", finished.run().value())
                        .bind("key", e.stepKey())
                        .bind("attempt", e.attempt())
                        .bind("stage", e.stage())
                        .bind("section", e.section().orElse(null))
                        .bind("promptKey", e.promptKey().orElse(null))
                        .bind("promptVersion", e.promptVersion().orElse(null))
                        .bind("model", e.model().orElse(null))
                        .bind("input", e.input().map(JsonDocument::text).orElse(null))
                        .bind("output", e.output().map(JsonDocument::text).orElse(null))
                        .bind("tokensInput", e.tokensInput().orElse(null))
                        .bind("tokensOutput", e.tokensOutput().orElse(null))
                        .bind("cost", finished.costUsd().orElse(null))
                        .bind("costSource", finished.costSource().wire())
                        .bind("latency", e.latencyMs().orElse(null))
                        .bind("status", e.status().wire())
                        .bind("error", e.error().orElse(null))
                        .bind("fingerprint", finished.fingerprint())
                        .bind("instance", e.instance())
                        .bind("warning", finished.warning().orElse(null))
                        .execute())
                == 1;
    }

    @Override
    public List<Step> latestSucceeded(Run run, Collection<String> stepKeys) {
        return session.withHandle(h -> h.createQuery("SELECT * FROM (SELECT DISTINCT ON (step_key, instance) "
                        + COLUMNS + " FROM steps WHERE client_id = :client AND run_id = :run AND status = 'success'"
                        + " AND (CAST(:all AS boolean) OR step_key = ANY(CAST(:keys AS text[])))"
                        + " ORDER BY step_key, instance, attempt DESC) AS latest ORDER BY step_key, logged_at, attempt")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .bind("all", stepKeys.isEmpty())
                .bindArray("keys", String.class, List.copyOf(stepKeys))
                .map(JdbiStepLog::step)
                .list());
    }

    @Override
    public Set<String> succeededKeys(Run run) {
        return session.withHandle(h -> new java.util.TreeSet<>(h.createQuery("SELECT DISTINCT step_key FROM steps"
                        + " WHERE client_id = :client AND run_id = :run AND status = 'success'")
                .bind("client", run.client().value())
                .bind("run", run.id().value())
                .mapTo(String.class)
                .list()));
    }

    /**
     * One statement: the stale running rows are locked with SKIP LOCKED, so a second instance
     * sweeping at the same time takes other rows (or none), and a complete holding a row is not
     * waited for; the UPDATE checks the status again, so a step completed meanwhile stays completed.
     */
    @Override
    public int timeOut(Instant cutoff, int limit) {
        return session.withHandle(h -> h.createUpdate("""
                UPDATE steps SET status = 'failure', error = :error
                WHERE (client_id, run_id, step_key, attempt) IN (
                    SELECT client_id, run_id, step_key, attempt FROM steps
                    WHERE status = 'running' AND logged_at < :cutoff
                    ORDER BY logged_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                  AND status = 'running'
                """)
                .bind("error", TIMED_OUT)
                .bind("cutoff", Rows.offset(cutoff))
                .bind("limit", limit)
                .execute());
    }

    private static Step step(ResultSet rs, StatementContext ctx) throws SQLException {
        CostSource source = CostSource.parse("cost_source", rs.getString("cost_source"));
        Optional<BigDecimal> cost = Optional.ofNullable(rs.getBigDecimal("cost_usd"));
        var entry = new StepEntry(
                rs.getString("step_key"),
                rs.getInt("attempt"),
                rs.getString("stage"),
                Rows.optionalString(rs, "section"),
                Rows.optionalString(rs, "prompt_key"),
                Optional.ofNullable(rs.getObject("prompt_version", Integer.class)),
                Rows.optionalString(rs, "model"),
                Rows.optionalString(rs, "input").map(JsonDocument::new),
                Rows.optionalString(rs, "output").map(JsonDocument::new),
                Optional.ofNullable(rs.getObject("tokens_input", Long.class)),
                Optional.ofNullable(rs.getObject("tokens_output", Long.class)),
                source == CostSource.GIVEN ? cost : Optional.empty(),
                Optional.ofNullable(rs.getObject("latency_ms", Long.class)),
                StepStatus.parse("status", rs.getString("status")),
                Rows.optionalString(rs, "error"),
                rs.getString("instance"));
        return new Step(
                new RunId(Rows.uuid(rs, "run_id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                entry,
                cost,
                source,
                Rows.instant(rs, "logged_at"),
                Rows.optionalString(rs, "warning"));
    }
}
