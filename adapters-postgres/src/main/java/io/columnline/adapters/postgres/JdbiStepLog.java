package io.columnline.adapters.postgres;

import io.columnline.application.page.Cursor;
import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.application.port.out.StepLog;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Steps are inserted with {@code ON CONFLICT DO NOTHING}: of concurrent inserts of one identity
 * exactly one row is stored, and the others read it back and compare.
 */
final class JdbiStepLog implements StepLog {
  private static final String COLUMNS =
      "client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model,"
          + " input::text AS input, output::text AS output, tokens_input, tokens_output, cost_usd, cost_source,"
          + " latency_ms, status, error, logged_at";

  private static final String INSERT_COLUMNS =
      "client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model, input, output,"
          + " tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status, error, fingerprint, logged_at";

  private static final String INSERT_ONE =
      "INSERT INTO steps (" + INSERT_COLUMNS + ")"
          + " VALUES (:client, :run, :key, :attempt, :stage, :section, :promptKey, :promptVersion, :model,"
          + " CAST(:input AS json), CAST(:output AS json), :tokensInput, :tokensOutput, :cost, :costSource, :latency,"
          + " :status, :error, :fingerprint, :loggedAt)"
          + " ON CONFLICT DO NOTHING";

  /** Many rows in one statement: one array per column, unnested side by side. */
  private static final String INSERT_MANY =
      "INSERT INTO steps (" + INSERT_COLUMNS + ")"
          + " SELECT CAST(u.client AS uuid), CAST(u.run AS uuid), u.key, CAST(u.attempt AS integer), u.stage,"
          + " u.section, u.prompt_key, CAST(u.prompt_version AS integer), u.model, CAST(u.input AS json),"
          + " CAST(u.output AS json), CAST(u.tokens_input AS bigint), CAST(u.tokens_output AS bigint),"
          + " CAST(u.cost AS numeric), u.cost_source, CAST(u.latency AS bigint), u.status, u.error, u.fingerprint,"
          + " CAST(u.logged_at AS timestamptz)"
          + " FROM unnest(CAST(:client AS text[]), CAST(:run AS text[]), CAST(:key AS text[]), CAST(:attempt AS text[]),"
          + " CAST(:stage AS text[]), CAST(:section AS text[]), CAST(:promptKey AS text[]),"
          + " CAST(:promptVersion AS text[]), CAST(:model AS text[]), CAST(:input AS text[]), CAST(:output AS text[]),"
          + " CAST(:tokensInput AS text[]), CAST(:tokensOutput AS text[]), CAST(:cost AS text[]),"
          + " CAST(:costSource AS text[]), CAST(:latency AS text[]), CAST(:status AS text[]), CAST(:error AS text[]),"
          + " CAST(:fingerprint AS text[]), CAST(:loggedAt AS text[]))"
          + " AS u(client, run, key, attempt, stage, section, prompt_key, prompt_version, model, input, output,"
          + " tokens_input, tokens_output, cost, cost_source, latency, status, error, fingerprint, logged_at)"
          + " ON CONFLICT DO NOTHING RETURNING run_id, step_key, attempt";

  private final JdbiSession session;

  @Inject
  JdbiStepLog(JdbiSession session) {
    this.session = session;
  }

  private record Id(RunId run, StepRef ref) {
    static Id of(Step step) {
      return new Id(step.run(), step.ref());
    }
  }

  @Override
  public List<Appended> append(List<Step> steps) {
    if (steps.isEmpty()) {
      return List.of();
    }
    return session.withHandle(h -> {
      Set<Id> created = steps.size() == 1 ? insertOne(h, steps.get(0)) : insertMany(h, steps);
      Map<Id, Step> earlier = new HashMap<>();
      Map<RunId, List<Step>> missing = new LinkedHashMap<>();
      for (Step step : steps) {
        if (!created.contains(Id.of(step))) {
          missing.computeIfAbsent(step.run(), r -> new ArrayList<>()).add(step);
        }
      }
      missing.forEach((run, ofRun) -> stored(h, ofRun.get(0).client(), run, ofRun.stream().map(Step::ref).toList())
          .forEach(step -> earlier.put(Id.of(step), step)));
      List<Appended> answer = new ArrayList<>();
      Set<Id> claimed = new HashSet<>();
      for (Step step : steps) {
        Id id = Id.of(step);
        if (created.contains(id) && claimed.add(id)) {
          answer.add(new Appended(step, true));
        } else {
          Step stored = earlier.get(id);
          answer.add(new Appended(stored == null ? step : stored, false));
        }
      }
      return answer;
    });
  }

  private static Set<Id> insertOne(Handle h, Step step) {
    StepEntry e = step.entry();
    int inserted = h.createUpdate(INSERT_ONE)
        .bind("client", step.client().value())
        .bind("run", step.run().value())
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
        .bind("cost", step.costUsd().orElse(null))
        .bind("costSource", step.costSource().wire())
        .bind("latency", e.latencyMs().orElse(null))
        .bind("status", e.status().wire())
        .bind("error", e.error().orElse(null))
        .bind("fingerprint", step.fingerprint())
        .bind("loggedAt", Rows.offset(step.loggedAt()))
        .execute();
    return inserted == 1 ? Set.of(Id.of(step)) : Set.of();
  }

  private static Set<Id> insertMany(Handle h, List<Step> steps) {
    return new HashSet<>(h.createQuery(INSERT_MANY)
        .bindArray("client", String.class, column(steps, s -> s.client().toString()))
        .bindArray("run", String.class, column(steps, s -> s.run().toString()))
        .bindArray("key", String.class, column(steps, s -> s.entry().stepKey()))
        .bindArray("attempt", String.class, column(steps, s -> Integer.toString(s.entry().attempt())))
        .bindArray("stage", String.class, column(steps, s -> s.entry().stage()))
        .bindArray("section", String.class, column(steps, s -> s.entry().section().orElse(null)))
        .bindArray("promptKey", String.class, column(steps, s -> s.entry().promptKey().orElse(null)))
        .bindArray("promptVersion", String.class,
            column(steps, s -> s.entry().promptVersion().map(String::valueOf).orElse(null)))
        .bindArray("model", String.class, column(steps, s -> s.entry().model().orElse(null)))
        .bindArray("input", String.class, column(steps, s -> s.entry().input().map(JsonDocument::text).orElse(null)))
        .bindArray("output", String.class, column(steps, s -> s.entry().output().map(JsonDocument::text).orElse(null)))
        .bindArray("tokensInput", String.class,
            column(steps, s -> s.entry().tokensInput().map(String::valueOf).orElse(null)))
        .bindArray("tokensOutput", String.class,
            column(steps, s -> s.entry().tokensOutput().map(String::valueOf).orElse(null)))
        .bindArray("cost", String.class, column(steps, s -> s.costUsd().map(BigDecimal::toPlainString).orElse(null)))
        .bindArray("costSource", String.class, column(steps, s -> s.costSource().wire()))
        .bindArray("latency", String.class, column(steps, s -> s.entry().latencyMs().map(String::valueOf).orElse(null)))
        .bindArray("status", String.class, column(steps, s -> s.entry().status().wire()))
        .bindArray("error", String.class, column(steps, s -> s.entry().error().orElse(null)))
        .bindArray("fingerprint", String.class, column(steps, Step::fingerprint))
        .bindArray("loggedAt", String.class, column(steps, s -> s.loggedAt().toString()))
        .map((rs, ctx) -> new Id(new RunId(Rows.uuid(rs, "run_id")),
            new StepRef(rs.getString("step_key"), rs.getInt("attempt"))))
        .list());
  }

  private static List<String> column(List<Step> steps, Function<Step, String> value) {
    List<String> column = new ArrayList<>(steps.size());
    steps.forEach(step -> column.add(value.apply(step)));
    return column;
  }

  @Override
  public List<Step> find(Run run, Collection<StepRef> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    return session.withHandle(h -> stored(h, run.client(), run.id(), refs));
  }

  private static List<Step> stored(Handle h, ClientId client, RunId run, Collection<StepRef> refs) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM steps WHERE client_id = :client AND run_id = :run"
                + " AND (step_key, attempt) IN"
                + " (SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:attempts AS integer[])))")
        .bind("client", client.value())
        .bind("run", run.value())
        .bindArray("keys", String.class, refs.stream().map(StepRef::stepKey).toList())
        .bindArray("attempts", Integer.class, refs.stream().map(StepRef::attempt).toList())
        .map(JdbiStepLog::step)
        .list();
  }

  @Override
  public Page<Step> list(Run run, Query query, PageRequest page) {
    Optional<Position> after = page.cursor().map(JdbiStepLog::position);
    List<Step> rows = session.withHandle(
        h -> h.createQuery(
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
    return Page.fromLookahead(rows, page.limit(),
        s -> Cursor.of(s.loggedAt().toString(), s.entry().stepKey(), Integer.toString(s.entry().attempt())));
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
    return session.withHandle(
        h -> h.createQuery(
                "SELECT " + COLUMNS + " FROM steps WHERE client_id = :client AND run_id = :run AND step_key = :key"
                    + " AND status = 'success' ORDER BY attempt DESC LIMIT 1")
            .bind("client", run.client().value())
            .bind("run", run.id().value())
            .bind("key", stepKey)
            .map(JdbiStepLog::step)
            .findOne());
  }

  @Override
  public Map<String, Step> latestSucceededBySection(Run run) {
    return session.withHandle(
        h -> h.createQuery(
                "SELECT DISTINCT ON (section) " + COLUMNS + " FROM steps WHERE client_id = :client AND run_id = :run"
                    + " AND status = 'success' AND section IS NOT NULL"
                    + " ORDER BY section, logged_at DESC, step_key DESC, attempt DESC")
            .bind("client", run.client().value())
            .bind("run", run.id().value())
            .map(JdbiStepLog::step)
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(s -> s.entry().section().orElseThrow(), s -> s, (a, b) -> a,
                TreeMap::new)));
  }

  @Override
  public Map<String, Totals> totalsByStage(Run run) {
    return session.withHandle(
        h -> h.createQuery(
                """
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
              totals.put(rs.getString("stage"), new Totals(
                  rs.getLong("steps"), rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("tokens_input"),
                  rs.getLong("tokens_output"), rs.getBigDecimal("cost_usd"), rs.getLong("without_cost"),
                  rs.getLong("latency_ms")));
              return totals;
            }));
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
        Rows.optionalString(rs, "error"));
    return new Step(new RunId(Rows.uuid(rs, "run_id")), new ClientId(Rows.uuid(rs, "client_id")), entry,
        cost, source,
        Rows.instant(rs, "logged_at"));
  }
}
