package io.columnline.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.domain.json.JsonDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a {@link JsonSchemaValidator} must do. Only a real JSON Schema library can pass it, so it runs
 * against the adapter that wraps one; service tests use a scripted stand-in.
 */
public abstract class JsonSchemaValidatorContract {
    protected abstract JsonSchemaValidator validator();

    static JsonDocument json(String text) {
        return new JsonDocument(text);
    }

    private static final JsonDocument SECTION = json("""
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object",
       "required": ["summary", "employees"],
       "properties": {
         "summary": {"type": "string", "minLength": 1},
         "employees": {"type": "array", "items": {"$ref": "#/$defs/person"}}
       },
       "$defs": {"person": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}}}}
      """);

    @Test
    void a_draft_2020_12_schema_has_no_problems() {
        assertThat(validator().checkSchema(SECTION)).isEmpty();
        assertThat(validator().checkSchema(json("{\"type\":\"object\"}"))).isEmpty();
    }

    @Test
    void a_misspelt_type_is_a_problem_pointing_at_it() {
        var problems =
                validator().checkSchema(json("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"strin\"}}}"));
        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(SchemaProblem::pointer).allMatch(p -> p.startsWith("/properties/name/type"));
    }

    @Test
    void keywords_of_the_wrong_shape_are_problems() {
        assertThat(validator().checkSchema(json("{\"type\":\"object\",\"required\":\"summary\"}")))
                .extracting(SchemaProblem::pointer)
                .contains("/required");
        assertThat(validator().checkSchema(json("{\"minLength\":-1}")))
                .extracting(SchemaProblem::pointer)
                .contains("/minLength");
    }

    @Test
    void a_schema_of_another_draft_is_a_problem() {
        assertThat(validator()
                        .checkSchema(
                                json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}")))
                .extracting(SchemaProblem::pointer)
                .containsExactly("/$schema");
    }

    @Test
    void a_reference_that_cannot_be_resolved_inside_the_schema_is_a_problem() {
        assertThat(validator().checkSchema(json("{\"$ref\":\"#/$defs/missing\"}")))
                .isNotEmpty();
    }

    @Test
    void a_reference_to_a_url_is_a_problem_and_is_never_fetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/schema.json";
            // a validator that fetched would connect and then wait for an answer that never comes
            var problems = assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> validator().checkSchema(json("{\"$ref\":\"" + url + "\"}")));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains(url));
            listener.setSoTimeout(200);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void a_pattern_that_is_not_a_regular_expression_is_a_problem() {
        assertThat(validator().checkSchema(json("{\"type\":\"string\",\"pattern\":\"[unclosed\"}")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("[unclosed"));
    }

    @Test
    void schemas_with_the_same_id_do_not_mix() {
        var text = json("{\"$id\":\"https://example.com/section\",\"type\":\"string\"}");
        var number = json("{\"$id\":\"https://example.com/section\",\"type\":\"integer\"}");
        assertThat(validator().checkSchema(text)).isEmpty();
        assertThat(validator().checkSchema(number)).isEmpty();
        assertThat(validator().validate(text, json("1"))).hasSize(1);
        assertThat(validator().validate(number, json("1"))).isEmpty();
    }

    @Test
    void a_conforming_instance_has_no_problems() {
        assertThat(validator()
                        .validate(
                                SECTION,
                                json("{\"summary\":\"Acme makes anvils\",\"employees\":[{\"email\":\"a@acme.com\"}]}")))
                .isEmpty();
    }

    @Test
    void every_problem_of_an_instance_is_reported_with_a_json_pointer() {
        var problems = validator()
                .validate(
                        SECTION,
                        json(
                                "{\"summary\":5,\"employees\":[{\"email\":\"a@acme.com\"},{\"name\":\"Bo\"},{\"email\":7}]}"));
        assertThat(problems)
                .extracting(SchemaProblem::pointer)
                .containsExactlyInAnyOrder("/summary", "/employees/1/email", "/employees/2/email");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void a_missing_required_property_at_the_root_points_at_the_property() {
        assertThat(validator().validate(SECTION, json("{\"employees\":[]}")))
                .extracting(SchemaProblem::pointer)
                .containsExactly("/summary");
    }
}
