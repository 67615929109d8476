package io.columnline.app.publish;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.columnline.app.Main;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing as Make.com and the production app use it, over HTTP on the whole Dagger graph and
 * PostgreSQL, with the real JSON Schema validator: publish, read, lists, batches, visibility,
 * release, history, stats, export and every kind of bad input.
 */
class PublishingHttpTest {
    @RegisterExtension
    // serve's own release job stays out of the way of the test that runs `release-due` by hand
    static final TestApp APP = new TestApp().with("COLUMNLINE_RELEASE_EVERY_MS", "86400000");

    @BeforeAll
    static void sections() {
        section("overview", 1, true, """
        {"type": "object", "required": ["headline", "employees"],
         "properties": {"headline": {"type": "string"}, "employees": {"type": "integer", "minimum": 0}}}""");
        section("signals", 2, false, """
        {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "string"}}}}""");
    }

    private static void section(String key, int position, boolean required, String schema) {
        Reply saved = APP.put(
                "/api/v1/section-definitions/" + key, ADMIN_KEY, """
        {"title": "%s", "position": %d, "writer_prompt_key": "writer.%s", "required": %s, "schema": %s}""".formatted(key, position, key, required, schema));
        assertThat(saved.status()).as(saved.body()).isIn(200, 201);
    }

    private static String slug() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String startRun(String key, String company, String domain) {
        Reply started = APP.post(
                "/api/v1/runs",
                key,
                "{\"seed\": {\"company_name\": \"" + escaped(company) + "\", \"domain\": \"" + domain + "\"}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private static void write(String key, String run, String section, String output) {
        Reply logged =
                APP.post("/api/v1/runs/" + run + "/steps", key, """
        {"step_key": "writer.%s", "attempt": 1, "stage": "writers", "section": "%s", "status": "success",
         "prompt_key": "writer.%s", "prompt_version": 1, "cost_usd": 0.01, "output": %s}""".formatted(section, section, section, output));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    }

    private static String writtenRun(String key, String company, String domain) {
        String run = startRun(key, company, domain);
        write(key, run, "overview", "{\"headline\": \"" + escaped(company) + ", the leader\", \"employees\": 120}");
        write(key, run, "signals", "{\"items\": [\"hiring\", \"funding\"]}");
        return run;
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Reply publish(String key, String run, String body) {
        return APP.post("/api/v1/runs/" + run + "/publish", key, body);
    }

    private static void problem(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).contains(field);
    }

    private static List<String> fields(JsonNode errors) {
        List<String> names = new ArrayList<>();
        errors.forEach(e -> names.add(e.get("field").asText()));
        return names;
    }

    @Test
    void a_run_is_published_once_with_its_sections_contacts_list_and_batch() {
        String slug = slug();
        String key = APP.clientWithKey(slug);
        String run = writtenRun(key, "Acme, Inc.", "https://www.Acme.com/about");
        Reply contacts = APP.post("/api/v1/runs/" + run + "/contacts", key, """
        {"contacts": [
          {"full_name": "Jane Doe", "position": "CTO", "work_email": "jane@acme.com", "phone_numbers": ["+1 555"],
           "ai_research_data": {"persona": "technical"}},
          {"full_name": "John \\"JR\\" Roe", "position": "CEO, founder"},
          {"full_name": "Jane Doe", "work_email": "JANE@acme.com", "linkedin_url": "https://linkedin.com/in/jane"}]}""");
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(201);
        assertThat(APP.get("/api/v1/runs/" + run + "/contacts", key).json().get("data"))
                .hasSize(2);

        Reply published = publish(key, run, "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonNode d = published.json();
        String id = d.get("id").asText();
        assertThat(d.get("status").asText()).isEqualTo("released");
        assertThat(d.get("updated").asBoolean()).isFalse();
        assertThat(d.get("company").get("domain").asText()).isEqualTo("acme.com");
        assertThat(d.get("pipeline_version").asText()).isEqualTo("v2");
        assertThat(d.get("batch").get("name").asText()).matches("V2_\\d{8}");
        assertThat(d.get("lists").get(0).get("name").asText()).isEqualTo("Inbox");
        assertThat(d.get("sections")).hasSize(2);
        assertThat(d.get("sections").get(0).get("content").get("employees").asInt())
                .isEqualTo(120);
        assertThat(d.get("contacts")).hasSize(2);
        JsonNode jane = d.get("contacts").get(0).get("full_name").asText().equals("Jane Doe")
                ? d.get("contacts").get(0)
                : d.get("contacts").get(1);
        assertThat(jane.get("dossier_id").asText()).isEqualTo(id);
        assertThat(jane.get("linkedin_url").asText()).isEqualTo("https://linkedin.com/in/jane");
        assertThat(jane.get("position").asText()).isEqualTo("CTO");

        Reply again = publish(key, run, "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        problem(publish(key, run, "{\"supersede\": \"none\"}"), 409, "already published");
        assertThat(APP.get("/api/v1/runs/" + run, key).json().get("status").asText())
                .isEqualTo("published");

        JsonNode read = APP.get("/api/v1/dossiers/" + id, key).json();
        assertThat(read.get("sections")).isEqualTo(d.get("sections"));
        assertThat(read.get("contacts")).hasSize(2);
        JsonNode listed =
                APP.get("/api/v1/dossiers?company_domain=http://acme.com/", key).json();
        assertThat(listed.get("data")).hasSize(1);
        assertThat(listed.get("data").get(0).has("sections")).isFalse();

        String batch = d.get("batch").get("id").asText();
        JsonNode batchRead = APP.get("/api/v1/batches/" + batch, key).json();
        assertThat(batchRead.get("status").asText()).isEqualTo("complete");
        assertThat(batchRead.get("runs_started").asInt()).isEqualTo(1);
        assertThat(batchRead.get("dossiers_published").asInt()).isEqualTo(1);
        assertThat(batchRead.get("dossiers").get("data").get(0).get("id").asText())
                .isEqualTo(id);
        assertThat(APP.get("/api/v1/batches?client=" + slug + "&status=complete", ADMIN_KEY)
                        .json()
                        .get("data"))
                .hasSize(1);
        assertThat(APP.get(
                                "/api/v1/dossiers?client=" + slug + "&batch="
                                        + d.get("batch").get("name").asText(),
                                ADMIN_KEY)
                        .json()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void a_newer_dossier_supersedes_the_company_s_and_the_chain_can_be_walked() {
        String key = APP.clientWithKey(slug());
        String first = publish(key, writtenRun(key, "Beta", "beta.io"), "")
                .json()
                .get("id")
                .asText();
        JsonNode second =
                publish(key, writtenRun(key, "Beta", "www.beta.io"), "").json();
        assertThat(second.get("updated").asBoolean()).isTrue();
        assertThat(second.get("supersedes_dossier_id").asText()).isEqualTo(first);
        JsonNode old = APP.get("/api/v1/dossiers/" + first, key).json();
        assertThat(old.get("status").asText()).isEqualTo("superseded");
        assertThat(old.get("superseded_by_dossier_id").asText())
                .isEqualTo(second.get("id").asText());

        JsonNode history =
                APP.get("/api/v1/dossiers/" + first + "/history", key).json().get("data");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("id").asText()).isEqualTo(second.get("id").asText());
        assertThat(APP.get("/api/v1/dossiers?status=superseded", key).json().get("data"))
                .hasSize(1);

        JsonNode apart = publish(key, writtenRun(key, "Beta", "beta.io"), "{\"supersede\": \"none\"}")
                .json();
        assertThat(apart.get("supersedes_dossier_id").isNull()).isTrue();
        JsonNode named = publish(
                        key,
                        writtenRun(key, "Gamma", "gamma.io"),
                        "{\"supersedes_dossier_id\": \"" + apart.get("id").asText() + "\"}")
                .json();
        assertThat(named.get("supersedes_dossier_id").asText())
                .isEqualTo(apart.get("id").asText());
    }

    @Test
    void scheduled_dossiers_stay_hidden_from_client_keys_until_released() throws Exception {
        String slug = slug();
        String key = APP.clientWithKey(slug);
        JsonNode scheduled = publish(key, writtenRun(key, "Delta", "delta.io"), "{\"release_date\": \"2099-01-01\"}")
                .json();
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.get("released_at").isNull()).isTrue();
        problem(APP.get("/api/v1/dossiers/" + id, key), 404, "not found");
        assertThat(APP.get("/api/v1/dossiers", key).json().get("data")).isEmpty();
        assertThat(APP.get("/api/v1/dossiers/" + id, ADMIN_KEY).status()).isEqualTo(200);

        // time passes: the release day has come
        APP.component()
                .lifecycle()
                .database()
                .database()
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE dossiers SET release_at = now() - interval '1 minute' WHERE id = CAST(:id AS uuid)")
                        .bind("id", id)
                        .execute());
        StringWriter out = new StringWriter();
        int exit = Main.run(
                new String[] {"release-due"},
                Map.of("COLUMNLINE_DATABASE_URL", APP.databaseUrl()),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("released 1 dossier");
        JsonNode released = APP.get("/api/v1/dossiers/" + id, key).json();
        assertThat(released.get("status").asText()).isEqualTo("released");
        assertThat(released.get("released_at").isNull()).isFalse();
    }

    @Test
    void lists_hold_dossiers_of_their_client_only() {
        String slug = slug();
        String key = APP.clientWithKey(slug);
        String otherKey = APP.clientWithKey(slug());
        JsonNode lists = APP.get("/api/v1/lists", key).json().get("data");
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("inbox").asBoolean()).isTrue();
        Reply hot = APP.post("/api/v1/lists", key, "{\"name\": \"Hot leads\"}");
        assertThat(hot.status()).isEqualTo(201);
        assertThat(APP.post("/api/v1/lists", key, "{\"name\": \"HOT LEADS\"}").status())
                .isEqualTo(200);
        assertThat(APP.post("/api/v1/lists", ADMIN_KEY, "{\"client\": \"" + slug + "\", \"name\": \"inbox\"}")
                        .json()
                        .get("inbox")
                        .asBoolean())
                .isTrue();
        String hotId = hot.json().get("id").asText();
        String theirs = APP.post("/api/v1/lists", otherKey, "{\"name\": \"Theirs\"}")
                .json()
                .get("id")
                .asText();

        String id = publish(key, writtenRun(key, "Epsilon", "epsilon.io"), "{\"list_ids\": [\"" + hotId + "\"]}")
                .json()
                .get("id")
                .asText();
        assertThat(APP.get("/api/v1/dossiers?list=" + hotId, key).json().get("data"))
                .hasSize(1);
        assertThat(APP.get("/api/v1/dossiers?list=Hot%20leads", key).json().get("data"))
                .hasSize(1);
        assertThat(APP.get("/api/v1/dossiers?list=Inbox", key).json().get("data"))
                .isEmpty();

        String inbox = lists.get(0).get("id").asText();
        JsonNode on =
                APP.put("/api/v1/dossiers/" + id + "/lists/" + inbox, key, "").json();
        assertThat(on.get("lists")).hasSize(2);
        assertThat(APP.delete("/api/v1/dossiers/" + id + "/lists/" + hotId, key)
                        .json()
                        .get("lists"))
                .hasSize(1);
        assertThat(APP.delete("/api/v1/dossiers/" + id + "/lists/" + hotId, key).status())
                .isEqualTo(200);
        problem(APP.put("/api/v1/dossiers/" + id + "/lists/" + theirs, key, ""), 404, "list");
        problem(APP.put("/api/v1/dossiers/" + id + "/lists/" + UUID.randomUUID(), key, ""), 404, "list");
        problem(APP.put("/api/v1/dossiers/" + id + "/lists/" + hotId, otherKey, ""), 404, "dossier");
    }

    @Test
    void bad_input_is_refused_with_the_field_named_and_nothing_written() {
        String key = APP.clientWithKey(slug());
        String run = startRun(key, "Zeta", "zeta.io");
        write(key, run, "overview", "{\"employees\": \"many\"}");

        Reply invalid = publish(key, run, "");
        problem(invalid, 422, "sections/overview");
        assertThat(fields(invalid.json().get("errors"))).contains("sections/overview/employees");
        assertThat(invalid.body()).contains("headline");
        assertThat(APP.get("/api/v1/dossiers", key).json().get("data")).isEmpty();
        assertThat(APP.get("/api/v1/runs/" + run, key).json().get("status").asText())
                .isEqualTo("running");

        String ok = writtenRun(key, "Eta", "eta.io");
        problem(publish(key, ok, "{\"release_date\": \"next week\"}"), 422, "release_date");
        problem(publish(key, ok, "{\"release_date\": 20261201}"), 422, "release_date");
        problem(publish(key, ok, "{\"list_ids\": [\"" + UUID.randomUUID() + "\"]}"), 404, "list");
        problem(publish(key, ok, "{\"list_ids\": [\"not-an-id\"]}"), 404, "list");
        problem(publish(key, ok, "{\"list_ids\": \"x\"}"), 422, "list_ids");
        problem(publish(key, ok, "{\"supersede\": \"maybe\"}"), 422, "supersede");
        problem(
                publish(key, ok, "{\"supersedes_dossier_id\": \"" + UUID.randomUUID() + "\"}"),
                422,
                "supersedes_dossier_id");
        problem(publish(key, ok, "{\"surprise\": true}"), 422, "surprise");
        problem(publish(key, ok, "[1]"), 400, "object");
        problem(publish(key, UUID.randomUUID().toString(), ""), 404, "run");
        problem(publish(key, "nope", ""), 404, "run");
        assertThat(APP.get("/api/v1/dossiers", key).json().get("data")).isEmpty();

        String failed = writtenRun(key, "Theta", "theta.io");
        APP.post("/api/v1/runs/" + failed + "/fail", key, "{\"error\": \"writer crashed\"}");
        problem(publish(key, failed, ""), 409, "failed");

        problem(APP.get("/api/v1/dossiers/" + UUID.randomUUID(), key), 404, "dossier");
        problem(APP.get("/api/v1/dossiers?status=bogus", key), 422, "status");
        problem(APP.get("/api/v1/dossiers?updated_since=yesterday", key), 422, "updated_since");
        problem(APP.get("/api/v1/dossiers?batch=" + UUID.randomUUID(), key), 404, "batch");
        problem(APP.get("/api/v1/dossiers?list=nowhere", key), 404, "list");
        problem(APP.get("/api/v1/batches?status=done", key), 422, "status");
        problem(APP.get("/api/v1/batches/" + UUID.randomUUID(), key), 404, "batch");
        problem(APP.get("/api/v1/dossiers/export.csv", ADMIN_KEY), 422, "client");
        problem(APP.get("/api/v1/dossiers/export.csv?batch=V9_20000101", key), 404, "batch");
        problem(APP.get("/api/v1/stats/pipeline-versions?from=soon", key), 422, "from");
        problem(APP.get("/api/v1/stats/pipeline-versions?from=2026-12-01&to=2026-11-01", key), 422, "to");
        problem(APP.post("/api/v1/lists", key, "{\"name\": \" \"}"), 422, "name");
        problem(APP.get("/api/v1/lists", ADMIN_KEY), 422, "client");
        problem(
                APP.post("/api/v1/runs/" + ok + "/contacts", key, "{\"contacts\": [{\"work_email\": \"nope\"}]}"),
                422,
                "contacts[0].work_email");
        problem(APP.post("/api/v1/runs/" + ok + "/contacts", key, "{\"contacts\": []}"), 422, "contacts");
        problem(APP.post("/api/v1/runs/" + ok + "/contacts", key, "{}"), 422, "contacts");
        assertThat(APP.get("/api/v1/runs/" + ok + "/contacts", key).json().get("data"))
                .isEmpty();
        problem(APP.post("/api/v1/dossiers/" + UUID.randomUUID() + "/rerun", key, "{}"), 404, "dossier");
    }

    @Test
    void the_export_is_rfc_4180_csv_a_parser_reads_back(@TempDir Path dir) throws Exception {
        String slug = slug();
        String key = APP.clientWithKey(slug);
        String run = writtenRun(key, "Quote \"Co\", Ltd", "quote.io");
        APP.post("/api/v1/runs/" + run + "/contacts", key, """
        {"contacts": [{"full_name": "Ann, \\"A\\"\\nSmith", "phone_numbers": ["1", "2"]},
                      {"full_name": "Bob", "work_email": "bob@quote.io"}]}""");
        publish(key, run, "");
        String bare = startRun(key, "Bare", "bare.io");
        write(key, bare, "overview", "{\"headline\": \"line\\r\\nbreak\", \"employees\": 3}");
        publish(key, bare, "");

        Reply csv = APP.get("/api/v1/dossiers/export.csv", key);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains(slug + "-dossiers.csv");
        List<CsvRecord> records =
                CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        List<String> header = records.get(0).getFields();
        assertThat(header).startsWith("dossier_id", "status", "updated", "client", "company_name", "company_domain");
        assertThat(header)
                .containsSubsequence(
                        "overview.employees",
                        "overview.headline",
                        "signals.items",
                        "contact.full_name",
                        "contact.work_email",
                        "contact.phone_numbers");
        assertThat(records)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.getFieldCount()).isEqualTo(header.size()));
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i), i);
        }
        CsvRecord bareRow = records.get(1);
        assertThat(bareRow.getField(at.get("company_name"))).isEqualTo("Bare");
        assertThat(bareRow.getField(at.get("overview.headline"))).isEqualTo("line\r\nbreak");
        assertThat(bareRow.getField(at.get("contact.full_name"))).isEmpty();
        int fullName = at.get("contact.full_name");
        CsvRecord ann = records.get(2).getField(fullName).startsWith("Ann") ? records.get(2) : records.get(3);
        CsvRecord bob = ann == records.get(2) ? records.get(3) : records.get(2);
        assertThat(ann.getField(at.get("company_name"))).isEqualTo("Quote \"Co\", Ltd");
        assertThat(ann.getField(at.get("contact.full_name"))).isEqualTo("Ann, \"A\"\nSmith");
        assertThat(ann.getField(at.get("contact.phone_numbers"))).isEqualTo("1; 2");
        assertThat(ann.getField(at.get("signals.items"))).isEqualToIgnoringWhitespace("[\"hiring\",\"funding\"]");
        assertThat(bob.getField(at.get("contact.work_email"))).isEqualTo("bob@quote.io");
        assertThat(bob.getField(at.get("dossier_id"))).isEqualTo(ann.getField(at.get("dossier_id")));

        Path file = dir.resolve("out.csv");
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"export", "dossiers", "--client", slug, "--out", file.toString()},
                Map.of("COLUMNLINE_DATABASE_URL", APP.databaseUrl()),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("exported 3 rows");
        assertThat(Files.readString(file)).isEqualTo(csv.body());

        StringWriter console = new StringWriter();
        exit = Main.run(
                new String[] {"export", "dossiers", "--client", slug},
                Map.of("COLUMNLINE_DATABASE_URL", APP.databaseUrl()),
                new PrintWriter(console, true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(console.toString()).isEqualTo(csv.body());
    }

    @Test
    void pipeline_versions_are_compared_and_prompt_versions_count_their_steps() {
        String slug = slug();
        String key = APP.clientWithKey(slug);
        publish(key, writtenRun(key, "Iota", "iota.io"), "");
        String failed = startRun(key, "Kappa", "kappa.io");
        APP.post("/api/v1/runs/" + failed + "/fail", key, "{\"error\": \"boom\"}");
        APP.post(
                "/api/v1/runs",
                key,
                "{\"seed\": {\"company_name\": \"V3\", \"domain\": \"v3.io\"}, \"pipeline_version\": \"v3\"}");

        JsonNode stats = APP.get("/api/v1/stats/pipeline-versions", key).json().get("data");
        assertThat(stats).hasSize(2);
        JsonNode v2 = stats.get(0);
        assertThat(v2.get("pipeline_version").asText()).isEqualTo("v2");
        assertThat(v2.get("runs_started").asInt()).isEqualTo(2);
        assertThat(v2.get("runs_published").asInt()).isEqualTo(1);
        assertThat(v2.get("runs_failed").asInt()).isEqualTo(1);
        assertThat(v2.get("success_rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(v2.get("average_cost_usd").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(stats.get(1).get("success_rate").isNull()).isTrue();

        assertThat(APP.put("/api/v1/prompts/writer.overview", ADMIN_KEY, "{\"template\": \"Write {{x}}\"}")
                        .status())
                .isIn(200, 201);
        JsonNode usage = APP.get("/api/v1/prompts/writer.overview/versions", key)
                .json()
                .get("data")
                .get(0)
                .get("usage");
        assertThat(usage.get("steps").asInt()).isGreaterThanOrEqualTo(1);
        String run = startRun(key, "Lambda", "lambda.io");
        problem(APP.post("/api/v1/runs/" + run + "/steps", key, """
        {"step_key": "w", "attempt": 1, "stage": "writers", "status": "success", "prompt_key": "writer.overview",
         "prompt_version": 2}"""), 422, "prompt_version");
    }
}
