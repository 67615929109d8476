package io.columnline.app.tracking;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import io.columnline.domain.usage.LatencySketch;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The usage API against the rollups the triggers keep, checked group by group against one plain
 * SQL GROUP BY over the same steps. Steps are generated in SQL with fixed formulas (no randomness)
 * across ten days, two clients in different time zones and two pipeline versions.
 */
class UsageHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final String FROM = "2026-10-01";
    private static final String TO = "2026-10-12";
    private static String eastKey;
    private static String westKey;

    @BeforeAll
    static void steps() throws SQLException {
        eastKey = client("usage-east", "Asia/Tokyo");
        westKey = client("usage-west", "America/New_York");
        try (Connection c = DriverManager.getConnection(APP.databaseUrl());
                var s = c.createStatement()) {
            s.execute("""
                    INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, started_at)
                    SELECT md5('usage-run-' || i)::uuid, cl.id, '{}'::json, 'Co ' || i, 'co' || i || '.example',
                           CASE WHEN i % 3 = 0 THEN 'v1' ELSE 'v2' END, 'running',
                           timestamptz '2026-10-01 00:00Z' + (i * interval '5 hours 7 minutes')
                    FROM generate_series(1, 40) i
                    JOIN clients cl ON cl.slug = CASE WHEN i % 2 = 0 THEN 'usage-east' ELSE 'usage-west' END
                    """);
            // one statement per run, as a batch POST would store them
            for (int run = 1; run <= 40; run++) {
                s.execute("""
                        INSERT INTO steps (client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version,
                                           model, tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status,
                                           fingerprint, logged_at)
                        SELECT r.client_id, r.id, 'step-' || (j %% 7), 1 + j / 7,
                               (ARRAY['research', 'writing', 'review'])[1 + j %% 3],
                               CASE WHEN j %% 4 = 0 THEN NULL ELSE 'section-' || (j %% 2) END,
                               'prompt-' || (j %% 7), 1 + (j + %1$d) %% 3,
                               CASE WHEN j %% 5 = 4 THEN NULL ELSE (ARRAY['gpt-4o', 'claude-sonnet-4', 'gemini-2.5-pro'])[1 + (j + %1$d) %% 3] END,
                               100 * j + %1$d, 10 * j, CASE WHEN j %% 6 = 5 THEN NULL ELSE (j * 0.0011 + %1$d * 0.0001) END,
                               CASE WHEN j %% 6 = 5 THEN 'none' ELSE 'given' END,
                               CASE WHEN j %% 9 = 8 THEN NULL ELSE (j * 37 + %1$d * 101) %% 9000 END,
                               CASE WHEN (j + %1$d) %% 8 = 0 THEN 'failure' ELSE 'success' END,
                               'f', r.started_at + j * interval '11 minutes'
                        FROM runs r, generate_series(0, 13) j
                        WHERE r.id = md5('usage-run-' || %1$d)::uuid
                        """.formatted(run));
            }
        }
    }

    private static String client(String slug, String zone) {
        APP.put("/api/v1/clients/" + slug, ADMIN_KEY, "{\"name\":\"" + slug + "\",\"timezone\":\"" + zone + "\"}");
        return APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"" + slug + "\"}")
                .json()
                .get("key")
                .asText();
    }

    /** The same figures from one GROUP BY over the steps, keyed like the API's groups. */
    private static Map<List<String>, Map<String, Object>> expected(
            String clientSlug, String zone, List<String> groupBy, String where) throws SQLException {
        List<String> expressions = new ArrayList<>();
        for (String dimension : groupBy) {
            expressions.add(
                    switch (dimension) {
                        case "day" ->
                            "((date_trunc('hour', s.logged_at, 'UTC')) AT TIME ZONE '" + zone + "')::date::text";
                        case "hour" ->
                            "to_char(date_trunc('hour', s.logged_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')";
                        case "client" -> "cl.slug";
                        case "pipeline_version" -> "r.pipeline_version";
                        default -> "s." + dimension + "::text";
                    });
        }
        String keys = String.join(", ", expressions);
        String sql = "WITH firsts AS (SELECT DISTINCT ON (run_id) run_id, step_key, attempt FROM steps"
                + " ORDER BY run_id, logged_at, step_key, attempt)"
                + " SELECT " + keys + ", count(f.run_id) AS runs, count(*) AS steps,"
                + " count(*) FILTER (WHERE s.status = 'failure') AS failed, coalesce(sum(s.tokens_input), 0) AS ti,"
                + " coalesce(sum(s.tokens_output), 0) AS tout, coalesce(sum(s.cost_usd), 0) AS cost,"
                + " count(*) FILTER (WHERE s.cost_usd IS NULL) AS nocost,"
                + " percentile_disc(0.5) WITHIN GROUP (ORDER BY s.latency_ms) AS p50,"
                + " percentile_disc(0.95) WITHIN GROUP (ORDER BY s.latency_ms) AS p95"
                + " FROM steps s JOIN runs r ON r.id = s.run_id JOIN clients cl ON cl.id = s.client_id"
                + " LEFT JOIN firsts f ON f.run_id = s.run_id AND f.step_key = s.step_key AND f.attempt = s.attempt"
                + " WHERE cl.slug LIKE 'usage-%'"
                + (clientSlug == null ? "" : " AND cl.slug = '" + clientSlug + "'")
                + " AND date_trunc('hour', s.logged_at, 'UTC') >= (timestamp '" + FROM + "' AT TIME ZONE '" + zone
                + "')"
                + " AND date_trunc('hour', s.logged_at, 'UTC') < (timestamp '" + TO + "' AT TIME ZONE '" + zone + "')"
                + where + " GROUP BY " + keys;
        Map<List<String>, Map<String, Object>> groups = new HashMap<>();
        try (Connection c = DriverManager.getConnection(APP.databaseUrl());
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= groupBy.size(); i++) {
                    key.add(rs.getString(i));
                }
                Map<String, Object> figures = new HashMap<>();
                figures.put("runs", rs.getLong("runs"));
                figures.put("steps", rs.getLong("steps"));
                figures.put("failed_steps", rs.getLong("failed"));
                figures.put("tokens_input", rs.getLong("ti"));
                figures.put("tokens_output", rs.getLong("tout"));
                figures.put("cost_usd", rs.getBigDecimal("cost"));
                figures.put("steps_without_cost", rs.getLong("nocost"));
                figures.put("p50", (Long) rs.getObject("p50"));
                figures.put("p95", (Long) rs.getObject("p95"));
                groups.put(key, figures);
            }
        }
        return groups;
    }

    private static void matches(
            JsonNode answer, Map<List<String>, Map<String, Object>> expected, List<String> groupBy) {
        assertThat(answer.get("data")).hasSize(expected.size());
        for (JsonNode group : answer.get("data")) {
            List<String> key = new ArrayList<>();
            for (String dimension : groupBy) {
                JsonNode value = group.get("keys").get(dimension);
                String text = value.isNull() ? null : value.asText();
                key.add(dimension.equals("hour") && text != null ? text.substring(0, 13) : text);
            }
            Map<String, Object> want = expected.get(key);
            assertThat(want).as("group %s", key).isNotNull();
            for (String figure :
                    List.of("runs", "steps", "failed_steps", "tokens_input", "tokens_output", "steps_without_cost")) {
                assertThat(group.get(figure).asLong())
                        .as("%s of %s", figure, key)
                        .isEqualTo(want.get(figure));
            }
            assertThat(group.get("cost_usd").decimalValue())
                    .as("cost of %s", key)
                    .isEqualByComparingTo((BigDecimal) want.get("cost_usd"));
            within(group.get("latency_p50_ms"), (Long) want.get("p50"), key);
            within(group.get("latency_p95_ms"), (Long) want.get("p95"), key);
        }
    }

    /** The sketch's percentile is in the true value's bucket: off by at most the stated share. */
    private static void within(JsonNode reported, Long truth, List<String> key) {
        if (truth == null) {
            assertThat(reported.isNull()).as("no latency in %s", key).isTrue();
            return;
        }
        assertThat(LatencySketch.bucket(reported.asLong()))
                .as("latency %s vs %s in %s", reported, truth, key)
                .isEqualTo(LatencySketch.bucket(truth));
        assertThat((double) Math.abs(reported.asLong() - truth))
                .isLessThanOrEqualTo(truth * LatencySketch.RELATIVE_ERROR + 1);
    }

    private static JsonNode usage(String key, String query) {
        var reply = APP.get("/api/v1/metrics/usage?from=" + FROM + "&to=" + TO + query, key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void one_client_grouped_by_day_and_model_matches_a_group_by_over_its_steps_in_its_time_zone() throws SQLException {
        JsonNode answer = usage(ADMIN_KEY, "&client=usage-west&group_by=day,model");
        assertThat(answer.get("time_zone").asText()).isEqualTo("America/New_York");
        assertThat(answer.get("from").asText()).isEqualTo("2026-10-01T04:00:00Z");
        matches(
                answer,
                expected("usage-west", "America/New_York", List.of("day", "model"), ""),
                List.of("day", "model"));
        assertThat(answer.get("data").size()).isGreaterThan(10);
    }

    @Test
    void three_group_bys_and_filters_match_too() throws SQLException {
        List<String> groupBy = List.of("stage", "prompt_version", "status");
        JsonNode answer = usage(eastKey, "&group_by=stage,prompt_version,status&filter[model]=gpt-4o,gemini-2.5-pro");
        assertThat(answer.get("time_zone").asText()).isEqualTo("Asia/Tokyo");
        matches(
                answer,
                expected("usage-east", "Asia/Tokyo", groupBy, " AND s.model IN ('gpt-4o', 'gemini-2.5-pro')"),
                groupBy);
        List<String> bySection = List.of("section", "pipeline_version", "step_key");
        matches(
                usage(westKey, "&group_by=section,pipeline_version,step_key&filter[status]=failure"),
                expected("usage-west", "America/New_York", bySection, " AND s.status = 'failure'"),
                bySection);
    }

    @Test
    void an_admin_without_a_client_gets_every_client_by_utc_hours() throws SQLException {
        JsonNode answer = usage(ADMIN_KEY, "&group_by=client,hour");
        assertThat(answer.get("time_zone").asText()).isEqualTo("UTC");
        matches(answer, expected(null, "UTC", List.of("client", "hour"), ""), List.of("client", "hour"));
        JsonNode byClient = usage(ADMIN_KEY, "&group_by=client&filter[pipeline_version]=v1");
        matches(
                byClient,
                expected(null, "UTC", List.of("client"), " AND r.pipeline_version = 'v1'"),
                List.of("client"));
    }

    @Test
    void a_client_key_sees_only_its_client() {
        JsonNode own = usage(eastKey, "&group_by=client");
        assertThat(own.get("data"))
                .singleElement()
                .satisfies(g -> assertThat(g.get("keys").get("client").asText()).isEqualTo("usage-east"));
        var other = APP.get("/api/v1/metrics/usage?client=usage-west", eastKey);
        assertThat(other.status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/metrics/usage", "cl_wrong").status()).isEqualTo(401);
    }

    @Test
    void steps_logged_through_the_api_are_counted_as_they_arrive() {
        String key =
                APP.clientWithKey("usage-live-" + UUID.randomUUID().toString().substring(0, 8));
        String run = APP.post("/api/v1/runs", key, "{\"seed\": {\"company_name\": \"Live\", \"domain\": \"live.io\"}}")
                .json()
                .get("id")
                .asText();
        APP.post(
                "/api/v1/runs/" + run + "/steps",
                key,
                "{\"step_key\": \"a\", \"stage\": \"research\", \"model\": \"gpt-4o\", \"tokens_input\": 1000,"
                        + " \"tokens_output\": 100, \"latency_ms\": 1200, \"status\": \"success\"}");
        APP.post(
                "/api/v1/runs/" + run + "/steps/batch",
                key,
                "{\"steps\": [{\"step_key\": \"b\", \"stage\": \"research\", \"model\": \"gpt-4o\", \"cost_usd\": 0.5,"
                        + " \"latency_ms\": 3000, \"status\": \"failure\", \"error\": \"timeout\"},"
                        + " {\"step_key\": \"c\", \"stage\": \"writing\", \"model\": \"no-such-model\", \"status\": \"success\"}]}");
        JsonNode data =
                APP.get("/api/v1/metrics/usage?group_by=stage", key).json().get("data");
        assertThat(data).hasSize(2);
        JsonNode research = data.get(0);
        assertThat(research.get("keys").get("stage").asText()).isEqualTo("research");
        assertThat(research.get("runs").asLong()).isEqualTo(1);
        assertThat(research.get("steps").asLong()).isEqualTo(2);
        assertThat(research.get("failed_steps").asLong()).isEqualTo(1);
        assertThat(research.get("tokens_input").asLong()).isEqualTo(1000);
        assertThat(research.get("cost_usd").decimalValue()).isEqualByComparingTo("0.5035");
        assertThat(research.get("latency_p95_ms").asLong()).isBetween(2700L, 3300L);
        JsonNode writing = data.get(1);
        assertThat(writing.get("runs").asLong()).isZero();
        assertThat(writing.get("steps_without_cost").asLong()).isEqualTo(1);
        assertThat(writing.get("latency_p50_ms").isNull()).isTrue();
    }

    @Test
    void updated_and_removed_steps_leave_the_rollups_equal_to_the_steps() throws SQLException {
        try (Connection c = DriverManager.getConnection(APP.databaseUrl());
                var s = c.createStatement()) {
            s.execute("UPDATE steps SET model = 'gpt-4o-mini', latency_ms = latency_ms + 5000"
                    + " WHERE run_id = md5('usage-run-3')::uuid AND step_key IN ('step-1', 'step-2')");
            // removes the step that counts run 5 too, so the count moves to the next step
            s.execute(
                    "DELETE FROM steps WHERE run_id = md5('usage-run-5')::uuid AND attempt = 1 AND step_key < 'step-3'");
        }
        List<String> groupBy = List.of("day", "model", "step_key");
        matches(
                usage(ADMIN_KEY, "&client=usage-west&group_by=day,model,step_key"),
                expected("usage-west", "America/New_York", groupBy, ""),
                groupBy);
    }

    @Test
    void the_cli_prints_the_same_groups_as_table_csv_and_json() throws Exception {
        JsonNode api = usage(ADMIN_KEY, "&client=usage-west&group_by=day,model");
        for (String format : List.of("table", "csv", "json")) {
            var out = new java.io.StringWriter();
            var err = new java.io.StringWriter();
            int exit = io.columnline.app.Main.run(
                    new String[] {
                        "usage",
                        "--client",
                        "usage-west",
                        "--from",
                        FROM,
                        "--to",
                        TO,
                        "--group-by",
                        "day,model",
                        "--format",
                        format
                    },
                    Map.of("COLUMNLINE_DATABASE_URL", APP.databaseUrl()),
                    new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true));
            assertThat(exit).as(err.toString()).isZero();
            String text = out.toString();
            switch (format) {
                case "table" -> {
                    assertThat(text).startsWith("time zone America/New_York");
                    assertThat(text.lines().count()).isEqualTo(api.get("data").size() + 2L);
                    assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("DAY");
                }
                case "csv" -> {
                    assertThat(text.lines().findFirst().orElseThrow())
                            .isEqualTo("day,model,runs,steps,failed_steps,tokens_input,tokens_output,cost_usd,"
                                    + "steps_without_cost,latency_p50_ms,latency_p95_ms");
                    assertThat(text.lines().count()).isEqualTo(api.get("data").size() + 1L);
                }
                default -> {
                    JsonNode cli = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
                    assertThat(cli.get("time_zone").asText()).isEqualTo("America/New_York");
                    for (int i = 0; i < api.get("data").size(); i++) {
                        JsonNode a = api.get("data").get(i);
                        JsonNode c = cli.get("data").get(i);
                        assertThat(c.get("keys")).isEqualTo(a.get("keys"));
                        assertThat(c.get("steps").asLong())
                                .isEqualTo(a.get("steps").asLong());
                        assertThat(c.get("cost_usd").decimalValue())
                                .isEqualByComparingTo(a.get("cost_usd").decimalValue());
                    }
                }
            }
        }
        var err = new java.io.StringWriter();
        int exit = io.columnline.app.Main.run(
                new String[] {"usage", "--group-by", "day,colour"},
                Map.of("COLUMNLINE_DATABASE_URL", APP.databaseUrl()),
                new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(err, true));
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("colour");
    }

    @Test
    void a_client_that_moves_time_zone_gets_its_days_in_the_new_zone() throws SQLException {
        String key = client("usage-shift", "UTC");
        try (Connection c = DriverManager.getConnection(APP.databaseUrl());
                var s = c.createStatement()) {
            s.execute("""
                    INSERT INTO runs (id, client_id, seed, company_name, company_domain, status, started_at)
                    SELECT md5('usage-shift-run')::uuid, id, '{}'::json, 'Shift', 'shift.example', 'running',
                           timestamptz '2026-10-03 20:00Z'
                    FROM clients WHERE slug = 'usage-shift'
                    """);
            s.execute("""
                    INSERT INTO steps (client_id, run_id, step_key, attempt, stage, model, cost_source, latency_ms,
                                       status, fingerprint, logged_at)
                    SELECT r.client_id, r.id, 'k' || j, 1, 'research', 'gpt-4o', 'none', 100 * j, 'success', 'f',
                           r.started_at + j * interval '1 hour'
                    FROM runs r, generate_series(0, 9) j WHERE r.id = md5('usage-shift-run')::uuid
                    """);
        }
        JsonNode utc = usage(key, "&group_by=day");
        assertThat(utc.get("data")).hasSize(2);
        matches(utc, expected("usage-shift", "UTC", List.of("day"), ""), List.of("day"));
        APP.put("/api/v1/clients/usage-shift", ADMIN_KEY, "{\"name\":\"usage-shift\",\"timezone\":\"Asia/Tokyo\"}");
        JsonNode tokyo = usage(key, "&group_by=day");
        assertThat(tokyo.get("time_zone").asText()).isEqualTo("Asia/Tokyo");
        matches(tokyo, expected("usage-shift", "Asia/Tokyo", List.of("day"), ""), List.of("day"));
        assertThat(tokyo.get("data").get(0).get("keys").get("day").asText()).isEqualTo("2026-10-04");
    }

    private static void problem(String query, String... mentions) {
        var reply = APP.get("/api/v1/metrics/usage" + query, ADMIN_KEY);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains(mentions);
    }

    @Test
    void bad_input_is_a_422_that_names_what_is_allowed() {
        problem("?group_by=day,colour", "colour", "prompt_version", "pipeline_version");
        problem("?group_by=day,model,stage,status", "at most 3");
        problem("?group_by=model,model", "twice");
        problem("?filter[colour]=red", "filter[colour]", "step_key");
        problem("?filter[day]=2026-10-01", "filter[day]");
        problem("?filter[prompt_version]=latest", "prompt_version");
        problem("?from=2026-10-05&to=2026-10-01", "from");
        problem("?from=2026-10-05&to=2026-10-05", "from");
        problem("?from=2025-01-01&to=2026-10-01", "400 days");
        problem("?from=soon", "from");
        problem("?grouping=day", "grouping", "group_by");
    }
}
