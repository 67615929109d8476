package io.columnline.app.tenancy;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of {@code /openapi.json}, called as an attacker would (OWASP API1, API2, API5):
 * with no key, a malformed key and a revoked key (401); with client A's key on client B's objects
 * (404, never the object); with a client key on an admin-only operation (403 or 404). Never a 2xx
 * with another client's data, never a 5xx. A route added to the API is in the matrix at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantMatrixTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    private String keyA;
    private String revoked;
    /** Client B's objects, by the path prefix and parameter that name them. */
    private final Map<String, String> objectsOfB = new LinkedHashMap<>();

    private final List<String> idsOfB = new ArrayList<>();

    @BeforeAll
    void twoClientsAndTheObjectsOfOne() {
        keyA = APP.clientWithKey("matrix-a");
        String keyB = APP.clientWithKey("matrix-b");
        JsonNode issued = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"matrix-a\"}")
                .json();
        revoked = issued.get("key").asText();
        assertThat(APP.delete("/api/v1/api-keys/" + issued.get("id").asText(), ADMIN_KEY)
                        .status())
                .isEqualTo(204);

        assertThat(APP.put("/api/v1/section-definitions/summary", ADMIN_KEY, """
                        {"title": "Summary", "position": 1, "writer_prompt_key": "writer.x", "required": false,
                         "schema": {"type": "object"}}""")
                        .status())
                .isLessThan(300);
        String run = id(APP.post(
                "/api/v1/runs", keyB, "{\"seed\": {\"company_name\": \"Bravo GmbH\", \"domain\": \"bravo.example\"}}"));
        APP.post("/api/v1/runs/" + run + "/stages/research/start", keyB, "{}");
        APP.post("/api/v1/runs/" + run + "/steps", keyB, """
                {"step_key": "writer.x", "stage": "research", "section": "summary", "status": "success",
                 "output": {"a": 1}}""");
        String contact = APP.post("/api/v1/runs/" + run + "/contacts", keyB, """
                        {"contacts": [{"full_name": "Berta Bravo", "work_email": "berta@bravo.example"}]}""")
                .json()
                .get("data")
                .get(0)
                .get("contact")
                .get("id")
                .asText();
        String dossier = id(APP.post("/api/v1/runs/" + run + "/publish", keyB, "{}"));
        String list = id(APP.post("/api/v1/lists", keyB, "{\"name\": \"Hot\"}"));
        Reply imported = APP.send(HttpRequest.newBuilder(uri("/api/v1/imports/companies"))
                .header("Authorization", "Bearer " + keyB)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("company_name,tin\nBravo GmbH,7707083893\n"))
                .build());
        assertThat(imported.status()).as(imported.body()).isLessThan(300);
        String anImport = first(APP.get("/api/v1/imports", keyB));
        String company = first(APP.get("/api/v1/companies", keyB));
        String batch = first(APP.get("/api/v1/batches", keyB));
        String keyOfB = id(APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"matrix-b\"}"));

        objectsOfB.put("/api/v1/runs/{id}", run);
        objectsOfB.put("{run_id}", run); // the /columnline routes take Columnline's run id as well as the origin's
        objectsOfB.put("/api/v1/dossiers/{id}", dossier);
        objectsOfB.put("{list_id}", list);
        objectsOfB.put("/api/v1/batches/{id}", batch);
        objectsOfB.put("/api/v1/imports/{id}", anImport);
        objectsOfB.put("/api/v1/companies/{id}", company);
        objectsOfB.put("/api/v1/contacts/{id}", contact);
        objectsOfB.put("/api/v1/api-keys/{id}", keyOfB);
        objectsOfB.put("/api/v1/clients/{slug}", "matrix-b");
        objectsOfB.put("{client_id}", "matrix-b");
        idsOfB.addAll(List.of(run, dossier, list, batch, anImport, company, contact, keyOfB));
    }

    @TestFactory
    Stream<DynamicTest> every_operation_with_every_kind_of_wrong_key() {
        JsonNode paths = APP.get("/openapi.json", null).json().get("paths");
        List<DynamicTest> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.properties().iterator(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o =
                            path.getValue().properties().iterator();
                    o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                String template = path.getKey();
                JsonNode operation = op.getValue();
                boolean open =
                        operation.has("security") && operation.get("security").isEmpty();
                if (open) {
                    continue;
                }
                String name = method + " " + template;
                String anyPath = fill(template, false);
                cases.add(DynamicTest.dynamicTest(name + ": no key -> 401", () -> expect401(method, anyPath, null)));
                cases.add(DynamicTest.dynamicTest(
                        name + ": a malformed key -> 401", () -> expect401(method, anyPath, "Bearer %%%not a key")));
                cases.add(DynamicTest.dynamicTest(
                        name + ": a revoked key -> 401", () -> expect401(method, anyPath, "Bearer " + revoked)));
                boolean adminOnly = operation.path("x-admin-only").asBoolean(false);
                if (adminOnly) {
                    cases.add(DynamicTest.dynamicTest(
                            name + ": a client key on an admin-only operation -> 403 or 404", () -> {
                                Reply reply = call(method, fill(template, true), "Bearer " + keyA);
                                assertThat(reply.status()).as(reply.body()).isIn(403, 404);
                                assertThat(reply.isProblem()).isTrue();
                            }));
                }
                boolean namesAnObjectOfB = ownedParameters(template);
                boolean takesAClient = takesClientQuery(operation, path.getValue());
                if (namesAnObjectOfB || takesAClient) {
                    String target = fill(template, true) + (namesAnObjectOfB ? "" : "?client=matrix-b");
                    Set<Integer> expected = new HashSet<>(Set.of(404));
                    if (!method.equals("GET") && !method.equals("DELETE")) {
                        expected.add(422); // a body refused before the lookup shows and writes nothing either
                    }
                    if (adminOnly) {
                        expected.add(403); // refused for being a client key before anything is looked up
                    }
                    cases.add(DynamicTest.dynamicTest(name + ": client A on client B's objects -> 404", () -> {
                        Reply reply = call(method, target, "Bearer " + keyA);
                        assertThat(reply.status())
                                .as(method + " " + target + " -> " + reply.body())
                                .isIn(expected);
                        assertThat(reply.isProblem()).isTrue();
                        // the answer may repeat what was asked for, never anything else of B's
                        for (String id : idsOfB) {
                            if (!target.contains(id)) {
                                assertThat(reply.body()).doesNotContain(id);
                            }
                        }
                    }));
                }
            }
        }
        assertThat(cases).as("the matrix read the API").hasSizeGreaterThan(200);
        return cases.stream();
    }

    private void expect401(String method, String path, String authorization) {
        Reply reply = call(method, path, authorization);
        assertThat(reply.status())
                .as(method + " " + path + " -> " + reply.body())
                .isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
    }

    /** True when a path parameter of the template names one of client B's objects. */
    private boolean ownedParameters(String template) {
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            if (objectOfB(template, m.group(1), m.start()) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean takesClientQuery(JsonNode operation, JsonNode pathItem) {
        for (JsonNode parameters : List.of(operation.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                if ("client".equals(parameter.path("name").asText())
                        && "query".equals(parameter.path("in").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The template with client B's objects where it names them, and stand-ins elsewhere. */
    private String fill(String template, boolean objectsOfB) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = objectsOfB ? objectOfB(template, m.group(1), m.start()) : null;
            m.appendReplacement(out, value != null ? value : standIn(m.group(1)));
        }
        return m.appendTail(out).toString();
    }

    private String objectOfB(String template, String parameter, int at) {
        String byName = objectsOfB.get("{" + parameter + "}");
        if (byName != null) {
            return byName;
        }
        return objectsOfB.get(template.substring(0, at) + "{" + parameter + "}");
    }

    private static String standIn(String parameter) {
        return switch (parameter) {
            case "slug", "key", "stage", "model", "step_key" -> "matrix-stand-in";
            case "campaign_number" -> "1";
            default -> UUID.randomUUID().toString();
        };
    }

    private static Reply call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder withMethod = switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        };
        Reply reply = APP.send(withMethod.build());
        assertThat(reply.status())
                .as(method + " " + path + " must never be a server error")
                .isLessThan(500);
        return reply;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.port() + path);
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isLessThan(300);
        return reply.json().get("id").asText();
    }

    private static String first(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("data").get(0).get("id").asText();
    }
}
